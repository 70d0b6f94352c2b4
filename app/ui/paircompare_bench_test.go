package ui

import (
	"context"
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
)

// BenchmarkCompareOnRequest times what the pair view does for a pair no
// story holds (two seeds, 000 and 003) against the baseline of the
// demo's whole analysis, which the page hands to the worker.
func BenchmarkCompareOnRequest(b *testing.B) {
	docs := workspace.Demo().Documents()
	b.Run("compare-two-seeds", func(b *testing.B) {
		for b.Loop() {
			if _, err := compareSafely(context.Background(), docs[0], docs[3]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("analyse-the-demo", func(b *testing.B) {
		for b.Loop() {
			if _, err := reuse.Analyze(context.Background(), docs, reuse.Options{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
