package reuse

import (
	"context"
	"time"
)

// A Document is one article to compare.
type Document struct {
	Name string
	Text string
}

// Options holds the engine's thresholds. The zero value of a field means
// its default; see DefaultOptions.
type Options struct {
	// Progress, if set, is called between units of work with the number
	// done and the total, so a caller can report progress or yield.
	Progress func(done, total int)
	// DiffTimeout bounds each passage's word alignment.
	DiffTimeout time.Duration
}

// Analyze finds every passage that two or more of docs share.
func Analyze(ctx context.Context, docs []Document, opts Options) (*Report, error) {
	panic("TODO: engine in progress")
}
