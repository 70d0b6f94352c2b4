// Command eval scores the reuse engine on edited copies of real news with
// known truth: it builds pairs of Wikinews articles in which passages of a
// source were inserted into another article under the edits a copy desk
// makes and under PAN's artificial obfuscation at a low and a high degree
// (internal/corpus), runs reuse.Analyze on each pair, and prints PAN's
// character-level precision, recall, granularity and plagdet
// (internal/plagdet) per kind of edit, for the copy desk's and PAN's
// kinds (each with the unrelated pairs) and overall.
//
// When the PAN 2013 text alignment training subsets are at hand (-pan13,
// by default ../shared/pan13-train; see pan13.go), it scores the engine on
// them too, in the same table: random, translation and summary
// obfuscation, and the three together. Without them it says so and goes
// on.
//
//	go run ./cmd/eval                  # the table
//	go run ./cmd/eval -v               # and the worst cases, to see what went wrong
//	go run ./cmd/eval -only pan13 -pan13-sample 100   # a quick look at PAN 2013
//
// It exits non-zero only on an error, never because of a low score.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/corpus"
	"github.com/wirediff/wirediff/internal/plagdet"
)

func main() {
	set := settings{cfg: corpus.DefaultEval}
	flag.BoolVar(&set.verbose, "v", false, "also list the worst cases and detections")
	flag.IntVar(&set.worst, "worst", 8, "how many cases and detections -v lists")
	flag.Uint64Var(&set.cfg.Seed, "seed", set.cfg.Seed, "seed of the generated pairs")
	flag.IntVar(&set.cfg.PairsPerObfuscation, "pairs", set.cfg.PairsPerObfuscation, "pairs per kind of edit, and unrelated pairs")
	flag.BoolVar(&set.oracle, "oracle", false, "score the truth itself instead of the engine (checks the evaluation: all 1)")
	flag.StringVar(&set.only, "only", "", "score only the Wikinews pairs (wikinews) or only PAN 2013 (pan13)")
	flag.StringVar(&set.pan13, "pan13", defaultPan13, "folder of the PAN 2013 text alignment training subsets; skipped with a message if missing")
	flag.IntVar(&set.pan13Sample, "pan13-sample", 0, "score about N evenly spread pairs of each PAN 2013 subset (0: all)")
	// The engine's thresholds, to measure a change of default before
	// making it; zero keeps the engine's default.
	opts := &set.opts
	// Each evaluation pair is scored on its own, and every passage of it
	// counts: the pair, not a story's origin and copy.
	opts.AllPairs = true
	flag.IntVar(&opts.KGram, "kgram", 0, "engine option KGram (0: default)")
	flag.IntVar(&opts.Window, "window", 0, "engine option Window (0: default)")
	flag.IntVar(&opts.MaxSkip, "max-skip", 0, "engine option MaxSkip (0: default)")
	flag.IntVar(&opts.MaxGap, "max-gap", 0, "engine option MaxGap (0: default)")
	flag.IntVar(&opts.MaxTrim, "max-trim", 0, "engine option MaxTrim (0: default)")
	flag.IntVar(&opts.MinWords, "min-words", 0, "engine option MinWords (0: default)")
	flag.BoolVar(&opts.NoRewritten, "no-rewritten", false, "engine option NoRewritten: copied passages only, as before rewritten ones were found")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: eval [-v] [-worst N] [-seed S] [-pairs N] [-oracle] [-only wikinews|pan13] [-pan13 DIR] [-pan13-sample N] [-kgram N -window N -max-skip N -max-gap N -max-trim N -min-words N]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 || !slices.Contains([]string{"", onlyWikinews, onlyPan13}, set.only) || set.pan13Sample < 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, set); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

// Values of -only.
const (
	onlyWikinews = "wikinews"
	onlyPan13    = "pan13"
)

// settings are the command's flags.
type settings struct {
	cfg         corpus.EvalConfig
	opts        reuse.Options
	verbose     bool
	worst       int
	oracle      bool
	only        string // "", onlyWikinews or onlyPan13
	pan13       string // the PAN 2013 folder
	pan13Sample int    // pairs per PAN 2013 subset, 0 for all
}

// A scored pair holds one pair's truth and detections in characters, and
// the kind of passage each detection was (none when the truth is scored).
type scored struct {
	pair        corpus.Pair
	cases, dets []plagdet.Annotation
	kinds       []reuse.Kind
}

// A row of the table scores the detections of some pairs.
type row struct {
	name  string
	pairs []scored
	// decimals the scores are printed with: 3, or 4 where a target is
	// set at the third decimal and the fourth says which side it falls.
	decimals int
}

func run(w io.Writer, set settings) error {
	var rows []row
	var wiki []scored
	var wikiTime time.Duration
	if set.only != onlyPan13 {
		arts, err := corpus.Wikinews()
		if err != nil {
			return err
		}
		pairs, err := corpus.EvalPairs(arts, set.cfg)
		if err != nil {
			return err
		}
		if wiki, wikiTime, _, err = scoreAll(pairs, "", set.opts, set.oracle); err != nil {
			return err
		}
		rows = wikinewsRows(wiki)
	}
	var pan *pan13Result
	skipped := ""
	if set.only != onlyWikinews {
		var err error
		if pan, skipped, err = runPan13(set); err != nil {
			return err
		}
		if pan != nil {
			rows = append(rows, pan.rows()...)
		}
	}
	if len(rows) > 0 {
		table(w, rows)
	}
	if wiki != nil {
		nCases := 0
		for _, s := range wiki {
			nCases += len(s.cases)
		}
		fmt.Fprintf(w, "\n%d pairs, %d cases; seed %d; analysis took %v in all\n", len(wiki), nCases, set.cfg.Seed, wikiTime.Round(time.Millisecond))
	}
	switch {
	case skipped != "":
		fmt.Fprintf(w, "\nPAN 2013 rows skipped: %s\n", skipped)
	case pan != nil:
		pan.summary(w, set)
	}
	if set.verbose {
		if wiki != nil {
			listWorst(w, wiki, set.worst)
		}
		if pan != nil {
			for _, sub := range pan.subsets {
				fmt.Fprintf(w, "\n%s:\n", sub.row)
				listWorst(w, sub.pairs, set.worst)
			}
		}
	}
	return nil
}

// scoreAll turns each pair's truth into cases and runs the engine on it
// for detections, on all cores, keeping the pairs' order. Annotations are
// named by idPrefix and the pair's index. It returns the time the engine
// took, summed over pairs, and the time taken in all (with -oracle, the
// truth is scored instead and both are nearly 0).
func scoreAll(pairs []corpus.Pair, idPrefix string, opts reuse.Options, oracle bool) (all []scored, engine, wall time.Duration, err error) {
	all = make([]scored, len(pairs))
	took := make([]time.Duration, len(pairs))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var (
		next     atomic.Int64
		wg       sync.WaitGroup
		once     sync.Once
		firstErr error
	)
	start := time.Now()
	for range min(runtime.GOMAXPROCS(0), len(pairs)) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= len(pairs) || ctx.Err() != nil {
					return
				}
				s, d, err := scoreOne(ctx, pairs[i], fmt.Sprintf("%s%d/susp", idPrefix, i), fmt.Sprintf("%s%d/src", idPrefix, i), opts, oracle)
				if err != nil {
					once.Do(func() { firstErr = err; cancel() })
					return
				}
				all[i], took[i] = s, d
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return nil, 0, 0, firstErr
	}
	for _, d := range took {
		engine += d
	}
	return all, engine, time.Since(start), nil
}

// scoreOne scores one pair, its annotations named sid and rid, and
// returns how long the engine took on it.
func scoreOne(ctx context.Context, p corpus.Pair, sid, rid string, opts reuse.Options, oracle bool) (scored, time.Duration, error) {
	s := scored{pair: p}
	for _, c := range p.Cases {
		s.cases = append(s.cases, annotation(p, sid, rid, c.Susp, c.Src))
	}
	if oracle {
		s.dets = s.cases
		return s, 0, nil
	}
	docs := []reuse.Document{{Name: p.Susp.Name, Text: p.Susp.Text}, {Name: p.Src.Name, Text: p.Src.Text}}
	start := time.Now()
	rep, err := reuse.Analyze(ctx, docs, opts)
	took := time.Since(start)
	if err != nil {
		return s, took, fmt.Errorf("analysing %s and %s: %w", p.Susp.Name, p.Src.Name, err)
	}
	for _, pr := range rep.Pairs {
		for _, x := range pr.Passages {
			// Passages give spans on the pair's A and B documents.
			susp, src := x.A, x.B
			if pr.A == 1 {
				susp, src = src, susp
			}
			s.dets = append(s.dets, annotation(p, sid, rid,
				corpus.Span{Start: susp.Start, End: susp.End}, corpus.Span{Start: src.Start, End: src.End}))
			s.kinds = append(s.kinds, x.Kind)
		}
	}
	return s, took, nil
}

// annotation turns byte spans into the character spans PAN counts in.
func annotation(p corpus.Pair, sid, rid string, susp, src corpus.Span) plagdet.Annotation {
	return plagdet.Annotation{
		Susp: sid, SuspSpan: chars(p.Susp.Text, susp),
		Src: rid, SrcSpan: chars(p.Src.Text, src),
	}
}

func chars(text string, s corpus.Span) plagdet.Span {
	start := utf8.RuneCountInString(text[:s.Start])
	return plagdet.Span{Start: start, End: start + utf8.RuneCountInString(text[s.Start:s.End])}
}

// wikinewsRows gives a row for each kind of edit, the copy desk's, PAN's
// (each with the unrelated pairs) and all.
func wikinewsRows(all []scored) []row {
	pick := func(name string, keep func(corpus.Obfuscation) bool) row {
		r := row{name: name}
		for _, s := range all {
			if keep(s.pair.Obfuscation) {
				r.pairs = append(r.pairs, s)
			}
		}
		return r
	}
	var rows []row
	for _, k := range append(slices.Clone(corpus.Obfuscations), corpus.None) {
		rows = append(rows, pick(string(k), func(o corpus.Obfuscation) bool { return o == k }))
	}
	// The copy desk's kinds are what wirediff is for, PAN's what public
	// benchmarks measure; the unrelated pairs count in both for precision.
	pan := func(o corpus.Obfuscation) bool { return strings.HasPrefix(string(o), "pan-") }
	rows = append(rows,
		pick("copy-desk", func(o corpus.Obfuscation) bool { return !pan(o) }),
		pick("pan", func(o corpus.Obfuscation) bool { return pan(o) || o == corpus.None }),
		pick("all", func(corpus.Obfuscation) bool { return true }))
	return rows
}

func table(w io.Writer, rows []row) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "edit\tpairs\tcases\tdetections\tprecision\trecall\tgranularity\tplagdet\t")
	for _, rw := range rows {
		var cases, dets []plagdet.Annotation
		for _, s := range rw.pairs {
			cases = append(cases, s.cases...)
			dets = append(dets, s.dets...)
		}
		n := len(rw.pairs)
		r := plagdet.Evaluate(cases, dets)
		if len(cases) == 0 {
			// Nothing to find: PAN's measures are 1 or 0 by convention,
			// so say what was found instead.
			fmt.Fprintf(tw, "%s\t%d\t0\t%d\t\t\t\t%s\t\n", rw.name, n, len(dets), map[bool]string{true: "clean", false: "wrong"}[len(dets) == 0])
			continue
		}
		d := rw.decimals
		if d == 0 {
			d = 3
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.*f\t%.*f\t%.*f\t%.*f\t\n", rw.name, n, len(cases), len(dets), d, r.Precision, d, r.Recall, d, r.Granularity, d, r.Plagdet)
	}
	tw.Flush()
}
