package ingest

import (
	"strings"

	"golang.org/x/net/html"
)

// Reader mode, in the manner of Firefox's Readability and of boilerpipe
// (Kohlschütter, Fankhauser and Nejdl, WSDM 2010), but much simpler: the
// article is the page's <article> (or <main>) that holds most of its
// text, and inside it whatever a page marks as not being the article —
// by its tag, its ARIA role, its class or ID, a few tell-tale phrases,
// or mostly links — is left out.

// Kinds of text left out of an article, in the order notes list them.
const (
	dropNav       = "navigation"
	dropHeader    = "page header"
	dropCookie    = "cookie notice"
	dropSubscribe = "subscription box"
	dropSidebar   = "sidebar"
	dropLinks     = "links to other articles"
	dropShare     = "share buttons"
	dropAds       = "advertising"
	dropComments  = "comments"
	dropFooter    = "footer"
	dropControls  = "buttons and form fields"
	dropHidden    = "hidden text"
	dropOutside   = "other text around the article"
)

var dropOrder = []string{dropNav, dropHeader, dropCookie, dropSubscribe, dropSidebar, dropLinks,
	dropShare, dropAds, dropComments, dropFooter, dropControls, dropHidden, dropOutside}

// A page is a parsed HTML document read in reader mode.
type page struct {
	text    string
	meta    Meta
	dropped []string // kinds of text left out, in dropOrder
	notes   []string
}

// nodeInfo measures the readable text under an element, in bytes that
// are not white space.
type nodeInfo struct {
	text     int  // all of it
	kept     int  // outside elements that are boilerplate by their tag or role
	links    int  // inside <a> elements
	nlinks   int  // <a> elements
	controls bool // a button, a form field or a form
	nodes    int  // nodes, itself included
}

// readPage extracts a page's article text and metadata.
func readPage(data []byte) page {
	doc := parseTree(data)
	info := measure(doc)
	root := chooseRoot(doc, info)
	kinds := map[string]bool{}
	guard := info[root].kept / 2
	text := nodeText(root, func(n *html.Node) bool {
		kind := boilerplate(n, info, guard)
		if kind != "" && info[n].text > 0 {
			kinds[kind] = true
		}
		return kind != ""
	})
	if root != doc {
		droppedOutside(doc, root, info, kinds)
	}
	p := page{text: text}
	if strings.TrimSpace(text) == "" {
		// Better all of the page than nothing of it.
		p.text = nodeText(doc, nil)
		kinds = nil
	}
	for _, k := range dropOrder {
		if kinds[k] {
			p.dropped = append(p.dropped, k)
		}
	}
	p.meta, p.notes = pageMeta(collectMeta(doc), root)
	return p
}

// measure computes every element's nodeInfo, children before parents.
func measure(doc *html.Node) map[*html.Node]*nodeInfo {
	var order []*html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode && unreadable(n) {
			return false
		}
		order = append(order, n)
		return true
	})
	// One allocation for all: a page has tens of thousands of nodes.
	infos := make([]nodeInfo, len(order))
	info := make(map[*html.Node]*nodeInfo, len(order))
	for i, n := range order {
		info[n] = &infos[i]
	}
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		in := info[n]
		in.nodes++
		if n.Type == html.TextNode {
			in.text = nonSpace(n.Data)
			in.kept = in.text
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "a":
				in.links, in.nlinks = in.text, in.nlinks+1
			case "button", "input", "select", "textarea", "form":
				in.controls = true
			}
			if semantic(n) != "" {
				in.kept = 0
			}
		}
		// Every parent was visited before its children.
		if pi := info[n.Parent]; pi != nil {
			pi.text += in.text
			pi.kept += in.kept
			pi.links += in.links
			pi.nlinks += in.nlinks
			pi.controls = pi.controls || in.controls
			pi.nodes += in.nodes
		}
	}
	return info
}

func nonSpace(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isHTMLSpace(rune(s[i])) {
			n++
		}
	}
	return n
}

// chooseRoot picks the element the article's text comes from: the
// <article>, else the <main>, holding the most text, if that is at least
// a third of the page's; else the <body>.
func chooseRoot(doc *html.Node, info map[*html.Node]*nodeInfo) *html.Node {
	body := find(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "body" })
	if body == nil {
		body = doc
	}
	whole := info[body].kept
	for _, is := range []func(*html.Node) bool{
		func(n *html.Node) bool { return n.Data == "article" },
		func(n *html.Node) bool { role, _ := attr(n, "role"); return n.Data == "main" || hasToken(role, "main") },
	} {
		var best *html.Node
		walk(body, func(n *html.Node) bool {
			switch {
			case n.Type == html.DocumentNode:
				return true
			case n.Type != html.ElementNode, n != body && semantic(n) != "":
				return false
			}
			if n != body && is(n) && (best == nil || info[n].kept > info[best].kept) {
				best = n
			}
			return true
		})
		if best != nil && info[best].kept > 0 && 3*info[best].kept >= whole {
			return best
		}
	}
	return body
}

// droppedOutside notes the kinds of text around root, all of it left out.
func droppedOutside(doc, root *html.Node, info map[*html.Node]*nodeInfo, kinds map[string]bool) {
	holds := map[*html.Node]bool{}
	for n := root; n != nil; n = n.Parent {
		holds[n] = true
	}
	walk(doc, func(n *html.Node) bool {
		switch {
		case n == root:
			return false
		case holds[n]:
			return true
		case n.Type == html.TextNode:
			if nonSpace(n.Data) > 0 {
				kinds[dropOutside] = true
			}
			return false
		case n.Type != html.ElementNode || unreadable(n) || info[n] == nil || info[n].text == 0:
			return false
		}
		if kind := boilerplate(n, info, -1); kind != "" {
			kinds[kind] = true
			return false
		}
		return true
	})
}
