package ui

import (
	"strings"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
)

// Which text a diff shows.
type diffSide int

const (
	bothSides diffSide = iota // A edited into B: deletions and insertions in one text
	sideA                     // A's text, what B lacks struck through
	sideB                     // B's text, what A lacks underlined
)

// diffHTML renders a word alignment of texts a and b (a passage's edits,
// or a sentence pair's) as HTML for app.Raw: go-app takes about a second
// to build thousands of <del>/<ins> nodes one by one, the browser's
// parser a few milliseconds. Every byte of the articles goes through
// export.EscapeText (highlighted text through export.EscapeMarked, which
// calls it and shows invisible characters as markers from a fixed table);
// everything else is the fixed markup below, so no input can produce a
// tag or an attribute.
//
// With bothSides the text reads as side A edited into side B: deletions
// from A in <del>, insertions of B in <ins>. A cosmetic run (quotes,
// dashes, case) shows both forms inside .cosmetic, and A's form alone in
// .cosmetic-plain; the stylesheet shows one or the other as the toggle
// says. With sideA or sideB it is that side's text alone, its own words
// marked (A's deletions, B's insertions) and its cosmetic runs in
// .cosmetic-side: the two read side by side.
func diffHTML(a, b string, edits []reuse.Edit, show diffSide) string {
	size := 64
	for _, e := range edits {
		size += max(e.A.Len(), 0) + max(e.B.Len(), 0)
	}
	var sb strings.Builder
	sb.Grow(min(size, 1<<20))
	// Articles come in any script: the text takes its direction from its
	// first letter (and each paragraph its own, in the stylesheet).
	sb.WriteString(`<p class="diff-text" dir="auto">`)
	for _, e := range edits {
		ta, tb := export.ClipText(a, e.A), export.ClipText(b, e.B)
		switch {
		case e.Op == reuse.Equal && show != bothSides:
			own := ta
			if show == sideB {
				own = tb
			}
			if e.Cosmetic && ta != tb {
				sb.WriteString(`<span class="cosmetic-side" title="Differs only in punctuation, quotes, dashes or case">`)
				sb.WriteString(export.EscapeMarked(own))
				sb.WriteString(`</span>`)
				continue
			}
			sb.WriteString(export.EscapeText(own))
		case e.Op == reuse.Equal:
			if e.Cosmetic && ta != tb {
				sb.WriteString(`<span class="cosmetic" title="Differs only in punctuation, quotes, dashes or case"><span class="was">`)
				sb.WriteString(export.EscapeMarked(ta))
				sb.WriteString(`</span><span class="now">`)
				sb.WriteString(export.EscapeMarked(tb))
				sb.WriteString(`</span></span><span class="cosmetic-plain">`)
				sb.WriteString(export.EscapeText(ta))
				sb.WriteString(`</span>`)
				continue
			}
			sb.WriteString(export.EscapeText(ta))
		case e.Op == reuse.Delete && show != sideB:
			wrap(&sb, "<del>", ta, "</del>")
		case e.Op == reuse.Insert && show != sideA:
			wrap(&sb, "<ins>", tb, "</ins>")
		}
	}
	sb.WriteString(`</p>`)
	return sb.String()
}

// wrap writes s escaped between open and close, with the white space
// around it outside: a deleted paragraph break would otherwise show as an
// empty coloured box on a line of its own, and a struck-through word
// would strike the space after it too. An invisible character inside, a
// deleted zero-width space, shows as a marker, not as an empty box.
func wrap(sb *strings.Builder, open, s, close string) {
	core := strings.TrimSpace(s)
	if core == "" {
		sb.WriteString(export.EscapeText(s))
		return
	}
	i := strings.Index(s, core)
	sb.WriteString(export.EscapeText(s[:i]))
	sb.WriteString(open)
	sb.WriteString(export.EscapeMarked(core))
	sb.WriteString(close)
	sb.WriteString(export.EscapeText(s[i+len(core):]))
}
