package ingest

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// skipped are elements whose contents are never readable article text.
var skipped = map[string]bool{
	"script": true, "style": true, "noscript": true, "template": true,
	"head": true, "svg": true, "math": true, "iframe": true, "object": true,
}

// inHead are the elements a document head holds; any other start tag
// ends an unclosed head, as in a browser, so the body's text is kept.
var inHead = map[string]bool{
	"title": true, "meta": true, "link": true, "style": true, "script": true,
	"base": true, "noscript": true, "template": true,
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

// htmlText extracts the readable text of an HTML document: entities
// decoded, whitespace collapsed as a browser would, block elements turned
// into line breaks. It never returns markup.
func htmlText(data []byte) string {
	z := html.NewTokenizer(bytes.NewReader(data))
	var (
		out  strings.Builder
		skip []string // open skipped elements, innermost last
		pre  int      // depth of <pre>, where whitespace is kept
		sep  = sepNone
	)
	out.Grow(len(data) / 2)
	flush := func() {
		if out.Len() == 0 {
			sep = sepNone
			return
		}
		switch sep {
		case sepSpace:
			out.WriteByte(' ')
		case sepLine:
			out.WriteByte('\n')
		case sepPara:
			out.WriteString("\n\n")
		}
		sep = sepNone
	}
	want := func(s int) {
		if s > sep {
			sep = s
		}
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.TrimSpace(out.String())
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			nameBytes, _ := z.TagName()
			name := string(nameBytes)
			if tt != html.EndTagToken && len(skip) > 0 && skip[len(skip)-1] == "head" && !inHead[name] {
				skip = skip[:len(skip)-1]
			}
			if skipped[name] {
				switch {
				case tt == html.StartTagToken:
					skip = append(skip, name)
				case tt == html.EndTagToken:
					// Close the innermost matching element; unmatched end
					// tags are ignored as a browser would.
					for i := len(skip) - 1; i >= 0; i-- {
						if skip[i] == name {
							skip = skip[:i]
							break
						}
					}
				}
				continue
			}
			if name == "pre" && tt == html.StartTagToken {
				pre++
			} else if name == "pre" && tt == html.EndTagToken && pre > 0 {
				pre--
			}
			if s, ok := blocks[name]; ok {
				want(s)
			}
		case html.TextToken:
			if len(skip) > 0 {
				continue
			}
			text := string(z.Text()) // entities decoded
			if pre > 0 {
				if text != "" {
					flush()
					out.WriteString(text)
				}
				continue
			}
			fields := strings.FieldsFunc(text, isHTMLSpace)
			if len(fields) == 0 {
				if text != "" {
					want(sepSpace)
				}
				continue
			}
			if isHTMLSpace(rune(text[0])) {
				want(sepSpace)
			}
			flush()
			out.WriteString(strings.Join(fields, " "))
			if isHTMLSpace(rune(text[len(text)-1])) {
				want(sepSpace)
			}
		}
	}
}

// isHTMLSpace reports HTML's ASCII whitespace; a no-break space is text.
func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}
