package reuse

import (
	"cmp"
	"slices"
)

// A candidate is a passage with its word ranges, before passages are
// chosen.
type candidate struct {
	p     Passage
	words region
}

// rewrites finds the rewritten passages of documents da < db from the
// similar sentences they share, given the copied passages already found
// (sorted by position in da). It returns the passages to report, copied
// and rewritten, sorted by position in da. Copied wins where both apply: a
// cluster of similar sentences that copied passages mostly cover stays
// those copied passages; one they cover only in part becomes one
// rewritten passage that takes them in.
//
// The method is that of Sanchez-Perez, Gelbukh and Sidorov ("Adaptive
// algorithm for plagiarism detection: the best-performing approach at PAN
// 2014 text alignment competition", CLEF 2015): similar sentence pairs are
// seeds; seeds closer than SentenceGap sentences on both sides are
// clustered, alternately by one side and the other, until no cluster
// splits; a cluster whose two fragments, taken whole, are not similar
// enough is clustered again with a smaller gap. Where one side condenses
// the other (a summary), its seeds lie far apart on the long side only,
// so a cluster may spread over SummaryGap sentences there.
func (a *analysis) rewrites(al *aligner, da, db int, work pairWork, copied []candidate) []candidate {
	seeds := work.similar
	if a.stemmed(da, db) {
		seeds = withRuns(seeds, work.loose)
	}
	o := a.opts
	x := a.sentences
	fa, fb := x.first[da], x.first[db]
	sa, sb := x.sents[fa:x.first[da+1]], x.sents[fb:x.first[db+1]]
	copied = a.bridgeCopies(al, da, db, seeds, copied)
	copied = a.joinCrossing(al, da, db, copied)

	// A seed whose two sentences lie in one copied passage is part of
	// that copy.
	inCopy := func(sd sentenceSeed) bool {
		for _, k := range copied {
			w := k.words
			if int(sa[sd.i].w0) < w.a1 && w.a0 < int(sa[sd.i].w1) && int(sb[sd.j].w0) < w.b1 && w.b0 < int(sb[sd.j].w1) {
				return true
			}
		}
		return false
	}
	// Clusters made mostly of copied sentences belong to the copied
	// passages, which stay as they are; their other seeds are clustered
	// again on their own. A cluster with copied fragments in a minority,
	// or filled with similar sentences around them, is rewritten text in
	// which a few phrases survived, and a summary quotes a few: they take
	// those in.
	var clusters []rewriteCluster
	var rest []sentenceSeed
	for _, c := range a.clusters(seeds, work.loose, da, db) {
		n := 0
		for _, sd := range c.seeds {
			if inCopy(sd) {
				n++
			}
		}
		c.quotesSummary = c.summary && !a.copiedSummary(c, sa, sb, copied)
		if c.quotesSummary || n == 0 || 2*n < len(c.seeds) || n < len(c.seeds) && dense(c, len(c.seeds) < 3) {
			c.absorb = true
			clusters = append(clusters, c)
			continue
		}
		for _, sd := range c.seeds {
			if !inCopy(sd) {
				rest = append(rest, sd)
			}
		}
	}
	if len(rest) > 0 {
		clusters = append(clusters, a.clusters(rest, nil, da, db)...)
	}
	clusters = append(clusters, a.liftedSummaries(da, db, work.similar, work.loose, copied)...)

	toRegion := func(c rewriteCluster) region {
		return region{a0: int(sa[c.i0].w0), a1: int(sa[c.i1].w1), b0: int(sb[c.j0].w0), b1: int(sb[c.j1].w1), keepHead: true, keepTail: true}
	}
	// Larger clusters first; one that overlaps a larger one is dropped.
	size := func(c rewriteCluster) int { r := toRegion(c); return r.a1 - r.a0 + r.b1 - r.b0 }
	slices.SortStableFunc(clusters, func(p, q rewriteCluster) int { return cmp.Compare(size(q), size(p)) })

	out := slices.Clone(copied)
	absorbed := make([]bool, len(copied))
	var rewritten []candidate
next:
	for _, c := range clusters {
		r := toRegion(c)
		if r.a1-r.a0 < o.MinWords || r.b1-r.b0 < o.MinWords {
			continue
		}
		// A lone sentence pair must be close: two reports of one fact
		// share its names and numbers, and little else.
		if len(c.seeds) == 1 && float64(c.seeds[0].sim) < o.MinSimilarity+loneExtra {
			continue
		}
		for _, k := range rewritten {
			if overlaps(r, k.words) {
				continue next
			}
		}
		// Copied passages inside the cluster are taken in, if it may;
		// copied text elsewhere on one side means this is not one passage.
		var inside []int
		for n, k := range copied {
			w := k.words
			oa, ob := min(r.a1, w.a1)-max(r.a0, w.a0), min(r.b1, w.b1)-max(r.b0, w.b0)
			switch {
			case oa > 0 && ob > 0 && a.takesIn(c, k):
				inside = append(inside, n)
			case oa > 0 || ob > 0:
				continue next
			}
		}
		for _, n := range inside {
			w := copied[n].words
			r.a0, r.a1 = min(r.a0, w.a0), max(r.a1, w.a1)
			r.b0, r.b1 = min(r.b0, w.b0), max(r.b1, w.b1)
		}
		// A rewrite keeps many of its source's stems, if not its words in
		// a row: 1.5·MinWords of them, counted before any diff, so that
		// the many clusters that fail cost no alignment. Character
		// n-grams, where there are no stems, are too many and too small to
		// count: there the passage needs MinWords words in common, as a
		// copied one does.
		stemmed := a.stemmed(da, db)
		if stemmed && 2*a.commonTerms(c, da, db) < 3*o.MinWords {
			continue
		}
		pairs, pairWords, shared := a.sentencePairs(al, da, db, c, !stemmed)
		if len(pairs) == 0 {
			continue
		}
		p, w, ok := stitch(pairs, pairWords, shared)
		if len(inside) > 0 || !ok {
			// Copied fragments taken in, or sentences that cross: the
			// passage is diffed whole.
			p, w, _, ok = al.align(a.docs[da].Text, a.docs[db].Text, a.words[da], a.words[db], r)
		}
		if !ok || !stemmed && p.Words < o.MinWords {
			continue
		}
		for _, n := range inside {
			absorbed[n] = true
		}
		p.Kind = Rewritten
		p.Sentences = pairs
		rewritten = append(rewritten, candidate{p, w})
	}
	out = slices.DeleteFunc(out, func(k candidate) bool {
		n := slices.IndexFunc(copied, func(c candidate) bool { return c.words == k.words })
		return absorbed[n]
	})
	out = append(out, rewritten...)
	slices.SortFunc(out, func(p, q candidate) int { return cmp.Compare(p.words.a0, q.words.a0) })
	return out
}

// takesIn reports whether rewritten cluster c takes in copied passage k
// that lies inside it: a fragment a rewrite left standing keeps few of
// its words, a phrase a summary quotes may keep all of them, and a copied
// paragraph stays copied however a desk edited it, unless it is one of
// the pieces of a summary that lifts sentences (liftedSummaries).
func (a *analysis) takesIn(c rewriteCluster, k candidate) bool {
	if c.lifted {
		return true
	}
	if !c.absorb || k.p.Words > 3*a.opts.MinWords && k.p.Identity >= maxLongAbsorbedIdentity {
		return false
	}
	return c.quotesSummary || k.p.Identity < maxAbsorbedIdentity
}

// dense reports whether similar sentences fill the cluster's shorter
// side, or, if both, both sides: at least three in four of their
// sentences have a counterpart. A paragraph rewritten word by word keeps
// a phrase here and there, and those copied fragments come with similar
// sentences all around them; copy that a desk cut and edited keeps its
// copied sentences between sentences that match nothing.
func dense(c rewriteCluster, both bool) bool {
	filled := func(lo, hi int32, side func(sentenceSeed) int32) bool {
		seen := make([]bool, hi-lo+1)
		n := 0
		for _, s := range c.seeds {
			if k := side(s) - lo; !seen[k] {
				seen[k] = true
				n++
			}
		}
		return 4*n >= 3*len(seen)
	}
	onA := filled(c.i0, c.i1, func(s sentenceSeed) int32 { return s.i })
	onB := filled(c.j0, c.j1, func(s sentenceSeed) int32 { return s.j })
	switch {
	case both:
		return onA && onB
	case c.j1-c.j0 < c.i1-c.i0:
		return onB
	}
	return onA
}

// copiedSummary reports whether copied passages cover half of summary
// c's short side: then it is copy that a desk cut down, not a summary,
// and the copied passages stand. A summary whose long side is
// summaryCompression times its short side or more is not that, however
// much of it is copied: a desk trims a story, while a summary condenses
// it, lifting a sentence here and there from across its source, and
// those lifted sentences are part of the summary.
func (a *analysis) copiedSummary(c rewriteCluster, sa, sb []sentence, copied []candidate) bool {
	a0, a1, b0, b1 := int(sa[c.i0].w0), int(sa[c.i1].w1), int(sb[c.j0].w0), int(sb[c.j1].w1)
	if max(a1-a0, b1-b0) >= summaryCompression*min(a1-a0, b1-b0) {
		return false
	}
	na, nb := 0, 0
	for _, k := range copied {
		w := k.words
		if oa, ob := min(a1, w.a1)-max(a0, w.a0), min(b1, w.b1)-max(b0, w.b0); oa > 0 && ob > 0 {
			na, nb = na+oa, nb+ob
		}
	}
	if a1-a0 <= b1-b0 {
		return 2*na >= a1-a0
	}
	return 2*nb >= b1-b0
}

// summaryCompression is how many times longer than its short side a
// summary's long side is when the summary condenses it rather than a
// desk trimming it: each of the 238 PAN 2013 training summaries condenses
// its source 3.6 times or more (7.2 in the median, in characters), while
// wire copy that a desk cuts keeps most of a story;
// the rewritten UPI brief of the seeds (002) spans half as many words as
// the story it retells (001) and stays three copied passages and a
// rewritten one.
const summaryCompression = 3

// maxAbsorbedIdentity bounds the copied passages a rewritten one may take
// in: a fragment a rewrite left standing keeps few of its words, while
// copy as a desk edits it keeps most, and stays a copied passage. A
// fragment of more than 3·MinWords shared words must keep fewer still,
// maxLongAbsorbedIdentity: a copied paragraph that a desk reordered,
// trimmed and re-typeset at once keeps more.
const (
	maxAbsorbedIdentity     = 0.85
	maxLongAbsorbedIdentity = 0.7
)

// stemmed reports whether both documents' terms are stems.
func (a *analysis) stemmed(da, db int) bool {
	return a.langs[da].stem != nil && a.langs[db].stem != nil
}

// commonTerms returns how many terms the two fragments of c share.
func (a *analysis) commonTerms(c rewriteCluster, da, db int) int {
	x := a.sentences
	_, common := x.compareFragments(x.first[da]+c.i0, x.first[da]+c.i1, x.first[db]+c.j0, x.first[db]+c.j1)
	return common
}

// loneExtra is how much more alike than MinSimilarity a lone pair of
// sentences must be to stand as a rewritten passage on its own.
const loneExtra = 0.2

// overlaps reports whether two regions share words on either side.
func overlaps(p, q region) bool {
	return p.a0 < q.a1 && q.a0 < p.a1 || p.b0 < q.b1 && q.b0 < p.b1
}
