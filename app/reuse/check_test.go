package reuse

import (
	"cmp"
	"slices"
	"strings"
	"testing"
)

// checkReport fails t unless r keeps the promises the report types make:
// spans inside their texts, passages sorted by A and disjoint on each
// side, edits that tile their passage and rebuild both sides exactly, and
// sane counts.
func checkReport(t *testing.T, docs []Document, r *Report, opts Options) {
	t.Helper()
	opts = opts.withDefaults()
	if len(r.Documents) != len(docs) {
		t.Fatalf("%d document summaries for %d documents", len(r.Documents), len(docs))
	}
	for d, s := range r.Documents {
		if s.Bytes != len(docs[d].Text) || s.Reused < 0 || s.Reused > 1.000001 {
			t.Errorf("document %d: bytes %d of %d, reused %v", d, s.Bytes, len(docs[d].Text), s.Reused)
		}
	}
	inside := func(s Span, text string) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) }
	for _, p := range r.Pairs {
		if p.A < 0 || p.A >= p.B || p.B >= len(docs) {
			t.Fatalf("pair %d-%d out of range", p.A, p.B)
		}
		ta, tb := docs[p.A].Text, docs[p.B].Text
		shared := 0
		for n, ps := range p.Passages {
			if !inside(ps.A, ta) || !inside(ps.B, tb) {
				t.Fatalf("pair %d-%d passage %d spans %v %v outside the texts", p.A, p.B, n, ps.A, ps.B)
			}
			if ps.Words < opts.MinWords || ps.Identity <= 0 || ps.Identity > 1.000001 {
				t.Errorf("pair %d-%d passage %d: %d words, identity %v", p.A, p.B, n, ps.Words, ps.Identity)
			}
			shared += ps.Words
			var ra, rb strings.Builder
			atA, atB := ps.A.Start, ps.B.Start
			equalWords := 0
			for e, ed := range ps.Edits {
				if ed.A.Start != atA || ed.B.Start != atB {
					t.Fatalf("pair %d-%d passage %d edit %d starts at %d/%d, want %d/%d", p.A, p.B, n, e, ed.A.Start, ed.B.Start, atA, atB)
				}
				switch ed.Op {
				case Delete:
					if ed.B.Len() != 0 || ed.A.Len() == 0 {
						t.Errorf("delete with spans %v %v", ed.A, ed.B)
					}
				case Insert:
					if ed.A.Len() != 0 || ed.B.Len() == 0 {
						t.Errorf("insert with spans %v %v", ed.A, ed.B)
					}
				case Equal:
					equalWords += len(tokenize(ta[ed.A.Start:ed.A.End], nil))
					if !ed.Cosmetic && !sameForm(ta, tb, ed.A.Start, ed.A.End, ed.B.Start, ed.B.End) {
						t.Errorf("equal run %q / %q differs but is not cosmetic", ta[ed.A.Start:ed.A.End], tb[ed.B.Start:ed.B.End])
					}
				default:
					t.Fatalf("unknown op %q", ed.Op)
				}
				ra.WriteString(ta[ed.A.Start:ed.A.End])
				rb.WriteString(tb[ed.B.Start:ed.B.End])
				atA, atB = ed.A.End, ed.B.End
			}
			if ra.String() != ta[ps.A.Start:ps.A.End] || rb.String() != tb[ps.B.Start:ps.B.End] {
				t.Fatalf("pair %d-%d passage %d: edits do not rebuild the passage", p.A, p.B, n)
			}
			if equalWords != ps.Words {
				t.Errorf("pair %d-%d passage %d: %d words in equal runs, Words says %d", p.A, p.B, n, equalWords, ps.Words)
			}
		}
		if !slices.IsSortedFunc(p.Passages, func(x, y Passage) int { return cmp.Compare(x.A.Start, y.A.Start) }) {
			t.Errorf("pair %d-%d: passages not sorted by A", p.A, p.B)
		}
		if shared != p.SharedWords {
			t.Errorf("pair %d-%d: passages share %d words, SharedWords says %d", p.A, p.B, shared, p.SharedWords)
		}
		for _, side := range []func(Passage) Span{func(p Passage) Span { return p.A }, func(p Passage) Span { return p.B }} {
			spans := make([]Span, len(p.Passages))
			for i, ps := range p.Passages {
				spans[i] = side(ps)
			}
			slices.SortFunc(spans, func(x, y Span) int { return cmp.Compare(x.Start, y.Start) })
			for i := 1; i < len(spans); i++ {
				if spans[i].Start < spans[i-1].End {
					t.Errorf("pair %d-%d: passages overlap at %v and %v", p.A, p.B, spans[i-1], spans[i])
				}
			}
		}
	}
	if !slices.IsSortedFunc(r.Pairs, func(p, q Pair) int { return cmp.Compare(q.SharedWords, p.SharedWords) }) {
		t.Errorf("pairs not sorted by shared words")
	}
	for _, f := range r.Families {
		docs := map[int]bool{}
		for _, m := range f.Members {
			docs[m.Doc] = true
		}
		if len(docs) < 3 {
			t.Errorf("family in %d documents", len(docs))
		}
	}
}
