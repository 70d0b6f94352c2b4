package ui

import (
	"cmp"
	"fmt"
	"github.com/wirediff/wirediff/app/export"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
)

// Limits that keep a big analysis quick to render; the rest is one click
// (pairs) or an export away.
const (
	pairsShown    = 200 // pairs listed before "show all"
	matrixSize    = 20  // articles in the heat map
	familiesShown = 50
	excerptBytes  = 280
)

// overview shows what the analysis found across all articles: pairs by
// shared words, a heat map of the pairs, each article's reused share and
// the passages that recur in three or more articles.
type overview struct {
	app.Compo

	// IArticles are the articles on screen, in order.
	IArticles []workspace.Article
	// IAnalysis is the latest finished analysis, or nil.
	IAnalysis *analysis
	// IStale says the analysis is not of the articles on screen (one is
	// running, or the list just changed).
	IStale bool
	// IAnalysing says an analysis of the articles on screen is running.
	IAnalysing bool

	showAll bool
}

func newOverview() *overview { return &overview{} }

// Articles passes the articles on screen.
func (o *overview) Articles(v []workspace.Article) *overview { o.IArticles = v; return o }

// Analysis passes the latest analysis.
func (o *overview) Analysis(v *analysis) *overview { o.IAnalysis = v; return o }

// Stale marks the analysis as out of date.
func (o *overview) Stale(v bool) *overview { o.IStale = v; return o }

// Analysing says an analysis of the articles on screen is running.
func (o *overview) Analysing(v bool) *overview { o.IAnalysing = v; return o }

func (o *overview) Render() app.UI {
	body := []app.UI{
		app.H2().ID("view-heading").TabIndex(-1).Text("Overview"),
	}
	an := o.IAnalysis
	// A result of other articles is never shown, dimmed or not: its
	// counts would be wrong ("0 pairs" for articles whose IDs now name
	// other texts) and its passages those of articles no longer there.
	busy := len(o.IArticles) >= 2 && (o.IAnalysing || an == nil)
	switch {
	case len(o.IArticles) < 2:
		body = append(body, o.renderStart())
	case busy:
		body = append(body, o.renderAnalysing())
	case o.IStale:
		body = append(body, app.P().ID("overview-state").Class("empty").
			Text("There is no result for the articles as they are now: the analysis did not finish. Change an article, or add one, to analyse them again."))
	default:
		titles := o.titles()
		pairs := o.pairs(titles)
		body = append(body,
			o.renderSummary(pairs),
			app.Div().Class("overview-grid").Body(
				o.renderPairs(pairs, titles),
				app.Div().Class("overview-side").Body(
					o.renderMatrix(titles, pairs),
					o.renderReuse(titles),
				),
			),
			o.renderFamilies(titles),
		)
	}
	section := app.Section().ID("overview").Class("view").Aria("labelledby", "view-heading")
	if busy {
		section = section.Aria("busy", true)
	}
	return section.Body(body...)
}

// renderAnalysing stands in for the results while the articles on screen
// are analysed: no counts or passages until theirs arrive.
func (o *overview) renderAnalysing() app.UI {
	return app.Div().ID("overview-state").Class("card", "analysing").Body(
		app.P().Class("lead").Textf("Analysing %s…", export.Plural(len(o.IArticles), "article", "articles")),
		app.P().Class("note").Text("The pairs, the heat map and the shared passages show here when the analysis finishes; the progress bar above follows it."),
	)
}

// renderStart tells a user with fewer than two articles what wirediff
// does and how to begin.
func (o *overview) renderStart() app.UI {
	lead := "No articles yet. wirediff compares news articles and finds every passage two or more of them share: recycled wire copy, press releases, quotes, with each word that was changed."
	button := "Paste an article"
	if len(o.IArticles) == 1 {
		lead = "One article so far: add at least one more to compare them. wirediff finds every passage two or more articles share, with each word that was changed."
		button = "Paste another article"
	}
	return app.Div().ID("get-started").Class("card", "get-started").Body(
		app.P().Class("lead").Text(lead),
		app.Ol().Class("steps").Body(
			app.Li().Text("Paste an article’s text under “Add an article”, or drop .txt, .md or .html files there."),
			app.Li().Text("Add the articles you suspect share copy: the overview then lists each pair by the words they share."),
			app.Li().Text("Open a pair to read both texts side by side, shared passages highlighted."),
		),
		app.P().Class("note").Text("Or use “Restore demo” under the article list for five articles about one event, or “Import workspace…” for articles saved earlier."),
		app.Button().ID("start-paste").Type("button").Class("button", "primary").
			OnClick(o.onStartPaste).
			Text(button),
	)
}

// onStartPaste takes the keyboard focus, and the eye, to the text field.
func (o *overview) onStartPaste(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	focusAndShow("article-text")
}

// titles maps the analysed documents' article IDs to the titles on
// screen. Articles deleted since the analysis are missing, and so are
// articles whose ID now names another text (an import or the demo
// reuses a1, a2, ...): a stale result must not be pinned on them.
func (o *overview) titles() map[string]string {
	an := o.IAnalysis
	m := make(map[string]string, len(o.IArticles))
	for _, art := range o.IArticles {
		if i, ok := an.index[art.ID]; ok && an.docs[i].Text == art.Text {
			m[art.ID] = titleOf(art)
		}
	}
	return m
}

// pairs lists the report's pairs whose articles are still on screen, in
// the report's order (shared words, descending).
func (o *overview) pairs(titles map[string]string) []*reuse.Pair {
	an := o.IAnalysis
	out := make([]*reuse.Pair, 0, len(an.report.Pairs))
	for i := range an.report.Pairs {
		p := &an.report.Pairs[i]
		if _, ok := titles[an.id(p.A)]; !ok {
			continue
		}
		if _, ok := titles[an.id(p.B)]; !ok {
			continue
		}
		out = append(out, p)
	}
	return out
}

// renderSummary counts what the analysis found. Shared words are split
// into copied and rewritten ones: the same words in the same order, or
// the same sentences said in other words.
func (o *overview) renderSummary(pairs []*reuse.Pair) app.UI {
	shared, rewritten := 0, 0
	for _, p := range pairs {
		shared += p.SharedWords
		rewritten += p.RewrittenWords
	}
	item := func(id string, n int, label, title string) app.UI {
		return app.Div().Class("stat").DataSet("stat", id).Title(title).Body(
			app.Dt().Text(label),
			app.Dd().Text(export.Thousands(n)),
		)
	}
	return app.Dl().Class("summary").Body(
		item("articles", len(o.IArticles), "articles", ""),
		item("pairs", len(pairs), "pairs share text", ""),
		item("shared-words", shared, "shared words", defSharedWords),
		item("copied-words", shared-rewritten, "copied", "The same words in the same order, as a copy desk edits wire copy"),
		item("rewritten-words", rewritten, "rewritten", "The same sentences said in other words: synonyms, reordered clauses, merged or condensed sentences"),
		item("families", len(o.IAnalysis.report.Families), "recurring passages", ""),
	)
}

func (o *overview) renderPairs(pairs []*reuse.Pair, titles map[string]string) app.UI {
	an := o.IAnalysis
	shown := pairs
	if !o.showAll && len(shown) > pairsShown {
		shown = shown[:pairsShown]
	}
	return app.Section().Class("card", "pairs").Aria("labelledby", "pairs-heading").Body(
		app.H3().ID("pairs-heading").Text("Pairs, by shared words"),
		app.If(len(pairs) == 0, func() app.UI {
			return app.P().Class("empty").Text("No two articles share a passage of eight words or more.")
		}),
		app.Ol().ID("pair-list").Class("pair-list").Body(
			app.Range(shown).Slice(func(i int) app.UI {
				p := shown[i]
				a, b := an.id(p.A), an.id(p.B)
				quotes := 0
				for _, ps := range p.Passages {
					if ps.Quote {
						quotes++
					}
				}
				return app.Li().Body(
					app.A().Class("pair-link").
						Href(pairHref(a, b)).
						DataSet("pair", a+"/"+b).
						DataSet("shared-words", p.SharedWords).
						DataSet("rewritten-words", p.RewrittenWords).
						Body(
							app.Span().Class("pair-titles").Body(
								app.Span().Class("pair-title").Dir("auto").Title(titles[a]).Text(titles[a]),
								app.Span().Class("pair-and").Text("and"),
								app.Span().Class("pair-title").Dir("auto").Title(titles[b]).Text(titles[b]),
							),
							app.Span().Class("pair-stats").Body(
								app.Strong().Class("figure").Title(defSharedWords).Text(export.Plural(p.SharedWords, "shared word", "shared words")),
								app.If(p.RewrittenWords > 0, func() app.UI {
									return app.Span().Class("kind-split").
										Title("Copied: the same words in the same order. Rewritten: the same sentences said in other words.").
										Text(" (" + export.Thousands(p.SharedWords-p.RewrittenWords) + " copied, " +
											export.Thousands(p.RewrittenWords) + " rewritten)")
								}),
								app.Text(" · "+export.Plural(len(p.Passages), "passage", "passages")),
								app.Text(" · "),
								figure(export.Percent(p.Similarity)+" similar", defSimilar),
								app.If(quotes > 0, func() app.UI {
									return app.Span().Class("badge", "quote-badge").
										Title("Passages that lie mostly inside quotation marks: shared quotes are expected, copied narration is the finding").
										Text(export.Plural(quotes, "quotation", "quotations"))
								}),
							),
							app.Meter().Class("similarity").Min(0).Max(1).Value(p.Similarity).
								Aria("label", "Similarity"),
						),
				)
			}),
		),
		app.If(len(shown) < len(pairs), func() app.UI {
			return app.Button().ID("show-all-pairs").Type("button").Class("button", "quiet").
				OnClick(o.onShowAll).
				Textf("Show all %s pairs", export.Thousands(len(pairs)))
		}),
	)
}

func (o *overview) onShowAll(ctx app.Context, e app.Event) {
	o.showAll = true
}

// matrixIDs picks the articles of the heat map: all of them if few, else
// those of the pairs that share the most, kept in list order.
func (o *overview) matrixIDs(titles map[string]string, pairs []*reuse.Pair) []string {
	an := o.IAnalysis
	keep := make(map[string]bool, matrixSize)
	if len(titles) <= matrixSize {
		for id := range titles {
			keep[id] = true
		}
	} else {
		for _, p := range pairs {
			for _, id := range []string{an.id(p.A), an.id(p.B)} {
				if len(keep) < matrixSize {
					keep[id] = true
				}
			}
			if len(keep) >= matrixSize {
				break
			}
		}
	}
	ids := make([]string, 0, len(keep))
	for _, id := range an.ids {
		if keep[id] {
			ids = append(ids, id)
		}
	}
	return ids
}

func (o *overview) renderMatrix(titles map[string]string, pairs []*reuse.Pair) app.UI {
	an := o.IAnalysis
	ids := o.matrixIDs(titles, pairs)
	number := make(map[string]int, len(o.IArticles))
	for i, art := range o.IArticles {
		number[art.ID] = i + 1
	}
	most := 1
	for _, p := range an.report.Pairs {
		most = max(most, p.SharedWords)
	}
	// No "darker is more": in the dark theme the scale runs the other way
	// (more stands out from the page, so it is lighter). The key uses the
	// cells' own classes, so it agrees with them in either theme.
	note := "Each cell is the number of words two articles share: the more they share, the more the cell stands out, as in the key."
	if len(ids) < len(titles) {
		note = fmt.Sprintf("The %d articles of the pairs that share the most. ", len(ids)) + note
	}
	return app.Section().Class("card", "matrix").Aria("labelledby", "matrix-heading").Body(
		app.H3().ID("matrix-heading").Text("Heat map"),
		app.P().ID("matrix-note").Class("note").Text(note),
		renderHeatKey(),
		app.Div().Class("matrix-scroll").Body(
			app.Table().Class("heatmap").Aria("describedby", "matrix-note").Body(
				app.Caption().Class("visually-hidden").Text("Shared words between each pair of articles"),
				app.THead().Body(
					app.Tr().Body(
						app.Th().Class("corner"),
						app.Range(ids).Slice(func(j int) app.UI {
							return app.Th().Scope("col").Title(titles[ids[j]]).Text(number[ids[j]])
						}),
					),
				),
				app.TBody().Body(
					app.Range(ids).Slice(func(i int) app.UI {
						row := ids[i]
						return app.Tr().Body(
							app.Th().Scope("row").Title(titles[row]).Body(
								app.Span().Class("row-number").Text(number[row]),
								app.Span().Class("row-title").Dir("auto").Text(titles[row]),
							),
							app.Range(ids).Slice(func(j int) app.UI {
								return o.renderCell(row, ids[j], most, titles)
							}),
						)
					}),
				),
			),
		),
	)
}

// heatLevels is how many shades the heat map has (.heat-1 to .heat-9 in
// the stylesheet).
const heatLevels = 9

// renderHeatKey shows the heat map's shades from fewer shared words to
// more, in the cells' own classes.
func renderHeatKey() app.UI {
	levels := make([]int, heatLevels)
	for i := range levels {
		levels[i] = i + 1
	}
	return app.Div().ID("heat-key").Class("heat-key").Body(
		app.Span().Class("heat-key-end").Text("fewer"),
		app.Range(levels).Slice(func(i int) app.UI {
			return app.Span().Class("heat-swatch", fmt.Sprintf("heat-%d", levels[i])).Aria("hidden", true)
		}),
		app.Span().Class("heat-key-end").Text("more shared words"),
	)
}

func (o *overview) renderCell(a, b string, most int, titles map[string]string) app.UI {
	if a == b {
		return app.Td().Class("diag")
	}
	p, _ := o.IAnalysis.pair(a, b)
	if p == nil || p.SharedWords == 0 {
		return app.Td().Class("heat-0")
	}
	// Ten steps of one hue, readable with any colour vision; the number
	// is in the cell as well.
	level := int(math.Ceil(heatLevels * float64(p.SharedWords) / float64(most)))
	level = min(max(level, 1), heatLevels)
	label := fmt.Sprintf("%s and %s share %s", titles[a], titles[b], export.Plural(p.SharedWords, "word", "words"))
	return app.Td().Class(fmt.Sprintf("heat-%d", level)).Body(
		// The sorted list above carries the same links for the keyboard.
		app.A().Href(pairHref(a, b)).TabIndex(-1).Title(label).Aria("label", label).
			Text(compact(p.SharedWords)),
	)
}

func (o *overview) renderReuse(titles map[string]string) app.UI {
	an := o.IAnalysis
	ids := make([]string, 0, len(an.ids))
	for _, id := range an.ids {
		if _, ok := titles[id]; ok {
			ids = append(ids, id)
		}
	}
	slices.SortStableFunc(ids, func(x, y string) int {
		return cmp.Compare(an.reused[y], an.reused[x])
	})
	return app.Section().Class("card", "reuse").Aria("labelledby", "reuse-heading").Body(
		app.H3().ID("reuse-heading").Text("Reused share of each article"),
		app.P().Class("note").Text("The share of each article's words that lie in a passage it shares with another article."),
		app.Ul().Class("bars").Body(
			app.Range(ids).Slice(func(i int) app.UI {
				id := ids[i]
				r := an.reused[id]
				return app.Li().Class("bar").Body(
					app.Span().Class("bar-title").Dir("auto").Title(titles[id]).Text(titles[id]),
					app.Meter().Class("bar-meter").
						DataSet("reused", id).
						Min(0).Max(1).Value(r).
						Aria("label", "Reused share of "+titles[id]),
					app.Span().Class("bar-value", "figure").Title(defReused).Text(export.Percent(r)),
				)
			}),
		),
	)
}

func (o *overview) renderFamilies(titles map[string]string) app.UI {
	an := o.IAnalysis
	families := an.report.Families
	shown := families
	if len(shown) > familiesShown {
		shown = shown[:familiesShown]
	}
	return app.Section().ID("families").Class("card", "families").Aria("labelledby", "families-heading").Body(
		app.H3().ID("families-heading").Text("Passages in three or more articles"),
		app.If(len(families) == 0, func() app.UI {
			return app.P().Class("empty").Text("No passage recurs in three or more articles.")
		}),
		app.If(len(shown) < len(families), func() app.UI {
			return app.P().Class("note").Textf("The first %d of %d; export the report for all of them.", len(shown), len(families))
		}),
		app.Ol().Class("family-list").Body(
			app.Range(shown).Slice(func(i int) app.UI {
				f := shown[i]
				if len(f.Members) == 0 {
					return nil
				}
				first := f.Members[0]
				firstID := an.id(first.Doc)
				return app.Li().Class("family").DataSet("family", i).Body(
					app.P().Class("family-count").Text(fmt.Sprintf("In %d articles", len(f.Members))),
					app.Blockquote().Class("family-text").Dir("auto").Text(an.excerpt(first.Doc, first.Span)),
					app.Ul().Class("family-members").Body(
						app.Range(f.Members).Slice(func(j int) app.UI {
							id := an.id(f.Members[j].Doc)
							title, ok := titles[id]
							if !ok {
								return nil
							}
							if j == 0 {
								return app.Li().Class("chip").Dir("auto").Text(title)
							}
							return app.Li().Body(
								app.A().Class("chip").Dir("auto").Href(pairHref(firstID, id)).
									Title("Compare with " + titles[firstID]).
									Text(title),
							)
						}),
					),
				)
			}),
		),
	)
}

// id returns the article ID of a document index.
func (an *analysis) id(doc int) string {
	if doc < 0 || doc >= len(an.ids) {
		return ""
	}
	return an.ids[doc]
}

// excerpt is the start of a span of a document, on one line.
func (an *analysis) excerpt(doc int, sp reuse.Span) string {
	if doc < 0 || doc >= len(an.docs) {
		return ""
	}
	text := an.docs[doc].Text
	start, end := max(sp.Start, 0), min(sp.End, len(text))
	if start >= end {
		return ""
	}
	s := text[start:end]
	cut := len(s) > excerptBytes
	if cut {
		n := excerptBytes
		for n > 0 && !utf8.RuneStart(s[n]) {
			n--
		}
		s = s[:n]
	}
	s = strings.Join(strings.Fields(s), " ")
	if cut {
		s += "…"
	}
	return s
}
