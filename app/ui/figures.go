package ui

import (
	"fmt"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
)

// renderFigures defines every figure the pages show, for a reader who
// cannot hover a tooltip: a short legend, folded.
func renderFigures() app.UI {
	defs := []string{defSharedWords, defSimilar, defWords, defIdentical, defSentence, defReused}
	return app.Details().ID("figures").Class("figures").Body(
		app.Summary().Text("What the figures mean"),
		app.Dl().Body(
			app.Range(defs).Slice(func(i int) app.UI {
				term, def, _ := strings.Cut(defs[i], ": ")
				return app.Div().Class("figure-def").Body(
					app.Dt().Text(term),
					app.Dd().Text(def),
				)
			}),
		),
	)
}

// figure is a number with what it means as its tooltip.
func figure(text, def string) app.UI {
	return app.Span().Class("figure").Title(def).Text(text)
}

func (p *pairView) summary() []app.UI {
	switch {
	case p.IPair != nil && p.IPending:
		return append([]app.UI{app.Text("Updating the analysis… ")}, pairStats(p.IPair)...)
	case p.IPair != nil:
		return pairStats(p.IPair)
	case p.IPending:
		return []app.UI{app.Text("Analysing the articles…")}
	}
	return []app.UI{app.Text("These two articles share no passage of eight words or more.")}
}

// pairStats sums a pair up, each figure with what it means as its
// tooltip.
func pairStats(pair *reuse.Pair) []app.UI {
	c := export.TallyPair(pair)
	out := []app.UI{
		figure(export.Plural(pair.SharedWords, "shared word", "shared words"), defSharedWords),
		app.Text(" in " + export.Plural(len(pair.Passages), "passage", "passages")),
	}
	if c.Rewritten > 0 {
		out = append(out, app.Text(fmt.Sprintf(" · %s copied, %s rewritten in %s",
			export.Thousands(c.CopiedWords()), export.Thousands(c.RewrittenWords),
			export.Plural(c.Rewritten, "passage", "passages"))))
	}
	out = append(out, app.Text(" · "), figure(export.Percent(pair.Similarity)+" similar", defSimilar))
	if c.Quotes > 0 {
		out = append(out, app.Text(" · "+export.Plural(c.Quotes, "quotation", "quotations")))
	}
	return out
}

// whereIs names the text of one side, "a" or "b", in words true in every
// layout: "the left text" where the texts stand side by side, "the first
// text, above" where they are stacked (a narrow window, or the passages
// beside the texts). The stylesheet shows one of the two; the article's
// title follows, so the words never depend on the layout alone.
func whereIs(side string, art workspace.Article) app.UI {
	wide, stacked := "the left text", "the first text, above"
	if side == "b" {
		wide, stacked = "the right text", "the second text, below"
	}
	return app.Span().Class("where").Body(
		app.Span().Class("where-wide").Text(wide),
		app.Span().Class("where-stacked").Text(stacked),
		app.Text(", "),
		app.Span().Class("where-title").Dir("auto").Text(session.Title(art)),
	)
}

// sideLabel names a side for assistive technology, which has no layout:
// "First text" and "Second text".
func sideLabel(side string) string {
	if side == "b" {
		return "Second text"
	}
	return "First text"
}
