package ingest

import (
	"strings"

	"golang.org/x/net/html"
)

// skipped are elements whose contents are never readable article text.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"head": true, "title": true, "svg": true, "math": true, "iframe": true, "object": true,
}

// Separators an element implies around itself, strongest wins.
const (
	sepNone = iota
	sepSpace
	sepLine
	sepPara
)

// blocks maps elements to the break they imply: paragraphs get a blank
// line so the text reads like the page, list items and rows a line break,
// table cells a space so their words do not run together.
var blocks = map[string]int{
	"p": sepPara, "div": sepPara, "article": sepPara, "section": sepPara,
	"main": sepPara, "header": sepPara, "footer": sepPara, "aside": sepPara,
	"nav": sepPara, "blockquote": sepPara, "figure": sepPara, "pre": sepPara,
	"h1": sepPara, "h2": sepPara, "h3": sepPara, "h4": sepPara, "h5": sepPara,
	"h6": sepPara, "ul": sepPara, "ol": sepPara, "dl": sepPara, "table": sepPara,
	"form": sepPara, "fieldset": sepPara, "address": sepPara, "hr": sepPara,
	"details": sepPara, "body": sepPara, "html": sepPara, "center": sepPara,
	"br": sepLine, "li": sepLine, "tr": sepLine, "dt": sepLine, "dd": sepLine,
	"figcaption": sepLine, "caption": sepLine, "summary": sepLine,
	"option": sepLine, "legend": sepLine, "thead": sepLine, "tbody": sepLine,
	"td": sepSpace, "th": sepSpace, "img": sepSpace, "input": sepSpace,
	"button": sepSpace, "label": sepSpace, "textarea": sepSpace,
}

// textWriter writes readable text: whitespace collapsed as a browser
// would, the strongest break wanted between two runs of words written.
type textWriter struct {
	out strings.Builder
	sep int
	pre int // depth of <pre>, where whitespace is kept
}

func (w *textWriter) want(s int) {
	if s > w.sep {
		w.sep = s
	}
}

func (w *textWriter) flush() {
	if w.out.Len() > 0 {
		switch w.sep {
		case sepSpace:
			w.out.WriteByte(' ')
		case sepLine:
			w.out.WriteByte('\n')
		case sepPara:
			w.out.WriteString("\n\n")
		}
	}
	w.sep = sepNone
}

func (w *textWriter) text(text string) {
	if w.pre > 0 {
		if text != "" {
			w.flush()
			w.out.WriteString(text)
		}
		return
	}
	fields := strings.FieldsFunc(text, isHTMLSpace)
	if len(fields) == 0 {
		if text != "" {
			w.want(sepSpace)
		}
		return
	}
	if isHTMLSpace(rune(text[0])) {
		w.want(sepSpace)
	}
	w.flush()
	w.out.WriteString(strings.Join(fields, " "))
	if isHTMLSpace(rune(text[len(text)-1])) {
		w.want(sepSpace)
	}
}

// unreadable reports an element whose contents are never readable text:
// scripts, styles, the head, drawings and embedded documents.
func unreadable(n *html.Node) bool {
	return n.Type == html.ElementNode && (skipped[n.Data] || n.Namespace != "")
}

// nodeText extracts the readable text under root: entities decoded,
// whitespace collapsed as a browser would, block elements turned into
// line breaks. An element drop reports (never root itself) is left out,
// leaving the break it implies, and at least a space, so that the words
// on either side of it stay apart. It never returns markup.
func nodeText(root *html.Node, drop func(*html.Node) bool) string {
	var w textWriter
	type frame struct {
		n    *html.Node
		exit bool
	}
	// An explicit stack: a page of a million nested elements must not
	// exhaust the goroutine's stack.
	stack := []frame{{n: root}}
	for len(stack) > 0 {
		f := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		n := f.n
		if f.exit {
			if n.Data == "pre" {
				w.pre--
			}
			w.want(blocks[n.Data])
			continue
		}
		switch n.Type {
		case html.TextNode:
			w.text(n.Data)
			continue
		case html.ElementNode:
			if unreadable(n) {
				continue
			}
			if n != root && drop != nil && drop(n) {
				w.want(max(blocks[n.Data], sepSpace))
				continue
			}
			w.want(blocks[n.Data])
			if n.Data == "pre" {
				w.pre++
			}
			stack = append(stack, frame{n: n, exit: true})
		case html.DocumentNode:
		default:
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, frame{n: c})
		}
	}
	return strings.TrimSpace(w.out.String())
}

// walk visits the nodes under n in document order; visit returns whether
// to go into a node's children.
func walk(n *html.Node, visit func(*html.Node) bool) {
	stack := []*html.Node{n}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !visit(n) {
			continue
		}
		for c := n.LastChild; c != nil; c = c.PrevSibling {
			stack = append(stack, c)
		}
	}
}

// find returns the first node under n, n included, that match reports.
func find(n *html.Node, match func(*html.Node) bool) *html.Node {
	var found *html.Node
	walk(n, func(c *html.Node) bool {
		if found == nil && match(c) {
			found = c
		}
		return found == nil
	})
	return found
}

// textOf is all the text under n, markup and scripts included, as for a
// <title> or a JSON-LD script.
func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) bool {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
		return true
	})
	return b.String()
}

// isHTMLSpace reports HTML's ASCII whitespace; a no-break space is text.
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}
