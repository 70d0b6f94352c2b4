package reuse

import (
	"cmp"
	"slices"
)

// stories turns the plan's drafts into the report's stories, once their
// pairs are aligned: pairs is the report's list and spans each pair's
// passages in words. A member whose pair with the origin has no passage
// holding one of the story's fingerprints is not a member after all (a
// shared stock phrase, no reuse), and a story left with no member is
// dropped.
func (a *analysis) stories(plan *storyPlan, pairs []Pair, spans [][]region) []Story {
	at := make(map[uint64]int, len(pairs))
	for i, p := range pairs {
		at[packPair(int32(p.A), int32(p.B))] = i
	}
	// A passage belongs to the story, of those whose origin and member it
	// joins, with most fingerprints in it (the heavier story on a tie):
	// a quote inside an agency story is the agency story's in the pair of
	// two copies, and a stock phrase inside a quote makes no story.
	type claim struct{ story, member int32 }
	claims := map[int][]claim{}
	for si, s := range plan.stories {
		for _, d := range s.members {
			if i, ok := at[packPair(s.origin, d)]; ok && d != s.origin {
				claims[i] = append(claims[i], claim{int32(si), d})
			}
		}
	}
	originSide := func(s storyDraft, i int, w region) (int, int) {
		if int(s.origin) == pairs[i].A {
			return w.a0, w.a1
		}
		return w.b0, w.b1
	}
	owned := make(map[claim][]wordRange)
	for i, cs := range claims {
		for _, w := range spans[i] {
			best, bestN := claim{-1, -1}, 0
			for _, c := range cs {
				s := plan.stories[c.story]
				w0, w1 := originSide(s, i, w)
				if n := count(s.positions, w0-a.opts.KGram+1, w1); n > bestN {
					best, bestN = c, n
				}
			}
			if bestN > 0 {
				w0, w1 := originSide(plan.stories[best.story], i, w)
				owned[best] = append(owned[best], wordRange{w0, w1})
			}
		}
	}

	out := []Story{}
	type carried struct {
		doc   int32
		pair  int
		words []wordRange
	}
	for si, s := range plan.stories {
		credit := creditNames(a.docs[s.origin])
		if credit == nil {
			credit = []string{}
		}
		st := Story{Origin: int(s.origin), OriginRule: s.rule, Credit: credit, Members: []StoryMember{}}
		// The story's text in the origin is the origin's side of the
		// members' passages that belong to it.
		var all []wordRange
		var ms []carried
		for _, d := range s.members {
			if words := owned[claim{int32(si), d}]; len(words) > 0 {
				ms = append(ms, carried{d, at[packPair(s.origin, d)], words})
				all = append(all, words...)
			}
		}
		if len(ms) == 0 {
			continue
		}
		total := unionLen(all)
		slices.SortFunc(ms, func(p, q carried) int { return cmp.Compare(p.doc, q.doc) })
		for _, m := range ms {
			st.Members = append(st.Members, StoryMember{Doc: int(m.doc),
				Reused:   float64(unionLen(m.words)) / float64(total),
				Credited: credits(a.docs[m.doc].Text, credit), Pair: m.pair})
		}
		for _, p := range s.memberPairs {
			if i, ok := at[p]; ok {
				st.MemberPairs = append(st.MemberPairs, i)
			}
		}
		slices.Sort(st.MemberPairs)
		out = append(out, st)
	}
	slices.SortStableFunc(out, func(p, q Story) int {
		if c := cmp.Compare(len(q.Members), len(p.Members)); c != 0 {
			return c
		}
		return cmp.Compare(p.Origin, q.Origin)
	})
	return out
}

// A wordRange is the words [w0, w1) of a document.
type wordRange struct{ w0, w1 int }

// count returns how many values of sorted lie in [lo, hi).
func count(sorted []int32, lo, hi int) int {
	i, _ := slices.BinarySearch(sorted, int32(lo))
	j, _ := slices.BinarySearch(sorted, int32(hi))
	return j - i
}

// unionLen returns how many words the ranges cover together; it sorts
// them.
func unionLen(rs []wordRange) int {
	slices.SortFunc(rs, func(p, q wordRange) int { return cmp.Compare(p.w0, q.w0) })
	n, end := 0, -1
	for _, r := range rs {
		if r.w0 > end {
			n += r.w1 - r.w0
		} else if r.w1 > end {
			n += r.w1 - end
		}
		end = max(end, r.w1)
	}
	return n
}
