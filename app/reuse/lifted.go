package reuse

import (
	"cmp"
	"slices"
)

// liftedSummaries finds the summaries of documents da < db that lift
// sentences from their source, from their copied passages and similar
// sentence pairs (loose, sorted on side A, gives the summaries' sentence
// pairs): a run of consecutive sentences on the short side, at most
// maxSummaryWords words, each copied or one of similar, that holds two
// copied passages or more, whose counterparts lie within SummaryGap
// sentences of each other on the long side and span summaryCompression
// times the run's words, and whose two sides are similar as wholes.
//
// It is the summary setting of Sanchez-Perez, Gelbukh and Sidorov (CLEF
// 2015): where one side's passage is much shorter, the same seeds are
// clustered again with a larger gap, and the clusters of that setting
// are kept when their long side is three times their short one. Here
// the copied passages are seeds too: a summary that lifts a sentence
// here and there from across its source is otherwise found as those
// copied sentences, in pieces, with the summary around them lost. The
// pieces lie next to each other on the short side and far apart on the
// long one. Copy a desk trimmed keeps most of the story, so its two
// sides differ less than three times; two copies that a desk put in
// among other text have that text between them, which is similar to
// nothing, and a run stops there.
func (a *analysis) liftedSummaries(da, db int, similar, loose []sentenceSeed, copied []candidate) []rewriteCluster {
	if !mayLift(copied) {
		return nil
	}
	x := a.sentences
	fa, fb := x.first[da], x.first[db]
	sa, sb := x.sents[fa:x.first[da+1]], x.sents[fb:x.first[db+1]]
	if len(sa) == 0 || len(sb) == 0 {
		return nil
	}
	var out []rewriteCluster
	for side := range 2 {
		short, long := sa, sb
		if side == 1 {
			short, long = sb, sa
		}
		// Seeds with the short side as i: each copied passage's
		// sentences, paired in proportion along it, and each other
		// sentence with its most similar counterpart. A sentence that a
		// summary lifts has one source; a second counterpart, further
		// off, is a sentence on the same topic.
		best := make([]sentenceSeed, len(short))
		for n := range best {
			best[n].sim = -1
		}
		var seeds []sentenceSeed
		for _, k := range copied {
			w := k.words
			if side == 1 {
				w = region{a0: w.b0, a1: w.b1, b0: w.a0, b1: w.a1}
			}
			s0, s1 := sentencesOver(short, w.a0, w.a1)
			l0, l1 := sentencesOver(long, w.b0, w.b1)
			for s := s0; s <= s1; s++ {
				l := l0
				if s1 > s0 {
					l += (l1 - l0) * (s - s0) / (s1 - s0)
				}
				seeds = append(seeds, sentenceSeed{s, l, 1})
				best[s].sim = 2 // lifted: no other counterpart
			}
		}
		for _, s := range similar {
			if side == 1 {
				s = sentenceSeed{s.j, s.i, s.sim}
			}
			if s.sim > best[s.i].sim && best[s.i].sim <= 1 {
				best[s.i] = s
			}
		}
		for n, s := range best {
			if s.sim >= 0 && s.sim <= 1 {
				seeds = append(seeds, sentenceSeed{int32(n), s.j, s.sim})
			}
		}
		for _, group := range clusterSeeds(seeds, 0, a.opts.SummaryGap, false) {
			c := span(group)
			if c.i1-c.i0+1 < minSummarySentences {
				continue
			}
			if side == 1 {
				c = span(flipSeeds(group))
			}
			if !a.liftsCopies(c, sa, sb, copied) || !a.isLifted(c, side, da, db) {
				continue
			}
			// Its sentence pairs come from the similar sentences inside it.
			c.seeds = nil
			for _, s := range loose {
				if s.i >= c.i0 && s.i <= c.i1 && s.j >= c.j0 && s.j <= c.j1 {
					c.seeds = append(c.seeds, s)
				}
			}
			if len(c.seeds) == 0 {
				continue
			}
			c.summary, c.quotesSummary, c.lifted = true, true, true
			out = append(out, c)
		}
	}
	return out
}

// mayLift reports whether two of copied lie within maxSummaryWords words
// on one side, as the copied pieces of a summary's short side do: most
// pairs of documents have no two such.
func mayLift(copied []candidate) bool {
	for n, k := range copied {
		for _, l := range copied[n+1:] {
			if max(k.words.a1, l.words.a1)-min(k.words.a0, l.words.a0) <= maxSummaryWords ||
				max(k.words.b1, l.words.b1)-min(k.words.b0, l.words.b0) <= maxSummaryWords {
				return true
			}
		}
	}
	return false
}

// sentencesOver returns the first and last of sentences that words
// [w0, w1) touch.
func sentencesOver(ss []sentence, w0, w1 int) (int32, int32) {
	first, _ := slices.BinarySearchFunc(ss, w0, func(s sentence, w int) int { return cmp.Compare(int(s.w1), w+1) })
	first = min(first, len(ss)-1)
	last := first
	for last+1 < len(ss) && int(ss[last+1].w0) < w1 {
		last++
	}
	return int32(first), int32(last)
}

// liftsCopies reports whether cluster c holds two or more copied
// passages whole on both sides.
func (a *analysis) liftsCopies(c rewriteCluster, sa, sb []sentence, copied []candidate) bool {
	a0, a1, b0, b1 := int(sa[c.i0].w0), int(sa[c.i1].w1), int(sb[c.j0].w0), int(sb[c.j1].w1)
	n := 0
	for _, k := range copied {
		if w := k.words; w.a0 >= a0 && w.a1 <= a1 && w.b0 >= b0 && w.b1 <= b1 {
			n++
		}
	}
	return n >= 2
}

// isLifted reports whether cluster c, whose short side is A (side 0) or
// B (side 1), condenses its long side: at most maxSummaryWords words
// against summaryCompression times as many, and similar as wholes.
func (a *analysis) isLifted(c rewriteCluster, side, da, db int) bool {
	x := a.sentences
	fa, fb := x.first[da], x.first[db]
	wa := float64(x.sents[fa+c.i1].w1 - x.sents[fa+c.i0].w0)
	wb := float64(x.sents[fb+c.j1].w1 - x.sents[fb+c.j0].w0)
	if side == 1 {
		wa, wb = wb, wa
	}
	return wa <= maxSummaryWords && wb >= summaryCompression*wa &&
		a.fragmentSimilarity(c, fa, fb) >= a.opts.MinSimilarity
}
