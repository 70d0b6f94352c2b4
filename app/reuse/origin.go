package reuse

import (
	"cmp"
	"slices"
)

// planPairs chooses each story's origin and the pairs to compare: the
// origin with each member, and two members that share fingerprints the
// origin lacks.
func (a *analysis) planPairs(x index, prints []sharedPrint, sigs []signature, drafts []storySigs) *storyPlan {
	plan := &storyPlan{docStories: make([][]int32, len(a.docs))}
	for st, dr := range drafts {
		for _, d := range dr.members {
			plan.docStories[d] = append(plan.docStories[d], int32(st))
		}
	}
	// Origins, the pairs to compare, and the member pairs.
	count := make([]int, len(a.docs))
	pairs := map[uint64]bool{}
	memberShared := map[uint64]int{}
	for _, dr := range drafts {
		// What a member carries of the story: each fingerprint weighs as
		// many as the documents that carry it, so the text that most
		// copies share counts most and an edit a few copies share little.
		for _, si := range dr.sigs {
			for _, d := range sigs[si].set {
				count[d] += len(sigs[si].prints) * len(sigs[si].set)
			}
		}
		rule, ranks := a.originOrder(dr.members, count)
		// The origin is the first of those that carry a quarter of what
		// the most complete member carries or more: a brief that carries
		// a paragraph is not taken for the source because it ran first.
		most := 0
		for _, d := range dr.members {
			most = max(most, count[d])
		}
		origin := ranks[0]
		for _, d := range ranks {
			if 4*count[d] >= most {
				origin = d
				break
			}
		}
		s := storyDraft{origin: origin, rule: rule, members: dr.members}
		rank := make(map[int32]int, len(ranks))
		for i, d := range ranks {
			rank[d] = i
		}
		clear(memberShared)
		for _, si := range dr.sigs {
			sig := sigs[si]
			for _, p := range sig.prints {
				for i := prints[p].start; i < prints[p].end; i++ {
					s.positions = append(s.positions, packPosition(int(x[i].doc), int(x[i].pos)))
				}
			}
			if _, has := slices.BinarySearch(sig.set, origin); has {
				continue
			}
			lead := int32(-1)
			for _, d := range sig.set {
				if r, ok := rank[d]; ok && (lead < 0 || r < rank[lead]) {
					lead = d
				}
			}
			for _, d := range sig.set {
				if _, ok := rank[d]; ok && d != lead {
					memberShared[packPair(lead, d)] += len(sig.prints)
				}
			}
		}
		slices.Sort(s.positions)
		for _, si := range dr.sigs {
			for _, d := range sigs[si].set {
				count[d] = 0
			}
		}
		for _, d := range dr.members {
			if d != origin {
				pairs[packPair(origin, d)] = true
			}
		}
		for p, n := range memberShared {
			if n >= minUnexplainedPrints {
				s.memberPairs = append(s.memberPairs, p)
				pairs[p] = true
			}
		}
		slices.Sort(s.memberPairs)
		plan.stories = append(plan.stories, s)
	}
	for p := range pairs {
		plan.pairs = append(plan.pairs, p)
	}
	slices.Sort(plan.pairs)
	return plan
}

// originOrder ranks a story's members as origins, best first, and says by
// which rule: by publication time where every member has one, else by
// how many of the story's fingerprints each carries (count), the earlier
// publication time where known, the longer text and the lower index
// breaking ties.
func (a *analysis) originOrder(members []int32, count []int) (OriginRule, []int32) {
	rule := Earliest
	for _, d := range members {
		if a.docs[d].Published.IsZero() {
			rule = MostComplete
			break
		}
	}
	ranks := slices.Clone(members)
	slices.SortFunc(ranks, func(p, q int32) int {
		tp, tq := a.docs[p].Published, a.docs[q].Published
		byTime := 0
		switch {
		case !tp.IsZero() && !tq.IsZero():
			byTime = tp.Compare(tq)
		case !tp.IsZero():
			byTime = -1
		case !tq.IsZero():
			byTime = 1
		}
		byCount := cmp.Compare(count[q], count[p])
		if rule == Earliest {
			if byTime != 0 {
				return byTime
			}
			if byCount != 0 {
				return byCount
			}
		} else {
			if byCount != 0 {
				return byCount
			}
			if byTime != 0 {
				return byTime
			}
		}
		if c := cmp.Compare(a.wordCount(q), a.wordCount(p)); c != 0 {
			return c // the longer version is the more complete
		}
		return cmp.Compare(p, q)
	})
	return rule, ranks
}

// wordCount returns the number of words of document d: from its words
// where Analyze tokenised it, else as PlanStories was told.
func (a *analysis) wordCount(d int32) int {
	if a.words != nil {
		return len(a.words[d])
	}
	return a.wordCounts[d]
}
