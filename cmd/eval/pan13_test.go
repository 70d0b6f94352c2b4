package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wirediff/wirediff/internal/corpus"
	"github.com/wirediff/wirediff/internal/plagdet"
)

// The fake PAN 2013 folder: one pair shares a passage, copied after
// multi-byte characters on both sides so that byte and character offsets
// differ; another pair shares nothing.
const fakePassage = "The city council voted on Tuesday to close the old river bridge to all traffic for eighteen months while engineers replace its rusted steel deck, a decision that will force thousands of commuters onto a ferry service that the mayor has promised to double by next spring."

var (
	fakeSusp = "Café Zürich, São Paulo — “naïve” résumés ✓ 東京.\n\nLocal shops on the high street reported a quiet weekend as the rain kept shoppers indoors.\n\n" +
		fakePassage + "\n\nIn other news, the library will extend its opening hours during the exam season."
	fakeSrc = "Straße № 5 ½ — «Ελλάδα».\n\nReaders wrote in with many questions about last month's storm damage and insurance claims.\n\n" +
		fakePassage + "\n\nThe weather service expects a dry and sunny week ahead for most of the region."
	fakeOther1 = "Astronomers at the observatory photographed a comet passing close to the planet Jupiter, and the images will be shown at a public lecture in the museum hall on Friday evening, followed by questions from the audience."
	fakeOther2 = "The football club signed a young goalkeeper from a rival team after a long negotiation over the transfer fee, and the coach said he would start in the cup match against the league leaders next weekend."
)

// fakeCase is the truth about the shared passage, in bytes.
func fakeCase() map[string]any {
	s, r := strings.Index(fakeSusp, fakePassage), strings.Index(fakeSrc, fakePassage)
	return map[string]any{
		"target": "susp/s1.txt", "target_start": s, "target_end": s + len(fakePassage),
		"source": "src/r1.txt", "source_start": r, "source_end": r + len(fakePassage),
	}
}

// fakePan13 writes the fake folder, after edit has changed its files
// (path to contents; JSON values are marshalled), and returns its path.
func fakePan13(t *testing.T, edit func(files map[string]any)) string {
	t.Helper()
	shared, unrelated := []string{"susp/s1.txt", "src/r1.txt"}, []string{"susp/s2.txt", "src/r2.txt"}
	files := map[string]any{
		"susp/s1.txt": fakeSusp, "src/r1.txt": fakeSrc,
		"susp/s2.txt": fakeOther1, "src/r2.txt": fakeOther2,
		"pairs_03.json": [][]string{shared, unrelated},
		"cases_03.json": []any{fakeCase()},
		"pairs_04.json": [][]string{shared},
		"cases_04.json": []any{fakeCase()},
		"pairs_05.json": [][]string{unrelated},
		"cases_05.json": []any{},
	}
	if edit != nil {
		edit(files)
	}
	dir := t.TempDir()
	for name, v := range files {
		data, ok := v.(string)
		if !ok {
			b, err := json.Marshal(v)
			if err != nil {
				t.Fatal(err)
			}
			data = string(b)
		}
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// tableRow finds the row called name in run's output and returns its
// cells after the name.
func tableRow(out, name string) []string {
	for _, line := range strings.Split(out, "\n") {
		if rest, ok := strings.CutPrefix(strings.TrimSpace(line), name+" "); ok {
			return strings.Fields(rest)
		}
	}
	return nil
}

func TestPan13Rows(t *testing.T) {
	small := corpus.DefaultEval
	small.PairsPerObfuscation = 3
	atLeast := func(min float64, cells ...string) func(t *testing.T, out string) {
		return func(t *testing.T, out string) {
			for _, c := range cells {
				f, err := strconv.ParseFloat(c, 64)
				if err != nil || f < min {
					t.Errorf("a score is %q, want at least %.2f:\n%s", c, min, out)
				}
			}
		}
	}
	tests := []struct {
		name  string
		set   settings
		check func(t *testing.T, out string)
	}{
		{
			name: "every subset gets a row and the three together one more",
			set:  settings{only: onlyPan13},
			check: func(t *testing.T, out string) {
				want := map[string]string{ // pairs and cases
					"pan13-03 random":      "2 1",
					"pan13-04 translation": "1 1",
					"pan13-05 summary":     "1 0",
					"pan13 all":            "4 2",
				}
				for name, counts := range want {
					if r := tableRow(out, name); len(r) < 2 || r[0]+" "+r[1] != counts {
						t.Errorf("row %q is %q, want %s pairs and cases:\n%s", name, r, counts, out)
					}
				}
				if !strings.Contains(out, "4 pairs, 2 cases; analysis took") {
					t.Errorf("no summary line:\n%s", out)
				}
			},
		},
		{
			name: "a passage copied after multi-byte characters is found whole",
			set:  settings{only: onlyPan13},
			check: func(t *testing.T, out string) {
				r := tableRow(out, "pan13-03 random")
				if len(r) != 7 {
					t.Fatalf("row is %q:\n%s", r, out)
				}
				atLeast(0.8, r[3], r[4], r[6])(t, out) // precision, recall, plagdet
				if r[5] != "1.0000" {
					t.Errorf("granularity %s, want 1.0000 (four decimals):\n%s", r[5], out)
				}
			},
		},
		{
			name: "a pair that shares nothing gives no detections",
			set:  settings{only: onlyPan13},
			check: func(t *testing.T, out string) {
				if r := tableRow(out, "pan13-05 summary"); len(r) != 4 || r[2] != "0" || r[3] != "clean" {
					t.Errorf("row is %q, want 0 detections, clean:\n%s", r, out)
				}
			},
		},
		{
			name: "the detections of each subset are counted by kind",
			set:  settings{only: onlyPan13},
			check: func(t *testing.T, out string) {
				for _, sub := range []string{"03", "04", "05"} {
					m := regexp.MustCompile(`(?m)^pan13-` + sub + `: (\d+) copied, (\d+) rewritten detections$`).FindStringSubmatch(out)
					if m == nil {
						t.Fatalf("no count of kinds for %s:\n%s", sub, out)
					}
					if n := atoi(m[1]) + atoi(m[2]); (sub == "05") != (n == 0) {
						t.Errorf("%d detections of %s by kind:\n%s", n, sub, out)
					}
				}
			},
		},
		{
			name: "a sample keeps that many pairs of each subset",
			set:  settings{only: onlyPan13, pan13Sample: 1},
			check: func(t *testing.T, out string) {
				if r := tableRow(out, "pan13-03 random"); len(r) < 2 || r[0] != "1" || r[1] != "1" {
					t.Errorf("row is %q, want the first pair and its case:\n%s", r, out)
				}
				if !strings.Contains(out, "3 pairs (of 4: -pan13-sample 1)") {
					t.Errorf("the sample is not reported:\n%s", out)
				}
			},
		},
		{
			name: "the truth scores 1 everywhere",
			set:  settings{only: onlyPan13, oracle: true},
			check: func(t *testing.T, out string) {
				for _, name := range []string{"pan13-03 random", "pan13-04 translation", "pan13 all"} {
					if r := tableRow(out, name); len(r) != 7 || strings.Join(r[3:], " ") != "1.0000 1.0000 1.0000 1.0000" {
						t.Errorf("row %q is %q:\n%s", name, r, out)
					}
				}
			},
		},
		{
			name: "the Wikinews rows come first unless left out",
			set:  settings{cfg: small},
			check: func(t *testing.T, out string) {
				cd := regexp.MustCompile(`(?m)^ *copy-desk `).FindStringIndex(out)
				pan := regexp.MustCompile(`(?m)^ *pan13-03 random `).FindStringIndex(out)
				if cd == nil || pan == nil || pan[0] < cd[0] || strings.Count(out, "precision") != 1 {
					t.Errorf("want one table, the Wikinews rows then PAN 2013's:\n%s", out)
				}
			},
		},
		{
			name: "the worst PAN 2013 cases are listed by subset",
			set:  settings{only: onlyPan13, verbose: true, worst: 2},
			check: func(t *testing.T, out string) {
				if !strings.Contains(out, "\npan13-03 random:\n") || !strings.Contains(out, "detections reach outside the truth") {
					t.Errorf("no list of the worst:\n%s", out)
				}
			},
		},
	}
	dir := fakePan13(t, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.set.pan13 = dir
			var out bytes.Buffer
			if err := run(&out, tt.set); err != nil {
				t.Fatal(err)
			}
			tt.check(t, out.String())
			if tt.set.only == onlyPan13 && strings.Contains(out.String(), "copy-desk") {
				t.Errorf("-only pan13 printed Wikinews rows:\n%s", out.String())
			}
		})
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// PAN counts characters, the files' truth bytes: the case must come out
// where the passage's characters are.
func TestPan13ByteOffsetsBecomeCharacterOffsets(t *testing.T) {
	pairs, total, err := loadPan13(fakePan13(t, nil), pan13Subsets[0], 0, map[string]string{})
	if err != nil {
		t.Fatal(err)
	}
	if total != 2 || len(pairs) != 2 || len(pairs[0].Cases) != 1 || len(pairs[1].Cases) != 0 {
		t.Fatalf("loaded %d of %d pairs, %v", len(pairs), total, pairs)
	}
	s, _, err := scoreOne(t.Context(), pairs[0], "s", "r", settings{}.opts, true)
	if err != nil {
		t.Fatal(err)
	}
	inChars := func(text string) plagdet.Span {
		i := strings.Index(text, fakePassage)
		start := utf8.RuneCountInString(text[:i])
		return plagdet.Span{Start: start, End: start + utf8.RuneCountInString(fakePassage)}
	}
	got, want := s.cases[0], plagdet.Annotation{Susp: "s", SuspSpan: inChars(fakeSusp), Src: "r", SrcSpan: inChars(fakeSrc)}
	if got != want {
		t.Errorf("case %v, want %v", got, want)
	}
	if got.SuspSpan.Start == strings.Index(fakeSusp, fakePassage) || got.SrcSpan.Start == strings.Index(fakeSrc, fakePassage) {
		t.Error("the fake documents have no multi-byte character before the passage")
	}
}

func TestAMissingPan13FolderIsSkippedWithAMessage(t *testing.T) {
	small := corpus.DefaultEval
	small.PairsPerObfuscation = 3
	missing := filepath.Join(t.TempDir(), "pan13-train")
	skip := "PAN 2013 rows skipped: " + missing + " does not exist"
	tests := []struct {
		name     string
		set      settings
		wantSkip bool
		wantWiki bool
	}{
		{"alone, it prints only the reason", settings{only: onlyPan13}, true, false},
		{"with the Wikinews rows, they are printed as ever", settings{cfg: small}, true, true},
		{"with -only wikinews, it is not mentioned", settings{cfg: small, only: onlyWikinews}, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.set.pan13 = missing
			var out bytes.Buffer
			if err := run(&out, tt.set); err != nil {
				t.Fatal(err)
			}
			got := out.String()
			if strings.Count(got, skip) != map[bool]int{true: 1}[tt.wantSkip] || strings.Contains(got, "pan13-0") {
				t.Errorf("want the skip message %v and no PAN 2013 rows:\n%s", tt.wantSkip, got)
			}
			if strings.Contains(got, "copy-desk") != tt.wantWiki {
				t.Errorf("want the Wikinews rows %v:\n%s", tt.wantWiki, got)
			}
			if !tt.wantWiki && strings.TrimSpace(got) != skip+" (-pan13 sets the folder)" {
				t.Errorf("want one line, got:\n%s", got)
			}
		})
	}
}

func TestABrokenPan13FolderIsAnError(t *testing.T) {
	setCase := func(name string, v any) func(map[string]any) {
		return func(files map[string]any) {
			c := fakeCase()
			c[name] = v
			files["cases_04.json"] = []any{c}
		}
	}
	tests := []struct {
		name string
		edit func(files map[string]any)
		want string
	}{
		{"a subset's pairs are missing", func(f map[string]any) { delete(f, "pairs_05.json") }, "pairs_05.json"},
		{"a subset's truth is not JSON", func(f map[string]any) { f["cases_03.json"] = "[{" }, "cases_03.json"},
		{"a document is missing", func(f map[string]any) { delete(f, "src/r2.txt") }, "r2.txt"},
		{"a case is about a pair the subset does not list", setCase("source", "src/r2.txt"), "does not list"},
		{"a case ends after its document", setCase("target_end", len(fakeSusp)+1), "outside"},
		{"a case starts inside a character", setCase("target_start", strings.Index(fakeSusp, "ü")+1), "inside a character"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			err := run(&out, settings{only: onlyPan13, pan13: fakePan13(t, tt.edit)})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want one that mentions %q", err, tt.want)
			}
		})
	}
}
