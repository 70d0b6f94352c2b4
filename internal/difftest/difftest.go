// Package difftest holds the word diffs that every renderer of one is
// tested against — the web app's diff cards, the HTML report and the
// command line's summary — so that they show the same thing, after
// golang.org/x/tools/internal/diff/difftest: one table, every renderer.
//
// A renderer's test reads what it wrote back into one plain notation
// (for HTML, with ReadHTML) and compares it with the case's:
//
//	[-deleted-]  {+inserted+}
//	‹A's form|B's form›  a cosmetic run in the view of both texts
//	‹form›               a cosmetic run in the view of one text
//	[U+200B]             an invisible character in a deleted, inserted or cosmetic run
//
// Any other text stands for itself. The cases' texts hold none of these
// brackets, and no run longer than a dozen words (the command line
// shortens those).
package difftest

import (
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/fixture"
)

// A Case is a word alignment of two texts and what each view shows.
type Case struct {
	Name  string
	A, B  string
	Edits []reuse.Edit
	// Both is A edited into B; SideA and SideB each text alone.
	Both, SideA, SideB string
}

// Cases are the diffs every renderer must show alike.
var Cases = []Case{
	diff("a replaced word is deleted, then inserted",
		[]fixture.Piece{fixture.Eq("Moscow said Putin would meet "), fixture.Del("further"), fixture.Ins("more"), fixture.Eq(" officials.")},
		"Moscow said Putin would meet [-further-]{+more+} officials.",
		"Moscow said Putin would meet [-further-] officials.",
		"Moscow said Putin would meet {+more+} officials."),
	diff("white space around an edit stays outside it",
		[]fixture.Piece{fixture.Eq("Lavrov "), fixture.Del("said "), fixture.Ins("told them "), fixture.Eq("no.")},
		"Lavrov [-said-] {+told them+} no.",
		"Lavrov [-said-] no.",
		"Lavrov {+told them+} no."),
	diff("a deleted paragraph break is white space, not an edit",
		[]fixture.Piece{fixture.Eq("killed civilians."), fixture.Del("\n\n"), fixture.Ins(" Officials said\n"), fixture.Eq("Russia also")},
		"killed civilians.\n\n {+Officials said+}\nRussia also",
		"killed civilians.\n\nRussia also",
		"killed civilians. {+Officials said+}\nRussia also"),
	diff("quotes that differ only in typography are cosmetic",
		[]fixture.Piece{fixture.Eq("Lavrov said "), fixture.Cosm(`"no"`, "“no”"), fixture.Eq(" to talks -- "), fixture.Cosm("twice", "Twice"), fixture.Eq(".")},
		`Lavrov said ‹"no"|“no”› to talks -- ‹twice|Twice›.`,
		`Lavrov said ‹"no"› to talks -- ‹twice›.`,
		`Lavrov said ‹“no”› to talks -- ‹Twice›.`),
	{
		Name: "a cosmetic run with the same form on both sides is plain",
		A:    "Lavrov said no", B: "Lavrov said no",
		Edits: []reuse.Edit{
			{Op: reuse.Equal, A: span(0, 12), B: span(0, 12)},
			{Op: reuse.Equal, Cosmetic: true, A: span(12, 14), B: span(12, 14)},
		},
		Both: "Lavrov said no", SideA: "Lavrov said no", SideB: "Lavrov said no",
	},
	diff("a deleted zero-width space shows as its code point",
		[]fixture.Piece{fixture.Eq("Putin said "), fixture.Del("\u200b "), fixture.Eq("no")},
		"Putin said [-[U+200B]-] no", "Putin said [-[U+200B]-] no", "Putin said no"),
	diff("a soft hyphen in a cosmetic run shows as its code point, in kept text as itself",
		[]fixture.Piece{fixture.Eq("Tiller\u00adson met "), fixture.Cosm("Tiller\u00adson", "Tillerson"), fixture.Eq(" again")},
		"Tiller\u00adson met ‹Tiller[U+00AD]son|Tillerson› again",
		"Tiller\u00adson met ‹Tiller[U+00AD]son› again",
		"Tiller\u00adson met ‹Tillerson› again"),
	diff("a variation selector belongs to the emoji it dresses",
		[]fixture.Piece{fixture.Eq("Putin left "), fixture.Del("❤\ufe0f"), fixture.Ins("🔥"), fixture.Eq(" today")},
		"Putin left [-❤\ufe0f-]{+🔥+} today", "Putin left [-❤\ufe0f-] today", "Putin left {+🔥+} today"),
	diff("markup in a text is text",
		[]fixture.Piece{fixture.Eq("He wrote "), fixture.Del(`<script>alert(1)</script>`), fixture.Ins(`<a href="x">&amp;</a>`), fixture.Eq(" & 'left'")},
		`He wrote [-<script>alert(1)</script>-]{+<a href="x">&amp;</a>+} & 'left'`,
		`He wrote [-<script>alert(1)</script>-] & 'left'`,
		`He wrote {+<a href="x">&amp;</a>+} & 'left'`),
	diff("Arabic reads as it is written",
		[]fixture.Piece{fixture.Eq("قال لافروف "), fixture.Del("يوم الأربعاء"), fixture.Ins("الثلاثاء"), fixture.Eq(" إن موسكو مستعدة")},
		"قال لافروف [-يوم الأربعاء-]{+الثلاثاء+} إن موسكو مستعدة",
		"قال لافروف [-يوم الأربعاء-] إن موسكو مستعدة",
		"قال لافروف {+الثلاثاء+} إن موسكو مستعدة"),
	diff("a sentence added whole is one insertion",
		[]fixture.Piece{fixture.Ins("Officials said so.")},
		"{+Officials said so.+}", "", "{+Officials said so.+}"),
	diff("no edits show nothing", []fixture.Piece{}, "", "", ""),
	{
		Name: "a span that does not fit its text is dropped",
		A:    "abc", B: "abc",
		Edits: []reuse.Edit{
			{Op: reuse.Delete, A: span(2, 99), B: span(0, 0)},
			{Op: reuse.Insert, A: span(0, 0), B: span(-1, 2)},
			{Op: reuse.Equal, A: span(0, 3), B: span(0, 3)},
		},
		Both: "abc", SideA: "abc", SideB: "abc",
	},
	{
		Name: "a span that cuts a character in two is dropped",
		A:    "café au lait", B: "cafe au lait",
		Edits: []reuse.Edit{
			{Op: reuse.Equal, A: span(0, 3), B: span(0, 3)},
			{Op: reuse.Delete, A: span(3, 4), B: span(3, 3)},
			{Op: reuse.Insert, A: span(4, 4), B: span(3, 4)},
			{Op: reuse.Equal, A: span(5, 13), B: span(4, 12)},
		},
		Both: "caf{+e+}é au lait", SideA: "café au lait", SideB: "caf{+e+} au lait",
	},
	{
		Name: "text between two edits' spans, which no edit covers, is plain",
		A:    "one two three", B: "one two three",
		Edits: []reuse.Edit{
			{Op: reuse.Equal, A: span(0, 4), B: span(0, 4)},
			{Op: reuse.Equal, A: span(8, 13), B: span(8, 13)},
		},
		Both: "one two three", SideA: "one two three", SideB: "one two three",
	},
	{
		Name: "a span that reaches back over shown text keeps what follows it",
		A:    "one two three", B: "one two",
		Edits: []reuse.Edit{
			{Op: reuse.Equal, A: span(0, 7), B: span(0, 7)},
			{Op: reuse.Delete, A: span(4, 13), B: span(7, 7)},
		},
		Both: "one two [-three-]", SideA: "one two [-three-]", SideB: "one two",
	},
}

func span(s, e int) reuse.Span { return reuse.Span{Start: s, End: e} }

// diff builds a case whose edits tile its two texts, as reuse.Analyze
// writes them.
func diff(name string, pieces []fixture.Piece, both, sideA, sideB string) Case {
	a, b, edits := fixture.Diff(pieces...)
	return Case{Name: name, A: a, B: b, Edits: edits, Both: both, SideA: sideA, SideB: sideB}
}

// FuzzEdits turns fuzz bytes into a word alignment of a and b: each byte
// picks an operation and a length, and the edits tile the texts, as
// reuse.Analyze writes them, except where a byte asks for a span that
// does not fit (ops&7 of 6 or 7). It says whether the edits tile.
func FuzzEdits(a, b string, ops []byte) (edits []reuse.Edit, tile bool) {
	i, j := 0, 0
	tile = true
	for _, op := range ops {
		n := int(op>>3) + 1
		switch op & 7 {
		case 0, 1: // equal, plain or cosmetic
			edits = append(edits, reuse.Edit{Op: reuse.Equal, Cosmetic: op&1 == 1,
				A: span(i, min(i+n, len(a))), B: span(j, min(j+n, len(b)))})
			i, j = min(i+n, len(a)), min(j+n, len(b))
		case 2, 3:
			edits = append(edits, reuse.Edit{Op: reuse.Delete, A: span(i, min(i+n, len(a))), B: span(j, j)})
			i = min(i+n, len(a))
		case 4, 5:
			edits = append(edits, reuse.Edit{Op: reuse.Insert, A: span(i, i), B: span(j, min(j+n, len(b)))})
			j = min(j+n, len(b))
		case 6: // backwards
			edits = append(edits, reuse.Edit{Op: reuse.Delete, A: span(i+n, i-n)})
			tile = false
		case 7: // past the end
			edits = append(edits, reuse.Edit{Op: reuse.Insert, B: span(j, len(b)+n)})
			tile = false
		}
	}
	return edits, tile
}
