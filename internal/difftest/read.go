package difftest

import (
	"fmt"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ReadHTML reads the markup a renderer wrote for a word diff back into
// the cases' notation, as a browser shows it: <del> and <ins>; a span of
// class "cosmetic" holding a "was" and a "now" span as ‹was|now›, any
// other "cosmetic" or "cosmetic-side" span as ‹text›; the marker of an
// invisible character (class "invisible") as [U+XXXX]. A span of class
// "cosmetic-plain", the same text shown where cosmetic differences are
// hidden, is left out. Entities are decoded.
func ReadHTML(markup string) (string, error) {
	nodes, err := html.ParseFragment(strings.NewReader(markup), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, n := range nodes {
		if err := read(&b, n); err != nil {
			return "", err
		}
	}
	return b.String(), nil
}

func read(b *strings.Builder, n *html.Node) error {
	switch {
	case n.Type == html.TextNode:
		b.WriteString(n.Data)
		return nil
	case n.Type != html.ElementNode:
		return nil
	case n.Data == "del":
		return around(b, n, "[-", "-]")
	case n.Data == "ins":
		return around(b, n, "{+", "+}")
	case hasClass(n, "invisible"):
		return around(b, n, "[", "]")
	case hasClass(n, "cosmetic-plain"):
		return nil
	case hasClass(n, "cosmetic") && n.FirstChild != nil && hasClass(n.FirstChild, "was"):
		was, now := n.FirstChild, n.FirstChild.NextSibling
		if now == nil || !hasClass(now, "now") || now.NextSibling != nil {
			return fmt.Errorf("a cosmetic run holds more than its two forms")
		}
		b.WriteString("‹")
		if err := children(b, was); err != nil {
			return err
		}
		return around(b, now, "|", "›")
	case hasClass(n, "cosmetic"), hasClass(n, "cosmetic-side"):
		return around(b, n, "‹", "›")
	}
	return children(b, n)
}

func around(b *strings.Builder, n *html.Node, open, close string) error {
	b.WriteString(open)
	err := children(b, n)
	b.WriteString(close)
	return err
}

func children(b *strings.Builder, n *html.Node) error {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if err := read(b, c); err != nil {
			return err
		}
	}
	return nil
}

func hasClass(n *html.Node, class string) bool {
	for _, a := range n.Attr {
		if a.Key == "class" {
			return slices.Contains(strings.Fields(a.Val), class)
		}
	}
	return false
}
