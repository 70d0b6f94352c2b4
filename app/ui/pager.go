package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
)

// Long lists render one page at a time: go-app builds every node of a
// list, and thousands of rich entries (7,894 pairs) held the page for
// seconds. The component that shows a list owns its page number.

// pageBounds returns the first and last-plus-one indexes of a page of n
// items, perPage a page; a page past the end is the last one.
func pageBounds(page, perPage, n int) (start, end, clamped int) {
	last := max(n-1, 0) / perPage
	clamped = min(max(page, 0), last)
	start = clamped * perPage
	return start, min(start+perPage, n), clamped
}

// renderPager moves between the pages of a list of n items: "Previous",
// where the page is ("Pairs 101–200 of 7,894") and "Next". id names it;
// what is the list's name, capitalised. A list of one page has none.
func renderPager(id, what string, page, perPage, n int, onPage func(page int) app.EventHandler) app.UI {
	if n <= perPage {
		return nil
	}
	start, end, page := pageBounds(page, perPage, n)
	return app.Nav().ID(id).Class("pager").Aria("label", what+", by page").Body(
		app.Button().Type("button").Class("button", "small", "quiet").DataSet("page", "previous").
			Disabled(start == 0).
			OnClick(onPage(page-1), app.EventScope(page)).
			Text("← Previous"),
		app.Span().Class("pager-where").Text(what+" "+export.Thousands(start+1)+"–"+export.Thousands(end)+" of "+export.Thousands(n)),
		app.Button().Type("button").Class("button", "small", "quiet").DataSet("page", "next").
			Disabled(end >= n).
			OnClick(onPage(page+1), app.EventScope(page)).
			Text("Next →"),
	)
}
