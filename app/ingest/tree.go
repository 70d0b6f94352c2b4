package ingest

import (
	"bytes"

	"golang.org/x/net/html"
)

// parseTree builds a document tree from golang.org/x/net/html's
// tokenizer, with the few rules of HTML's tree construction that shape
// article pages: void elements, an unclosed <head> ended by the first
// body element, a paragraph ended by the next block, list items, table
// rows and cells ended by the next, and end tags that close the elements
// left open inside them (an unmatched one is ignored). It stands in for
// html.Parse, whose full algorithm weighs some 130 KB (brotli) in the
// WebAssembly binary, and it is linear in the input.
func parseTree(data []byte) *html.Node {
	doc := &html.Node{Type: html.DocumentNode}
	open := []*html.Node{doc}  // the open elements, innermost last
	opened := map[string]int{} // how many of each are open
	top := func() *html.Node { return open[len(open)-1] }
	popTo := func(i int) {
		for _, n := range open[i:] {
			opened[n.Data]--
		}
		open = open[:i]
	}
	// closeIn closes the innermost open element named one of names, and
	// those inside it, unless a boundary element is met first. It looks
	// no deeper than maxReach elements, so that a page of a million
	// nested elements still takes linear time.
	closeIn := func(names, boundary map[string]bool) {
		any := false
		for name := range names {
			any = any || opened[name] > 0
		}
		if !any {
			return
		}
		for i := len(open) - 1; i > 0 && i >= len(open)-maxReach; i-- {
			switch name := open[i].Data; {
			case names[name]:
				popTo(i)
				return
			case boundary[name]:
				return
			}
		}
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return doc
		case html.TextToken:
			if t := top(); t.Data == "head" && nonSpace(string(z.Raw())) > 0 {
				popTo(len(open) - 1) // text ends an unclosed head
			}
			top().AppendChild(&html.Node{Type: html.TextNode, Data: string(z.Text())})
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			n := &html.Node{Type: html.ElementNode, Data: string(name)}
			for hasAttr {
				var key, val []byte
				key, val, hasAttr = z.TagAttr()
				n.Attr = append(n.Attr, html.Attribute{Key: string(key), Val: string(val)})
			}
			if top().Data == "head" && !inHead[n.Data] {
				popTo(len(open) - 1)
			}
			if blockEndsP[n.Data] {
				closeIn(map[string]bool{"p": true}, buttonScope)
			}
			if ends := endedBy[n.Data]; ends != nil {
				closeIn(ends, tableScope)
			}
			top().AppendChild(n)
			if tt == html.StartTagToken && !voidElements[n.Data] {
				open = append(open, n)
				opened[n.Data]++
			}
		case html.EndTagToken:
			// Text after </body> or </html> still belongs to the body, as
			// in a browser.
			if name, _ := z.TagName(); string(name) != "body" && string(name) != "html" {
				closeIn(map[string]bool{string(name): true}, nil)
			}
		}
	}
}

// maxReach bounds how far up the open elements an end tag or an implied
// end looks for the element it closes.
const maxReach = 256

// voidElements have no end tag and no content.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true, "img": true,
	"input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true,
	"param": true, "keygen": true, "basefont": true, "bgsound": true, "frame": true,
}

// inHead are the elements a document head holds; any other start tag
// ends an unclosed head, as in a browser, so the body's text is kept.
var inHead = map[string]bool{
	"title": true, "meta": true, "link": true, "style": true, "script": true,
	"base": true, "noscript": true, "template": true,
}

// blockEndsP are the start tags that end an open paragraph.
var blockEndsP = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "center": true, "details": true,
	"dialog": true, "dir": true, "div": true, "dl": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
	"header": true, "hgroup": true, "hr": true, "main": true, "menu": true, "nav": true, "ol": true, "p": true,
	"pre": true, "section": true, "summary": true, "table": true, "ul": true, "li": true, "dd": true, "dt": true,
}

// endedBy maps a start tag to the open elements it ends: the previous
// list item, definition, row, cell or option.
var endedBy = map[string]map[string]bool{
	"li":     {"li": true},
	"dd":     {"dd": true, "dt": true},
	"dt":     {"dd": true, "dt": true},
	"tr":     {"tr": true},
	"td":     {"td": true, "th": true},
	"th":     {"td": true, "th": true},
	"option": {"option": true},
}

// buttonScope and tableScope bound the search for an element to end:
// a paragraph inside a table cell is not ended by a block outside it.
var (
	buttonScope = map[string]bool{"table": true, "td": true, "th": true, "caption": true, "button": true,
		"object": true, "template": true, "html": true, "marquee": true, "applet": true}
	tableScope = map[string]bool{"table": true, "html": true, "template": true, "ul": true, "ol": true, "dl": true, "select": true}
)
