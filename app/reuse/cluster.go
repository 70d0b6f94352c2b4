package reuse

import (
	"cmp"
	"slices"
)

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
	// summary marks a cluster that condenses its long side, and
	// quotesSummary one whose copied passages cover less than half its
	// short side: the phrases it copies word for word are part of it,
	// whatever their identity.
	summary, quotesSummary bool
	// lifted marks a summary that lifts whole sentences from its source
	// (liftedSummaries): it takes in every copied passage inside it.
	lifted bool
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
		if !explained(clusters, c) {
			clusters = replaceCovered(clusters, c, 0)
		}
	}
	return clusters
}

// explained reports whether one cluster that summary c covers already
// pairs half of its short side's sentences one to one: then c is a
// rewritten passage with loosely similar text around it, as a long essay
// on one topic has, and the clusters stand. A summary condenses its
// source too much for one run of its sentences to pair so; where a few
// of its sentences do, they are pieces of it.
func explained(clusters []rewriteCluster, c rewriteCluster) bool {
	shortA := c.i1-c.i0 <= c.j1-c.j0
	n := int32(0)
	for _, k := range clusters {
		if k.i0 >= c.i0 && k.i1 <= c.i1 && k.j0 >= c.j0 && k.j1 <= c.j1 {
			if shortA {
				n = max(n, k.i1-k.i0+1)
			} else {
				n = max(n, k.j1-k.j0+1)
			}
		}
	}
	if shortA {
		return 2*n >= c.i1-c.i0+1
	}
	return 2*n >= c.j1-c.j0+1
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
			if side == 0 {
				slices.SortFunc(s, bySideA)
			} else {
				slices.SortFunc(s, bySideB)
			}
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
		if ordered && chainCount(s) > 1 {
			for _, c := range orderedChains(s) {
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

// bySideA and bySideB order seeds by their sentence on one side.
func bySideA(p, q sentenceSeed) int { return cmp.Compare(p.i, q.i) }
func bySideB(p, q sentenceSeed) int { return cmp.Compare(p.j, q.j) }

// orderedChains splits seeds, sorted by side A, into chains that run
// forwards on both sides, as the copied passages' seed chains do: a
// story whose paragraphs another outlet moved about comes back as
// several passages, not one that spans both texts. Two neighbouring
// sentences may swap places within a chain.
func orderedChains(seeds []sentenceSeed) [][]sentenceSeed {
	var chains [][]sentenceSeed
	for _, s := range seeds {
		best := chainFor(s, len(chains), func(n int) sentenceSeed { c := chains[n]; return c[len(c)-1] })
		if best < 0 {
			chains = append(chains, []sentenceSeed{s})
		} else {
			chains[best] = append(chains[best], s)
		}
	}
	return chains
}

// chainCount returns how many chains orderedChains makes of seeds,
// without making them: most clusters are one chain.
func chainCount(seeds []sentenceSeed) int {
	var stack [8]sentenceSeed
	lasts := stack[:0]
	for _, s := range seeds {
		if best := chainFor(s, len(lasts), func(n int) sentenceSeed { return lasts[n] }); best < 0 {
			lasts = append(lasts, s)
		} else {
			lasts[best] = s
		}
	}
	return len(lasts)
}

// chainFor returns which of n chains, whose last seeds last gives, seed
// s continues best, or -1 for none.
func chainFor(s sentenceSeed, n int, last func(int) sentenceSeed) int {
	best, bestCost := -1, int32(0)
	for k := range n {
		l := last(k)
		if s.j < l.j-1 {
			continue
		}
		if cost := abs32((s.j - l.j) - (s.i - l.i)); best < 0 || cost < bestCost {
			best, bestCost = k, cost
		}
	}
	return best
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

// fragmentSimilarity is the cosine of the cluster's two fragments, each
// taken as one text.
func (a *analysis) fragmentSimilarity(c rewriteCluster, fa, fb int32) float64 {
	x := a.sentences
	if c.i0 == c.i1 && c.j0 == c.j1 {
		cos, _ := cosineDice(x.vector(fa+c.i0), x.vector(fb+c.j0))
		return cos
	}
	cos, _ := x.compareFragments(fa+c.i0, fa+c.i1, fb+c.j0, fb+c.j1)
	return cos
}
