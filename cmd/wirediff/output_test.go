package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// copies returns n files that carry the same story, each cut in its own
// way, between words of their own: the first carries all three of its
// sentences, so it is the most complete, and the others two each.
func copies(n int) map[string]string {
	story := []string{
		"Moscow initially said Putin would not meet with Tillerson, but later relented after two days of talks.",
		"At the G7 meeting, British and U.S. officials were unable to persuade fellow members to adopt new sanctions against Russia.",
		"Tillerson is in Russia with the goal to persuade the Kremlin to stop supporting Syrian President Bashar al-Assad.",
	}
	files := map[string]string{}
	for i := range n {
		name := string(rune('a' + i))
		text := strings.Repeat(name+"word ", 12) + "."
		for j, s := range story {
			if i == 0 || j != i%3 {
				text += "\n\n" + s
			}
		}
		files[name+".txt"] = text + "\n"
	}
	return files
}

func TestStoriesAreInTheJSONAndAllPairsComparesEveryCopy(t *testing.T) {
	files := copies(4)
	tests := []struct {
		name  string
		flags []string
		pairs int
	}{
		{"by default, each copy with the origin", nil, 3},
		{"--all-pairs, every pair", []string{"--all-pairs"}, 6},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			args := append([]string{"--json"}, tc.flags...)
			code, stdout, stderr := runIn(t, files, append(args, "a.txt", "b.txt", "c.txt", "d.txt")...)
			if code != exitOK {
				t.Fatalf("exit %d: %s", code, stderr)
			}
			r := decode(t, stdout)
			if len(r.Pairs) != tc.pairs {
				t.Errorf("%d pairs, want %d", len(r.Pairs), tc.pairs)
			}
			if len(r.Stories) != 1 {
				t.Fatalf("%d stories, want one", len(r.Stories))
			}
			s := r.Stories[0]
			if s.Origin != 0 || s.OriginRule != "most-complete" || len(s.Members) != 3 {
				t.Errorf("story from %d by %s with %d members, want a.txt, the most complete, with 3", s.Origin, s.OriginRule, len(s.Members))
			}
			for _, m := range s.Members {
				if p := r.Pairs[m.Pair]; p.A != 0 || p.B != m.Doc {
					t.Errorf("member %d points at pair %d-%d", m.Doc, p.A, p.B)
				}
			}
		})
	}
}

func TestJSONLinesGiveDocumentsThenStoriesThenPairs(t *testing.T) {
	files := copies(3)
	check := func(t *testing.T, out string) {
		t.Helper()
		var types []string
		sc := bufio.NewScanner(strings.NewReader(out))
		sc.Buffer(nil, 1<<24)
		for sc.Scan() {
			var rec map[string]any
			if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
				t.Fatalf("a line is not one JSON object: %v: %.200s", err, sc.Text())
			}
			typ, _ := rec["type"].(string)
			if n := len(types); n == 0 || types[n-1] != typ {
				types = append(types, typ)
			}
			if _, ok := rec["index"]; !ok {
				t.Errorf("a %s has no index", typ)
			}
			if typ == "pair" && rec["passages"] == nil || typ == "story" && rec["origin"] == nil || typ == "document" && rec["name"] == nil {
				t.Errorf("a %s lacks its fields: %.200s", typ, sc.Text())
			}
		}
		if got := strings.Join(types, ","); got != "document,story,pair,family" {
			t.Errorf("records come as %s, want document,story,pair,family", got)
		}
	}

	t.Run("to stdout", func(t *testing.T) {
		code, stdout, stderr := runIn(t, files, "--jsonl-out", "-", "a.txt", "b.txt", "c.txt")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		check(t, stdout)
	})
	t.Run("to a file, beside the summary", func(t *testing.T) {
		code, stdout, stderr := runIn(t, files, "a.txt", "b.txt", "c.txt", "--jsonl-out", "report.jsonl")
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		if !strings.Contains(stdout, "Stories (text that several files carry") {
			t.Errorf("the summary lacks the stories: %.300s", stdout)
		}
		data, err := os.ReadFile("report.jsonl") // runIn left us in its directory
		if err != nil {
			t.Fatal(err)
		}
		check(t, string(data))
	})
	t.Run("to a file that cannot be written", func(t *testing.T) {
		code, _, stderr := runIn(t, files, "a.txt", "b.txt", "--jsonl-out", filepath.Join("no", "such", "dir", "r.jsonl"))
		if code != exitInput || !strings.Contains(stderr, "cannot write the JSON Lines report") {
			t.Errorf("exit %d, stderr %q", code, stderr)
		}
	})
}

func TestTheSummaryNamesEachStorysOriginAndCredit(t *testing.T) {
	seeds, _ := filepath.Glob("../../testdata/00[0-4]_*.txt")
	var out, errOut bytes.Buffer
	if code := run(seeds, &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	got := out.String()
	for _, want := range []string{
		": #2 ../../testdata/001_0a00dae68f596f11.txt and 1 copy",
		"origin: a guess, the most complete version",
		"credit: a copy credits the origin if it names UPI",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
}
