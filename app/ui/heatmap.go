package ui

import (
	"fmt"
	"math"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
)

// The overview's heat map: shared words between each pair of the
// articles that share the most.

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

// renderMatrix draws the heat map, its first rows rows only if rows is
// not 0: the overview draws a new result a slice at a time.
func (o *overview) renderMatrix(titles map[string]string, pairs []*reuse.Pair, rows int) app.UI {
	an := o.IAnalysis
	ids := o.matrixIDs(titles, pairs)
	drawn := ids[:drawEnd(0, len(ids), rows)]
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
					app.Range(drawn).Slice(func(i int) app.UI {
						row := drawn[i]
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
		app.A().Href(session.PairHref(a, b)).TabIndex(-1).Title(label).Aria("label", label).
			Text(compact(p.SharedWords)),
	)
}
