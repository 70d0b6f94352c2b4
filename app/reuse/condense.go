package reuse

import (
	"cmp"
	"slices"
)

// Summaries. A summary's sentences each condense several of its source,
// in other words and often in another order, so they are less alike than
// a rewrite's: a summary sentence seeds at summarySimilarity, and a
// summary is a run of at least minSummarySentences such sentences, close
// together on its own side, of the wholeStory shape.
const (
	summarySimilarity   = 0.2
	minSummarySentences = 3
	// minSummaryDensity is the share of a summary's short side that
	// its run of loosely similar sentences must fill.
	minSummaryDensity = 0.7
	// maxSummaryWords bounds a summary's short side: a few paragraphs.
	// Two long texts on one topic explain much of each other at the
	// loose similarity a summary is held to, without either condensing
	// the other.
	maxSummaryWords = 500
)

// summaries finds the summaries that either of documents da < db makes
// of the other, from the pairs of sentences alike enough to be part of
// one (loose, sorted on side A).
func (a *analysis) summaries(da, db int, loose []sentenceSeed) []rewriteCluster {
	if len(loose) < minSummarySentences {
		return nil
	}
	var out []rewriteCluster
	best := make([]sentenceSeed, 0, len(loose))
	var run []sentenceSeed
	for side := range 2 {
		// Each sentence of the short side with its best counterpart, in
		// the order of the short side.
		best = best[:0]
		for _, s := range loose {
			if side == 1 {
				s = sentenceSeed{s.j, s.i, s.sim}
			}
			best = append(best, s)
		}
		slices.SortFunc(best, func(p, q sentenceSeed) int {
			if c := cmp.Compare(p.i, q.i); c != 0 {
				return c
			}
			return cmp.Compare(q.sim, p.sim)
		})
		best = slices.CompactFunc(best, func(p, q sentenceSeed) bool { return p.i == q.i })
		run = run[:0]
		flush := func() {
			// A run that becomes a summary on side A is its seeds; any
			// other is copied or dropped, and its memory serves the next.
			kept := false
			if len(run) >= minSummarySentences {
				c := span(run)
				if side == 1 {
					c = span(flipSeeds(run))
				}
				// The run fills its short side: a summary's every sentence
				// condenses part of the source, while a rewritten passage's
				// loose neighbours, in a long text on one topic, are few
				// and far between.
				short := c.i1 - c.i0 + 1
				if side == 1 {
					short = c.j1 - c.j0 + 1
				}
				if float64(len(run)) >= minSummaryDensity*float64(short) && a.isSummary(c, side, da, db, wholeStory) {
					c.summary = true
					out = append(out, c)
					kept = side == 0
				}
			}
			if kept {
				run = nil
			} else {
				run = run[:0]
			}
		}
		for _, s := range best {
			if n := len(run); n > 0 && int(s.i-run[n-1].i) > a.opts.SentenceGap+1 {
				flush()
			}
			run = append(run, s)
		}
		flush()
	}
	return out
}

// longCoverage returns the share of the sentences of c's long side that
// are at least summarySimilarity/2 alike to some sentence of its short
// side: a summary condenses all of the span it covers, a passage picked
// from a long text leaves most of the text around it unexplained.
func (a *analysis) longCoverage(c rewriteCluster, side, da, db int) float64 {
	x := a.sentences
	fs, s0, s1, fl, l0, l1 := x.first[da], c.i0, c.i1, x.first[db], c.j0, c.j1
	if side == 1 {
		fs, s0, s1, fl, l0, l1 = fl, l0, l1, fs, s0, s1
	}
	n := 0
	for l := l0; l <= l1; l++ {
		for s := s0; s <= s1; s++ {
			if cos, _ := cosineDice(x.vector(fl+l), x.vector(fs+s)); cos >= summarySimilarity/2 {
				n++
				break
			}
		}
	}
	return float64(n) / float64(l1-l0+1)
}

// flipSeeds returns seeds with their sides swapped.
func flipSeeds(seeds []sentenceSeed) []sentenceSeed {
	out := make([]sentenceSeed, len(seeds))
	for n, s := range seeds {
		out[n] = sentenceSeed{s.j, s.i, s.sim}
	}
	return out
}

// A summary shape: how much longer its long side is than its short one,
// how much of its long side's document it must span (0: any part), and
// what share of the long side's sentences the short side must explain.
type summaryShape struct {
	ratio, ofDocument, coverage float64
}

var (
	// wholeStory is a summary found by comparing every sentence with
	// every other: it must condense at least half an article, and
	// explain most of it, to be told from a passage picked from a page.
	wholeStory = summaryShape{ratio: 2, ofDocument: 0.5, coverage: 0.65}
	// condensed is a cluster of sentence pairs spread over SummaryGap
	// sentences on its long side, that replaces the clusters it covers.
	condensed = summaryShape{ratio: 1.5, ofDocument: 0.3, coverage: 0.5}
)

// isSummary reports whether cluster c, whose short side is A (side 0) or
// B (side 1), has the given shape and is similar to its long side as a
// whole.
func (a *analysis) isSummary(c rewriteCluster, side, da, db int, shape summaryShape) bool {
	x := a.sentences
	fa, fb := x.first[da], x.first[db]
	wa := float64(x.sents[fa+c.i1].w1 - x.sents[fa+c.i0].w0)
	wb := float64(x.sents[fb+c.j1].w1 - x.sents[fb+c.j0].w0)
	longDoc := float64(len(a.words[db]))
	if side == 1 {
		wa, wb, longDoc = wb, wa, float64(len(a.words[da]))
	}
	return wa <= maxSummaryWords && wb >= shape.ratio*wa && wb >= shape.ofDocument*longDoc &&
		a.fragmentSimilarity(c, fa, fb) >= a.opts.MinSimilarity &&
		a.longCoverage(c, side, da, db) >= shape.coverage
}

// validateSummary replaces the clusters that the cluster of seeds covers
// with it, if it has the condensed shape and spans more than one of them.
func (a *analysis) validateSummary(seeds []sentenceSeed, da, db int, out []rewriteCluster) []rewriteCluster {
	c := span(seeds)
	x := a.sentences
	fa, fb := x.first[da], x.first[db]
	side := 0
	if x.sents[fb+c.j1].w1-x.sents[fb+c.j0].w0 < x.sents[fa+c.i1].w1-x.sents[fa+c.i0].w0 {
		side = 1
	}
	if !a.isSummary(c, side, da, db, condensed) {
		return out
	}
	c.summary = true
	return replaceCovered(out, c, 2)
}

// replaceCovered replaces the clusters of out that c covers with c, if
// there are at least least of them.
func replaceCovered(out []rewriteCluster, c rewriteCluster, least int) []rewriteCluster {
	n := 0
	for _, k := range out {
		if k.i0 >= c.i0 && k.i1 <= c.i1 && k.j0 >= c.j0 && k.j1 <= c.j1 {
			n++
		}
	}
	if n < least {
		return out
	}
	out = slices.DeleteFunc(out, func(k rewriteCluster) bool {
		return k.i0 >= c.i0 && k.i1 <= c.i1 && k.j0 >= c.j0 && k.j1 <= c.j1
	})
	return append(out, c)
}
