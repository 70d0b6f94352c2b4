package reuse

import (
	"cmp"
	"slices"
	"strings"
)

// A region is a candidate passage: words [a0, a1) of one document against
// words [b0, b1) of another.
type region struct {
	a0, a1, b0, b1 int
}

// chainSeeds groups the seeds of one pair of documents, sorted by i, into
// regions. A seed joins the open chain it continues most closely: forward
// on both sides, with at most k+maxGap words between its start and the
// chain's last seed on either side. Seeds that go backwards on one side
// start a chain of their own, which is how reordered paragraphs come back
// as separate passages rather than as one passage full of edits.
func chainSeeds(seeds []seed, k, maxGap int) []region {
	type chain struct {
		r      region
		li, lj int
	}
	var chains []chain
	var open []int // indexes into chains that a later seed may still reach
	reach := k + maxGap
	for _, s := range seeds {
		i, j := int(s.i), int(s.j)
		best, bestCost := -1, 0
		kept := open[:0]
		for _, c := range open {
			ch := &chains[c]
			di, dj := i-ch.li, j-ch.lj
			if di > reach {
				continue // seeds come in order of i: out of reach for good
			}
			kept = append(kept, c)
			if di <= 0 || dj <= 0 || dj > reach {
				continue
			}
			// Prefer the chain on the same diagonal, then the nearest.
			cost := abs(di-dj)*2 + max(di, dj)
			if best < 0 || cost < bestCost {
				best, bestCost = c, cost
			}
		}
		open = kept
		if best < 0 {
			chains = append(chains, chain{region{i, i + k, j, j + k}, i, j})
			open = append(open, len(chains)-1)
			continue
		}
		ch := &chains[best]
		ch.r.a1 = max(ch.r.a1, i+k)
		ch.r.b1 = max(ch.r.b1, j+k)
		ch.li, ch.lj = i, j
	}
	regions := make([]region, len(chains))
	for n, c := range chains {
		regions[n] = c.r
	}
	return regions
}

// extend grows r outwards through matching words, crossing small edits:
// where the next words differ it looks for the nearest point, at most
// maxSkip words further on the two sides together, from which words match
// again, and continues from there. This is the imperfection budget of
// WCopyfind and passim's alignment extension: a passage survives a word
// swapped or inserted by a copy desk, but does not wander into text that
// merely shares a word or two. A skip must be confirmed by three matching
// words, two after a skip of one or two words, or a single word that
// completes a sentence on both sides ("Moscow officials initially said"
// against "Moscow initially said").
func extend(ta, tb string, a, b []token, r region, maxSkip int) region {
	match := func(i, j int) bool { return a[i].hash == b[j].hash }

	// Forwards.
	i, j := r.a1, r.b1
	for {
		for i < len(a) && j < len(b) && match(i, j) {
			i, j = i+1, j+1
		}
		r.a1, r.b1 = i, j
		di, dj, ok := skip(maxSkip, func(di, dj, t int) (bool, bool) {
			x, y := i+di+t, j+dj+t
			if x >= len(a) || y >= len(b) || !match(x, y) {
				return false, false
			}
			return true, sentenceEndsAfter(ta, a, x) && sentenceEndsAfter(tb, b, y)
		})
		if !ok {
			break
		}
		i, j = i+di, j+dj
	}

	// Backwards.
	i, j = r.a0-1, r.b0-1
	for {
		for i >= 0 && j >= 0 && match(i, j) {
			i, j = i-1, j-1
		}
		r.a0, r.b0 = i+1, j+1
		di, dj, ok := skip(maxSkip, func(di, dj, t int) (bool, bool) {
			x, y := i-di-t, j-dj-t
			if x < 0 || y < 0 || !match(x, y) {
				return false, false
			}
			return true, sentenceEndsAfter(ta, a, x-1) && sentenceEndsAfter(tb, b, y-1)
		})
		if !ok {
			break
		}
		i, j = i-di, j-dj
	}
	return r
}

// skip finds the smallest skip (di, dj), di+dj ≤ maxSkip, after which
// enough words match to confirm it. at(di, dj, t) reports whether the
// t-th word after the skip matches, and whether a sentence ends there.
func skip(maxSkip int, at func(di, dj, t int) (match, boundary bool)) (int, int, bool) {
	for total := 1; total <= maxSkip; total++ {
		need := 3
		if total <= 2 {
			need = 2
		}
		for di := 0; di <= total; di++ {
			dj := total - di
			for t := 0; t < need; t++ {
				match, boundary := at(di, dj, t)
				if !match {
					break
				}
				if t+1 == need || boundary && total <= 2 {
					return di, dj, true
				}
			}
		}
	}
	return 0, 0, false
}

// sentenceEndsAfter reports whether a sentence or paragraph ends after
// word w: the text between it and the next word holds a full stop, a
// question or exclamation mark, or a line break. w may be -1 or the last
// word: the text's edges end sentences too.
func sentenceEndsAfter(text string, words []token, w int) bool {
	if w < 0 || w+1 >= len(words) {
		return true
	}
	return strings.ContainsAny(text[words[w].end:words[w+1].start], ".!?\n")
}

// mergeRegions joins regions that belong to one passage: regions that
// overlap or nearly touch (within maxSkip words) on both sides in the same
// order, as two chains split by an edit do after extension; and two
// substantial regions, minWords or more on each side, separated by at most
// maxGap words, as around a sentence a copy desk inserted. A short
// coincidental match near a passage is not pulled into it. The result is
// sorted by a0.
func mergeRegions(rs []region, maxSkip, maxGap, minWords int) []region {
	slices.SortFunc(rs, func(p, q region) int {
		if c := cmp.Compare(p.a0, q.a0); c != 0 {
			return c
		}
		return cmp.Compare(p.b0, q.b0)
	})
	substantial := func(r region) bool { return r.a1-r.a0 >= minWords && r.b1-r.b0 >= minWords }
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 {
			p := &out[n-1]
			limit := maxSkip
			if substantial(*p) && substantial(r) {
				limit = maxGap
			}
			gapA, gapB := r.a0-p.a1, r.b0-p.b1
			if r.b0 >= p.b0 && gapA <= limit && gapB <= limit && abs(gapA-gapB) <= limit {
				p.a1 = max(p.a1, r.a1)
				p.b1 = max(p.b1, r.b1)
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
