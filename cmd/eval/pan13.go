package main

// The PAN 2013 text alignment training subsets: rewritten reuse made by
// other people, with PAN's truth. The data is not part of the repository;
// it is read from -pan13, where its README describes it: pairs_NN.json is
// a list of [suspicious, source] paths relative to the folder, and
// cases_NN.json the truth, with byte offsets into those files.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/corpus"
)

// defaultPan13 is where the data lies next to the repository.
const defaultPan13 = "../shared/pan13-train"

// A pan13Subset is one of the training subsets scored.
type pan13Subset struct {
	num, name string // "03", "random"
}

var pan13Subsets = []pan13Subset{
	{"03", "random"},
	{"04", "translation"},
	{"05", "summary"},
}

// short names the subset in text: "pan13-03".
func (s pan13Subset) short() string { return "pan13-" + s.num }

// row names the subset's row: "pan13-03 random".
func (s pan13Subset) row() string { return s.short() + " " + s.name }

// pan13Case is one case of cases_NN.json.
type pan13Case struct {
	Target      string `json:"target"`
	TargetStart int    `json:"target_start"`
	TargetEnd   int    `json:"target_end"`
	Source      string `json:"source"`
	SourceStart int    `json:"source_start"`
	SourceEnd   int    `json:"source_end"`
}

// pan13Scored is one subset's pairs, scored.
type pan13Scored struct {
	row, short string
	pairs      []scored
	total      int // pairs in the subset, before sampling
}

// pan13Result is the scoring of every subset.
type pan13Result struct {
	dir          string
	subsets      []pan13Scored
	engine, wall time.Duration
	workers      int
}

// runPan13 scores the engine on the PAN 2013 subsets in set.pan13. If the
// folder does not exist it returns no result and why it was skipped.
func runPan13(set settings) (*pan13Result, string, error) {
	dir := set.pan13
	if dir == "" {
		return nil, "no folder given (-pan13)", nil
	}
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Sprintf("%s does not exist (-pan13 sets the folder)", dir), nil
	case err != nil:
		return nil, "", fmt.Errorf("PAN 2013: %w", err)
	case !info.IsDir():
		return nil, "", fmt.Errorf("PAN 2013: %s is not a folder", dir)
	}
	res := &pan13Result{dir: dir, workers: runtime.GOMAXPROCS(0)}
	texts := make(map[string]string) // documents recur across pairs
	for _, sub := range pan13Subsets {
		pairs, total, err := loadPan13(dir, sub, set.pan13Sample, texts)
		if err != nil {
			return nil, "", fmt.Errorf("PAN 2013: %w", err)
		}
		all, engine, wall, err := scoreAll(pairs, sub.short()+":", set.opts, set.oracle)
		if err != nil {
			return nil, "", err
		}
		res.subsets = append(res.subsets, pan13Scored{row: sub.row(), short: sub.short(), pairs: all, total: total})
		res.engine += engine
		res.wall += wall
	}
	return res, "", nil
}

// loadPan13 reads a subset's pairs, their documents (through the cache
// texts) and their truth in bytes. With sample > 0 it keeps about that
// many pairs, evenly spread, and the cases of those. It also returns the
// number of pairs in the subset.
func loadPan13(dir string, sub pan13Subset, sample int, texts map[string]string) ([]corpus.Pair, int, error) {
	var list [][2]string
	if err := readJSON(filepath.Join(dir, "pairs_"+sub.num+".json"), &list); err != nil {
		return nil, 0, err
	}
	var truth []pan13Case
	if err := readJSON(filepath.Join(dir, "cases_"+sub.num+".json"), &truth); err != nil {
		return nil, 0, err
	}
	where := make(map[[2]string]int, len(list)) // [susp, src] to index in list
	for i, p := range list {
		if _, dup := where[p]; dup {
			return nil, 0, fmt.Errorf("pairs_%s.json lists %s and %s twice", sub.num, p[0], p[1])
		}
		where[p] = i
	}
	keep := make([]int, len(list)) // index in list to index in pairs, or -1
	for i := range keep {
		keep[i] = -1
	}
	var pairs []corpus.Pair
	for _, i := range sampled(len(list), sample) {
		susp, err := readText(dir, list[i][0], texts)
		if err != nil {
			return nil, 0, err
		}
		src, err := readText(dir, list[i][1], texts)
		if err != nil {
			return nil, 0, err
		}
		keep[i] = len(pairs)
		pairs = append(pairs, corpus.Pair{
			Obfuscation: corpus.Obfuscation(sub.row()),
			Susp:        corpus.Doc{Name: list[i][0], Text: susp},
			Src:         corpus.Doc{Name: list[i][1], Text: src},
		})
	}
	for n, c := range truth {
		i, ok := where[[2]string{c.Target, c.Source}]
		if !ok {
			return nil, 0, fmt.Errorf("case %d of cases_%s.json is about %s and %s, a pair pairs_%s.json does not list", n, sub.num, c.Target, c.Source, sub.num)
		}
		if keep[i] < 0 {
			continue
		}
		p := &pairs[keep[i]]
		susp, src := corpus.Span{Start: c.TargetStart, End: c.TargetEnd}, corpus.Span{Start: c.SourceStart, End: c.SourceEnd}
		if err := checkSpan(p.Susp.Text, susp); err != nil {
			return nil, 0, fmt.Errorf("case %d of cases_%s.json, in %s: %w", n, sub.num, c.Target, err)
		}
		if err := checkSpan(p.Src.Text, src); err != nil {
			return nil, 0, fmt.Errorf("case %d of cases_%s.json, in %s: %w", n, sub.num, c.Source, err)
		}
		p.Cases = append(p.Cases, corpus.Case{Susp: susp, Src: src})
	}
	return pairs, len(list), nil
}

// sampled returns the indexes of n items to score: all of them if sample
// is 0 or at least n, else sample indexes spread evenly from 0.
func sampled(n, sample int) []int {
	if sample <= 0 || sample >= n {
		sample = n
	}
	idx := make([]int, sample)
	for i := range idx {
		idx[i] = i * n / sample
	}
	return idx
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

// readText reads the document at name, a slash-separated path relative to
// dir, once.
func readText(dir, name string, texts map[string]string) (string, error) {
	if t, ok := texts[name]; ok {
		return t, nil
	}
	if !filepath.IsLocal(filepath.FromSlash(name)) {
		return "", fmt.Errorf("document path %q leaves the folder", name)
	}
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		return "", err
	}
	texts[name] = string(data)
	return texts[name], nil
}

// checkSpan reports a byte span that is not a run of whole characters of
// text: chars would count it wrong or panic.
func checkSpan(text string, s corpus.Span) error {
	if s.Start < 0 || s.Start > s.End || s.End > len(text) {
		return fmt.Errorf("bytes %d to %d are outside its %d bytes", s.Start, s.End, len(text))
	}
	for _, b := range []int{s.Start, s.End} {
		if b < len(text) && !utf8.RuneStart(text[b]) {
			return fmt.Errorf("byte offset %d is inside a character", b)
		}
	}
	return nil
}

// rows gives one row per subset and one for all of them.
func (r *pan13Result) rows() []row {
	var rows []row
	// PAN's targets are set at the third decimal (0.88), so the rows give
	// a fourth: 0.8797 prints 0.880 with three.
	all := row{name: "pan13 all", decimals: 4}
	for _, sub := range r.subsets {
		rows = append(rows, row{name: sub.row, pairs: sub.pairs, decimals: 4})
		all.pairs = append(all.pairs, sub.pairs...)
	}
	return append(rows, all)
}

// summary says what was scored, how long the engine took, and how many
// detections of each subset were of each kind of passage.
func (r *pan13Result) summary(w io.Writer, set settings) {
	pairs, total, cases := 0, 0, 0
	for _, sub := range r.subsets {
		pairs += len(sub.pairs)
		total += sub.total
		for _, s := range sub.pairs {
			cases += len(s.cases)
		}
	}
	of := ""
	if pairs < total {
		of = fmt.Sprintf(" (of %d: -pan13-sample %d)", total, set.pan13Sample)
	}
	fmt.Fprintf(w, "\nPAN 2013 from %s: %d pairs%s, %d cases; analysis took %v in all (%v wall clock, %d workers)\n",
		r.dir, pairs, of, cases, r.engine.Round(time.Millisecond), r.wall.Round(time.Millisecond), r.workers)
	if set.oracle {
		return
	}
	for _, sub := range r.subsets {
		fmt.Fprintf(w, "%s: %s detections\n", sub.short, kindCounts(sub.pairs))
	}
}

// kindCounts counts the detections of each kind: "812 copied, 340
// rewritten", and any other kind, quoted, after those two.
func kindCounts(pairs []scored) string {
	n := map[reuse.Kind]int{}
	for _, s := range pairs {
		for _, k := range s.kinds {
			n[k]++
		}
	}
	parts := []string{fmt.Sprintf("%d %s", n[reuse.Copied], reuse.Copied), fmt.Sprintf("%d %s", n[reuse.Rewritten], reuse.Rewritten)}
	var others []string
	for k, c := range n {
		if k != reuse.Copied && k != reuse.Rewritten {
			others = append(others, fmt.Sprintf("%d %q", c, k))
		}
	}
	slices.Sort(others)
	return strings.Join(append(parts, others...), ", ")
}
