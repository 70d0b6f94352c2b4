package ui

import (
	"strings"

	"github.com/wirediff/wirediff/app/workspace"
)

// A view is what the main area shows: the overview, or one pair of
// articles. It lives in the URL fragment.
type view struct {
	pair bool
	a, b string // article IDs of a pair view
}

// parseView reads a URL fragment: "" and "overview" are the overview,
// "pair/<idA>/<idB>" a pair. Anything else falls back to the overview.
func parseView(fragment string) view {
	fragment = strings.TrimPrefix(fragment, "#")
	rest, ok := strings.CutPrefix(fragment, "pair/")
	if !ok {
		return view{}
	}
	a, b, ok := strings.Cut(rest, "/")
	if !ok || !workspace.ValidID(a) || !workspace.ValidID(b) || a == b {
		return view{}
	}
	return view{pair: true, a: a, b: b}
}

// parseRoute reads a saved route such as "/" or "/#pair/a1/a2".
func parseRoute(route string) view {
	_, fragment, _ := strings.Cut(route, "#")
	return parseView(fragment)
}

// route is the view as a path plus fragment, the form navigation and the
// saved workspace use. It always keeps the path "/": go-app reloads the
// whole page component when the path changes.
func (v view) route() string {
	if !v.pair {
		return "/"
	}
	return "/#pair/" + v.a + "/" + v.b
}

// href is the view as a link target within the page.
func (v view) href() string {
	if !v.pair {
		return "#overview"
	}
	return "#pair/" + v.a + "/" + v.b
}

// pairHref links to the pair view of two articles.
func pairHref(a, b string) string { return view{pair: true, a: a, b: b}.href() }
