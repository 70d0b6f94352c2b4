package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
)

// pairsPerPage is how many pairs the overview lists at a time.
const pairsPerPage = 100

// pairList lists the pairs that share text, by shared words, a page at a
// time, each a link to its pair view.
type pairList struct {
	app.Compo

	// IAnalysis is the analysis the pairs come from.
	IAnalysis *analysis
	// IPairs are its pairs whose articles are on screen, in its order.
	IPairs []*reuse.Pair
	// ITitles are the titles on screen, by article ID.
	ITitles map[string]string
	// ILimit is how many entries of the page are drawn, the first ones;
	// 0 draws them all. The overview draws a new result a slice at a time.
	ILimit int

	page     int       // the page shown, from 0
	pagedFor *analysis // the analysis whose pairs the page is of
}

func newPairList() *pairList { return &pairList{} }

// Pairs passes the pairs to list, of an analysis, and the titles on screen.
func (l *pairList) Pairs(an *analysis, pairs []*reuse.Pair, titles map[string]string) *pairList {
	l.IAnalysis, l.IPairs, l.ITitles = an, pairs, titles
	return l
}

// Limit draws only the first n pairs of the page; 0 draws them all.
func (l *pairList) Limit(n int) *pairList { l.ILimit = n; return l }

// OnMount notes the analysis the first page is of.
func (l *pairList) OnMount(ctx app.Context) { l.pagedFor = l.IAnalysis }

// OnPreRender does the same natively (tests), where go-app calls no
// OnMount.
func (l *pairList) OnPreRender(ctx app.Context) { l.OnMount(ctx) }

// OnUpdate returns to the first page when a new analysis ranks the pairs
// anew; a rename keeps the page.
func (l *pairList) OnUpdate(ctx app.Context) {
	if l.IAnalysis != l.pagedFor {
		l.page, l.pagedFor = 0, l.IAnalysis
	}
}

func (l *pairList) Render() app.UI {
	n := len(l.IPairs)
	start, end, page := pageBounds(l.page, pairsPerPage, n)
	shown := l.IPairs[start:drawEnd(start, end, l.ILimit)]
	return app.Section().Class("card", "pairs").Aria("labelledby", "pairs-heading").Body(
		app.H3().ID("pairs-heading").Text("Pairs, by shared words"),
		app.If(n == 0, func() app.UI {
			return app.P().Class("empty").Text("No two articles share a passage of eight words or more.")
		}),
		// start tells assistive technology where the page begins in the
		// whole list; each pair shows its rank too.
		app.Ol().ID("pair-list").Class("pair-list").Attr("start", start+1).Body(
			app.Range(shown).Slice(func(i int) app.UI {
				return l.renderPair(start+i+1, shown[i])
			}),
		),
		renderPager("pair-pages", "Pairs", page, pairsPerPage, n, l.onPage),
	)
}

func (l *pairList) onPage(page int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		l.page = page
		ctx.Defer(func(app.Context) { showListStart("pair-list", "pairs-heading") })
	}
}

// renderPair is the pair of the given rank, 1 for the pair that shares
// the most.
func (l *pairList) renderPair(rank int, p *reuse.Pair) app.UI {
	a, b := l.IAnalysis.id(p.A), l.IAnalysis.id(p.B)
	c := export.TallyPair(p)
	titleA, titleB := l.ITitles[a], l.ITitles[b]
	return app.Li().Body(
		app.A().Class("pair-link").
			Href(session.PairHref(a, b)).
			DataSet("pair", a+"/"+b).
			DataSet("shared-words", p.SharedWords).
			DataSet("rewritten-words", p.RewrittenWords).
			// The rank is drawn by the style sheet from data-rank: no
			// element and text node of its own for go-app to build for
			// each of a page's hundred pairs, and out of the
			// accessibility tree as the aria-hidden span it replaces was.
			DataSet("rank", rank).
			Body(
				app.Span().Class("pair-titles").Body(
					app.Span().Class("pair-title").Dir("auto").Title(titleA).Text(titleA),
					app.Span().Class("pair-and").Text("and"),
					app.Span().Class("pair-title").Dir("auto").Title(titleB).Text(titleB),
				),
				app.Span().Class("pair-stats").Body(
					app.Strong().Class("figure").Title(defSharedWords).Text(export.Plural(p.SharedWords, "shared word", "shared words")),
					app.If(p.RewrittenWords > 0, func() app.UI {
						return app.Span().Class("kind-split").
							Title("Copied: the same words in the same order. Rewritten: the same sentences said in other words.").
							Text(" (" + export.Thousands(c.CopiedWords()) + " copied, " +
								export.Thousands(p.RewrittenWords) + " rewritten)")
					}),
					app.Text(" · "+export.Plural(len(p.Passages), "passage", "passages")+" · "),
					figure(export.Percent(p.Similarity)+" similar", defSimilar),
					app.If(c.Quotes > 0, func() app.UI {
						return app.Span().Class("badge", "quote-badge").
							Title("Passages that lie mostly inside quotation marks: shared quotes are expected, copied narration is the finding").
							Text(export.Plural(c.Quotes, "quotation", "quotations"))
					}),
				),
				app.Meter().Class("similarity").Min(0).Max(1).Value(p.Similarity).
					Aria("label", "Similarity"),
			),
	)
}
