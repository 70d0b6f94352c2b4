package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

// page parses what a mounted component renders, so tests can query it
// the way a browser test would: by id and data attributes.
func page(t *testing.T, ui app.UI) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(app.HTMLString(ui)))
	if err != nil {
		t.Fatalf("parsing the rendered page: %v", err)
	}
	return doc
}

// findAll returns the elements for which match is true, in document order.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

func byID(n *html.Node, id string) *html.Node {
	found := findAll(n, func(n *html.Node) bool { return attr(n, "id") == id })
	if len(found) == 0 {
		return nil
	}
	return found[0]
}

func withAttr(n *html.Node, key string) []*html.Node {
	return findAll(n, func(n *html.Node) bool { return hasAttr(n, key) })
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// textOf is an element's text as a browser's textContent would give it,
// except that go-app's encoder indents nested elements: tests compare
// with whitespace collapsed.
func textOf(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
