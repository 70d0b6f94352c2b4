package reuse

import (
	"cmp"
	"slices"
)

// sentencePairs aligns a cluster's sentences: the most similar seeds
// first, each either joins the pair that already holds one of its
// sentences, as where two sentences were merged into one or one split in
// two, or starts a pair of its own; a seed that would make pairs overlap
// is left out. The pairs come in the order of side A, disjoint on both
// sides, each with its word diff.
//
// It also returns each pair's word ranges and the words the pairs share.
// With needWords, a cluster that cannot share MinWords words gets no
// pairs, and the diffs fold lone shared words into the edits around them,
// as a copied passage's do, so that Words counts what a passage shares,
// not coincidences; without it, the few words two rewritten sentences
// share are what a reader looks for, and every one is kept.
func (a *analysis) sentencePairs(al *aligner, da, db int, c rewriteCluster, needWords bool) ([]SentencePair, []region, int) {
	x := a.sentences
	fa, fb := x.first[da], x.first[db]
	seeds := slices.Clone(c.seeds)
	slices.SortStableFunc(seeds, func(p, q sentenceSeed) int { return cmp.Compare(q.sim, p.sim) })
	groups := make([]rewriteCluster, 0, len(seeds))
	clash := func(g rewriteCluster, skip int) bool {
		for n, h := range groups {
			if n != skip && (g.i0 <= h.i1 && h.i0 <= g.i1 || g.j0 <= h.j1 && h.j0 <= g.j1) {
				return true
			}
		}
		return false
	}
	for _, s := range seeds {
		home := -1
		for n, h := range groups {
			if s.i >= h.i0 && s.i <= h.i1 || s.j >= h.j0 && s.j <= h.j1 {
				home = n
				break
			}
		}
		if home < 0 {
			// The groups' seeds are not kept: their sentences are.
			if g := (rewriteCluster{i0: s.i, i1: s.i, j0: s.j, j1: s.j}); !clash(g, -1) {
				groups = append(groups, g)
			}
			continue
		}
		g := groups[home]
		g.i0, g.i1, g.j0, g.j1 = min(g.i0, s.i), max(g.i1, s.i), min(g.j0, s.j), max(g.j1, s.j)
		// Only a neighbouring sentence may join, and only where no
		// other pair stands.
		if g.i1-g.i0 <= groups[home].i1-groups[home].i0+1 && g.j1-g.j0 <= groups[home].j1-groups[home].j0+1 && !clash(g, home) {
			groups[home] = g
		}
	}
	slices.SortFunc(groups, func(p, q rewriteCluster) int { return cmp.Compare(p.i0, q.i0) })
	// Where a passage needs MinWords words in common, most clusters
	// share too few. A word diff finds no more shared words than the
	// longest common subsequence of the two sides, which a small dynamic
	// programme counts at a fraction of the cost of the diff: only
	// clusters that may reach MinWords are diffed.
	if needWords {
		bound := 0
		for _, g := range groups {
			bound += a.commonSubsequence(a.words[da][x.sents[fa+g.i0].w0:x.sents[fa+g.i1].w1], a.words[db][x.sents[fb+g.j0].w0:x.sents[fb+g.j1].w1])
		}
		if bound < a.opts.MinWords {
			return nil, nil, bound
		}
	}
	out := make([]SentencePair, 0, len(groups))
	words := make([]region, 0, len(groups))
	shared := 0
	ta, tb := a.docs[da].Text, a.docs[db].Text
	for _, g := range groups {
		sa, sb := x.sents[fa+g.i0], x.sents[fb+g.j0]
		ea, eb := x.sents[fa+g.i1], x.sents[fb+g.j1]
		r := region{a0: int(sa.w0), a1: int(ea.w1), b0: int(sb.w0), b1: int(eb.w1), keepHead: true, keepTail: true, literal: !needWords}
		p, _, _, _ := al.align(ta, tb, a.words[da], a.words[db], r)
		out = append(out, SentencePair{A: p.A, B: p.B, Similarity: a.fragmentSimilarity(g, fa, fb), Edits: p.Edits})
		words = append(words, r)
		shared += p.Words
	}
	return out, words, shared
}

// commonSubsequence returns the length of the longest common
// subsequence of the words u and v: the classic dynamic programme, one
// row at a time in a reused buffer.
func (a *analysis) commonSubsequence(u, v []token) int {
	if len(u) < len(v) {
		u, v = v, u
	}
	row := a.lcsRow[:0]
	for range len(v) + 1 {
		row = append(row, 0)
	}
	for _, x := range u {
		diag := int32(0) // row[j-1] of the previous row
		for j, y := range v {
			up := row[j+1]
			switch {
			case x.hash == y.hash:
				row[j+1] = diag + 1
			case row[j] > up:
				row[j+1] = row[j]
			}
			diag = up
		}
	}
	a.lcsRow = row
	return int(row[len(v)])
}

// stitch builds a rewritten passage from its sentence pairs when they
// run forwards on both sides: their word diffs, joined by what lies
// between them (deleted on side A, inserted on side B). That is the
// passage's word diff at a fraction of the cost of diffing it whole, where
// go-diff's time grows with the product of length and edits. ok is false
// when the pairs cross on side B.
func stitch(pairs []SentencePair, words []region, shared int) (p Passage, r region, ok bool) {
	for n := 1; n < len(pairs); n++ {
		if pairs[n].B.Start < pairs[n-1].B.End {
			return Passage{}, region{}, false
		}
	}
	first, last := pairs[0], pairs[len(pairs)-1]
	p = Passage{A: Span{first.A.Start, last.A.End}, B: Span{first.B.Start, last.B.End}, Words: shared}
	atA, atB := p.A.Start, p.B.Start
	edits := 0
	for _, sp := range pairs {
		edits += len(sp.Edits) + 2 // and what lies before it on either side
	}
	p.Edits = make([]Edit, 0, edits)
	for _, sp := range pairs {
		if sp.A.Start > atA {
			p.Edits = append(p.Edits, Edit{Op: Delete, A: Span{atA, sp.A.Start}, B: Span{atB, atB}})
		}
		if sp.B.Start > atB {
			p.Edits = append(p.Edits, Edit{Op: Insert, A: Span{sp.A.Start, sp.A.Start}, B: Span{atB, sp.B.Start}})
		}
		p.Edits = append(p.Edits, sp.Edits...)
		atA, atB = sp.A.End, sp.B.End
	}
	r = region{a0: words[0].a0, a1: words[len(words)-1].a1, b0: words[0].b0, b1: words[len(words)-1].b1}
	p.Identity = float64(2*shared) / float64(r.a1-r.a0+r.b1-r.b0)
	return p, r, true
}
