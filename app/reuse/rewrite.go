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

// A sentenceSeed pairs sentence i of one document with sentence j of
// another (numbers within each document) that says much the same.
type sentenceSeed struct {
	i, j int32
	sim  float32
}

// A rewriteCluster is a set of seeds that lie close together on both
// sides: one rewritten passage in the making.
type rewriteCluster struct {
	seeds          []sentenceSeed
	i0, i1, j0, j1 int32 // first and last sentence on each side
	absorb         bool  // may take in the copied passages inside it
	// summary marks a cluster that condenses its long side: the phrases
	// a summary copies word for word are part of it, whatever their
	// identity.
	summary bool
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
	// again on their own. A cluster with copied fragments in a minority
	// is rewritten text in which a few phrases survived: it takes them in.
	var clusters []rewriteCluster
	var rest []sentenceSeed
	for _, c := range a.clusters(seeds, work.loose, da, db) {
		n := 0
		for _, sd := range c.seeds {
			if inCopy(sd) {
				n++
			}
		}
		if c.summary && !a.copiedSummary(c, sa, sb, copied) || n == 0 || 2*n < len(c.seeds) || n < len(c.seeds) && dense(c, len(c.seeds) < 3) {
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
			case oa > 0 && ob > 0 && c.absorb && (k.p.Words <= 3*o.MinWords || k.p.Identity < maxLongAbsorbedIdentity) &&
				(c.summary && !a.copiedSummary(c, sa, sb, copied) || k.p.Identity < maxAbsorbedIdentity):
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

// minRun is the fewest loosely similar sentence pairs in a row, in the
// same order on both sides, that seed a rewritten passage as well as a
// pair similar enough on its own.
const minRun = 3

// withRuns returns seeds with the loose pairs (sorted on side A) that
// follow each other in order on both sides for minRun sentences or more:
// a story rewritten sentence by sentence keeps its order, and three
// sentences in a row each a little alike say more than one that is alike
// on its own. Independent reports of one event tell it in their own
// order.
func withRuns(seeds, loose []sentenceSeed) []sentenceSeed {
	if len(loose) < minRun {
		return seeds
	}
	out := slices.Clone(seeds)
	loose = slices.Clone(loose)
	slices.SortFunc(loose, func(p, q sentenceSeed) int {
		if c := cmp.Compare(p.i, q.i); c != 0 {
			return c
		}
		return cmp.Compare(q.sim, p.sim)
	})
	var run []sentenceSeed
	flush := func() {
		if len(run) >= minRun {
			for _, s := range run {
				if !slices.ContainsFunc(seeds, func(t sentenceSeed) bool { return t.i == s.i && t.j == s.j }) {
					out = append(out, s)
				}
			}
		}
		run = run[:0]
	}
	for _, s := range loose {
		if n := len(run); n > 0 {
			last := run[n-1]
			switch {
			case s.i == last.i:
				continue // one counterpart a sentence: the best is first
			case s.i-last.i > 2 || s.j <= last.j || s.j-last.j > 2:
				flush()
			}
		}
		run = append(run, s)
	}
	flush()
	return out
}

// copiedSummary reports whether copied passages cover half of summary
// c's short side: then it is copy that a desk cut down, not a summary,
// and the copied passages stand.
func (a *analysis) copiedSummary(c rewriteCluster, sa, sb []sentence, copied []candidate) bool {
	a0, a1, b0, b1 := int(sa[c.i0].w0), int(sa[c.i1].w1), int(sb[c.j0].w0), int(sb[c.j1].w1)
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

// clusters groups seeds into clusters whose fragments are similar as
// wholes, first within SentenceGap sentences on both sides, then, for
// summaries, within SummaryGap sentences on one side.
func (a *analysis) clusters(seeds, loose []sentenceSeed, da, db int) []rewriteCluster {
	o := a.opts
	fa, fb := a.sentences.first[da], a.sentences.first[db]
	var clusters []rewriteCluster
	for _, c := range clusterSeeds(slices.Clone(seeds), o.SentenceGap, o.SentenceGap, true) {
		clusters = a.validate(c, fa, fb, o.SentenceGap, clusters)
	}
	if len(clusters) > 1 {
		for _, c := range clusterSeeds(slices.Clone(seeds), o.SentenceGap, o.SummaryGap, false) {
			clusters = a.validateSummary(c, da, db, clusters)
		}
		for _, c := range clusterSeeds(slices.Clone(seeds), o.SummaryGap, o.SentenceGap, false) {
			clusters = a.validateSummary(c, da, db, clusters)
		}
	}
	for _, c := range a.summaries(da, db, loose) {
		clusters = replaceCovered(clusters, c, 0)
	}
	return clusters
}

// Summaries. A summary's sentences each condense several of its source,
// in other words and often in another order, so they are less alike than
// a rewrite's: a summary sentence seeds at summarySimilarity, and a
// summary is a run of at least minSummarySentences such sentences, close
// together on its own side, of the wholeStory shape.
const (
	summarySimilarity   = 0.2
	minSummarySentences = 3
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
	for side := range 2 {
		// Each sentence of the short side with its best counterpart, in
		// the order of the short side.
		var best []sentenceSeed
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
		var run []sentenceSeed
		flush := func() {
			if len(run) >= minSummarySentences {
				c := span(run)
				if side == 1 {
					c = span(flipSeeds(run))
				}
				if a.isSummary(c, side, da, db, wholeStory) {
					c.summary = true
					out = append(out, c)
				}
			}
			run = nil
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

// bridgeCopies merges two copied passages that follow each other on both
// sides when what lies between them is rewritten: no more than
// SentenceGap sentences on either side, with a similar sentence pair
// inside. A copy desk that rewrote a sentence or two in the middle of a
// copied story still ran one story; two copies that merely sit near each
// other, with unrelated text between, stay apart.
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
	for _, k := range copied[1:] {
		p := &out[len(out)-1]
		g := region{a0: p.words.a1, a1: k.words.a0, b0: p.words.b1, b1: k.words.b0}
		bridged := g.a0 <= g.a1 && g.b0 <= g.b1 &&
			sentencesIn(sa, g.a0, g.a1) <= a.opts.SentenceGap && sentencesIn(sb, g.b0, g.b1) <= a.opts.SentenceGap &&
			slices.ContainsFunc(seeds, func(s sentenceSeed) bool {
				return int(sa[s.i].w1) > g.a0 && int(sa[s.i].w0) < g.a1 && int(sb[s.j].w1) > g.b0 && int(sb[s.j].w0) < g.b1
			})
		if bridged {
			r := region{a0: p.words.a0, a1: k.words.a1, b0: p.words.b0, b1: k.words.b1}
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

// stemmed reports whether both documents' terms are stems.
func (a *analysis) stemmed(da, db int) bool {
	return a.langs[da].stem != nil && a.langs[db].stem != nil
}

// commonTerms returns how many terms the two fragments of c share.
func (a *analysis) commonTerms(c rewriteCluster, da, db int) int {
	x := a.sentences
	a.fragA = x.sumVector(x.first[da]+c.i0, x.first[da]+c.i1, a.fragA)
	a.fragB = x.sumVector(x.first[db]+c.j0, x.first[db]+c.j1, a.fragB)
	_, dice := cosineDice(a.fragA, a.fragB)
	return int(dice*float64(len(a.fragA)+len(a.fragB))/2 + 0.5)
}

// loneExtra is how much more alike than MinSimilarity a lone pair of
// sentences must be to stand as a rewritten passage on its own.
const loneExtra = 0.2

// overlaps reports whether two regions share words on either side.
func overlaps(p, q region) bool {
	return p.a0 < q.a1 && q.a0 < p.a1 || p.b0 < q.b1 && q.b0 < p.b1
}

// clusterSeeds groups seeds that follow each other within gapI sentences
// on side A and gapJ on side B, splitting by one side and then the other
// until no group splits.
//
// With ordered, a group is also split into chains that run forwards on
// both sides; a summary reorders what it condenses, and is not.
func clusterSeeds(seeds []sentenceSeed, gapI, gapJ int, ordered bool) [][]sentenceSeed {
	var out [][]sentenceSeed
	var split func(s []sentenceSeed)
	split = func(s []sentenceSeed) {
		for side := 0; side < 2; side++ {
			coord := func(x sentenceSeed) int32 { return x.i }
			gap := int32(gapI)
			if side == 1 {
				coord = func(x sentenceSeed) int32 { return x.j }
				gap = int32(gapJ)
			}
			slices.SortFunc(s, func(p, q sentenceSeed) int { return cmp.Compare(coord(p), coord(q)) })
			breaks := func(n int) bool { return n == len(s) || coord(s[n])-coord(s[n-1]) > gap+1 }
			whole := true
			for n := 1; n < len(s); n++ {
				whole = whole && !breaks(n)
			}
			if !whole {
				from := 0
				for n := 1; n <= len(s); n++ {
					if breaks(n) {
						split(s[from:n])
						from = n
					}
				}
				return
			}
		}
		if chains := orderedChains(s); ordered && len(chains) > 1 {
			for _, c := range chains {
				split(c)
			}
			return
		}
		out = append(out, s)
	}
	if len(seeds) > 0 {
		split(seeds)
	}
	return out
}

// orderedChains splits seeds, sorted by side A, into chains that run
// forwards on both sides, as the copied passages' seed chains do: a
// story whose paragraphs another outlet moved about comes back as
// several passages, not one that spans both texts. Two neighbouring
// sentences may swap places within a chain.
func orderedChains(seeds []sentenceSeed) [][]sentenceSeed {
	var chains [][]sentenceSeed
	for _, s := range seeds {
		best, bestCost := -1, int32(0)
		for n, c := range chains {
			last := c[len(c)-1]
			if s.j < last.j-1 {
				continue
			}
			if cost := abs32((s.j - last.j) - (s.i - last.i)); best < 0 || cost < bestCost {
				best, bestCost = n, cost
			}
		}
		if best < 0 {
			chains = append(chains, []sentenceSeed{s})
		} else {
			chains[best] = append(chains[best], s)
		}
	}
	return chains
}

func abs32(x int32) int32 {
	if x < 0 {
		return -x
	}
	return x
}

// span returns the first and last sentence of seeds on each side.
func span(seeds []sentenceSeed) rewriteCluster {
	c := rewriteCluster{seeds: seeds, i0: seeds[0].i, i1: seeds[0].i, j0: seeds[0].j, j1: seeds[0].j}
	for _, s := range seeds[1:] {
		c.i0, c.i1 = min(c.i0, s.i), max(c.i1, s.i)
		c.j0, c.j1 = min(c.j0, s.j), max(c.j1, s.j)
	}
	return c
}

// validate appends c to out if its two fragments are similar as wholes;
// otherwise it clusters c's seeds again with a smaller gap.
func (a *analysis) validate(seeds []sentenceSeed, fa, fb int32, gap int, out []rewriteCluster) []rewriteCluster {
	c := span(seeds)
	if a.fragmentSimilarity(c, fa, fb) >= a.opts.MinSimilarity {
		return append(out, c)
	}
	if gap == 0 {
		return out
	}
	for _, s := range clusterSeeds(seeds, gap-1, gap-1, true) {
		out = a.validate(s, fa, fb, gap-1, out)
	}
	return out
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

// fragmentSimilarity is the cosine of the cluster's two fragments, each
// taken as one text.
func (a *analysis) fragmentSimilarity(c rewriteCluster, fa, fb int32) float64 {
	x := a.sentences
	if c.i0 == c.i1 && c.j0 == c.j1 {
		cos, _ := cosineDice(x.vector(fa+c.i0), x.vector(fb+c.j0))
		return cos
	}
	a.fragA = x.sumVector(fa+c.i0, fa+c.i1, a.fragA)
	a.fragB = x.sumVector(fb+c.j0, fb+c.j1, a.fragB)
	cos, _ := cosineDice(a.fragA, a.fragB)
	return cos
}

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
	var groups []rewriteCluster
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
			if g := span([]sentenceSeed{s}); !clash(g, -1) {
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
