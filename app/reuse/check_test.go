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
		if s.Bytes != len(docs[d].Text) || s.Reused < 0 || s.Reused > 1.000001 || s.Rewritten < 0 || s.Rewritten > s.Reused+1e-9 {
			t.Errorf("document %d: bytes %d of %d, reused %v", d, s.Bytes, len(docs[d].Text), s.Reused)
		}
	}
	inside := func(s Span, text string) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= len(text) }
	for _, p := range r.Pairs {
		if p.A < 0 || p.A >= p.B || p.B >= len(docs) {
			t.Fatalf("pair %d-%d out of range", p.A, p.B)
		}
		ta, tb := docs[p.A].Text, docs[p.B].Text
		shared, rewritten := 0, 0
		for n, ps := range p.Passages {
			if !inside(ps.A, ta) || !inside(ps.B, tb) {
				t.Fatalf("pair %d-%d passage %d spans %v %v outside the texts", p.A, p.B, n, ps.A, ps.B)
			}
			// A rewritten passage needs 1.5·MinWords shared stems, not
			// MinWords words (see Options.MinWords): its diff may keep
			// fewer.
			if ps.Kind == Copied && ps.Words < opts.MinWords || ps.Words < 1 || ps.Identity <= 0 || ps.Identity > 1.000001 {
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
					if ed.Cosmetic && !sameSubstance(ta[ed.A.Start:ed.A.End], tb[ed.B.Start:ed.B.End]) {
						t.Errorf("cosmetic run %q / %q differs in more than typography", ta[ed.A.Start:ed.A.End], tb[ed.B.Start:ed.B.End])
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
			checkSentencePairs(t, ta, tb, ps)
			if ps.Kind == Rewritten {
				rewritten += ps.Words
			}
		}
		if rewritten != p.RewrittenWords {
			t.Errorf("pair %d-%d: rewritten passages share %d words, RewrittenWords says %d", p.A, p.B, rewritten, p.RewrittenWords)
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

// checkSentencePairs fails t unless a copied passage has no sentence
// pairs and a rewritten one has some: inside the passage, sorted by A,
// disjoint on each side, with similarities in (0, 1] and edits that
// rebuild both sides of each pair.
func checkSentencePairs(t *testing.T, ta, tb string, ps Passage) {
	t.Helper()
	switch ps.Kind {
	case Copied:
		if len(ps.Sentences) != 0 {
			t.Errorf("a copied passage has %d sentence pairs", len(ps.Sentences))
		}
		return
	case Rewritten:
		if len(ps.Sentences) == 0 {
			t.Errorf("a rewritten passage has no sentence pairs")
		}
	default:
		t.Fatalf("passage of kind %q", ps.Kind)
	}
	within := func(s, outer Span) bool { return outer.Start <= s.Start && s.Start < s.End && s.End <= outer.End }
	for i, sp := range ps.Sentences {
		if !within(sp.A, ps.A) || !within(sp.B, ps.B) {
			t.Fatalf("sentence pair %v %v outside its passage %v %v", sp.A, sp.B, ps.A, ps.B)
		}
		if sp.Similarity <= 0 || sp.Similarity > 1.0001 {
			t.Errorf("sentence pair similarity %v", sp.Similarity)
		}
		if i > 0 && sp.A.Start < ps.Sentences[i-1].A.End {
			t.Errorf("sentence pairs unsorted or overlapping on A: %v then %v", ps.Sentences[i-1].A, sp.A)
		}
		for j := range i {
			if q := ps.Sentences[j].B; sp.B.Start < q.End && q.Start < sp.B.End {
				t.Errorf("sentence pairs overlap on B: %v and %v", q, sp.B)
			}
		}
		var ra, rb strings.Builder
		for _, ed := range sp.Edits {
			ra.WriteString(ta[ed.A.Start:ed.A.End])
			rb.WriteString(tb[ed.B.Start:ed.B.End])
		}
		if ra.String() != ta[sp.A.Start:sp.A.End] || rb.String() != tb[sp.B.Start:sp.B.End] {
			t.Errorf("sentence pair %v %v: edits do not rebuild it", sp.A, sp.B)
		}
	}
}
