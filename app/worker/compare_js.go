//go:build js && wasm

package worker

import (
	"context"
	"errors"

	"github.com/wirediff/wirediff/app/reuse"
)

// Compare runs reuse.Compare in a worker and waits for the pair: two
// long articles take the engine a second or more, which the page's thread
// must not spend. When ctx is done, the worker is terminated and Compare
// returns ctx.Err() at once. Where workers are missing or fail to start,
// the two are compared on the page, as reuse.Compare.
func Compare(ctx context.Context, a, b reuse.Document, opts reuse.Options) (reuse.Pair, error) {
	e, err := engineFor(ctx, "comparing")
	if err != nil {
		return reuse.Pair{}, err
	}
	if e == nil {
		return reuse.Compare(ctx, a, b, opts)
	}
	gen := nextGen()
	var res Compared
	err = e.ask(ctx, Comparison{Gen: gen, A: a, B: b, Options: opts}, func(msg any) bool {
		if m, ok := msg.(Compared); ok && m.Gen == gen {
			res = m
			return true
		}
		return false
	})
	switch {
	case err != nil:
		return reuse.Pair{}, err
	case res.Err != "":
		return reuse.Pair{}, errors.New(res.Err)
	case res.Pair == nil:
		return reuse.Pair{}, errors.New("the analysis worker sent no pair")
	}
	return *res.Pair, nil
}
