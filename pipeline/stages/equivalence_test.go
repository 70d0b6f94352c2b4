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
	"testing"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/wirediff/wirediff/internal/corpus"
)

// TestPipelineGivesTheCommandLinesAnswers runs the pipeline on prism and
// the command line (`wirediff --json --all-pairs`, and with
// --no-rewritten) on the same files, and compares every document and
// every pair, field by field, as bytes. The syndicated archive's articles carry sources, and
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

	for _, tc := range []struct {
		name     string
		files    map[string]string // name → text
		minPairs int
		// minBySource is the least number of fingerprints the rule of
		// sources must set aside for the case to test it.
		minBySource int64
		// noRewritten runs both with --no-rewritten; minRewritten is
		// the least number of rewritten passages otherwise.
		noRewritten  bool
		minRewritten int64
	}{
		{"the five seed articles", readFiles(t, seeds), 3, 0, false, 0},
		{"the 300-article newsroom day", dayFiles(day), 20, 0, false, 10},
		{"a 200-article syndicated archive with sources and newsletter boxes", archiveFile(t, syndicated), 100, 100, false, 0},
		{"the five seed articles, copied passages only", readFiles(t, seeds), 3, 0, true, 0},
		{"the 300-article newsroom day, copied passages only", dayFiles(day), 20, 0, true, 0},
		{"the syndicated archive, copied passages only", archiveFile(t, syndicated), 100, 100, true, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			var names []string
			for name, text := range tc.files {
				write(t, filepath.Join(dir, name), text)
				names = append(names, name)
			}
			slices.Sort(names) // the pipeline's order of pair sides

			flags := []string{"--json", "--all-pairs"}
			if tc.noRewritten {
				flags = append(flags, "--no-rewritten")
			}
			cmd := exec.Command(cli, append(flags, names...)...)
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
			}
			if err := json.Unmarshal(out, &report); err != nil {
				t.Fatal(err)
			}
			want := map[string]map[string]json.RawMessage{}
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
			Build(s, filepath.Join(dir, "*"), prefix, Options{NoRewritten: tc.noRewritten})
			cs := Counters(run(t, p))
			if cs[CounterBySource] < tc.minBySource {
				t.Fatalf("the rule of sources set aside %d fingerprints, want at least %d: the case tests too little", cs[CounterBySource], tc.minBySource)
			}
			if cs[CounterRewritten] < tc.minRewritten {
				t.Fatalf("the pipeline found %d rewritten passages, want at least %d: the case tests too little", cs[CounterRewritten], tc.minRewritten)
			}
			got := map[string]map[string]json.RawMessage{}
			for _, file := range []string{prefix + "-documents.jsonl", prefix + "-pairs.jsonl"} {
				for _, line := range readLines(t, file) {
					var m map[string]json.RawMessage
					if err := json.Unmarshal([]byte(line), &m); err != nil {
						t.Fatalf("%s: %v", file, err)
					}
					var kind string
					json.Unmarshal(m["type"], &kind)
					key := "document " + string(m["name"])
					if kind == "pair" {
						key = "pair " + string(m["a"]) + " " + string(m["b"])
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
