package difftest

import (
	"strings"
	"testing"
)

func TestReadHTMLReadsEachMarkIntoTheNotation(t *testing.T) {
	tests := []struct {
		name, markup, want string
	}{
		{"plain text and entities", `<p>a &amp; b &lt;c&gt;</p>`, "a & b <c>"},
		{"deletions and insertions", `x <del>y</del><ins>z</ins>`, "x [-y-]{+z+}"},
		{"an invisible character's marker", `<del><span class="invisible" title="zero-width space">U+200B</span></del>`, "[-[U+200B]-]"},
		{"both forms of a cosmetic run, and not the plain one", `<span class="cosmetic"><span class="was">"a"</span><span class="now">“a”</span></span><span class="cosmetic-plain">"a"</span>`, `‹"a"|“a”›`},
		{"a cosmetic run in one text", `<span class="cosmetic" title="other side: “a”">"a"</span> <span class="cosmetic-side">b</span>`, `‹"a"› ‹b›`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ReadHTML(tt.markup)
			if err != nil || got != tt.want {
				t.Errorf("ReadHTML = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
	if _, err := ReadHTML(`<span class="cosmetic"><span class="was">a</span></span>`); err == nil {
		t.Error("a cosmetic run without its second form reads without an error")
	}
}

func TestCasesRebuildTheirTexts(t *testing.T) {
	for _, c := range Cases {
		var a, b strings.Builder
		tile := true
		for _, e := range c.Edits {
			if e.A.Start != a.Len() || e.B.Start != b.Len() || e.A.End > len(c.A) || e.B.End > len(c.B) || e.A.Start > e.A.End || e.B.Start > e.B.End {
				tile = false
				break
			}
			a.WriteString(c.A[e.A.Start:e.A.End])
			b.WriteString(c.B[e.B.Start:e.B.End])
		}
		// The cases of spans that do not fit are built by hand; the others tile.
		if tile && (a.String() != c.A || b.String() != c.B) {
			t.Errorf("%s: the edits rebuild %q and %q, not the texts %q and %q", c.Name, a.String(), b.String(), c.A, c.B)
		}
	}
}

func TestFuzzEditsTileTheTextsUnlessAskedNotTo(t *testing.T) {
	a, b := "one two three four", "one 2 three five six"
	edits, tile := FuzzEdits(a, b, []byte{8*3 + 0, 8*2 + 2, 8*0 + 4, 8*6 + 1, 8*9 + 5})
	if !tile {
		t.Fatal("edits without broken spans are said not to tile")
	}
	var ra, rb strings.Builder
	for _, e := range edits {
		if e.A.Start != ra.Len() || e.B.Start != rb.Len() {
			t.Fatalf("edit %+v does not follow the one before", e)
		}
		ra.WriteString(a[e.A.Start:e.A.End])
		rb.WriteString(b[e.B.Start:e.B.End])
	}
	if _, tile := FuzzEdits(a, b, []byte{6}); tile {
		t.Error("a backwards span is said to tile")
	}
}
