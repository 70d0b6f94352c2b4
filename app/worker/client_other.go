//go:build !(js && wasm)

package worker

import (
	"context"

	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/reuse"
)

// Analyze is reuse.Analyze: outside the browser there is no page to keep
// responsive.
func Analyze(ctx context.Context, docs []reuse.Document, opts reuse.Options) (*reuse.Report, error) {
	return reuse.Analyze(ctx, docs, opts)
}

// Compare is reuse.Compare: outside the browser there is no page to keep
// responsive.
func Compare(ctx context.Context, a, b reuse.Document, opts reuse.Options) (reuse.Pair, error) {
	return reuse.Compare(ctx, a, b, opts)
}

// Start does nothing: outside the browser there is no worker to start.
func Start() {}

// Rehearse does nothing: outside the browser nothing is compiled as it
// runs.
func Rehearse(ctx context.Context, docs []reuse.Document, opts reuse.Options) {}

// Read is ingest.Text: outside the browser there is no page to keep
// responsive.
func Read(ctx context.Context, name string, data []byte) (ingest.Result, error) {
	if err := ctx.Err(); err != nil {
		return ingest.Result{}, err
	}
	return ingest.Text(name, data)
}
