// Command wirediff finds the passages that text or HTML files share and
// shows the word-level edits between the copies.
//
//	wirediff [flags] FILE|DIR|ARCHIVE.jsonl...
//	wirediff --jsonl [flags] - < ARCHIVE.jsonl
//
// It prints a readable summary by default, the report as JSON with
// --json, and writes a self-contained HTML report with --html FILE. It
// runs the same engine as the wirediff web app.
//
// Exit status: 0 on success, 1 for bad input (fewer than two articles
// could be read), 2 for bad usage (unknown flags, fewer than two files),
// 3 when the articles read were compared but a file or an archive's line
// could not be read and was skipped.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
)

const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

const usageText = `usage: wirediff [flags] FILE|DIR|ARCHIVE.jsonl...
       wirediff --jsonl [flags] - < ARCHIVE.jsonl

wirediff finds the passages that two or more files share (recycled wire
copy, press releases, common quotes) and the word edits between them.
FILEs are plain text or HTML pages, in UTF-8, in UTF-16 with a byte order
mark, or in Windows-1252 (Latin-1); give at least two. An HTML page is
read as a browser's reader mode does: its article, with its title,
outlet, time and URL, without navigation, cookie notices or footers.
A DIR is read recursively: its .txt, .md, .html, .htm and .jsonl files,
hidden ones aside. An ARCHIVE.jsonl (or "-" with --jsonl, standard input)
holds one article a line: {"id", "title", "source", "published", "url",
"text"}, all but "text" optional.

A file or a line that cannot be read is reported and skipped, and the
rest compared. Exit status: 0 when all was compared, 1 for bad input
(fewer than two articles read), 2 for bad usage, 3 when something was
skipped.

Flags (0 for an engine threshold means its default):
`

// config is what the command line asked for.
type config struct {
	json    bool
	jsonl   bool
	html    string
	opts    reuse.Options
	files   []string
	timeout time.Duration

	jsonlOut string // a file, or "-" for stdout
}

// parseArgs reads flags anywhere among the file names, as users type them
// ("wirediff a.txt b.txt --json"); after "--" every argument is a file.
func parseArgs(args []string, stderr io.Writer) (config, int, bool) {
	var c config
	fs := flag.NewFlagSet("wirediff", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVar(&c.json, "json", false, "print the report as JSON (offsets are bytes into each file, or into the text given for a converted one)")
	fs.BoolVar(&c.jsonl, "jsonl", false, `read standard input, given as "-", as JSON Lines: one article a line`)
	fs.StringVar(&c.html, "html", "", "also write a self-contained HTML report to `FILE`")
	fs.StringVar(&c.jsonlOut, "jsonl-out", "", "also write the report as JSON Lines, one record a line (documents, stories, pairs), to `FILE` (- for stdout)")
	fs.BoolVar(&c.opts.AllPairs, "all-pairs", false, "compare every pair of files that share text, not each story's copies with its origin only")
	// The defaults shown are the engine's own, so the help cannot drift
	// from them.
	d := reuse.DefaultOptions()
	fs.IntVar(&c.opts.MinWords, "min-words", 0, fmt.Sprintf("fewest shared `words` for a passage (default %d)", d.MinWords))
	fs.IntVar(&c.opts.KGram, "kgram", 0, fmt.Sprintf("`words` per fingerprint (default %d)", d.KGram))
	fs.IntVar(&c.opts.Window, "window", 0, fmt.Sprintf("winnowing window in k-grams (default %d): any verbatim run of kgram+window-1 words is found", d.Window))
	fs.IntVar(&c.opts.MaxGap, "max-gap", 0, fmt.Sprintf("most `words` of edits inside one passage (default %d)", d.MaxGap))
	fs.IntVar(&c.opts.MaxTrim, "max-trim", 0, fmt.Sprintf("most `words` a copy desk may cut from inside one passage (default %d)", d.MaxTrim))
	fs.IntVar(&c.opts.MaxSkip, "max-skip", 0, fmt.Sprintf("most `words` extension steps over at once (default %d)", d.MaxSkip))
	fs.IntVar(&c.opts.MaxDocs, "max-docs", 0, "fingerprints in more than `N` files are boilerplate (default: nine in ten of the files, at least 100)")
	fs.IntVar(&c.opts.MaxRepeats, "max-repeats", 0, fmt.Sprintf("times one fingerprint counts within a file (default %d)", d.MaxRepeats))
	fs.Float64Var(&c.opts.MinSimilarity, "min-similarity", 0, fmt.Sprintf("how alike two sentences must be, 0 to 1, to seed a rewritten passage (default %g)", d.MinSimilarity))
	fs.IntVar(&c.opts.SentenceGap, "sentence-gap", 0, fmt.Sprintf("most `sentences` between two similar ones of a rewritten passage (default %d)", d.SentenceGap))
	fs.IntVar(&c.opts.SummaryGap, "summary-gap", 0, fmt.Sprintf("the same on the long side of a summary (default %d)", d.SummaryGap))
	fs.IntVar(&c.opts.SourceRepeats, "source-repeats", 0, fmt.Sprintf("text that this many `files` of one source carry, more than half of its carriers, is that outlet's boilerplate (default %d)", d.SourceRepeats))
	fs.Func("boilerplate", "set `TEXT` aside as boilerplate wherever it appears (repeat the flag for more)", func(s string) error {
		c.opts.Boilerplate = append(c.opts.Boilerplate, s)
		return nil
	})
	fs.BoolVar(&c.opts.NoRewritten, "no-rewritten", false, "find copied passages only, not rewritten ones")
	fs.DurationVar(&c.timeout, "diff-timeout", 0, fmt.Sprintf("bound on each passage's word alignment (default %v)", d.DiffTimeout))
	usage := func() {
		fmt.Fprint(stderr, usageText)
		fs.SetOutput(stderr)
		fs.PrintDefaults()
		fs.SetOutput(io.Discard)
	}

	var tail []string
	for i, a := range args {
		if a == "--" {
			args, tail = args[:i], args[i+1:]
			break
		}
	}
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				usage()
				return c, exitOK, false
			}
			fmt.Fprintf(stderr, "wirediff: %v\n\n", err)
			usage()
			return c, exitUsage, false
		}
		if fs.NArg() == 0 {
			break
		}
		c.files = append(c.files, fs.Arg(0))
		args = fs.Args()[1:]
	}
	c.files = append(c.files, tail...)

	for _, v := range []struct {
		name string
		n    int
	}{{"min-words", c.opts.MinWords}, {"kgram", c.opts.KGram}, {"window", c.opts.Window},
		{"max-gap", c.opts.MaxGap}, {"max-trim", c.opts.MaxTrim}, {"max-skip", c.opts.MaxSkip},
		{"max-docs", c.opts.MaxDocs}, {"max-repeats", c.opts.MaxRepeats},
		{"sentence-gap", c.opts.SentenceGap}, {"summary-gap", c.opts.SummaryGap}} {
		if v.n < 0 {
			fmt.Fprintf(stderr, "wirediff: --%s must be 0 (the default) or more, not %d\n", v.name, v.n)
			return c, exitUsage, false
		}
	}
	if c.opts.MinSimilarity < 0 || c.opts.MinSimilarity > 1 {
		fmt.Fprintf(stderr, "wirediff: --min-similarity must be from 0 (the default) to 1, not %g\n", c.opts.MinSimilarity)
		return c, exitUsage, false
	}
	if c.timeout < 0 {
		fmt.Fprintf(stderr, "wirediff: --diff-timeout must not be negative\n")
		return c, exitUsage, false
	}
	c.opts.DiffTimeout = c.timeout

	for _, f := range c.files {
		if f == "-" && !c.jsonl {
			fmt.Fprint(stderr, "wirediff: \"-\" reads articles from standard input only as JSON Lines: give --jsonl too\n")
			return c, exitUsage, false
		}
	}
	switch {
	case len(c.files) == 0:
		fmt.Fprint(stderr, "wirediff: no files given\n\n")
		usage()
		return c, exitUsage, false
	case len(c.files) == 1 && !expands(c.files[0]):
		fmt.Fprintf(stderr, "wirediff: only one file given (%s): wirediff finds passages that files share, so it needs at least two to compare\n", c.files[0])
		return c, exitUsage, false
	}
	return c, exitOK, true
}

// run is the whole command, testable in-process: it returns the exit
// status.
func run(args []string, stdout, stderr io.Writer) int {
	c, code, ok := parseArgs(args, stderr)
	if !ok {
		return code
	}

	in := readInputs(c, stderr)
	if !in.enough() {
		return exitInput
	}
	docs, texts := in.docs, in.texts

	r, err := reuse.Analyze(context.Background(), docs, c.opts)
	if err != nil {
		fmt.Fprintf(stderr, "wirediff: %v\n", err)
		return exitInput
	}

	if c.html != "" {
		if err := writeHTML(c.html, docs, r); err != nil {
			fmt.Fprintf(stderr, "wirediff: %v\n", err)
			return exitInput
		}
		fmt.Fprintf(stderr, "wirediff: wrote the HTML report to %s\n", c.html)
	}

	if c.jsonlOut != "" {
		if err := writeJSONL(c.jsonlOut, stdout, r, texts); err != nil {
			fmt.Fprintf(stderr, "wirediff: %v\n", err)
			return exitInput
		}
		if c.jsonlOut == "-" {
			return exitOK
		}
	}

	out := bufio.NewWriter(stdout)
	if c.json {
		err = export.JSONWithTexts(out, r, texts)
	} else {
		writeSummary(out, docs, r)
	}
	if err == nil {
		err = out.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "wirediff: writing the output: %v\n", err)
		return exitInput
	}
	return in.status()
}

func writeHTML(path string, docs []reuse.Document, r *reuse.Report) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("cannot write the HTML report: %v", err)
	}
	w := bufio.NewWriter(f)
	err = export.HTML(w, docs, r)
	if err == nil {
		err = w.Flush()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("cannot write the HTML report: %v", err)
	}
	return nil
}
