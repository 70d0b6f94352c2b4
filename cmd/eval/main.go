// Command eval scores the reuse engine on edited copies of real news with
// known truth: it builds pairs of Wikinews articles in which passages of a
// source were inserted into another article under the edits a copy desk
// makes and under PAN's artificial obfuscation at a low and a high degree
// (internal/corpus), runs reuse.Analyze on each pair, and prints PAN's
// character-level precision, recall, granularity and plagdet
// (internal/plagdet) per kind of edit, for the copy desk's and PAN's
// kinds (each with the unrelated pairs) and overall.
//
//	go run ./cmd/eval        # the table
//	go run ./cmd/eval -v     # and the worst cases, to see what went wrong
//
// It exits non-zero only on an error, never because of a low score.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/corpus"
	"github.com/wirediff/wirediff/internal/plagdet"
)

func main() {
	cfg := corpus.DefaultEval
	verbose := flag.Bool("v", false, "also list the worst cases and detections")
	worst := flag.Int("worst", 8, "how many cases and detections -v lists")
	flag.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "seed of the generated pairs")
	flag.IntVar(&cfg.PairsPerObfuscation, "pairs", cfg.PairsPerObfuscation, "pairs per kind of edit, and unrelated pairs")
	oracle := flag.Bool("oracle", false, "score the truth itself instead of the engine (checks the evaluation: all 1)")
	// The engine's thresholds, to measure a change of default before
	// making it; zero keeps the engine's default.
	var opts reuse.Options
	flag.IntVar(&opts.KGram, "kgram", 0, "engine option KGram (0: default)")
	flag.IntVar(&opts.Window, "window", 0, "engine option Window (0: default)")
	flag.IntVar(&opts.MaxSkip, "max-skip", 0, "engine option MaxSkip (0: default)")
	flag.IntVar(&opts.MaxGap, "max-gap", 0, "engine option MaxGap (0: default)")
	flag.IntVar(&opts.MaxTrim, "max-trim", 0, "engine option MaxTrim (0: default)")
	flag.IntVar(&opts.MinWords, "min-words", 0, "engine option MinWords (0: default)")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: eval [-v] [-worst N] [-seed S] [-pairs N] [-oracle] [-kgram N -window N -max-skip N -max-gap N -max-trim N -min-words N]")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(os.Stdout, cfg, opts, *verbose, *worst, *oracle); err != nil {
		fmt.Fprintln(os.Stderr, "eval:", err)
		os.Exit(1)
	}
}

// A scored pair holds one pair's truth and detections in characters.
type scored struct {
	pair        corpus.Pair
	cases, dets []plagdet.Annotation
}

func run(w io.Writer, cfg corpus.EvalConfig, opts reuse.Options, verbose bool, worst int, oracle bool) error {
	arts, err := corpus.Wikinews()
	if err != nil {
		return err
	}
	pairs, err := corpus.EvalPairs(arts, cfg)
	if err != nil {
		return err
	}
	var all []scored
	var elapsed time.Duration
	for i, p := range pairs {
		s := scored{pair: p}
		sid, rid := fmt.Sprintf("%d/susp", i), fmt.Sprintf("%d/src", i)
		for _, c := range p.Cases {
			s.cases = append(s.cases, annotation(p, sid, rid, c.Susp, c.Src))
		}
		if oracle {
			s.dets = s.cases
		} else {
			docs := []reuse.Document{{Name: p.Susp.Name, Text: p.Susp.Text}, {Name: p.Src.Name, Text: p.Src.Text}}
			start := time.Now()
			rep, err := reuse.Analyze(context.Background(), docs, opts)
			elapsed += time.Since(start)
			if err != nil {
				return fmt.Errorf("analysing %s and %s: %w", p.Susp.Name, p.Src.Name, err)
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
				}
			}
		}
		all = append(all, s)
	}
	table(w, all)
	nCases := 0
	for _, s := range all {
		nCases += len(s.cases)
	}
	fmt.Fprintf(w, "\n%d pairs, %d cases; seed %d; analysis took %v in all\n", len(all), nCases, cfg.Seed, elapsed.Round(time.Millisecond))
	if verbose {
		listWorst(w, all, worst)
	}
	return nil
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

func table(w io.Writer, all []scored) {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "edit\tpairs\tcases\tdetections\tprecision\trecall\tgranularity\tplagdet\t")
	row := func(name string, keep func(corpus.Obfuscation) bool) {
		var cases, dets []plagdet.Annotation
		n := 0
		for _, s := range all {
			if keep(s.pair.Obfuscation) {
				n++
				cases = append(cases, s.cases...)
				dets = append(dets, s.dets...)
			}
		}
		r := plagdet.Evaluate(cases, dets)
		if len(cases) == 0 {
			// Nothing to find: PAN's measures are 1 or 0 by convention,
			// so say what was found instead.
			fmt.Fprintf(tw, "%s\t%d\t0\t%d\t\t\t\t%s\t\n", name, n, len(dets), map[bool]string{true: "clean", false: "wrong"}[len(dets) == 0])
			return
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.3f\t%.3f\t%.3f\t%.3f\t\n", name, n, len(cases), len(dets), r.Precision, r.Recall, r.Granularity, r.Plagdet)
	}
	for _, k := range append(slices.Clone(corpus.Obfuscations), corpus.None) {
		row(string(k), func(o corpus.Obfuscation) bool { return o == k })
	}
	// The copy desk's kinds are what wirediff is for, PAN's what public
	// benchmarks measure; the unrelated pairs count in both for precision.
	pan := func(o corpus.Obfuscation) bool { return strings.HasPrefix(string(o), "pan-") }
	row("copy-desk", func(o corpus.Obfuscation) bool { return !pan(o) })
	row("pan", func(o corpus.Obfuscation) bool { return pan(o) || o == corpus.None })
	row("all", func(corpus.Obfuscation) bool { return true })
	tw.Flush()
}

// listWorst prints the cases found worst (least recall, most pieces) and
// the detections with the least precision, with the text involved.
func listWorst(w io.Writer, all []scored, n int) {
	type item struct {
		s     *scored
		a     plagdet.Annotation
		score float64
		note  string
	}
	var cases, dets []item
	for i := range all {
		s := &all[i]
		for _, c := range s.cases {
			rec := plagdet.CaseRecall(c, s.dets)
			pieces := 0
			for _, d := range s.dets {
				if c.Overlaps(d) {
					pieces++
				}
			}
			score := plagdet.Score(rec, 1, float64(max(1, pieces)))
			if score < 1 {
				cases = append(cases, item{s, c, score, fmt.Sprintf("recall %.2f in %d detections", rec, pieces)})
			}
		}
		for _, d := range s.dets {
			prec := plagdet.CaseRecall(d, s.cases)
			if prec < 1 {
				dets = append(dets, item{s, d, prec, fmt.Sprintf("precision %.2f", prec)})
			}
		}
	}
	byScore := func(a, b item) int {
		if a.score != b.score {
			if a.score < b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.a.Susp, b.a.Susp)
	}
	slices.SortStableFunc(cases, byScore)
	slices.SortStableFunc(dets, byScore)
	fmt.Fprintf(w, "\n%d cases not found whole and alone; the worst:\n", len(cases))
	for _, it := range cases[:min(n, len(cases))] {
		p := it.s.pair
		fmt.Fprintf(w, "\n== %s case: %s\n", p.Obfuscation, it.note)
		fmt.Fprintf(w, "   suspicious %s %v, source %s %v\n", p.Susp.Name, it.a.SuspSpan, p.Src.Name, it.a.SrcSpan)
		fmt.Fprintf(w, "   missed in the suspicious text: %s\n", missed(p.Susp.Text, it.a.SuspSpan, it.s.dets, true))
		fmt.Fprintf(w, "   missed in the source: %s\n", missed(p.Src.Text, it.a.SrcSpan, it.s.dets, false))
		for _, d := range it.s.dets {
			if it.a.Overlaps(d) {
				fmt.Fprintf(w, "   detection %v / %v: %s\n", d.SuspSpan, d.SrcSpan, quote(slice(p.Susp.Text, d.SuspSpan)))
			}
		}
	}
	fmt.Fprintf(w, "\n%d detections reach outside the truth; the worst:\n", len(dets))
	for _, it := range dets[:min(n, len(dets))] {
		p := it.s.pair
		fmt.Fprintf(w, "\n== %s detection: %s\n", p.Obfuscation, it.note)
		fmt.Fprintf(w, "   suspicious %s %v: %s\n", p.Susp.Name, it.a.SuspSpan, quote(slice(p.Susp.Text, it.a.SuspSpan)))
		fmt.Fprintf(w, "   source %s %v: %s\n", p.Src.Name, it.a.SrcSpan, quote(slice(p.Src.Text, it.a.SrcSpan)))
		fmt.Fprintf(w, "   outside the truth in the suspicious text: %s\n", missed(p.Susp.Text, it.a.SuspSpan, it.s.cases, true))
		fmt.Fprintf(w, "   outside the truth in the source: %s\n", missed(p.Src.Text, it.a.SrcSpan, it.s.cases, false))
	}
}

// missed quotes the parts of span (a character span of text) that no
// annotation among others covers on that side.
func missed(text string, span plagdet.Span, others []plagdet.Annotation, susp bool) string {
	covered := make([]bool, span.Len())
	for _, o := range others {
		s := o.SrcSpan
		if susp {
			s = o.SuspSpan
		}
		for i := max(s.Start, span.Start); i < min(s.End, span.End); i++ {
			covered[i-span.Start] = true
		}
	}
	var parts []string
	for i := 0; i < len(covered); {
		if covered[i] {
			i++
			continue
		}
		j := i
		for j < len(covered) && !covered[j] {
			j++
		}
		if part := strings.TrimSpace(slice(text, plagdet.Span{Start: span.Start + i, End: span.Start + j})); part != "" {
			parts = append(parts, quote(part))
		}
		i = j
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, " … ")
}

// slice returns the characters [s.Start, s.End) of text.
func slice(text string, s plagdet.Span) string {
	r := []rune(text)
	return string(r[max(0, s.Start):min(len(r), s.End)])
}

// quote shortens long text to its ends and shows it on one line.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:90]) + " […] " + string(r[len(r)-60:])
	}
	return fmt.Sprintf("%q", s)
}
