// Command newsroomday writes a newsroom's day of articles (the
// benchmarks' corpus.Newsroom or corpus.NewsroomDistinct, seed 1) as a
// JSON array of {"Name", "Text"}, so that scripts/rewritten-cost.sh can
// give every revision's engine the same input, whatever corpus generator
// that revision had.
//
//	go run ./scripts/newsroomday -n 1000 -distinct > day.json
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/wirediff/wirediff/internal/corpus"
)

// article has the fields of reuse.Document, which analyzeday reads.
type article struct {
	Name string
	Text string
}

func main() {
	n := flag.Int("n", 1000, "number of articles")
	distinct := flag.Bool("distinct", false, "unique text that shares no sentences (corpus.NewsroomDistinct)")
	flag.Parse()
	if err := write(*n, *distinct); err != nil {
		fmt.Fprintln(os.Stderr, "newsroomday:", err)
		os.Exit(1)
	}
}

func write(n int, distinct bool) error {
	arts, err := corpus.Wikinews()
	if err != nil {
		return err
	}
	gen := corpus.Newsroom
	if distinct {
		gen = corpus.NewsroomDistinct
	}
	day, err := gen(arts, n, 1)
	if err != nil {
		return err
	}
	out := make([]article, len(day))
	for i, d := range day {
		out[i] = article{Name: d.Name, Text: d.Text}
	}
	return json.NewEncoder(os.Stdout).Encode(out)
}
