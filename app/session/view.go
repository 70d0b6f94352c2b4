package session

import (
	"strings"

	"github.com/wirediff/wirediff/app/workspace"
)

// A View is what the main area shows: the overview, or one pair of
// articles. It lives in the URL fragment, and is saved with the articles
// as a route.
type View struct {
	Pair bool
	A, B string // article IDs of a pair view
}

// ParseView reads a URL fragment: "" and "overview" are the overview,
// "pair/<idA>/<idB>" a pair. Anything else falls back to the overview.
func ParseView(fragment string) View {
	fragment = strings.TrimPrefix(fragment, "#")
	rest, ok := strings.CutPrefix(fragment, "pair/")
	if !ok {
		return View{}
	}
	a, b, ok := strings.Cut(rest, "/")
	if !ok || !workspace.ValidID(a) || !workspace.ValidID(b) || a == b {
		return View{}
	}
	return View{Pair: true, A: a, B: b}
}

// ParseRoute reads a saved route such as "/" or "/#pair/a1/a2".
func ParseRoute(route string) View {
	_, fragment, _ := strings.Cut(route, "#")
	return ParseView(fragment)
}

// Route is the view as a path plus fragment, the form the saved
// workspace keeps. The path is always "/": go-app reloads the whole page
// component when the path changes.
func (v View) Route() string {
	if !v.Pair {
		return "/"
	}
	return "/#pair/" + v.A + "/" + v.B
}

// Href is the view as a link target within the page.
func (v View) Href() string {
	if !v.Pair {
		return "#overview"
	}
	return "#pair/" + v.A + "/" + v.B
}

// Fragment is the view as the URL fragment the page shows, without "#":
// empty for the overview, so a bare "/" stays bare.
func (v View) Fragment() string {
	if !v.Pair {
		return ""
	}
	return strings.TrimPrefix(v.Href(), "#")
}

// PairHref links to the pair view of two articles.
func PairHref(a, b string) string { return View{Pair: true, A: a, B: b}.Href() }
