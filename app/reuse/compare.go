package reuse

import (
	"context"
	"slices"
)

// Compare aligns two documents directly, whatever story they belong to:
// the pair view of any two articles, on request. The pair's A is a and
// its B is b; a pair with no passages means they share nothing. Word
// weights for rewritten passages come from the two documents alone, so a
// rewritten passage found among many documents may differ here. It
// returns an error only if ctx is done first.
func Compare(ctx context.Context, a, b Document, opts Options) (Pair, error) {
	opts.AllPairs = true
	opts.Progress = nil
	r, err := Analyze(ctx, []Document{a, b}, opts)
	if err != nil {
		return Pair{}, err
	}
	if len(r.Pairs) == 0 {
		return Pair{A: 0, B: 1, Passages: []Passage{}}, nil
	}
	return r.Pairs[0], nil
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
