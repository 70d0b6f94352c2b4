package reuse

import "context"

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
