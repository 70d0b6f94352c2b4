package reuse

import (
	"cmp"
	"slices"
)

// Stories are built from the shared fingerprints, not from the pairs: a
// fingerprint carried by a set of documents belongs to the story of the
// documents that carry most of the same text.
//
//  1. Fingerprints carried by exactly the same documents form a
//     signature, weighed by how many fingerprints it has: the body of an
//     agency story carried by the same nine outlets is one heavy
//     signature, each copy desk's cut or edit a lighter one.
//  2. Signatures are taken heaviest first. One whose documents lie mostly
//     (three in four or more) among a story's members joins that story,
//     and its few other documents become members; any other starts a
//     story of its own. A paragraph some copies cut carries a subset of
//     the story's documents and joins it; a quote that travelled further
//     than the story carries documents the story does not have and stands
//     on its own, so articles that share only quotations never collapse
//     into one story.
//  3. The origin is the earliest member where every member has a
//     publication time, else the one that carries most of the story's
//     fingerprints (a guess, and said to be one).
//  4. Each member is compared with the origin. Two members that share
//     fingerprints the origin lacks (one outlet copying another's rewrite)
//     are compared too: the member that ranks first as an origin would
//     with each other carrier, so even that costs one comparison a copy.

// minMemberPrints is how many fingerprints absent from the origin two
// members must share for their pair to be compared: one is a four-word
// coincidence as often as not.
const minMemberPrints = 2

// A storyPlan is the stories of a run and the pairs of documents to
// compare for them.
type storyPlan struct {
	stories []storyDraft
	// pairs lists the pairs to compare, packed by packPair and sorted.
	pairs []uint64
	// docStories lists, for each document, the stories it is a member of,
	// in increasing order.
	docStories [][]int32
}

// A storyDraft is a story before its members are aligned.
type storyDraft struct {
	origin  int32
	rule    OriginRule
	members []int32 // the origin included, in the order they joined
	// positions lists, sorted, the word positions in the origin of the
	// story's fingerprints.
	positions []int32
	// memberPairs lists packed pairs of members that share fingerprints
	// the origin lacks.
	memberPairs []uint64
}

func packPair(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(uint32(b))
}

func unpackPair(p uint64) (int, int) { return int(p >> 32), int(uint32(p)) }

// planStories groups the shared fingerprints of x, sorted by hash and
// rid of boilerplate, into stories.
func (a *analysis) planStories(x index) *storyPlan {
	// Each shared fingerprint: its run in x and its set of documents.
	type shared struct {
		start, end int32 // run in x
		set        []int32
		setHash    uint64
	}
	var prints []shared
	var docsBuf []int32
	for start := 0; start < len(x); {
		end := start + 1
		for end < len(x) && x[end].hash == x[start].hash {
			end++
		}
		if x[start].doc != x[end-1].doc {
			from := len(docsBuf)
			for i := start; i < end; i++ {
				if i == start || x[i].doc != x[i-1].doc {
					docsBuf = append(docsBuf, x[i].doc)
				}
			}
			set := docsBuf[from:len(docsBuf):len(docsBuf)]
			h := uint64(len(set))
			for _, d := range set {
				h = h*0x9E3779B97F4A7C15 + uint64(d)
			}
			prints = append(prints, shared{int32(start), int32(end), set, mix(h)})
		}
		start = end
	}

	// Signatures: fingerprints carried by exactly the same documents.
	order := make([]int32, len(prints))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(p, q int32) int {
		if c := cmp.Compare(prints[p].setHash, prints[q].setHash); c != 0 {
			return c
		}
		return cmp.Compare(p, q)
	})
	type signature struct {
		set    []int32
		prints []int32
	}
	var sigs []signature
	for i := 0; i < len(order); {
		j := i + 1
		for j < len(order) && prints[order[j]].setHash == prints[order[i]].setHash &&
			slices.Equal(prints[order[j]].set, prints[order[i]].set) {
			j++
		}
		sigs = append(sigs, signature{prints[order[i]].set, order[i:j]})
		i = j
	}
	slices.SortStableFunc(sigs, func(p, q signature) int {
		if c := cmp.Compare(len(q.prints), len(p.prints)); c != 0 {
			return c
		}
		if c := cmp.Compare(len(q.set), len(p.set)); c != 0 {
			return c
		}
		return cmp.Compare(p.prints[0], q.prints[0])
	})

	// Attach each signature to the story whose members hold three in four
	// of its documents, or start a story.
	plan := &storyPlan{docStories: make([][]int32, len(a.docs))}
	type storySigs struct {
		members []int32
		sigs    []int32
	}
	var drafts []storySigs
	var seen, overlap []int32
	var cands []int32
	for si, sig := range sigs {
		cands = cands[:0]
		for _, d := range sig.set {
			for _, st := range plan.docStories[d] {
				if seen[st] != int32(si)+1 {
					seen[st], overlap[st] = int32(si)+1, 0
					cands = append(cands, st)
				}
				overlap[st]++
			}
		}
		best := int32(-1)
		for _, st := range cands {
			if outside := len(sig.set) - int(overlap[st]); 4*outside <= len(sig.set) && (best < 0 || overlap[st] > overlap[best]) {
				best = st
			}
		}
		if best < 0 {
			best = int32(len(drafts))
			drafts = append(drafts, storySigs{})
			seen, overlap = append(seen, 0), append(overlap, 0)
		}
		drafts[best].sigs = append(drafts[best].sigs, int32(si))
		for _, d := range sig.set {
			if ds := plan.docStories[d]; len(ds) == 0 || ds[len(ds)-1] != best {
				plan.docStories[d] = append(ds, best)
				drafts[best].members = append(drafts[best].members, d)
			}
		}
	}

	// Origins, the pairs to compare, and the member pairs.
	count := make([]int, len(a.docs))
	pairs := map[uint64]bool{}
	memberShared := map[uint64]int{}
	for _, dr := range drafts {
		for _, si := range dr.sigs {
			for _, d := range sigs[si].set {
				count[d] += len(sigs[si].prints)
			}
		}
		rule, ranks := a.originOrder(dr.members, count)
		origin := ranks[0]
		s := storyDraft{origin: origin, rule: rule, members: dr.members}
		rank := make(map[int32]int, len(ranks))
		for i, d := range ranks {
			rank[d] = i
		}
		clear(memberShared)
		for _, si := range dr.sigs {
			sig := sigs[si]
			if _, has := slices.BinarySearch(sig.set, origin); has {
				for _, p := range sig.prints {
					for i := prints[p].start; i < prints[p].end; i++ {
						if x[i].doc == origin {
							s.positions = append(s.positions, x[i].pos)
						}
					}
				}
				continue
			}
			lead := sig.set[0]
			for _, d := range sig.set {
				if rank[d] < rank[lead] {
					lead = d
				}
			}
			for _, d := range sig.set {
				if d != lead {
					memberShared[packPair(lead, d)] += len(sig.prints)
				}
			}
		}
		slices.Sort(s.positions)
		for _, d := range dr.members {
			count[d] = 0
			if d != origin {
				pairs[packPair(origin, d)] = true
			}
		}
		for p, n := range memberShared {
			if n >= minMemberPrints {
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
		if c := cmp.Compare(len(a.words[q]), len(a.words[p])); c != 0 {
			return c // the longer version is the more complete
		}
		return cmp.Compare(p, q)
	})
	return rule, ranks
}

// coMembers reports whether documents a and b are members of one story.
func (p *storyPlan) coMembers(a, b int) bool {
	sa, sb := p.docStories[a], p.docStories[b]
	for i, j := 0, 0; i < len(sa) && j < len(sb); {
		switch {
		case sa[i] < sb[j]:
			i++
		case sa[i] > sb[j]:
			j++
		default:
			return true
		}
	}
	return false
}

// pairSeeds returns the seeds of the plan's pairs, sorted as index.seeds
// sorts them: the fingerprints of x, sorted by hash and rid of
// boilerplate, that each pair shares, at most maxRepeats from each side.
func pairSeeds(x index, docs int, pairs []uint64, maxRepeats int) []seed {
	if len(pairs) == 0 {
		return nil
	}
	// Each document's fingerprints, sorted by hash: x is.
	offset := make([]int32, docs+1)
	for _, f := range x {
		offset[f.doc+1]++
	}
	for d := range docs {
		offset[d+1] += offset[d]
	}
	at := slices.Clone(offset[:docs])
	byDoc := make([]gram, len(x))
	for _, f := range x {
		byDoc[at[f.doc]] = gram{f.hash, f.pos}
		at[f.doc]++
	}
	var out, buf []seed
	for _, p := range pairs {
		a, b := unpackPair(p)
		buf = denseSeeds(int32(a), int32(b), byDoc[offset[a]:offset[a+1]], byDoc[offset[b]:offset[b+1]], maxRepeats, buf)
		out = append(out, buf...)
	}
	return out
}
