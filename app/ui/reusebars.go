package ui

import (
	"cmp"
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
)

// renderReuse shows each article's reused share, most reused first.
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
