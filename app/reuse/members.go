package reuse

import (
	"cmp"
	"slices"
	"sort"
)

// stories turns the plan's drafts into the report's stories, once their
// pairs are aligned: pairs is the list of aligned pairs and spans each
// pair's passages in words; the stories' pair indexes point into pairs.
// A member whose pair with the origin has no passage holding one of the
// story's fingerprints is not a member after all (a shared stock phrase,
// no reuse), and a story left with no member is dropped. Two members are
// listed as a member pair where they share MinWords words or more outside
// their passages with the origin. Unless Options.AllPairs, drop marks the
// pairs compared for a story that no story uses.
func (a *analysis) stories(plan *storyPlan, pairs []Pair, spans [][]region) (out []Story, drop []bool) {
	at := make(map[uint64]int, len(pairs))
	for i, p := range pairs {
		at[packPair(int32(p.A), int32(p.B))] = i
	}
	// A passage belongs to the story whose fingerprints are the most in
	// the origin's side of it, of the stories that the origin carries (the
	// heavier story on a tie): a quote inside an agency story is the
	// agency story's, and two copies of one story that share a stock
	// phrase with a third story's copies do not make the stock phrase's
	// story theirs. A pair compared for a story that owns none of its
	// passages is explained by another story, and dropped.
	type claim struct{ story, member int32 }
	owned := make(map[claim][]wordRange)
	for si, s := range plan.stories {
		for _, d := range s.members {
			i, ok := at[packPair(s.origin, d)]
			if !ok || d == s.origin {
				continue
			}
			for _, w := range spans[i] {
				w0, w1 := w.a0, w.a1
				if int(s.origin) != pairs[i].A {
					w0, w1 = w.b0, w.b1
				}
				lo, hi := packPosition(int(s.origin), w0-a.opts.KGram+1), packPosition(int(s.origin), w1)
				n := count(s.positions, lo, hi)
				mine := n > 0
				for _, other := range plan.docStories[s.origin] {
					if m := count(plan.stories[other].positions, lo, hi); m > n || m == n && int(other) < si {
						mine = false
						break
					}
				}
				if mine {
					owned[claim{int32(si), d}] = append(owned[claim{int32(si), d}], wordRange{w0, w1})
				}
			}
		}
	}
	drop = make([]bool, len(pairs))
	if !a.opts.AllPairs {
		for _, p := range plan.pairs {
			if i, ok := at[p]; ok {
				drop[i] = true
			}
		}
	}

	out = []Story{}
	type carried struct {
		doc   int32
		pair  int
		words []wordRange
	}
	for si, s := range plan.stories {
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
		// Credit is searched for only in the stories reported: on a
		// newsroom's day, six in seven planned stories end here with no
		// member, and searching their origins was a tenth of the engine.
		credit := creditNames(a.docs[s.origin])
		if credit == nil {
			credit = []string{}
		}
		st := Story{Origin: int(s.origin), OriginRule: s.rule, Credit: credit, Members: []StoryMember{}}
		total := unionLen(all)
		sort.Slice(ms, func(i, j int) bool { return ms[i].doc < ms[j].doc })
		for _, m := range ms {
			st.Members = append(st.Members, StoryMember{Doc: int(m.doc),
				Reused:   float64(unionLen(m.words)) / float64(total),
				Credited: credits(a.docs[m.doc].Text, credit), Pair: m.pair})
		}
		for _, p := range s.memberPairs {
			i, ok := at[p]
			if !ok {
				continue
			}
			if a.unexplained(s.origin, i, pairs, spans, at) < a.opts.MinWords {
				continue
			}
			st.MemberPairs = append(st.MemberPairs, i)
		}
		slices.Sort(st.MemberPairs)
		out = append(out, st)
	}
	for _, st := range out {
		for _, m := range st.Members {
			drop[m.Pair] = false
		}
		for _, i := range st.MemberPairs {
			drop[i] = false
		}
	}
	// The widest carried first, then the story with most shared words.
	words := func(s Story) int {
		n := 0
		for _, m := range s.Members {
			n += pairs[m.Pair].SharedWords
		}
		return n
	}
	sort.SliceStable(out, func(i, j int) bool {
		p, q := out[i], out[j]
		if len(p.Members) != len(q.Members) {
			return len(p.Members) > len(q.Members)
		}
		if wp, wq := words(p), words(q); wp != wq {
			return wp > wq
		}
		return p.Origin < q.Origin
	})
	return out, drop
}

// unexplained returns how many words of pair i of two members, on the
// side where it has most, lie outside that member's passages with origin.
func (a *analysis) unexplained(origin int32, i int, pairs []Pair, spans [][]region, at map[uint64]int) int {
	most := 0
	for side, d := range []int{pairs[i].A, pairs[i].B} {
		var explained []wordRange
		if j, ok := at[packPair(origin, int32(d))]; ok {
			for _, w := range spans[j] {
				if pairs[j].A == d {
					explained = append(explained, wordRange{w.a0, w.a1})
				} else {
					explained = append(explained, wordRange{w.b0, w.b1})
				}
			}
		}
		var mine []wordRange
		for _, w := range spans[i] {
			if side == 0 {
				mine = append(mine, wordRange{w.a0, w.a1})
			} else {
				mine = append(mine, wordRange{w.b0, w.b1})
			}
		}
		most = max(most, unionLen(append(mine, explained...))-unionLen(explained))
	}
	return most
}

// A wordRange is the words [w0, w1) of a document.
type wordRange struct{ w0, w1 int }

// count returns how many values of sorted lie in [lo, hi).
func count(sorted []uint64, lo, hi uint64) int {
	i, _ := slices.BinarySearch(sorted, lo)
	j, _ := slices.BinarySearch(sorted, hi)
	return j - i
}

// unionLen returns how many words the ranges cover together; it sorts
// them.
func unionLen(rs []wordRange) int {
	sort.Slice(rs, func(i, j int) bool { return rs[i].w0 < rs[j].w0 })
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

// finishPairs makes the report's stories, drops the pairs compared for a
// story that none uses, sorts the pairs by shared words and points the
// stories at their new places. It returns the coverage of the pairs kept.
func (a *analysis) finishPairs(r *Report, plan *storyPlan, spans [][]region, covered []coverage) []coverage {
	stories, drop := a.stories(plan, r.Pairs, spans)
	var order []int
	for i := range r.Pairs {
		if !drop[i] {
			order = append(order, i)
		}
	}
	kept := covered[:0]
	for _, c := range covered {
		if !drop[c.pair] {
			kept = append(kept, c)
		}
	}
	slices.SortStableFunc(order, func(i, j int) int {
		p, q := r.Pairs[i], r.Pairs[j]
		if c := cmp.Compare(q.SharedWords, p.SharedWords); c != 0 {
			return c
		}
		if c := cmp.Compare(p.A, q.A); c != 0 {
			return c
		}
		return cmp.Compare(p.B, q.B)
	})
	sorted := make([]Pair, len(order))
	at := make([]int, len(r.Pairs)) // new index of each pair
	for n, i := range order {
		sorted[n], at[i] = r.Pairs[i], n
	}
	r.Pairs = sorted
	for _, st := range stories {
		for m := range st.Members {
			st.Members[m].Pair = at[st.Members[m].Pair]
		}
		for m := range st.MemberPairs {
			st.MemberPairs[m] = at[st.MemberPairs[m]]
		}
	}
	r.Stories = stories
	return kept
}
