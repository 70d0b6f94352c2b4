package reuse

import (
	"cmp"
	"slices"
)

// A region is a candidate passage: words [a0, a1) of one document against
// words [b0, b1) of another.
type region struct {
	a0, a1, b0, b1 int
	// keepHead and keepTail mark ends that completeSentences moved to a
	// sentence boundary: alignment keeps the edits there instead of
	// trimming the passage to its first and last shared words.
	keepHead, keepTail bool
	// literal asks alignment to keep every shared word, without the
	// semantic cleanup that folds a lone shared word into the edits
	// around it: in two sentences that say one thing in other words, the
	// few words they share are what a reader looks for.
	literal bool
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
			chains = append(chains, chain{region{a0: i, a1: i + k, b0: j, b1: j + k}, i, j})
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

// unstraddle cuts from the ends of r the words before a sentence boundary
// that a k-gram seed carried across it: the seed "2019 The quick brown"
// would otherwise tie the date lines of two articles to the first
// sentence they share. Extension then crosses the boundary again only if
// three words confirm it.
func unstraddle(ta, tb string, a, b []token, r region, k int) region {
	return unstraddleBy(r, k, func(i, j int) bool { return sentenceEndsAfter(ta, a, i) || sentenceEndsAfter(tb, b, j) })
}

// unstraddleBy is unstraddle with ends telling whether a sentence ends
// after word i of A or word j of B, so the checks before the join
// (near.go) can apply the rule to the words they carry.
func unstraddleBy(r region, k int, ends func(i, j int) bool) region {
	for t := 0; t < k-1 && r.a0+t+1 < r.a1 && r.b0+t+1 < r.b1; t++ {
		if ends(r.a0+t, r.b0+t) {
			r.a0, r.b0 = r.a0+t+1, r.b0+t+1
			break
		}
	}
	for t := 0; t < k-1 && r.a1-t-2 >= r.a0 && r.b1-t-2 >= r.b0; t++ {
		if ends(r.a1-t-2, r.b1-t-2) {
			r.a1, r.b1 = r.a1-t-1, r.b1-t-1
			break
		}
	}
	return r
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

	// crosses reports whether the match may go on past the end of a
	// sentence before words i and j: only if the next sentence starts
	// with confirm matching words. Otherwise a paragraph that opens with
	// "The" on both sides would lend the passage its first word.
	const confirm = 3
	crosses := func(i, j, step int) bool {
		for t := 0; t < confirm; t++ {
			x, y := i+t*step, j+t*step
			if x < 0 || y < 0 || x >= len(a) || y >= len(b) || !match(x, y) {
				return false
			}
		}
		return true
	}

	// Forwards.
	i, j := r.a1, r.b1
	for {
		for i < len(a) && j < len(b) && match(i, j) {
			if (sentenceEndsAfter(ta, a, i-1) || sentenceEndsAfter(tb, b, j-1)) && !crosses(i, j, 1) {
				break
			}
			i, j = i+1, j+1
		}
		r.a1, r.b1 = i, j
		atEnd := sentenceEndsAfter(ta, a, i-1) || sentenceEndsAfter(tb, b, j-1)
		di, dj, ok := skip(maxSkip, atEnd, func(di, dj, t int) (bool, bool) {
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
			if (sentenceEndsAfter(ta, a, i) || sentenceEndsAfter(tb, b, j)) && !crosses(i, j, -1) {
				break
			}
			i, j = i-1, j-1
		}
		r.a0, r.b0 = i+1, j+1
		atEnd := sentenceEndsAfter(ta, a, i) || sentenceEndsAfter(tb, b, j)
		di, dj, ok := skip(maxSkip, atEnd, func(di, dj, t int) (bool, bool) {
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

// completeSentences moves the ends of r to sentence boundaries where
// they are near: when one side's sentence ends within maxSkip words of the
// passage's end and the other's within maxGap, both sides are extended to
// their sentence ends, and likewise at the start. A copy desk rewrites the
// tail of a sentence it keeps ("prevent more U.S. bombings in Syria"
// against "… on the Syrian regime"), adds an attribution (", police
// said.") or a lead-in ("Meanwhile,"): those words are the edit, and the
// reader wants to see it.
func completeSentences(ta, tb string, a, b []token, r region, maxSkip, maxGap int) region {
	toEnd := func(text string, words []token, end int) int {
		n := 0
		for end+n < len(words) && !sentenceEndsAfter(text, words, end+n-1) && n <= maxGap {
			n++
		}
		return n
	}
	toStart := func(text string, words []token, start int) int {
		n := 0
		for start-n > 0 && !sentenceEndsAfter(text, words, start-n-1) && n <= maxGap {
			n++
		}
		return n
	}
	near := func(na, nb int) bool {
		return na+nb > 0 && min(na, nb) <= maxSkip && max(na, nb) <= maxGap
	}
	if na, nb := toEnd(ta, a, r.a1), toEnd(tb, b, r.b1); near(na, nb) {
		r.a1, r.b1, r.keepTail = r.a1+na, r.b1+nb, true
	}
	if na, nb := toStart(ta, a, r.a0), toStart(tb, b, r.b0); near(na, nb) {
		r.a0, r.b0, r.keepHead = r.a0-na, r.b0-nb, true
	}
	return r
}

// skip finds the smallest skip (di, dj), di+dj ≤ maxSkip, after which
// enough words match to confirm it. at(di, dj, t) reports whether the
// t-th word after the skip matches, and whether a sentence ends there.
// Where the passage so far ends a sentence, a skip always needs three
// words: the next sentence is a new decision of the copy desk, and two
// common words ("the event") must not pull it in.
func skip(maxSkip int, atSentenceEnd bool, at func(di, dj, t int) (match, boundary bool)) (di, dj int, ok bool) {
	eachSkip(maxSkip, atSentenceEnd, at, func(i, j int) bool {
		di, dj, ok = i, j, true
		return false
	})
	return di, dj, ok
}

// eachSkip calls each with every skip (di, dj), di+dj ≤ maxSkip, that
// enough words confirm, as skip decides it, smallest first, until each
// returns false.
func eachSkip(maxSkip int, atSentenceEnd bool, at func(di, dj, t int) (match, boundary bool), each func(di, dj int) bool) {
	for total := 1; total <= maxSkip; total++ {
		need := 3
		if total <= 2 && !atSentenceEnd {
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
					if !each(di, dj) {
						return
					}
					break
				}
			}
		}
	}
}

// mergeRegions joins regions that belong to one passage, in three cases:
// regions that overlap or nearly touch (within maxSkip words) on both
// sides in the same order, as two chains split by an edit do after
// extension; two substantial regions, minWords or more on each side,
// at most maxGap words apart on both sides, as around a sentence a copy
// desk inserted or rewrote; and two substantial regions contiguous on one
// side and at most maxTrim words apart on the other, as where a copy desk
// cut a paragraph from the middle of a story. Two passages with unrelated
// text between them on both sides stay two. A short coincidental
// match is not pulled into a passage, and no gap is bridged that another
// substantial region explains: when paragraph two of A was moved in B,
// paragraphs one and three stay separate passages and two is found alone.
// The result is sorted by a0.
func mergeRegions(rs []region, maxSkip, maxGap, maxTrim, minWords int) []region {
	slices.SortFunc(rs, func(p, q region) int {
		if c := cmp.Compare(p.a0, q.a0); c != 0 {
			return c
		}
		return cmp.Compare(p.b0, q.b0)
	})
	substantial := func(r region) bool { return r.a1-r.a0 >= minWords && r.b1-r.b0 >= minWords }
	all := slices.Clone(rs)
	explained := func(p, r region) bool {
		for _, q := range all {
			if substantial(q) && q != p && q != r &&
				(min(q.a1, r.a0)-max(q.a0, p.a1) >= minWords || min(q.b1, r.b0)-max(q.b0, p.b1) >= minWords) {
				return true
			}
		}
		return false
	}
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 {
			p := &out[n-1]
			gapA, gapB := r.a0-p.a1, r.b0-p.b1
			ok := r.b0 >= p.b0 && gapA <= maxSkip && gapB <= maxSkip && abs(gapA-gapB) <= maxSkip
			if !ok && r.b0 >= p.b0 && min(gapA, gapB) >= -maxSkip && substantial(*p) && substantial(r) {
				ok = gapA <= maxGap && gapB <= maxGap ||
					gapA <= maxSkip && gapB <= maxTrim ||
					gapB <= maxSkip && gapA <= maxTrim
				ok = ok && !explained(*p, r)
			}
			if ok {
				p.a1 = max(p.a1, r.a1)
				p.b1 = max(p.b1, r.b1)
				continue
			}
		}
		out = append(out, r)
	}
	return out
}

// separate makes regions disjoint on both sides, larger regions first: a
// smaller region that overlaps a larger one at its start or end loses the
// overlap (extension often runs a word or two into the next paragraph,
// "premiere. The" against "premiere. The"), and one that overlaps in any
// other way, or shrinks below minWords, is dropped. Twins are the
// exception: two regions that share all of one side's words and none of
// the other's are the same text repeated in one document, and both stay,
// for alignment to pick the closer copy (the larger may be the one with a
// typo in it).
func separate(rs []region, minWords int) []region {
	size := func(r region) int { return max(r.a1-r.a0, r.b1-r.b0) }
	slices.SortStableFunc(rs, func(p, q region) int { return cmp.Compare(size(q), size(p)) })
	twins := func(r, k region) bool {
		apartA, apartB := r.a1 <= k.a0 || k.a1 <= r.a0, r.b1 <= k.b0 || k.b1 <= r.b0
		sameA := r.a0 >= k.a0 && r.a1 <= k.a1 || k.a0 >= r.a0 && k.a1 <= r.a1
		sameB := r.b0 >= k.b0 && r.b1 <= k.b1 || k.b0 >= r.b0 && k.b1 <= r.b1
		return apartA && sameB || apartB && sameA
	}
	kept := rs[:0]
next:
	for _, r := range rs {
		for _, k := range kept {
			if twins(r, k) {
				continue
			}
			a0, a1, b0, b1 := r.a0, r.a1, r.b0, r.b1
			var ok bool
			if r.a0, r.a1, ok = cut(r.a0, r.a1, k.a0, k.a1); !ok {
				continue next
			}
			if r.b0, r.b1, ok = cut(r.b0, r.b1, k.b0, k.b1); !ok {
				continue next
			}
			r.keepHead = r.keepHead && r.a0 == a0 && r.b0 == b0
			r.keepTail = r.keepTail && r.a1 == a1 && r.b1 == b1
		}
		if r.a1-r.a0 >= minWords && r.b1-r.b0 >= minWords {
			kept = append(kept, r)
		}
	}
	return kept
}

// cut removes [k0, k1) from [r0, r1) where it overlaps one end; ok is
// false when it lies strictly inside.
func cut(r0, r1, k0, k1 int) (int, int, bool) {
	switch {
	case k1 <= r0 || r1 <= k0: // apart
	case k0 <= r0 && r1 <= k1: // covered
		return r0, r0, true
	case k0 <= r0:
		r0 = k1
	case r1 <= k1:
		r1 = k0
	default:
		return r0, r1, false
	}
	return r0, r1, true
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
