// Command wirediff-beam-scale measures the Beam pipeline on syndicated
// corpora made from the Wikinews articles: for each size it writes a
// newsroom corpus of that many articles (corpus.NewsroomDistinct: one
// article in five is, or carries, wire copy picked up by two to six
// outlets, and the unique articles share words but not sentences) as
// JSONL files, runs the pipeline on prism in a child process (every
// pair, copied passages only; --stories --rewritten give the command
// line's default mode), and prints
// the wall time, the child's peak memory (maximum resident set size) and
// the pipeline's counters, then how the time grew from one size to the
// next. --syndicated uses corpus.Syndicated instead. The child runs with
// GOMEMLIMIT at 60% of the machine's memory by default (--memory-limit),
// and --heap-profile writes its heap profile at its highest live heap.
//
//	cd pipeline && go run ./cmd/wirediff-beam-scale --sizes 10000,100000
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/wirediff/wirediff/internal/corpus"
	"github.com/wirediff/wirediff/pipeline/stages"
)

var (
	sizes      = flag.String("sizes", "10000,100000", "comma-separated `numbers` of articles")
	wikinews   = flag.String("wikinews", "../testdata/wikinews", "the Wikinews articles' `folder`")
	dir        = flag.String("dir", "", "where to write the corpora and results (default: a temporary folder, removed at the end)")
	shards     = flag.Int("shards", 16, "JSONL `files` a corpus is written to")
	recombined = flag.Bool("recombined", false, "use corpus.Newsroom, whose unique articles recombine the same paragraphs and share many chance phrases, instead of corpus.NewsroomDistinct")
	syndicated = flag.Int("syndicated", 0, "use corpus.Syndicated with this many `outlets` (each story carried by 10 copies, every outlet's articles ending with its newsletter box) instead of corpus.NewsroomDistinct")
	// The child process: run the pipeline once and print its counters.
	childInput  = flag.String("child-input", "", "internal: run the pipeline on `PATTERN`")
	childOutput = flag.String("child-output", "", "internal: the pipeline's output `PREFIX`")
	// The mode: by default every pair with copied passages only, the
	// README's tables; both flags give the command line's default.
	stories     = flag.Bool("stories", false, "group the pairs into stories, as without --all-pairs")
	rewritten   = flag.Bool("rewritten", false, "find rewritten passages too, as without --no-rewritten")
	memoryLimit = flag.String("memory-limit", "60%", "the child's `GOMEMLIMIT`: a size (14GiB), a share of this machine's memory (60%), or off; a GOMEMLIMIT in the environment wins")
	// Where the memory goes: a heap profile at the child's highest live
	// heap, and the runtime's own figures beside its resident set size.
	heapProfile = flag.String("heap-profile", "", "write the child's heap profile at its highest live heap to `FILE`-ARTICLES.pprof, and print the runtime's peak figures")
	// When each stage ran and what it held: prism's debug records.
	timeline        = flag.String("timeline", "", "write prism's stage timeline to `FILE`-ARTICLES.jsonl and print each stage's start, end, input and output bytes and the bytes held over time")
	printTimelineOf = flag.String("print-timeline", "", "print the timeline `FILE` that --timeline wrote, and run nothing")
)

func main() {
	flag.Parse()
	if *printTimelineOf != "" {
		if err := printTimeline(os.Stdout, *printTimelineOf); err != nil {
			fmt.Fprintf(os.Stderr, "wirediff-beam-scale: %v\n", err)
			os.Exit(1)
		}
		return
	}
	if *childInput != "" {
		beam.Init()
		os.Exit(child())
	}
	if err := measure(); err != nil {
		fmt.Fprintf(os.Stderr, "wirediff-beam-scale: %v\n", err)
		os.Exit(1)
	}
}

// child runs the pipeline on prism and prints its counters as JSON.
func child() int {
	stop := make(chan struct{})
	peaks := watchMemory(*heapProfile, 2*time.Second, stop)
	closeTimeline := func() error { return nil }
	if *timeline != "" {
		var err error
		if closeTimeline, err = startTimeline(*timeline, stop); err != nil {
			fmt.Fprintf(os.Stderr, "wirediff-beam-scale: %v\n", err)
			return 1
		}
	}
	p, s := beam.NewPipelineWithRoot()
	stages.Build(s, *childInput, *childOutput, stages.Options{AllPairs: !*stories, NoRewritten: !*rewritten})
	res, err := beam.Run(context.Background(), "prism", p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "wirediff-beam-scale: %v\n", err)
		return 1
	}
	if *timeline != "" {
		if err := logCollections(p, res); err != nil {
			fmt.Fprintf(os.Stderr, "wirediff-beam-scale: the timeline's collections: %v\n", err)
		}
	}
	close(stop)
	if err := closeTimeline(); err != nil {
		fmt.Fprintf(os.Stderr, "wirediff-beam-scale: %v\n", err)
	}
	peak := <-peaks
	fmt.Fprintf(os.Stderr, "memory: %s\n", peak)
	json.NewEncoder(os.Stdout).Encode(stages.Counters(res))
	return 0
}

func measure() error {
	arts, err := corpus.LoadWikinews(*wikinews)
	if err != nil {
		return err
	}
	root := *dir
	if root == "" {
		if root, err = os.MkdirTemp("", "wirediff-beam-scale-"); err != nil {
			return err
		}
		defer os.RemoveAll(root)
	}
	var prev, prevCPU time.Duration
	var prevN int
	for _, field := range strings.Split(*sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(field))
		if err != nil || n < 2 {
			return fmt.Errorf("--sizes: %q is not a number of articles (2 or more)", field)
		}
		in := filepath.Join(root, fmt.Sprintf("day-%d", n))
		textBytes, err := writeCorpus(arts, n, in)
		if err != nil {
			return err
		}
		start := time.Now()
		args := []string{"--child-input", filepath.Join(in, "*.jsonl"), "--child-output", filepath.Join(root, fmt.Sprintf("out-%d", n))}
		if *stories {
			args = append(args, "--stories")
		}
		if *rewritten {
			args = append(args, "--rewritten")
		}
		if *heapProfile != "" {
			args = append(args, "--heap-profile", fmt.Sprintf("%s-%d.pprof", *heapProfile, n))
		}
		if *timeline != "" {
			args = append(args, "--timeline", fmt.Sprintf("%s-%d.jsonl", *timeline, n))
		}
		cmd := exec.Command(os.Args[0], args...)
		limit, err := childMemoryLimit()
		if err != nil {
			return err
		}
		if limit != "" {
			cmd.Env = append(os.Environ(), "GOMEMLIMIT="+limit)
		}
		var stdout, stderr bytesBuffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("the pipeline on %d articles: %v\n%s", n, err, stderr.tail())
		}
		took := time.Since(start)
		usage := cmd.ProcessState.SysUsage().(*syscall.Rusage)
		peak := usage.Maxrss // KiB on Linux
		// CPU time, which other jobs on a shared machine stretch less
		// than wall time.
		cpu := time.Duration(syscall.TimevalToNsec(usage.Utime) + syscall.TimevalToNsec(usage.Stime))
		var counters map[string]int64
		if err := json.Unmarshal(stdout.Bytes(), &counters); err != nil {
			return fmt.Errorf("the pipeline's counters: %v", err)
		}
		fmt.Printf("%d articles (%.1f MB of text): %.1f s, %.1f s of CPU, peak memory %d MiB", n, float64(textBytes)/1e6, took.Seconds(), cpu.Seconds(), peak>>10)
		if limit != "" {
			fmt.Printf(" (GOMEMLIMIT %s)", limit)
		}
		fmt.Println()
		if *heapProfile != "" {
			fmt.Print(stderr.memoryLine())
		}
		for _, name := range stages.CounterNames {
			fmt.Printf("  %-34s %d\n", name+":", counters[name])
		}
		if *timeline != "" {
			if err := printTimeline(os.Stdout, fmt.Sprintf("%s-%d.jsonl", *timeline, n)); err != nil {
				return err
			}
		}
		if prevN > 0 {
			fmt.Printf("  %.1f× the articles took %.1f× the time and %.1f× the CPU time\n", float64(n)/float64(prevN), took.Seconds()/prev.Seconds(), cpu.Seconds()/prevCPU.Seconds())
		}
		prev, prevCPU, prevN = took, cpu, n
	}
	return nil
}

// writeCorpus writes a newsroom corpus of n articles to dir as JSONL in
// the command line's article format, and returns its size in text bytes.
func writeCorpus(arts []corpus.Article, n int, dir string) (int, error) {
	gen := corpus.NewsroomDistinct
	if *recombined {
		gen = corpus.Newsroom
	}
	if *syndicated > 0 {
		gen = func(arts []corpus.Article, n int, seed uint64) ([]corpus.Doc, error) {
			return corpus.Syndicated(arts, n, 10, *syndicated, seed)
		}
	}
	day, err := gen(arts, n, 1)
	if err != nil {
		return 0, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	files := make([]bytesBuffer, *shards)
	size := 0
	for i, d := range day {
		// A newsroom's articles have no source: one source for all
		// would make every story three outlets carry that source's
		// boilerplate (--source-repeats).
		line, err := json.Marshal(stages.Article{ID: fmt.Sprintf("%07d", i), Source: d.Source, Text: d.Text})
		if err != nil {
			return 0, err
		}
		files[i%len(files)].Write(append(line, '\n'))
		size += len(d.Text)
	}
	for i, f := range files {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("part-%03d.jsonl", i)), f.Bytes(), 0o644); err != nil {
			return 0, err
		}
	}
	return size, nil
}

type bytesBuffer struct{ bytes.Buffer }

// memoryLine returns the child's line of memory figures.
func (b *bytesBuffer) memoryLine() string {
	for line := range strings.Lines(b.String()) {
		if strings.HasPrefix(line, "memory: ") {
			return "  " + line
		}
	}
	return ""
}

// tail returns the last lines of what the child wrote.
func (b *bytesBuffer) tail() string {
	s := b.String()
	return s[max(0, len(s)-2000):]
}
