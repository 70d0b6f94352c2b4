package export

import (
	"strings"

	"github.com/wirediff/wirediff/app/reuse"
)

// A DiffView is which text a word diff shows.
type DiffView int

const (
	// BothTexts reads as text A edited into text B: A's words, what B
	// dropped deleted, what B added inserted, and both forms of a run
	// that differs only in typography.
	BothTexts DiffView = iota
	// TextA is A's text alone, what B lacks deleted.
	TextA
	// TextB is B's text alone, what A lacks inserted.
	TextB
)

// A RunKind says how a run of a word diff is shown.
type RunKind int

const (
	Kept     RunKind = iota // text both sides share, or white space beside an edit
	Deleted                 // words only in A
	Inserted                // words only in B
	Cosmetic                // the same words, with typography that differs
)

// A DiffRun is one piece of a word diff as a reader sees it.
type DiffRun struct {
	Kind RunKind
	// Text is what the run shows: for a Cosmetic run, the form of the
	// text the view shows (A's in BothTexts).
	Text string
	// Other is the other text's form of a Cosmetic run, "" otherwise.
	Other string
}

// Marked says whether a run is highlighted. Where it is, an invisible
// character shows as a marker (EscapeMarked, ShowInvisible): it would
// otherwise be an empty box, or a difference nobody can see.
func (r DiffRun) Marked() bool { return r.Kind != Kept }

// DiffRuns turns a word alignment of texts a and b (a passage's edits, or
// a sentence pair's) into what a view of it shows, the same in the web
// app, the HTML report and the command line:
//
//   - White space at either end of a deletion or an insertion is Kept,
//     outside it: a struck-through word does not strike the space after
//     it, and a deleted paragraph break is no empty box. A deletion or
//     an insertion of white space alone is Kept.
//   - A cosmetic Equal run whose two forms differ is Cosmetic; one whose
//     forms are the same, or one of whose spans is dropped, is Kept.
//   - A span that does not fit its text is dropped (see Clip).
//   - Each text is shown in order and at most once: a span that reaches
//     back over text already shown keeps only what follows it, and the
//     text of a shown side that lies between two edits' spans, which no
//     edit covers, is Kept. So the shown text is always one stretch of
//     it, from the first edit's start to the last one's end; for edits
//     that tile a passage (as reuse.Analyze writes them) it is exactly
//     the passage.
func DiffRuns(a, b string, edits []reuse.Edit, view DiffView) []DiffRun {
	d := differ{
		a: cursor{text: a, pos: -1, shown: view != TextB},
		b: cursor{text: b, pos: -1, shown: view == TextB},
		// Most edits make one run, a deletion or an insertion up to
		// three with the white space around it.
		out: make([]DiffRun, 0, 2*len(edits)),
	}
	for _, e := range edits {
		switch e.Op {
		case reuse.Equal:
			ta, tb := d.a.take(e.A, &d.out), d.b.take(e.B, &d.out)
			own, other := ta, tb
			if view == TextB {
				own, other = tb, ta
			}
			if e.Cosmetic && ta != "" && tb != "" && ta != tb {
				d.out = append(d.out, DiffRun{Kind: Cosmetic, Text: own, Other: other})
			} else {
				d.add(Kept, own)
			}
		case reuse.Delete:
			if t := d.a.take(e.A, &d.out); view != TextB {
				d.add(Deleted, t)
			}
		case reuse.Insert:
			if t := d.b.take(e.B, &d.out); view != TextA {
				d.add(Inserted, t)
			}
		}
	}
	return d.out
}

type differ struct {
	a, b cursor
	out  []DiffRun
}

// add appends text as a run of kind, the white space around a deletion
// or an insertion outside it.
func (d *differ) add(kind RunKind, text string) {
	if kind == Deleted || kind == Inserted {
		core := strings.TrimSpace(text)
		if core == "" {
			d.add(Kept, text)
			return
		}
		i := strings.Index(text, core)
		d.add(Kept, text[:i])
		d.out = append(d.out, DiffRun{Kind: kind, Text: core})
		d.add(Kept, text[i+len(core):])
		return
	}
	d.out = appendKept(d.out, text)
}

func appendKept(out []DiffRun, text string) []DiffRun {
	if text == "" {
		return out
	}
	return append(out, DiffRun{Kind: Kept, Text: text})
}

// A cursor walks one text through the spans of the edits.
type cursor struct {
	text  string
	pos   int  // the end of the text taken so far; -1 before the first span
	shown bool // the view shows this text: what lies between spans is Kept
}

// take returns the text of span after what was taken before, dropping a
// span that does not fit the text. Where the text is shown, text skipped
// since the last span is appended to out first, as Kept.
func (c *cursor) take(span reuse.Span, out *[]DiffRun) string {
	start, end := Clip(c.text, span)
	if start == end {
		return ""
	}
	if c.pos >= 0 {
		start = max(start, c.pos)
		if start >= end {
			return ""
		}
		if c.shown && c.pos < start {
			*out = appendKept(*out, c.text[c.pos:start])
		}
	}
	c.pos = end
	return c.text[start:end]
}
