package reuse_test

import (
	"context"
	"fmt"
	"hash/fnv"
	"math"
	"os"
	"runtime"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/corpus"
)

// newsroom returns a newsroom's day of n articles (about 2.5 KB each, some
// wire stories picked up by several outlets, most text unique; see
// corpus.Newsroom) and their total size in bytes.
func newsroom(b *testing.B, n int) ([]reuse.Document, int) {
	return day(b, corpus.Newsroom, n)
}

// distinctNewsroom is newsroom with unique text that shares no sentences
// (corpus.NewsroomDistinct): newsroom's unique articles are heavy
// rewrites of one another, which the rewritten step reports.
func distinctNewsroom(b *testing.B, n int) ([]reuse.Document, int) {
	return day(b, corpus.NewsroomDistinct, n)
}

func day(b *testing.B, gen func([]corpus.Article, int, uint64) ([]corpus.Doc, error), n int) ([]reuse.Document, int) {
	arts, err := corpus.Wikinews()
	if err != nil {
		b.Fatal(err)
	}
	day, err := gen(arts, n, 1)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]reuse.Document, len(day))
	size := 0
	for i, d := range day {
		docs[i] = reuse.Document{Name: d.Name, Text: d.Text}
		size += len(d.Text)
	}
	return docs, size
}

// BenchmarkAnalyze runs the engine on a newsroom's day of 10, 100 and
// 1,000 articles. MB/s is input text analysed per second; pairs is the
// number of article pairs reported. Compare it with BenchmarkBaseline of
// the same run rather than across machines.
//
//	go test -run='^$' -bench=. ./app/reuse/
//	GOOS=js GOARCH=wasm go test -exec="$(go env GOROOT)/lib/wasm/go_js_wasm_exec" -run='^$' -bench=. ./app/reuse/
//
// The articles=N runs use the newsroom day, whose unique articles are
// heavy rewrites of one another; the distinct-articles=N runs use the
// same day with unique text that shares no sentences.
func BenchmarkAnalyze(b *testing.B) {
	benchmarkDays(b, reuse.Options{})
}

func benchmarkDays(b *testing.B, opts reuse.Options) {
	for _, c := range []struct {
		prefix string
		day    func(*testing.B, int) ([]reuse.Document, int)
	}{{"", newsroom}, {"distinct-", distinctNewsroom}} {
		for _, n := range []int{10, 100, 1000} {
			b.Run(fmt.Sprintf("%sarticles=%d", c.prefix, n), func(b *testing.B) {
				docs, size := c.day(b, n)
				b.SetBytes(int64(size))
				b.ReportAllocs()
				var rep *reuse.Report
				var err error
				cpu0, measured := cpuSeconds()
				n := 0
				for b.Loop() {
					if rep, err = reuse.Analyze(context.Background(), docs, opts); err != nil {
						b.Fatal(err)
					}
					n++
				}
				if cpu1, _ := cpuSeconds(); measured {
					b.ReportMetric((cpu1-cpu0)/float64(n), "cpu-s/op")
				}
				b.ReportMetric(float64(len(rep.Pairs)), "pairs")
			})
		}
	}
}

// BenchmarkCopiedOnly is the engine as it was before it looked for
// rewritten passages (Options.NoRewritten), measured in the same run so
// that the rewritten step's share of the time is the ratio of the two.
func BenchmarkCopiedOnly(b *testing.B) {
	benchmarkDays(b, reuse.Options{NoRewritten: true})
}

// BenchmarkAllPairs is the engine comparing every related pair
// (Options.AllPairs), as before stories: on a newsroom's day, where a wire
// story has two to six copies, stories save little and cost their
// planning.
func BenchmarkAllPairs(b *testing.B) {
	benchmarkDays(b, reuse.Options{AllPairs: true})
}

// BenchmarkBaseline is the least any word-level engine must do: split the
// same articles into words and hash each one once. The README reports
// Analyze as a multiple of it, which holds from one machine, and from
// native code to WebAssembly, to the next.
func BenchmarkBaseline(b *testing.B) {
	for _, n := range []int{10, 100, 1000} {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			docs, size := newsroom(b, n)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }
			var sum uint64
			for b.Loop() {
				for _, d := range docs {
					for _, w := range strings.FieldsFunc(d.Text, notWord) {
						h := fnv.New64a()
						h.Write([]byte(strings.ToLower(w)))
						sum += h.Sum64()
					}
				}
			}
			if sum == 1 {
				b.Log(sum) // keep the work from being optimised away
			}
		})
	}
}

// BenchmarkPathological runs the inputs that would make a naive engine
// quadratic: one word repeated 200,000 times in two documents, and 2,000
// tiny articles that all carry the same sentence.
func BenchmarkPathological(b *testing.B) {
	repeated := strings.Repeat("again ", 200_000)
	tiny := make([]reuse.Document, 2000)
	for i := range tiny {
		tiny[i] = reuse.Document{Text: fmt.Sprintf("Article %d. The Associated Press contributed to this report from Moscow today.", i)}
	}
	for _, bc := range []struct {
		name string
		docs []reuse.Document
	}{
		{"repeated-word", []reuse.Document{{Text: repeated}, {Text: repeated}}},
		{"tiny-articles", tiny},
	} {
		b.Run(bc.name, func(b *testing.B) {
			size := 0
			for _, d := range bc.docs {
				size += len(d.Text)
			}
			b.SetBytes(int64(size))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := reuse.Analyze(context.Background(), bc.docs, reuse.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// syndicated returns n articles of heavily syndicated copy: agency
// stories each carried by copies outlets (corpus.Syndicated), with their
// sources and publication times.
func syndicated(b *testing.B, n, copies int) ([]reuse.Document, int) {
	arts, err := corpus.Wikinews()
	if err != nil {
		b.Fatal(err)
	}
	day, err := corpus.Syndicated(arts, n, copies, 200, 1)
	if err != nil {
		b.Fatal(err)
	}
	docs := make([]reuse.Document, len(day))
	size := 0
	for i, d := range day {
		docs[i] = reuse.Document{Name: d.Name, Text: d.Text, Source: d.Source, Published: d.Published}
		size += len(d.Text)
	}
	return docs, size
}

// BenchmarkStories runs the engine on syndicated copy, 10, 30 and 100
// copies a story, 1,000 and 5,000 articles: by default (stories, each
// copy aligned with its story's origin), with Options.AllPairs (every
// related pair aligned), and as the engine was before stories (every
// pair, and text in more than 100 articles set aside as boilerplate).
// The two all-pairs modes grow with the square of the copies and run on
// 1,000 articles only. cpu-s/op is the processor time of one run, which
// other processes on a shared machine do not inflate as they do ns/op.
//
//	go test -run='^$' -bench=Stories -benchtime=1x -count=3 ./app/reuse/
func BenchmarkStories(b *testing.B) {
	modes := []struct {
		name string
		opts reuse.Options
		most int // articles
	}{
		{"stories", reuse.Options{}, 5000},
		{"all-pairs", reuse.Options{AllPairs: true}, 1000},
		{"before", reuse.Options{AllPairs: true, MaxDocs: 100, SourceRepeats: math.MaxInt}, 1000},
	}
	for _, m := range modes {
		for _, copies := range []int{10, 30, 100} {
			for _, n := range []int{1000, 5000} {
				if n > m.most {
					continue
				}
				b.Run(fmt.Sprintf("%s/copies=%d/articles=%d", m.name, copies, n), func(b *testing.B) {
					docs, size := syndicated(b, n, copies)
					b.SetBytes(int64(size))
					b.ReportAllocs()
					var rep *reuse.Report
					var err error
					cpu0, measured := cpuSeconds()
					n := 0
					for b.Loop() {
						if rep, err = reuse.Analyze(context.Background(), docs, m.opts); err != nil {
							b.Fatal(err)
						}
						n++
					}
					if cpu1, _ := cpuSeconds(); measured {
						b.ReportMetric((cpu1-cpu0)/float64(n), "cpu-s/op")
					}
					b.ReportMetric(float64(len(rep.Pairs)), "pairs")
					b.ReportMetric(float64(len(rep.Stories)), "stories")
				})
			}
		}
	}
}

// BenchmarkCompare aligns two articles on request, as a pair view of two
// copies that a story compared only with its origin: seeds 001 and 002,
// the two versions of the UPI story.
func BenchmarkCompare(b *testing.B) {
	read := func(name string) reuse.Document {
		data, err := os.ReadFile("../../testdata/" + name)
		if err != nil {
			b.Fatal(err)
		}
		return reuse.Document{Name: name, Text: string(data)}
	}
	x, y := read("001_0a00dae68f596f11.txt"), read("002_44fe80aaaa44ca02.txt")
	b.SetBytes(int64(len(x.Text) + len(y.Text)))
	b.ReportAllocs()
	cpu0, measured := cpuSeconds()
	n := 0
	for b.Loop() {
		if _, err := reuse.Compare(context.Background(), x, y, reuse.Options{}); err != nil {
			b.Fatal(err)
		}
		n++
	}
	if cpu1, _ := cpuSeconds(); measured {
		b.ReportMetric((cpu1-cpu0)/float64(n)*1000, "cpu-ms/op")
	}
}

// BenchmarkRewrittenShare runs the engine without and with rewritten
// passages on the same 1,000 articles, one after the other in each
// iteration, and reports the least time each took (rewritten-ratio is
// their quotient): on a shared, loaded machine the least of interleaved
// runs is steadier than a median of runs taken minutes apart. The time
// is the process's CPU time where the system reports it (Linux:
// getrusage, garbage collection included), else the time elapsed.
//
//	go test -run='^$' -bench=RewrittenShare -benchtime=8x ./app/reuse/
func BenchmarkRewrittenShare(b *testing.B) {
	for _, c := range []struct {
		name string
		day  func(*testing.B, int) ([]reuse.Document, int)
	}{{"articles=1000", newsroom}, {"distinct-articles=1000", distinctNewsroom}} {
		b.Run(c.name, func(b *testing.B) {
			docs, _ := c.day(b, 1000)
			least := [2]time.Duration{math.MaxInt64, math.MaxInt64}
			for b.Loop() {
				for k, o := range []reuse.Options{{NoRewritten: true}, {}} {
					runtime.GC()
					start := processTime()
					if _, err := reuse.Analyze(context.Background(), docs, o); err != nil {
						b.Fatal(err)
					}
					least[k] = min(least[k], processTime()-start)
				}
			}
			b.ReportMetric(float64(least[0].Milliseconds()), "copied-only-ms")
			b.ReportMetric(float64(least[1].Milliseconds()), "with-rewritten-ms")
			b.ReportMetric(float64(least[1])/float64(least[0]), "rewritten-ratio")
		})
	}
}

var processStart = time.Now()

// processTime is the processor time the process has used where the
// system reports it (cpuSeconds), else the time elapsed.
func processTime() time.Duration {
	if s, ok := cpuSeconds(); ok {
		return time.Duration(s * float64(time.Second))
	}
	return time.Since(processStart)
}
