package ui

import (
	"context"
	"fmt"

	"github.com/wirediff/wirediff/app/reuse"
)

// analyseSafely runs the engine, turning a panic into an error: in the
// browser a panic would kill the whole page and the articles with it. It
// is the page's one call into the engine; progress comes through
// opts.Progress.
func analyseSafely(ctx context.Context, docs []reuse.Document, opts reuse.Options) (report *reuse.Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			report, err = nil, fmt.Errorf("the analysis stopped unexpectedly: %v", r)
		}
	}()
	return reuse.Analyze(ctx, docs, opts)
}
