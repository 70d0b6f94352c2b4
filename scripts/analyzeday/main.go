// Command analyzeday runs reuse.Analyze on a day of articles read from a
// JSON file (as scripts/newsroomday writes it) a given number of times and
// prints the least processor time of a run, natively (getrusage) or in
// WebAssembly under node (process.cpuUsage), and the number of pairs
// found. scripts/rewritten-cost.sh runs it for each engine and copies it
// into older revisions' trees: it uses only what every revision of the engine has
// (reuse.Document, reuse.Analyze and its Options), and takes the options
// as JSON so that a field one revision lacks needs no code.
//
//	go run ./scripts/analyzeday -day day.json -options '{"NoRewritten":true}' -n 3
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"os"
	"runtime"

	"github.com/wirediff/wirediff/app/reuse"
)

func main() {
	path := flag.String("day", "", "JSON file of the articles: [{\"Name\", \"Text\"}, ...]")
	options := flag.String("options", "{}", "reuse.Options as JSON")
	n := flag.Int("n", 1, "times to run Analyze")
	flag.Parse()
	least, pairs, err := run(*path, *options, *n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "analyzeday:", err)
		os.Exit(1)
	}
	fmt.Printf("%.3f cpu-s %d pairs\n", least, pairs)
}

// run returns the least processor seconds of n runs of Analyze on the
// day in path, and the number of pairs it found.
func run(path, options string, n int) (float64, int, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0, 0, err
	}
	var docs []reuse.Document
	if err := json.Unmarshal(data, &docs); err != nil {
		return 0, 0, fmt.Errorf("%s: %w", path, err)
	}
	var opts reuse.Options
	if err := json.Unmarshal([]byte(options), &opts); err != nil {
		return 0, 0, fmt.Errorf("options: %w", err)
	}
	least, pairs := math.Inf(1), 0
	for range n {
		// Each run starts with no garbage of the one before it.
		runtime.GC()
		start := cpuSeconds()
		rep, err := reuse.Analyze(context.Background(), docs, opts)
		if err != nil {
			return 0, 0, err
		}
		least = min(least, cpuSeconds()-start)
		pairs = len(rep.Pairs)
	}
	return least, pairs, nil
}
