package ui

import (
	"strings"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
)

// diffHTML renders a passage's word alignment as HTML for app.Raw: go-app
// takes about a second to build thousands of <del>/<ins> nodes one by one,
// the browser's parser a few milliseconds. Every byte of the articles goes
// through export.EscapeText; everything else is the fixed markup below, so
// no input can produce a tag or an attribute.
//
// The text reads as side A edited into side B: deletions from A in <del>,
// insertions of B in <ins>. A cosmetic run (quotes, dashes, case) shows
// both forms inside .cosmetic, and A's form alone in .cosmetic-plain; the
// stylesheet shows one or the other as the toggle says.
func diffHTML(a, b string, p reuse.Passage) string {
	var sb strings.Builder
	sb.Grow(2*(p.A.End-p.A.Start) + 64)
	sb.WriteString(`<p class="diff-text">`)
	for _, e := range p.Edits {
		ta, tb := clip(a, e.A), clip(b, e.B)
		switch e.Op {
		case reuse.Equal:
			if e.Cosmetic && ta != tb {
				sb.WriteString(`<span class="cosmetic" title="Differs only in punctuation, quotes, dashes or case"><span class="was">`)
				sb.WriteString(export.EscapeText(ta))
				sb.WriteString(`</span><span class="now">`)
				sb.WriteString(export.EscapeText(tb))
				sb.WriteString(`</span></span><span class="cosmetic-plain">`)
				sb.WriteString(export.EscapeText(ta))
				sb.WriteString(`</span>`)
				continue
			}
			sb.WriteString(export.EscapeText(ta))
		case reuse.Delete:
			wrap(&sb, "<del>", ta, "</del>")
		case reuse.Insert:
			wrap(&sb, "<ins>", tb, "</ins>")
		}
	}
	sb.WriteString(`</p>`)
	return sb.String()
}

// wrap writes s escaped between open and close, with the white space
// around it outside: a deleted paragraph break would otherwise show as an
// empty coloured box on a line of its own, and a struck-through word
// would strike the space after it too.
func wrap(sb *strings.Builder, open, s, close string) {
	core := strings.TrimSpace(s)
	if core == "" {
		sb.WriteString(export.EscapeText(s))
		return
	}
	i := strings.Index(s, core)
	sb.WriteString(export.EscapeText(s[:i]))
	sb.WriteString(open)
	sb.WriteString(export.EscapeText(core))
	sb.WriteString(close)
	sb.WriteString(export.EscapeText(s[i+len(core):]))
}

// clip returns the text of a span, or "" for a span that does not fit
// the text: a broken span must not take the page down.
func clip(text string, sp reuse.Span) string {
	if sp.Start < 0 || sp.End > len(text) || sp.Start >= sp.End {
		return ""
	}
	return text[sp.Start:sp.End]
}
