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
//     signature, weighed by its fingerprints times its documents: the
//     body of an agency story carried by the same nine outlets is one
//     heavy signature, each copy desk's cut or edit a lighter one.
//  2. Signatures are taken heaviest first. One whose documents lie mostly
//     (three in four or more) among a story's members joins that story,
//     and its few other documents become members once they carry two of
//     its fingerprints; so does one as heavy as half the story whose
//     documents are alike to its members (Jaccard 0.5). Any other starts
//     a story of its own, unless it is one fingerprint in three or more
//     documents: a stock phrase. A paragraph some copies cut carries a
//     subset of the story's documents and joins it; a quote that
//     travelled further than the story carries documents the story does
//     not have and stands on its own, so articles that share only
//     quotations never collapse into one story. A story whose members lie
//     mostly among a heavier story's joins it (absorb).
//  3. The origin is the earliest member where every member has a
//     publication time, else the one that carries most of the story's
//     fingerprints, each weighed by its carriers (a guess, and said to
//     be one); either way one that carries a quarter of what the fullest
//     member carries.
//  4. Each member is compared with the origin. Two members that share
//     fingerprints the origin lacks (one outlet copying another's rewrite)
//     are compared too: the member that ranks first as an origin would
//     with each other carrier, so even that costs one comparison a copy.

// minMemberPrints is how many of a story's fingerprints a document must
// carry to join it after the story began: one is a four-word coincidence
// as often as not.
const minMemberPrints = 2

// minUnexplainedPrints is how many fingerprints absent from the origin two
// members must share for their pair to be compared. Copy desks that make
// the same small edit (the same dropped comma) share one or two.
const minUnexplainedPrints = 4

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
	// positions lists, sorted, where the story's fingerprints lie: each
	// document and word position packed by packPosition.
	positions []uint64
	// memberPairs lists packed pairs of members that share fingerprints
	// the origin lacks.
	memberPairs []uint64
}

// packPair packs the pair of documents a and b, in either order, into one
// sortable key, the smaller first.
func packPair(a, b int32) uint64 {
	if a > b {
		a, b = b, a
	}
	return uint64(a)<<32 | uint64(uint32(b))
}

// packPosition packs word pos of document doc into one sortable key.
func packPosition(doc, pos int) uint64 { return uint64(doc)<<32 | uint64(uint32(max(pos, 0))) }

func unpackPair(p uint64) (int, int) { return int(p >> 32), int(uint32(p)) }

// planStories groups the shared fingerprints of x, sorted by hash and
// rid of boilerplate, into stories, and chooses the pairs to compare.
func (a *analysis) planStories(x index) *storyPlan {
	prints := sharedPrints(x)
	sigs := signatures(prints)
	drafts := groupSignatures(sigs, len(a.docs))
	// A story whose members lie mostly among a heavier story's members is
	// part of it: the edits that a few copies share, met before the
	// story's own text because a story's copies, each cut and edited in
	// its own way, rarely carry one fingerprint all together.
	drafts = absorb(drafts, func(dr storySigs) []int32 { return dr.members },
		func(dr storySigs) int { return dr.mass },
		func(into *storySigs, dr storySigs) {
			into.sigs = append(into.sigs, dr.sigs...)
			into.mass += dr.mass
			for _, d := range dr.members {
				if !slices.Contains(into.members, d) {
					into.members = append(into.members, d)
				}
			}
		})
	return a.planPairs(x, prints, sigs, drafts)
}

// A sharedPrint is a fingerprint that two or more documents carry: its run
// in the index and its set of documents, with a hash of the set.
type sharedPrint struct {
	start, end int32
	set        []int32
	setHash    uint64
}

// sharedPrints lists the fingerprints of x that two or more documents
// carry.
func sharedPrints(x index) []sharedPrint {
	var prints []sharedPrint
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
			prints = append(prints, sharedPrint{int32(start), int32(end), set, mix(h)})
		}
		start = end
	}
	return prints
}

// A signature is the fingerprints that exactly the same documents carry.
type signature struct {
	set    []int32
	prints []int32 // indexes into the shared prints
}

// signatures groups the shared prints by their set of documents, heaviest
// first: most fingerprints times most documents, the body of a story
// before the edits a few of its copies share.
func signatures(prints []sharedPrint) []signature {
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
	// Sort indexes, not signatures: a sort of int32 is instantiated
	// already, one of signatures would add code to the WebAssembly binary.
	byWeight := make([]int32, len(sigs))
	for i := range byWeight {
		byWeight[i] = int32(i)
	}
	slices.SortFunc(byWeight, func(i, j int32) int {
		p, q := sigs[i], sigs[j]
		if c := cmp.Compare(len(q.prints)*len(q.set), len(p.prints)*len(p.set)); c != 0 {
			return c
		}
		if c := cmp.Compare(len(q.set), len(p.set)); c != 0 {
			return c
		}
		return cmp.Compare(p.prints[0], q.prints[0])
	})
	sorted := make([]signature, len(sigs))
	for n, i := range byWeight {
		sorted[n] = sigs[i]
	}
	return sorted
}

// storySigs is a story as its signatures join it.
type storySigs struct {
	members []int32
	sigs    []int32 // indexes into the signatures
	// pending counts the fingerprints of documents that joined with a
	// signature but are not members yet.
	pending map[int32]int
	mass    int // fingerprints times the documents that carry each
}

// groupSignatures attaches each signature, heaviest first, to the story
// whose members hold three in four of its documents, or to a story it is
// a peer of, or starts a story with it.
func groupSignatures(sigs []signature, docs int) []storySigs {
	docStories := make([][]int32, docs) // the stories each document is a member of, in order
	var drafts []storySigs
	var seen, overlap []int32
	var cands []int32
	for si, sig := range sigs {
		cands = cands[:0]
		for _, d := range sig.set {
			for _, st := range docStories[d] {
				if seen[st] != int32(si)+1 {
					seen[st], overlap[st] = int32(si)+1, 0
					cands = append(cands, st)
				}
				overlap[st]++
			}
		}
		best := int32(-1)
		mass := len(sig.prints) * len(sig.set)
		for _, st := range cands {
			n := int(overlap[st])
			mostlyInside := 4*(len(sig.set)-n) <= len(sig.set)
			// As heavy as half the story and alike (Jaccard 0.5 or more):
			// three copies of a short story that each cut another sentence.
			peer := 2*mass >= drafts[st].mass && 2*n >= len(sig.set)+len(drafts[st].members)-n
			// Either implies MayJoinStory, which the Beam pipeline's
			// grouping of documents relies on; checking it is free.
			if MayJoinStory(n, len(sig.set)) && (mostlyInside || peer) && (best < 0 || n > int(overlap[best])) {
				best = st
			}
		}
		joining := false
		if best < 0 && !StartsStory(len(sig.prints), len(sig.set)) {
			continue
		}
		if best < 0 {
			best = int32(len(drafts))
			drafts = append(drafts, storySigs{pending: map[int32]int{}})
			seen, overlap = append(seen, 0), append(overlap, 0)
			joining = true
		}
		dr := &drafts[best]
		dr.sigs = append(dr.sigs, int32(si))
		dr.mass += mass
		for _, d := range sig.set {
			i, found := slices.BinarySearch(docStories[d], best)
			if found {
				continue
			}
			// A document that the story's text reaches by one chance
			// four-word phrase is no member: it must share two of its
			// fingerprints (or start the story).
			if !joining {
				if dr.pending[d] += len(sig.prints); dr.pending[d] < minMemberPrints {
					continue
				}
			}
			docStories[d] = slices.Insert(docStories[d], i, best)
			dr.members = append(dr.members, d)
		}
	}
	return drafts
}
