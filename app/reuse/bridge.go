package reuse

import "slices"

// bridgeCopies merges two copied passages that follow each other on both
// sides when what lies between them is rewritten: no more than
// SentenceGap sentences on either side, with a similar sentence pair
// inside. A copy desk that rewrote a sentence or two in the middle of a
// copied story still ran one story; two copies that merely sit near each
// other, with unrelated text between, stay apart. Two copies that cross
// (in order on side A, the other way round on B), one of them heavily
// edited (identity under maxAbsorbedIdentity), are merged on the same
// terms, the gap on B being the text between them there: a rewrite that
// moves sentences about leaves copied fragments that cross with
// rewritten text between them, as the extension step of Sanchez-Perez et
// al. (CLEF 2015) joins seeds whatever their order within a gap, while
// paragraphs a desk moved keep their words and stay apart.
func (a *analysis) bridgeCopies(al *aligner, da, db int, seeds []sentenceSeed, copied []candidate) []candidate {
	if len(copied) < 2 {
		return copied
	}
	x := a.sentences
	fa, fb := x.first[da], x.first[db]
	sa, sb := x.sents[fa:x.first[da+1]], x.sents[fb:x.first[db+1]]
	// sentencesIn counts the sentences that lie wholly in words [w0, w1).
	sentencesIn := func(ss []sentence, w0, w1 int) int {
		n := 0
		for _, s := range ss {
			if int(s.w0) >= w0 && int(s.w1) <= w1 {
				n++
			}
		}
		return n
	}
	out := []candidate{copied[0]}
	for n, k := range copied[1:] {
		p := &out[len(out)-1]
		g := region{a0: p.words.a1, a1: k.words.a0, b0: p.words.b1, b1: k.words.b0}
		r := region{a0: p.words.a0, a1: k.words.a1, b0: p.words.b0, b1: k.words.b1}
		crossed := g.b0 > g.b1
		if crossed && (p.p.Identity < maxAbsorbedIdentity || k.p.Identity < maxAbsorbedIdentity) {
			g.b0, g.b1 = k.words.b1, p.words.b0
			// Both ends stay: a diff of the whole matches one fragment
			// and would trim the other off (as in joinCrossing).
			r = region{a0: p.words.a0, a1: k.words.a1, b0: k.words.b0, b1: p.words.b1, keepHead: true, keepTail: true}
			// The list is in order on side A only: on side B the merged
			// span may reach over another passage, and passages stay
			// disjoint on both sides.
			others := append(out[:len(out)-1:len(out)-1], copied[n+2:]...)
			if slices.ContainsFunc(others, func(o candidate) bool { return r.overlaps(o.words) }) {
				out = append(out, k)
				continue
			}
		}
		bridged := g.a0 <= g.a1 && g.b0 <= g.b1 &&
			sentencesIn(sa, g.a0, g.a1) <= a.opts.SentenceGap && sentencesIn(sb, g.b0, g.b1) <= a.opts.SentenceGap &&
			slices.ContainsFunc(seeds, func(s sentenceSeed) bool {
				return int(sa[s.i].w1) > g.a0 && int(sa[s.i].w0) < g.a1 && int(sb[s.j].w1) > g.b0 && int(sb[s.j].w0) < g.b1
			})
		if bridged {
			merged, w, _, ok := al.align(a.docs[da].Text, a.docs[db].Text, a.words[da], a.words[db], r)
			// The diff of crossed copies keeps one order's shared words,
			// and a passage needs MinWords of them.
			if ok && (!crossed || merged.Words >= a.opts.MinWords) {
				merged.Kind = Copied
				*p = candidate{merged, w}
				continue
			}
		}
		out = append(out, k)
	}
	return out
}

// joinCrossing merges two copied passages that lie next to each other on
// both sides, in either order, no more than MaxGap words apart, when one
// of them is heavily edited (identity under maxAbsorbedIdentity): words
// and phrases shuffled within a passage, as PAN's random obfuscation does
// and a rewrite that turns clauses around, leave copied fragments that
// cross, and a reader sees one reused passage. Copy whose paragraphs a
// desk moved about keeps its words, and stays one passage a paragraph.
func (a *analysis) joinCrossing(al *aligner, da, db int, copied []candidate) []candidate {
	if len(copied) < 2 {
		return copied
	}
	gap := a.opts.MaxGap
	edited := func(k candidate) bool { return k.p.Identity < maxAbsorbedIdentity }
	out := []candidate{copied[0]}
	for i, k := range copied[1:] {
		p := &out[len(out)-1]
		pw, kw := p.words, k.words
		near := func(a0, a1, b0, b1 int) bool { return a0 <= b1+gap && b0 <= a1+gap }
		if (edited(*p) || edited(k)) && near(pw.a0, pw.a1, kw.a0, kw.a1) && near(pw.b0, pw.b1, kw.b0, kw.b1) {
			// Both ends stay: the fragments cross, so a diff of the whole
			// matches one of them and would trim the other off.
			r := region{a0: min(pw.a0, kw.a0), a1: max(pw.a1, kw.a1), b0: min(pw.b0, kw.b0), b1: max(pw.b1, kw.b1), keepHead: true, keepTail: true}
			// The list is in order on side A only: on side B the joined
			// span may reach over another passage, and passages stay
			// disjoint on both sides.
			others := append(out[:len(out)-1:len(out)-1], copied[i+2:]...)
			if slices.ContainsFunc(others, func(o candidate) bool { return r.overlaps(o.words) }) {
				out = append(out, k)
				continue
			}
			if merged, w, _, ok := al.align(a.docs[da].Text, a.docs[db].Text, a.words[da], a.words[db], r); ok {
				merged.Kind = Copied
				*p = candidate{merged, w}
				continue
			}
		}
		out = append(out, k)
	}
	return out
}

// overlaps reports whether r and o share a word on either side.
func (r region) overlaps(o region) bool {
	return (r.a0 < o.a1 && o.a0 < r.a1) || (r.b0 < o.b1 && o.b0 < r.b1)
}
