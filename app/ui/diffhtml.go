package ui

import (
	"strings"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
)

// Which text a diff shows.
type diffSide = export.DiffView

const (
	bothSides = export.BothTexts // A edited into B: deletions and insertions in one text
	sideA     = export.TextA     // A's text, what B lacks struck through
	sideB     = export.TextB     // B's text, what A lacks underlined
)

// cosmeticTitle says what a cosmetic run is, where it shows.
const cosmeticTitle = "Only typography differs: quotes, dashes, commas or full stops, spacing or case"

// diffHTML renders a word alignment of texts a and b (a passage's edits,
// or a sentence pair's) as HTML for app.Raw: go-app takes about a second
// to build thousands of <del>/<ins> nodes one by one, the browser's
// parser a few milliseconds. What it shows is export.DiffRuns, as in the
// HTML report and the command line; this writes only the markup. Every
// byte of the articles goes through export.EscapeText (deleted, inserted
// and cosmetic text through export.EscapeMarked, which calls it and
// shows invisible characters as markers from a fixed table); everything
// else is the fixed markup below, so no input can produce a tag or an
// attribute.
//
// With bothSides deletions are in <del>, insertions in <ins>, and a
// cosmetic run (quotes, dashes, case) shows both forms inside .cosmetic
// and A's form alone in .cosmetic-plain; the stylesheet shows one or the
// other as the toggle says. With sideA or sideB it is that side's text
// alone, its own words marked and its cosmetic runs in .cosmetic-side:
// the two read side by side.
func diffHTML(a, b string, edits []reuse.Edit, show diffSide) string {
	runs := export.DiffRuns(a, b, edits, show)
	size := 64
	for _, r := range runs {
		size += len(r.Text) + len(r.Other)
	}
	var sb strings.Builder
	sb.Grow(min(size, 1<<20))
	// Articles come in any script: the text takes its direction from its
	// first letter (and each paragraph its own, in the stylesheet).
	sb.WriteString(`<p class="diff-text" dir="auto">`)
	for _, r := range runs {
		switch {
		case r.Kind == export.Deleted:
			sb.WriteString("<del>")
			sb.WriteString(export.EscapeMarked(r.Text))
			sb.WriteString("</del>")
		case r.Kind == export.Inserted:
			sb.WriteString("<ins>")
			sb.WriteString(export.EscapeMarked(r.Text))
			sb.WriteString("</ins>")
		case r.Kind == export.Cosmetic && show == bothSides:
			sb.WriteString(`<span class="cosmetic" title="` + cosmeticTitle + `"><span class="was">`)
			sb.WriteString(export.EscapeMarked(r.Text))
			sb.WriteString(`</span><span class="now">`)
			sb.WriteString(export.EscapeMarked(r.Other))
			sb.WriteString(`</span></span><span class="cosmetic-plain">`)
			sb.WriteString(export.EscapeText(r.Text))
			sb.WriteString(`</span>`)
		case r.Kind == export.Cosmetic:
			sb.WriteString(`<span class="cosmetic-side" title="` + cosmeticTitle + `">`)
			sb.WriteString(export.EscapeMarked(r.Text))
			sb.WriteString(`</span>`)
		default:
			sb.WriteString(export.EscapeText(r.Text))
		}
	}
	sb.WriteString(`</p>`)
	return sb.String()
}
