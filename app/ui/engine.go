package ui

import (
	"context"
	"fmt"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/worker"
)

// analyseSafely runs the engine, turning a panic into an error: in the
// browser a panic would kill the whole page and the articles with it. It
// is the page's one call to analyse; progress comes through
// opts.Progress. In the browser the engine runs in a Web Worker
// (app/worker), off the page's thread, or on the page where workers
// cannot run.
func analyseSafely(ctx context.Context, docs []reuse.Document, opts reuse.Options) (report *reuse.Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			report, err = nil, fmt.Errorf("the analysis stopped unexpectedly: %v", r)
		}
	}()
	return worker.Analyze(ctx, docs, opts)
}

// compareSafely compares two articles on request, turning a panic into
// an error like analyseSafely: in the engine's worker, as an analysis,
// or on the page where workers cannot run.
func compareSafely(ctx context.Context, a, b reuse.Document) (pair reuse.Pair, err error) {
	defer func() {
		if r := recover(); r != nil {
			pair, err = reuse.Pair{}, fmt.Errorf("the comparison stopped unexpectedly: %v", r)
		}
	}()
	return worker.Compare(ctx, a, b, reuse.Options{})
}
