package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/session"
)

// App is the page. It composes the shell (header, sidebar, main area)
// from components, and owns the two things that change: the session (the
// articles, undo, the notice and the view) and the analysis status.
// Components report intents through actions; App hands each to the
// session and carries out the Change it returns (edits.go, persist.go,
// analyse.go, route.go, export.go).
type App struct {
	app.Compo

	// Store keeps the workspace between visits. Nil renders an empty shell
	// that loads nothing: what static generation prerenders.
	Store Store

	// self is the App's own context: deferred work needs a source that
	// is still mounted when it runs, and the control that caused a change
	// (an Undo button) can be gone by then.
	self    app.Context
	saver   *saver
	session session.Session
	status  status
	// drawn is the result the overview last drew whole: the main area is
	// busy until the result on screen is drawn (the overview draws it a
	// slice at a time).
	drawn *analysis
	// warmed says the page has warmed up, or is to (warmup.go): once a
	// load.
	warmed bool
}

// NewApp returns the page component keeping its workspace in store.
func NewApp(store Store) *App {
	return &App{Store: store}
}

// OnMount starts the app in the browser: load the saved workspace (or the
// demo), then analyse it.
func (a *App) OnMount(ctx app.Context) {
	a.start(ctx)
}

// OnPreRender runs natively, where go-app never calls OnMount: with a
// store (tests) the app starts as in a browser; without one (static
// generation) it stays an empty shell.
func (a *App) OnPreRender(ctx app.Context) {
	if a.Store != nil {
		a.start(ctx)
	}
}

// OnDismount stops a running analysis.
func (a *App) OnDismount() {
	a.status.stop()
}

// OnAppUpdate says a new version was downloaded in the background: the
// service worker serves it from the next load.
func (a *App) OnAppUpdate(ctx app.Context) {
	if a.session.Notice().Kind != session.Error {
		a.session.Say(session.Info, "A new version of wirediff is ready: reload the page to use it. Your articles are kept.")
	}
}

func (a *App) start(ctx app.Context) {
	if a.saver != nil {
		return // already started
	}
	a.self = ctx
	a.saver = &saver{store: a.Store}
	a.session.Navigate(urlFragment(ctx)) // nothing to show or save yet

	ctx.Handle(actionAdd, a.onAdd)
	ctx.Handle(actionFiles, a.onFiles)
	ctx.Handle(actionRename, a.onRename)
	ctx.Handle(actionDelete, a.onDelete)
	ctx.Handle(actionUndo, a.onUndo)
	ctx.Handle(actionExport, a.onExport)
	ctx.Handle(actionImport, a.onImport)
	ctx.Handle(actionMark, a.onMark)
	ctx.Handle(actionUnmark, a.onUnmark)
	ctx.Handle(actionProgress, a.onProgress)
	ctx.Handle(actionAnalysed, a.onAnalysed)
	ctx.Handle(actionLoaded, a.onLoaded)
	ctx.Handle(actionSaved, a.onSaved)
	ctx.Handle(actionDrawn, a.onDrawn)
	a.load(ctx)
}

// Render lays out the page: header and tools, the article sidebar, and the
// main area with the notice, the progress and the current view. The main
// area is aria-busy until the articles on screen are loaded and analysed
// and the overview has drawn their result.
func (a *App) Render() app.UI {
	arts := a.session.Articles()
	view := a.session.View()
	return app.Div().ID("wirediff").Class("shell").Body(
		// A button, not a link to "#main": the view lives in the URL
		// fragment, and that link would leave a pair view.
		app.Button().ID("skip-to-results").Type("button").Class("skip-link").
			OnClick(a.onSkip).
			Text("Skip to results"),
		app.Header().Class("topbar").Body(
			app.Div().Class("brand").Body(
				app.Img().Class("brand-icon").Src(iconSVG).Alt("").Aria("hidden", true).Width(28).Height(28),
				app.Div().Body(
					app.H1().Class("brand-name").Text(appName),
					app.P().Class("brand-tagline").Text("Find the passages articles share: wire copy, press releases, quotes."),
				),
			),
			newToolbar().
				Loaded(a.session.Loaded()).
				Articles(len(arts)).
				CanExport(!a.status.stale(arts)),
		),
		app.Div().Class("layout").Body(
			app.Aside().Class("sidebar").Aria("label", "Articles").Body(
				newArticleForm(),
				newArticleList().
					Articles(arts).
					Analysis(a.status.result).
					Current(view.A, view.B),
				app.Div().Class("list-actions").Body(
					app.Button().ID("clear-all").Type("button").Class("button", "quiet").
						Disabled(len(arts) == 0).
						OnClick(a.onClearAll).
						Text("Clear all"),
					app.Button().ID("restore-demo").Type("button").Class("button", "quiet").
						OnClick(a.onRestoreDemo).
						Text("Restore demo"),
				),
			),
			app.Main().ID("main").TabIndex(-1).
				Aria("busy", !a.session.Loaded() || a.status.running() || a.drawingResult()).
				Body(
					newNoticeBar().Notice(a.session.Notice()),
					newProgressBar().
						Running(a.status.running()).
						Finished(a.status.phase == finished).
						Articles(len(arts)).
						Steps(a.status.done, a.status.total),
					a.renderView(),
				),
		),
		app.Footer().Class("footer").Body(
			app.P().Text("wirediff runs entirely in your browser and works offline. Nothing you paste or drop leaves this machine."),
		),
	)
}

// apply carries out what an edit of the session asks of the page.
func (a *App) apply(ctx app.Context, c session.Change) {
	pair := a.pairShown()
	defer func() {
		if pair && !a.pairShown() {
			a.drawn = nil // the overview comes back, and draws its result anew
		}
	}()
	if c.URL {
		a.replaceURL(ctx)
	}
	if c.View {
		a.viewChanged(ctx)
	}
	if c.Save {
		a.persist(ctx)
	}
	if c.Texts {
		a.analyse(ctx)
	}
	if c.Added {
		a.request(actionAdded, added{pasted: c.Pasted})
	}
	switch {
	case c.Removed && c.Next != "":
		a.request(actionFocusArticle, c.Next)
	case c.Removed:
		a.request(actionFocusUndo, nil)
	}
}

// request asks a component for something once the page shows the change
// that calls for it: the component, or the element it acts on, may
// appear only then. go-app dispatches a new component's OnMount, where
// it takes requests, after the render that made it, so the request
// follows that dispatch.
func (a *App) request(action string, v any) {
	if a.self.Context == nil {
		return // not started: nothing on the page to ask
	}
	a.self.Defer(func(ctx app.Context) {
		ctx.Dispatch(func(ctx app.Context) {
			ctx.PreventUpdate()
			ctx.NewActionWithValue(action, v)
		})
	})
}

// drawingResult reports that the overview shows a result it has not yet
// drawn whole.
func (a *App) drawingResult() bool {
	arts := a.session.Articles()
	return !a.pairShown() && a.drawn != a.status.result &&
		showsResult(len(arts), a.status.result, a.status.running(), a.status.stale(arts))
}

// onDrawn notes that the overview has drawn a result whole.
func (a *App) onDrawn(ctx app.Context, act app.Action) {
	an, _ := act.Value.(*analysis)
	if an == a.drawn || an != a.status.result {
		ctx.PreventUpdate()
		return
	}
	a.drawn = an
	a.warmUp(ctx)
}
