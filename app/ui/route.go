package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
)

// The view comes from the URL fragment, in one place: OnNav hands it to
// the session. An edit that changes the view (a deleted article of the
// open pair, an import) replaces the URL to match.

// OnNav follows the URL fragment: overview or pair view.
func (a *App) OnNav(ctx app.Context) {
	a.apply(ctx, a.session.Navigate(urlFragment(ctx)))
}

// urlFragment is where the page reads its view: the URL's fragment, which
// the session parses.
func urlFragment(ctx app.Context) string { return ctx.Page().URL().Fragment }

// replaceURL shows the session's view in the URL without adding a
// history entry. The path stays "/": go-app reloads the page component
// when it changes.
func (a *App) replaceURL(ctx app.Context) {
	u := ctx.Page().URL()
	ctx.Page().ReplaceURL(&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/", Fragment: a.session.View().Fragment()})
}

// viewChanged titles the page after the view and brings it into sight,
// its heading focused, so a screen reader announces it.
func (a *App) viewChanged(ctx app.Context) {
	title := appName
	if v := a.session.View(); v.Pair {
		artA, _, okA := a.session.Find(v.A)
		artB, _, okB := a.session.Find(v.B)
		if okA && okB {
			title = session.Title(artA) + " ↔ " + session.Title(artB) + " · " + appName
		}
	}
	ctx.Page().SetTitle(title)
	// After a pause: finding where the main area is, and focusing the
	// heading, lay the page out, which in the task that mounted the new
	// view (and took the old one down) made it a long one; after the
	// browser has drawn the view, the layout is done already. The view
	// is mounted by then, so the request goes at once, not through
	// a.request's round trip: that made it land after the pair view's
	// first slice of text, in the same task, and laying out the text
	// for the focus made that task long.
	afterBreath(ctx, func(ctx app.Context) {
		ctx.PreventUpdate() // nothing to draw
		scrollToMain()
		ctx.NewActionWithValue(actionShowView, false)
	})
}

// onSkip takes the keyboard focus past the sidebar to the view's heading.
func (a *App) onSkip(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	ctx.NewActionWithValue(actionShowView, true)
}

// renderView is the main area's view: the pair view when the URL names
// two articles on screen, else the overview.
func (a *App) renderView() app.UI {
	arts := a.session.Articles()
	if !a.session.Loaded() {
		return app.Section().ID("overview").Class("view", "loading").Body(
			app.P().Class("empty").Text("Loading your articles…"),
		)
	}
	result := a.status.result
	if a.pairShown() {
		v := a.session.View()
		artA, _, _ := a.session.Find(v.A)
		artB, _, _ := a.session.Find(v.B)
		// Only a result of these very texts may mark them up: after an
		// import or a restore, an ID can name another text.
		var pair *reuse.Pair
		_, _, knownA := result.about(artA)
		_, _, knownB := result.about(artB)
		if knownA && knownB {
			var swapped bool
			pair, swapped = result.pair(artA.ID, artB.ID)
			if swapped {
				artA, artB = artB, artA
			}
		}
		return newPairView().
			Articles(artA, artB).
			Pair(pair).
			Pending(a.status.stale(arts))
	}
	return newOverview().
		Articles(arts).
		Analysis(result).
		Marked(a.session.Marked()).
		Stale(a.status.stale(arts)).
		Analysing(a.status.running())
}

// pairShown reports that the view is a pair of articles on screen: the
// URL can name a pair whose articles are gone, which shows the overview.
func (a *App) pairShown() bool {
	v := a.session.View()
	if !v.Pair {
		return false
	}
	_, _, okA := a.session.Find(v.A)
	_, _, okB := a.session.Find(v.B)
	return okA && okB
}
