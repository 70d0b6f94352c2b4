package ui

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
)

// cardsPerPage is how many passage cards show at a time: a pair of long
// articles shares hundreds of passages, and each card's diff is many
// elements.
const cardsPerPage = 10

// shownPassages are the indexes of the passages shown: rewritten ones
// can be hidden.
func (p *pairView) shownPassages() []int {
	passages := p.passages()
	shown := make([]int, 0, len(passages))
	for n, ps := range passages {
		if p.shows(ps) {
			shown = append(shown, n)
		}
	}
	return shown
}

// renderDiffs lists the shown passages' word diffs, a page at a time,
// under the texts or beside them.
func (p *pairView) renderDiffs(passages []reuse.Passage, hidden int) app.UI {
	shown := p.shownPassages()
	start, end, page := pageBounds(p.cardPage, cardsPerPage, len(shown))
	cards := shown[start:end]
	return app.Section().ID("passage-diffs").Class("diffs").Aria("labelledby", "diffs-heading").Body(
		app.H3().ID("diffs-heading").Text("Word-level edits, passage by passage"),
		app.If(len(passages) == 0, func() app.UI {
			return app.P().Class("empty").Text("No shared passages to show.")
		}),
		app.If(hidden > 0, func() app.UI {
			return app.P().ID("rewritten-hidden").Class("note").
				Text(export.Plural(hidden, "rewritten passage is", "rewritten passages are") + " hidden: tick “Show rewritten passages” to see them.")
		}),
		app.Range(cards).Slice(func(i int) app.UI {
			return p.renderDiff(cards[i], passages[cards[i]])
		}),
		renderPager("passage-pages", "Passages", page, cardsPerPage, len(shown), p.onCardPage),
	)
}

func (p *pairView) onCardPage(page int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.cardPage = page
		ctx.Defer(func(app.Context) { showListStart("", "diffs-heading") })
	}
}

func (p *pairView) renderDiff(n int, ps reuse.Passage) app.UI {
	number := strconv.Itoa(n + 1)
	rewritten := ps.Kind == reuse.Rewritten
	item := app.Article().ID("d-p%d", n).Class("diff").DataSet("diff", n)
	swatch := app.Span().Class("swatch", "pc"+strconv.Itoa(n%passageColours)).Aria("hidden", true)
	stats := []app.UI{
		figure(export.Plural(ps.Words, "word", "words"), defWords),
		app.Text(" · "),
		figure(export.Percent(ps.Identity)+" identical", defIdentical),
	}
	var body app.UI = app.Raw(diffHTML(p.IA.Text, p.IB.Text, ps.Edits, bothSides))
	if rewritten {
		item = item.Class("rewritten")
		swatch = swatch.Class("rewritten")
		if len(ps.Sentences) > 0 {
			stats = append(stats, app.Text(" · "+export.Plural(len(ps.Sentences), "sentence pair", "sentence pairs")))
			body = p.renderSentences(ps)
		}
	}
	if p.active == n+1 {
		item = item.Class("active")
	}
	return item.Body(
		app.Header().Class("diff-header").Body(
			swatch.Text(number),
			app.H4().Class("diff-title").Text("Passage "+number),
			app.If(rewritten, func() app.UI {
				return app.Span().Class("badge", "rewritten-badge").
					Title("The same sentences said in other words: synonyms, reordered clauses, merged or condensed sentences").
					Text("rewritten")
			}),
			app.Span().Class("diff-stats").Body(stats...),
			app.If(ps.Quote, func() app.UI {
				return app.Span().Class("badge", "quote-badge").
					Title("Mostly inside quotation marks: shared quotes are expected in news").
					Text("quotation")
			}),
			app.Button().Type("button").Class("button", "small", "quiet").
				OnClick(p.onShowBoth(n), app.EventScope(n)).
				Text("Show in both texts"),
			// A rewritten passage's words differ on each side: marking
			// one side would not set the other aside.
			app.If(!rewritten, func() app.UI {
				return app.Button().Type("button").Class("button", "small", "quiet", "set-aside-button").
					Title("Stop comparing this text wherever it occurs: sign-offs, newsletter boxes").
					OnClick(p.onSetAside(ps), app.EventScope(n, ps.A.Start, ps.A.End)).
					Text("Set aside as boilerplate")
			}),
		),
		p.renderDiffSides(),
		body,
	)
}

// onSetAside reports the intent to set a copied passage aside as
// boilerplate: its text in the first article.
func (p *pairView) onSetAside(ps reuse.Passage) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionMark, export.ClipText(p.IA.Text, ps.A))
	}
}

// renderDiffSides names the article on each side of a diff card, and how
// its own words are marked: the first text's struck through, the second
// text's underlined. Over a rewritten passage's sentence pairs the two
// names head their columns.
func (p *pairView) renderDiffSides() app.UI {
	side := func(key string, art workspace.Article) app.UI {
		var mark app.UI = app.Del().Class("side-key").Text("struck through")
		if key == "b" {
			mark = app.Ins().Class("side-key").Text("underlined")
		}
		return app.P().Class("diff-side").DataSet("side", key).Body(
			mark,
			app.Text(" only in "),
			app.Cite().Class("diff-side-title").Dir("auto").Text(session.Title(art)),
			app.If(art.Source != "", func() app.UI {
				return app.Span().Class("diff-side-source").Dir("auto").Text(art.Source)
			}),
		)
	}
	return app.Div().Class("diff-sides").Body(side("a", p.IA), side("b", p.IB))
}

// renderSentences shows a rewritten passage's sentence pairs side by
// side, each side with its own words marked (the first text's struck
// through, the second text's underlined), and the whole passage's word
// diff folded under them: for a rewrite it is mostly deletions and
// insertions, hard to read but complete.
func (p *pairView) renderSentences(ps reuse.Passage) app.UI {
	a, b := p.IA.Text, p.IB.Text
	return app.Div().Class("sentences").Body(
		app.Ol().Class("sentence-pairs").Body(
			app.Range(ps.Sentences).Slice(func(j int) app.UI {
				sp := ps.Sentences[j]
				similarity := min(max(sp.Similarity, 0), 1)
				return app.Li().Class("sentence-pair").DataSet("sentence", j).Body(
					app.P().Class("sentence-head").Body(
						app.Span().Class("sentence-number").Text(fmt.Sprintf("Sentence pair %d", j+1)),
						app.Span().Class("sentence-similarity", "figure").
							Title(defSentence).
							Text(export.Percent(similarity)+" similar"),
					),
					app.Div().Class("sentence-sides").Body(
						app.Div().Class("sentence-side").Dir("auto").Role("group").Aria("label", sideLabel("a")+": "+session.Title(p.IA)).
							Body(app.Raw(diffHTML(a, b, sp.Edits, sideA))),
						app.Div().Class("sentence-side").Dir("auto").Role("group").Aria("label", sideLabel("b")+": "+session.Title(p.IB)).
							Body(app.Raw(diffHTML(a, b, sp.Edits, sideB))),
					),
				)
			}),
		),
		app.Details().Class("whole-diff").Body(
			app.Summary().Text("The whole passage, word by word"),
			app.Raw(diffHTML(a, b, ps.Edits, bothSides)),
		),
	)
}
