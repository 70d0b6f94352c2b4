package reuse_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/corpus"
)

// BenchmarkAnalyze runs the engine on a newsroom's day of 10, 100 and
// 1,000 articles (about 2.5 KB each, some wire stories picked up by several
// outlets, most text unique; see corpus.Newsroom). MB/s is input text
// analysed per second; pairs is the number of article pairs reported.
//
//	go test -run='^$' -bench=Analyze ./app/reuse/
//	GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" -run='^$' -bench=Analyze ./app/reuse/
func BenchmarkAnalyze(b *testing.B) {
	arts, err := corpus.Wikinews()
	if err != nil {
		b.Fatal(err)
	}
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			day, err := corpus.Newsroom(arts, n, 1)
			if err != nil {
				b.Fatal(err)
			}
			docs := make([]reuse.Document, len(day))
			size := 0
			for i, d := range day {
				docs[i] = reuse.Document{Name: d.Name, Text: d.Text}
				size += len(d.Text)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			var rep *reuse.Report
			for b.Loop() {
				if rep, err = reuse.Analyze(context.Background(), docs, reuse.Options{}); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(rep.Pairs)), "pairs")
		})
	}
}
