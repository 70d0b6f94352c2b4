package export

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/difftest"
)

// notation writes runs in difftest's notation: the plainest renderer,
// against which the others are compared.
func notation(runs []DiffRun, view DiffView) string {
	var b strings.Builder
	for _, r := range runs {
		switch r.Kind {
		case Kept:
			b.WriteString(r.Text)
		case Deleted:
			b.WriteString("[-" + ShowInvisible(r.Text) + "-]")
		case Inserted:
			b.WriteString("{+" + ShowInvisible(r.Text) + "+}")
		case Cosmetic:
			b.WriteString("‹" + ShowInvisible(r.Text))
			if view == BothTexts {
				b.WriteString("|" + ShowInvisible(r.Other))
			}
			b.WriteString("›")
		}
	}
	return b.String()
}

// views pairs each view with what a case expects of it.
func views(c difftest.Case) []struct {
	view DiffView
	name string
	want string
} {
	return []struct {
		view DiffView
		name string
		want string
	}{{BothTexts, "both texts", c.Both}, {TextA, "text A", c.SideA}, {TextB, "text B", c.SideB}}
}

func TestDiffRunsShowEveryCase(t *testing.T) {
	for _, c := range difftest.Cases {
		t.Run(c.Name, func(t *testing.T) {
			for _, v := range views(c) {
				if got := notation(DiffRuns(c.A, c.B, c.Edits, v.view), v.view); got != v.want {
					t.Errorf("%s:\n got %q\nwant %q", v.name, got, v.want)
				}
			}
		})
	}
}

// TestHTMLReportShowsEveryDiffCase runs the table against the report's
// renderer, one text a side as the report shows them.
func TestHTMLReportShowsEveryDiffCase(t *testing.T) {
	for _, c := range difftest.Cases {
		t.Run(c.Name, func(t *testing.T) {
			for _, v := range views(c)[1:] {
				h := &report{}
				h.runs(DiffRuns(c.A, c.B, c.Edits, v.view))
				out := h.b.String()
				checkHTML(t, out)
				got, err := difftest.ReadHTML(out)
				if err != nil {
					t.Fatal(err)
				}
				if got != v.want {
					t.Errorf("%s:\n got %q\nwant %q\nfrom %s", v.name, got, v.want, out)
				}
			}
		})
	}
}

// FuzzDiffRuns checks what every view of any alignment shows: runs that
// are not empty, deletions and insertions with no white space at their
// ends, one stretch of the text a side view shows, and the three views
// agreeing on what is deleted, inserted and cosmetic.
func FuzzDiffRuns(f *testing.F) {
	f.Add(`He said "no" & left.`, `He said “no” and left.`, []byte{8 * 7, 9, 8 * 3, 2, 4})
	f.Add("caf\xe9 \x00 <b>", "caf\u00e9 \u0000 </p>", []byte{0, 1, 2, 3, 4, 5, 6, 7})
	f.Add("said \u200b no Put\u200bin", "said ❤\ufe0f\u200d🔥 \ufe0f <\u00ad>", []byte{8 * 4, 2, 4, 9, 8 * 2, 3, 5, 1})
	f.Fuzz(func(t *testing.T, a, b string, ops []byte) {
		edits, tile := difftest.FuzzEdits(a, b, ops)
		runs := map[DiffView][]DiffRun{}
		for _, view := range []DiffView{BothTexts, TextA, TextB} {
			runs[view] = DiffRuns(a, b, edits, view)
			for _, r := range runs[view] {
				if r.Text == "" {
					t.Fatalf("view %d: an empty run %+v", view, r)
				}
				if (r.Kind == Deleted || r.Kind == Inserted) && (startsWithSpace(r.Text) || endsWithSpace(r.Text)) {
					t.Fatalf("view %d: white space inside an edit: %q", view, r.Text)
				}
				if r.Kind == Cosmetic && r.Text == r.Other {
					t.Fatalf("view %d: a cosmetic run with one form: %q", view, r.Text)
				}
			}
		}
		if tile {
			for _, side := range []struct {
				view  DiffView
				text  string
				spans func(reuse.Edit) reuse.Span
			}{{TextA, a, func(e reuse.Edit) reuse.Span { return e.A }}, {TextB, b, func(e reuse.Edit) reuse.Span { return e.B }}} {
				// The stretch from the first span that fits to the end
				// of the last one.
				first, last := -1, -1
				for _, e := range edits {
					if s, end := Clip(side.text, side.spans(e)); s < end {
						if first < 0 {
							first = s
						}
						last = max(last, end)
					}
				}
				want := ""
				if first >= 0 {
					want = side.text[first:last]
				}
				var got strings.Builder
				for _, r := range runs[side.view] {
					got.WriteString(r.Text)
				}
				if got.String() != want {
					t.Errorf("view %d shows %q, want %q", side.view, got.String(), want)
				}
			}
		}
		only := func(view DiffView, kind RunKind) []DiffRun {
			var out []DiffRun
			for _, r := range runs[view] {
				if r.Kind == kind {
					out = append(out, r)
				}
			}
			return out
		}
		if x, y := only(BothTexts, Deleted), only(TextA, Deleted); !slices.Equal(x, y) {
			t.Errorf("deleted in both texts %+v, in text A %+v", x, y)
		}
		if x, y := only(BothTexts, Inserted), only(TextB, Inserted); !slices.Equal(x, y) {
			t.Errorf("inserted in both texts %+v, in text B %+v", x, y)
		}
		both, sideA, sideB := only(BothTexts, Cosmetic), only(TextA, Cosmetic), only(TextB, Cosmetic)
		if len(sideA) != len(both) || len(sideB) != len(both) {
			t.Fatalf("cosmetic runs: %+v in both texts, %+v and %+v alone", both, sideA, sideB)
		}
		for i, r := range both {
			if sideA[i] != r || sideB[i] != (DiffRun{Kind: Cosmetic, Text: r.Other, Other: r.Text}) {
				t.Errorf("cosmetic run %d: %+v in both texts, %+v and %+v alone", i, r, sideA, sideB)
			}
		}
	})
}

func startsWithSpace(s string) bool { return strings.TrimLeftFunc(s, unicode.IsSpace) != s }
func endsWithSpace(s string) bool   { return strings.TrimRightFunc(s, unicode.IsSpace) != s }
