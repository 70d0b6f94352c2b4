package ui

import (
	"cmp"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
)

// barsPerPage is how many articles' reused shares the overview shows at
// a time: a thousand bars held the page's thread as long as the rest of
// the result together.
const barsPerPage = 100

// reuseBars shows each article's reused share, most reused first, a page
// at a time.
type reuseBars struct {
	app.Compo

	// IAnalysis is the analysis the shares come from.
	IAnalysis *analysis
	// ITitles are the titles on screen, by article ID: articles not in
	// it are not shown.
	ITitles map[string]string
	// ILimit is how many entries of the page are drawn, the first ones;
	// 0 draws them all. The overview draws a new result a slice at a time.
	ILimit int

	page     int       // the page shown, from 0
	pagedFor *analysis // the analysis whose shares the page is of
	// ranked are the IDs on screen, most reused first, of rankedFor: the
	// overview draws a result in slices, each of which renders the bars
	// again, and sorting a thousand shares each time was a twentieth of
	// the page's work for the result (a CPU profile of journey 22).
	ranked    []string
	rankedFor *analysis
}

func newReuseBars() *reuseBars { return &reuseBars{} }

// Shares passes the analysis and the titles on screen.
func (r *reuseBars) Shares(an *analysis, titles map[string]string) *reuseBars {
	r.IAnalysis, r.ITitles = an, titles
	return r
}

// Limit draws only the first n shares of the page; 0 draws them all.
func (r *reuseBars) Limit(n int) *reuseBars { r.ILimit = n; return r }

// OnMount notes the analysis the first page is of.
func (r *reuseBars) OnMount(ctx app.Context) { r.pagedFor = r.IAnalysis }

// OnPreRender does the same natively (tests), where go-app calls no
// OnMount.
func (r *reuseBars) OnPreRender(ctx app.Context) { r.OnMount(ctx) }

// OnUpdate returns to the first page when a new analysis ranks the
// articles anew; a rename keeps the page.
func (r *reuseBars) OnUpdate(ctx app.Context) {
	if r.IAnalysis != r.pagedFor {
		r.page, r.pagedFor = 0, r.IAnalysis
	}
}

func (r *reuseBars) Render() app.UI {
	an := r.IAnalysis
	ids := r.rank()
	start, end, page := pageBounds(r.page, barsPerPage, len(ids))
	shown := ids[start:drawEnd(start, end, r.ILimit)]
	return app.Section().Class("card", "reuse").Aria("labelledby", "reuse-heading").Body(
		app.H3().ID("reuse-heading").Text("Reused share of each article"),
		app.P().Class("note").Text("The share of each article's words that lie in a passage it shares with another article."),
		app.Ul().ID("reuse-bars").Class("bars").Body(
			app.Range(shown).Slice(func(i int) app.UI {
				id := shown[i]
				share := an.reused[id]
				title := r.ITitles[id]
				return app.Li().Class("bar").Body(
					app.Span().Class("bar-title").Dir("auto").Title(title).Text(title),
					app.Meter().Class("bar-meter").
						DataSet("reused", id).
						Min(0).Max(1).Value(share).
						Aria("label", "Reused share of "+title),
					app.Span().Class("bar-value", "figure").Title(defReused).Text(export.Percent(share)),
				)
			}),
		),
		renderPager("reuse-pages", "Articles", page, barsPerPage, len(ids), r.onPage),
	)
}

// rank lists the IDs on screen, most reused first, equal shares in the
// articles' order. It sorts again only for another analysis or another
// set of articles on screen; a rename changes neither.
func (r *reuseBars) rank() []string {
	an := r.IAnalysis
	onScreen := 0
	for _, id := range an.ids {
		if _, ok := r.ITitles[id]; ok {
			onScreen++
		}
	}
	if r.rankedFor == an && len(r.ranked) == onScreen && r.allOnScreen(r.ranked) {
		return r.ranked
	}
	ids := make([]string, 0, onScreen)
	for _, id := range an.ids {
		if _, ok := r.ITitles[id]; ok {
			ids = append(ids, id)
		}
	}
	slices.SortStableFunc(ids, func(x, y string) int {
		return cmp.Compare(an.reused[y], an.reused[x])
	})
	r.ranked, r.rankedFor = ids, an
	return ids
}

// allOnScreen reports whether every one of ids has a title on screen.
func (r *reuseBars) allOnScreen(ids []string) bool {
	for _, id := range ids {
		if _, ok := r.ITitles[id]; !ok {
			return false
		}
	}
	return true
}

func (r *reuseBars) onPage(page int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		r.page = page
		ctx.Defer(func(app.Context) { showListStart("reuse-bars", "reuse-heading") })
	}
}
