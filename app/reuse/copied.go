package reuse

import (
	"cmp"
	"slices"
)

// comparePair turns the seeds that documents da < db share into their
// copied passages, sorted by position in da.
func (a *analysis) comparePair(al *aligner, da, db int, seeds []seed) []candidate {
	o := a.opts
	wa, wb := a.words[da], a.words[db]
	ta, tb := a.docs[da].Text, a.docs[db].Text

	// Winnowed seeds decide whether the pair is related at all: only then
	// is it worth matching every k-gram of the two.
	related := false
	for _, r := range chainSeeds(seeds, o.KGram, o.MaxSkip) {
		r = extend(ta, tb, wa, wb, unstraddle(ta, tb, wa, wb, r, o.KGram), o.MaxSkip)
		if r.a1-r.a0 >= o.MinWords && r.b1-r.b0 >= o.MinWords {
			related = true
			break
		}
	}
	if !related {
		return nil
	}
	for _, d := range []int{da, db} {
		if a.grams[d] == nil {
			a.grams[d] = sortedGrams(a.kgrams[d])
		}
	}
	a.dense = denseSeeds(int32(da), int32(db), a.grams[da], a.grams[db], o.MaxRepeats, a.dense)
	if len(a.marked) > 0 {
		// Text a user marked as boilerplate seeds nothing here either:
		// inside a pair related by other text it is still no passage.
		a.dense = slices.DeleteFunc(a.dense, func(s seed) bool {
			return sortedHas(a.marked, a.kgrams[da][s.i])
		})
	}
	regions := chainSeeds(a.dense, o.KGram, o.MaxSkip)
	for n, r := range regions {
		regions[n] = extend(ta, tb, wa, wb, unstraddle(ta, tb, wa, wb, r, o.KGram), o.MaxSkip)
	}
	// Separate first, so that stray short matches inside a passage (a
	// phrase the article repeats) do not stand between its parts when
	// they are merged; then again, for what the merging made overlap.
	regions = separate(regions, o.MinWords)
	regions = mergeRegions(regions, o.MaxSkip, o.MaxGap, o.MaxTrim, o.MinWords)
	for n, r := range regions {
		regions[n] = completeSentences(ta, tb, wa, wb, r, o.MaxSkip, o.MaxGap)
	}
	regions = separate(regions, o.MinWords)

	var cands []candidate
	anchored := false
	for _, r := range regions {
		p, w, run, ok := al.align(ta, tb, wa, wb, r)
		if ok && p.Words >= o.MinWords {
			cands = append(cands, candidate{p, w})
			anchored = anchored || run >= o.MinWords
		}
	}
	// A pair is related only through a verbatim run of MinWords: a few
	// stock phrases in a row ("who was a candidate in the Democratic
	// primary for the 2020 … election") are a coincidence on their own,
	// while next to real reuse they are part of it.
	if !anchored {
		return nil
	}

	// Passages must not overlap on either side: where two do (text that
	// one document repeats), keep the one with more shared words, and of
	// twins that share as many, the closer copy, with the fewest edits
	// between its first and last shared words: a quote an article carries
	// twice, once with a doubled word, pairs with the clean one, whatever
	// the attributions around the two say.
	slices.SortStableFunc(cands, func(p, q candidate) int {
		if c := cmp.Compare(q.p.Words, p.p.Words); c != 0 {
			return c
		}
		return cmp.Compare(interiorEdits(p.p), interiorEdits(q.p))
	})
	kept := cands[:0]
	for _, c := range cands {
		clash := false
		for _, k := range kept {
			if c.words.a0 < k.words.a1 && k.words.a0 < c.words.a1 ||
				c.words.b0 < k.words.b1 && k.words.b0 < c.words.b1 {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, c)
		}
	}
	slices.SortFunc(kept, func(p, q candidate) int { return cmp.Compare(p.words.a0, q.words.a0) })
	for n := range kept {
		kept[n].p.Kind = Copied
	}
	return kept
}

// interiorEdits returns how many bytes the edits between a passage's
// first and last equal runs delete or insert.
func interiorEdits(p Passage) int {
	first, last := -1, -1
	for i, e := range p.Edits {
		if e.Op == Equal {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	n := 0
	for _, e := range p.Edits[max(first, 0):max(last, 0)] {
		if e.Op != Equal {
			n += e.A.Len() + e.B.Len()
		}
	}
	return n
}

// mostlyQuoted reports whether more than half of the words are quoted.
func mostlyQuoted(q []bool) bool {
	n := 0
	for _, b := range q {
		if b {
			n++
		}
	}
	return 2*n > len(q)
}
