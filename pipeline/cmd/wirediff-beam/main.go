// Command wirediff-beam runs wirediff's engine on Apache Beam: it finds
// the stories and the copied and rewritten passages that the articles of
// an archive share, as `wirediff --json` does for a handful of files.
// --all-pairs compares every pair of articles that share text or similar
// sentences instead; --no-rewritten finds copied passages only.
//
//	wirediff-beam --input PATTERN --output PREFIX [--runner prism] [engine flags]
//
// PATTERN matches .jsonl files of articles in the command line's format
// ({"id", "title", "source", "published", "url", "text"}, one a line) or
// text and HTML files, one article each, named by file name; local paths
// here, gs://… and the like on a cluster. The results go to
// PREFIX-documents.jsonl, PREFIX-pairs.jsonl and, without --all-pairs,
// PREFIX-stories.jsonl. The pipeline's counters
// are printed at the end. The default runner, prism, runs in this
// process; see the README for Flink, Spark and Dataflow.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/x/beamx"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/pipeline/stages"
)

var (
	input  = flag.String("input", "", "`PATTERN` of the input files: .jsonl articles, or text files")
	output = flag.String("output", "", "`PREFIX` of the output files, PREFIX-documents.jsonl, PREFIX-pairs.jsonl and PREFIX-stories.jsonl")
	opts   stages.Options
)

func init() {
	// The engine's thresholds that the copied passages use, as in the
	// command line.
	d := reuse.DefaultOptions()
	flag.IntVar(&opts.MinWords, "min-words", 0, fmt.Sprintf("fewest shared `words` for a passage (default %d)", d.MinWords))
	flag.IntVar(&opts.KGram, "kgram", 0, fmt.Sprintf("`words` per fingerprint (default %d)", d.KGram))
	flag.IntVar(&opts.Window, "window", 0, fmt.Sprintf("winnowing window in k-grams (default %d)", d.Window))
	flag.IntVar(&opts.MaxGap, "max-gap", 0, fmt.Sprintf("most `words` of edits inside one passage (default %d)", d.MaxGap))
	flag.IntVar(&opts.MaxTrim, "max-trim", 0, fmt.Sprintf("most `words` a copy desk may cut from inside one passage (default %d)", d.MaxTrim))
	flag.IntVar(&opts.MaxSkip, "max-skip", 0, fmt.Sprintf("most `words` extension steps over at once (default %d)", d.MaxSkip))
	flag.IntVar(&opts.MaxDocs, "max-docs", 0, fmt.Sprintf("fingerprints in more than `N` articles are boilerplate (default %d)", d.MaxDocs))
	flag.IntVar(&opts.MaxRepeats, "max-repeats", 0, fmt.Sprintf("times one fingerprint counts within an article (default %d)", d.MaxRepeats))
	flag.BoolVar(&opts.AllPairs, "all-pairs", false, "compare every pair of articles that share text, not each story's copies with its origin")
	flag.Float64Var(&opts.MinSimilarity, "min-similarity", 0, fmt.Sprintf("how alike two sentences must be, 0 to 1, to seed a rewritten passage (default %g)", d.MinSimilarity))
	flag.IntVar(&opts.SentenceGap, "sentence-gap", 0, fmt.Sprintf("most `sentences` between two similar ones of a rewritten passage (default %d)", d.SentenceGap))
	flag.IntVar(&opts.SummaryGap, "summary-gap", 0, fmt.Sprintf("most `sentences` between two similar ones on the long side of a summary (default %d)", d.SummaryGap))
	flag.BoolVar(&opts.NoRewritten, "no-rewritten", false, "find copied passages only, not rewritten ones")
	flag.DurationVar(&opts.DiffTimeout, "diff-timeout", 0, fmt.Sprintf("bound on each passage's word alignment (default %v)", d.DiffTimeout))
	flag.IntVar(&opts.SourceRepeats, "source-repeats", 0, fmt.Sprintf("text that this many `articles` of one source carry, more than half of its carriers, is that outlet's boilerplate (default %d)", d.SourceRepeats))
	flag.IntVar(&opts.Shards, "shards", 0, fmt.Sprintf("`shards` the fingerprints, seeds, sentences and shared fingerprints are shuffled in; a stage holds one at a time, so raise it far beyond 100,000 articles (default %d)", stages.DefaultShards))
	flag.Func("boilerplate", "set `TEXT` aside as boilerplate wherever it appears (repeat the flag for more)", func(s string) error {
		opts.Boilerplate = append(opts.Boilerplate, s)
		return nil
	})
}

func main() {
	flag.Parse()
	os.Exit(run(context.Background(), os.Stderr))
}

func run(ctx context.Context, stderr io.Writer) int {
	if *input == "" || *output == "" || flag.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: wirediff-beam --input PATTERN --output PREFIX [--runner prism] [flags]")
		flag.CommandLine.SetOutput(stderr)
		flag.PrintDefaults()
		return 2
	}
	for _, v := range []struct {
		name string
		n    int
	}{{"min-words", opts.MinWords}, {"kgram", opts.KGram}, {"window", opts.Window}, {"max-gap", opts.MaxGap},
		{"max-trim", opts.MaxTrim}, {"max-skip", opts.MaxSkip}, {"max-docs", opts.MaxDocs}, {"max-repeats", opts.MaxRepeats},
		{"source-repeats", opts.SourceRepeats}, {"sentence-gap", opts.SentenceGap}, {"summary-gap", opts.SummaryGap},
		{"shards", opts.Shards}} {
		if v.n < 0 {
			fmt.Fprintf(stderr, "wirediff-beam: --%s must be 0 (the default) or more, not %d\n", v.name, v.n)
			return 2
		}
	}
	if opts.DiffTimeout < 0 {
		fmt.Fprintln(stderr, "wirediff-beam: --diff-timeout must not be negative")
		return 2
	}
	if opts.MinSimilarity < 0 || opts.MinSimilarity > 1 {
		fmt.Fprintf(stderr, "wirediff-beam: --min-similarity must be from 0 (the default) to 1, not %g\n", opts.MinSimilarity)
		return 2
	}
	beam.Init()
	p, s := beam.NewPipelineWithRoot()
	stages.Build(s, *input, *output, opts)
	res, err := beamx.RunWithMetrics(ctx, p)
	if err != nil {
		fmt.Fprintf(stderr, "wirediff-beam: %v\n", err)
		return 1
	}
	stages.PrintCounters(stderr, res)
	if opts.AllPairs {
		fmt.Fprintf(stderr, "wirediff-beam: wrote %s-documents.jsonl and %s-pairs.jsonl\n", *output, *output)
	} else {
		fmt.Fprintf(stderr, "wirediff-beam: wrote %s-documents.jsonl, %s-pairs.jsonl and %s-stories.jsonl\n", *output, *output, *output)
	}
	return 0
}
