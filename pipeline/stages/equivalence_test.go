package stages

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/corpus"
)

// TestPipelineGivesTheCommandLinesAnswers runs the pipeline on prism and
// the command line (`wirediff --json`, with --all-pairs, --no-rewritten,
// both or neither) on the same files, and compares every document, every
// pair and every story, field by field, as bytes.
// Both sides run with the same alignment bound, an hour, which no
// alignment here reaches: the default, 250 ms of wall-clock time, could
// cut an alignment short on one side only on a loaded machine. The syndicated archive's articles carry sources, and
// each outlet's newsletter box is the boilerplate only the rule of
// sources sets aside.
func TestPipelineGivesTheCommandLinesAnswers(t *testing.T) {
	cli := filepath.Join(t.TempDir(), "wirediff")
	build := exec.Command("go", "build", "-o", cli, "./cmd/wirediff")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the command line: %v\n%s", err, out)
	}

	seeds, _ := filepath.Glob("../../testdata/0*.txt")
	if len(seeds) != 5 {
		t.Fatalf("want the five seed articles, found %d", len(seeds))
	}
	arts, err := corpus.LoadWikinews("../../testdata/wikinews")
	if err != nil {
		t.Fatal(err)
	}
	day, err := corpus.Newsroom(arts, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	syndicated, err := corpus.Syndicated(arts, 200, 3, 10, 1)
	if err != nil {
		t.Fatal(err)
	}

	// What a user marks in the archive: the first article's newsletter
	// box and its first sentence, a story's, which other articles carry
	// inside passages that other text relates.
	first := syndicated[0].Text
	box := strings.TrimSpace(first[strings.LastIndex(first, "Get the "):])
	sentence := first[:strings.Index(first, ". ")+1]
	for _, tc := range []struct {
		name     string
		files    map[string]string // name → text
		minPairs int
		// minStories is the least number of stories the command line must
		// find for the case to test them.
		minStories int
		// minBySource and minMarked are the least numbers of
		// fingerprints the rule of sources and the marks must set aside
		// for the case to test them.
		minBySource int64
		boilerplate []string
		minMarked   int64
		// minRewritten is the least number of rewritten passages the
		// pipeline must find with --all-pairs for the case to test them.
		minRewritten int64
	}{
		{"the five seed articles", readFiles(t, seeds), 3, 1, 0, nil, 0, 0},
		{"the 300-article newsroom day", dayFiles(day), 20, 10, 0, nil, 0, 10},
		{"a 200-article syndicated archive with sources and newsletter boxes", archiveFile(t, syndicated), 100, 10, 100, nil, 0, 0},
		{"the archive with a newsletter box and a story's sentence marked", archiveFile(t, syndicated), 100, 10, 50, []string{box, sentence}, 10, 0},
	} {
		for _, mode := range []struct{ allPairs, noRewritten bool }{{true, false}, {true, true}, {false, true}, {false, false}} {
			allPairs := mode.allPairs
			name := tc.name + ", stories"
			if allPairs {
				name = tc.name + ", all pairs"
			}
			if mode.noRewritten {
				name += ", copied passages only"
			}
			opts := Options{AllPairs: allPairs, NoRewritten: mode.noRewritten, Boilerplate: tc.boilerplate, DiffTimeout: time.Hour}
			t.Run(name, func(t *testing.T) {
				dir := t.TempDir()
				var names []string
				for name, text := range tc.files {
					write(t, filepath.Join(dir, name), text)
					names = append(names, name)
				}
				slices.Sort(names) // the pipeline's order of pair sides

				args := []string{"--json", "--diff-timeout", opts.DiffTimeout.String()}
				if allPairs {
					args = append(args, "--all-pairs")
				}
				if mode.noRewritten {
					args = append(args, "--no-rewritten")
				}
				for _, b := range tc.boilerplate {
					args = append(args, "--boilerplate", b)
				}
				cmd := exec.Command(cli, append(args, names...)...)
				cmd.Dir = dir
				var stderr bytes.Buffer
				cmd.Stderr = &stderr
				out, err := cmd.Output()
				if err != nil {
					t.Fatalf("wirediff: %v\n%s", err, stderr.String())
				}
				var report struct {
					Documents []map[string]json.RawMessage `json:"documents"`
					Pairs     []map[string]json.RawMessage `json:"pairs"`
					Stories   []reuse.Story                `json:"stories"`
				}
				if err := json.Unmarshal(out, &report); err != nil {
					t.Fatal(err)
				}
				want := map[string]map[string]json.RawMessage{}
				if !allPairs {
					if len(report.Stories) < tc.minStories {
						t.Fatalf("the command line found %d stories, want at least %d: the case tests too little", len(report.Stories), tc.minStories)
					}
					for _, st := range report.Stories {
						key, line := storyLine(t, st, report.Documents, report.Pairs)
						want[key] = line
					}
				}
				for _, d := range report.Documents {
					want["document "+string(d["name"])] = d
				}
				for _, p := range report.Pairs {
					var a, b int
					json.Unmarshal(p["a"], &a)
					json.Unmarshal(p["b"], &b)
					p["a"], p["b"] = report.Documents[a]["name"], report.Documents[b]["name"]
					want["pair "+string(p["a"])+" "+string(p["b"])] = p
				}
				if len(report.Pairs) < tc.minPairs {
					t.Fatalf("the command line found %d pairs, want at least %d: the case tests too little", len(report.Pairs), tc.minPairs)
				}

				prefix := filepath.Join(t.TempDir(), "out")
				p, s := beam.NewPipelineWithRoot()
				Build(s, filepath.Join(dir, "*"), prefix, opts)
				cs := Counters(run(t, p))
				if !mode.noRewritten && cs[CounterRewritten] < tc.minRewritten {
					t.Fatalf("the pipeline found %d rewritten passages, want at least %d: the case tests too little", cs[CounterRewritten], tc.minRewritten)
				}
				if cs[CounterUnresolved] != 0 {
					t.Errorf("%d stock phrases were left unresolved", cs[CounterUnresolved])
				}
				if cs[CounterBySource] < tc.minBySource || cs[CounterMarked] < tc.minMarked {
					t.Fatalf("the rule of sources set aside %d fingerprints and the marks %d, want at least %d and %d: the case tests too little",
						cs[CounterBySource], cs[CounterMarked], tc.minBySource, tc.minMarked)
				}
				got := map[string]map[string]json.RawMessage{}
				files := []string{prefix + "-documents.jsonl", prefix + "-pairs.jsonl"}
				if !allPairs {
					files = append(files, prefix+"-stories.jsonl")
				}
				for _, file := range files {
					for _, line := range readLines(t, file) {
						var m map[string]json.RawMessage
						if err := json.Unmarshal([]byte(line), &m); err != nil {
							t.Fatalf("%s: %v", file, err)
						}
						var kind string
						json.Unmarshal(m["type"], &kind)
						key := "document " + string(m["name"])
						switch kind {
						case "pair":
							key = "pair " + string(m["a"]) + " " + string(m["b"])
						case "story":
							key = storyKey(m)
						}
						delete(m, "type")
						if _, dup := got[key]; dup {
							t.Errorf("the pipeline wrote %s twice", key)
						}
						got[key] = m
					}
				}
				compareLines(t, got, want)
			})
		}
	}
}

// storyLine turns a story of the command line's JSON into the pipeline's
// line, articles and pairs named by ID, and returns it with its key.
func storyLine(t *testing.T, st reuse.Story, docs, pairs []map[string]json.RawMessage) (string, map[string]json.RawMessage) {
	t.Helper()
	name := func(i int) string {
		var s string
		if err := json.Unmarshal(docs[i]["name"], &s); err != nil {
			t.Fatal(err)
		}
		return s
	}
	pair := func(i int) [2]string {
		var a, b int
		json.Unmarshal(pairs[i]["a"], &a)
		json.Unmarshal(pairs[i]["b"], &b)
		return [2]string{name(a), name(b)}
	}
	line := storyJSON{Origin: name(st.Origin), OriginRule: st.OriginRule, Credit: st.Credit, Members: []memberJSON{}}
	for _, m := range st.Members {
		line.Members = append(line.Members, memberJSON{name(m.Doc), m.Reused, m.Credited, pair(m.Pair)})
	}
	for _, i := range st.MemberPairs {
		line.MemberPairs = append(line.MemberPairs, pair(i))
	}
	data, err := marshalLine(line)
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal([]byte(data), &m); err != nil {
		t.Fatal(err)
	}
	delete(m, "type")
	return storyKey(m), m
}

// storyKey names a story by its origin and members.
func storyKey(m map[string]json.RawMessage) string {
	var members []struct {
		Doc string `json:"doc"`
	}
	json.Unmarshal(m["members"], &members)
	key := "story " + string(m["origin"])
	for _, mem := range members {
		key += " " + mem.Doc
	}
	return key
}

// compareLines compares every field of every line as compact JSON bytes.
func compareLines(t *testing.T, got, want map[string]map[string]json.RawMessage) {
	t.Helper()
	var keys []string
	for k := range want {
		keys = append(keys, k)
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("the pipeline wrote %s, the command line did not", k)
		}
	}
	sort.Strings(keys)
	for _, k := range keys {
		g, ok := got[k]
		if !ok {
			t.Errorf("the pipeline misses %s", k)
			continue
		}
		fields := map[string]bool{}
		for f := range want[k] {
			fields[f] = true
		}
		for f := range g {
			fields[f] = true
		}
		for f := range fields {
			if gv, wv := compact(t, g[f]), compact(t, want[k][f]); gv != wv {
				t.Errorf("%s: %q differs:\npipeline:     %.300s\ncommand line: %.300s", k, f, gv, wv)
			}
		}
	}
}

func compact(t *testing.T, raw json.RawMessage) string {
	if raw == nil {
		return "(missing)"
	}
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func readFiles(t *testing.T, paths []string) map[string]string {
	out := map[string]string{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out[filepath.Base(p)] = string(data)
	}
	return out
}

func dayFiles(day []corpus.Doc) map[string]string {
	out := map[string]string{}
	for i, d := range day {
		out[fmt.Sprintf("%04d.txt", i)] = d.Text
	}
	return out
}

// archiveFile writes docs as one JSON Lines archive, "archive.jsonl", in
// the order of their IDs, which the pipeline's pair sides follow.
func archiveFile(t *testing.T, docs []corpus.Doc) map[string]string {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	for i, d := range docs {
		a := Article{ID: fmt.Sprintf("%04d", i), Source: d.Source, Published: d.Published.Format(time.RFC3339), Text: d.Text}
		if err := enc.Encode(a); err != nil {
			t.Fatal(err)
		}
	}
	return map[string]string{"archive.jsonl": buf.String()}
}

func readLines(t *testing.T, name string) []string {
	t.Helper()
	f, err := os.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var lines []string
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return lines
}
