package worker

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/corpus"
)

// newsroomReport analyses a newsroom's day of 1,000 articles (see
// corpus.Newsroom), the size the page must take back without a long task.
func newsroomReport(b *testing.B) (*reuse.Report, []reuse.Document) {
	arts, err := corpus.Wikinews()
	if err != nil {
		b.Fatal(err)
	}
	day, err := corpus.Newsroom(arts, 1000, 1)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]reuse.Document, len(day))
	for i, d := range day {
		docs[i] = reuse.Document{Name: d.Name, Text: d.Text}
	}
	rep, err := reuse.Analyze(context.Background(), docs, reuse.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return rep, docs
}

// BenchmarkReport compares the wire format with encoding/json for the
// report of 1,000 articles, both ways, and the request that carries the
// articles. Decoding the report is what the page's main thread does; run
// it in WebAssembly, where the page runs it:
//
//	GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" -run='^$' -bench=Report ./app/worker/
func BenchmarkReport(b *testing.B) {
	rep, docs := newsroomReport(b)
	wire := Encode(nil, Result{Report: rep})
	js, err := json.Marshal(rep)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("decode/wire", func(b *testing.B) {
		for b.Loop() {
			if _, err := Decode(wire); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(wire)), "bytes")
	})
	b.Run("decode/json", func(b *testing.B) {
		for b.Loop() {
			var r reuse.Report
			if err := json.Unmarshal(js, &r); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(len(js)), "bytes")
	})
	b.Run("encode/wire", func(b *testing.B) {
		for b.Loop() {
			Encode(nil, Result{Report: rep})
		}
	})
	b.Run("encode/json", func(b *testing.B) {
		for b.Loop() {
			if _, err := json.Marshal(rep); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("encode/request", func(b *testing.B) {
		for b.Loop() {
			Encode(nil, Request{Documents: docs})
		}
	})
}
