package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"

	"github.com/wirediff/wirediff/app/reuse"
)

var update = flag.Bool("update", false, "rewrite golden files")

// runIn runs the command in dir with the given files created there.
func runIn(t *testing.T, files map[string]string, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(dir)
	var out, errOut bytes.Buffer
	code = run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

// Two short texts that share one reworded passage.
const (
	storyA = "Moscow initially said Putin would not meet with Tillerson, but later relented. The talks lasted two hours.\n"
	storyB = "Moscow officials initially said Putin would not meet with Tillerson on Wednesday. Nothing else was said.\n"
)

func TestRunRefusesBadInput(t *testing.T) {
	huge := strings.Repeat("word ", 21<<20/5+1)
	tests := []struct {
		name     string
		files    map[string]string
		args     []string
		code     int
		contains string
	}{
		{"no arguments is a usage error", nil, nil, exitUsage, "no files given"},
		{"one file cannot be compared", map[string]string{"a.txt": storyA}, []string{"a.txt"}, exitUsage, "needs at least two to compare"},
		{"an unknown flag is a usage error", nil, []string{"--bogus", "a", "b"}, exitUsage, "flag provided but not defined: -bogus"},
		{"a bad flag value is a usage error", nil, []string{"--min-words", "many", "a", "b"}, exitUsage, `invalid value "many"`},
		{"a negative threshold is a usage error", nil, []string{"--min-words=-1", "a", "b"}, exitUsage, "--min-words must be 0"},
		{"a negative cut is a usage error", nil, []string{"--max-trim=-1", "a", "b"}, exitUsage, "--max-trim must be 0"},
		{"a negative sentence gap is a usage error", nil, []string{"--summary-gap=-2", "a", "b"}, exitUsage, "--summary-gap must be 0"},
		{"a similarity over 1 is a usage error", nil, []string{"--min-similarity=1.5", "a", "b"}, exitUsage, "--min-similarity must be from 0 (the default) to 1, not 1.5"},
		{"a missing file", map[string]string{"a.txt": storyA}, []string{"a.txt", "nope.txt"}, exitInput, "nope.txt: no such file"},
		{"a binary file", map[string]string{"a.txt": storyA, "b.bin": strings.Repeat("\x00\x01\x02binary", 20)}, []string{"a.txt", "b.bin"}, exitInput, "b.bin: looks like a binary file, not text"},
		{"a file of control characters", map[string]string{"a.txt": storyA, "b.bin": "\x00\x01\x02"}, []string{"a.txt", "b.bin"}, exitInput, "b.bin: looks like a binary file, not text"},
		{"a PDF", map[string]string{"a.txt": storyA, "b.pdf": "%PDF-1.4\n..."}, []string{"a.txt", "b.pdf"}, exitInput, "b.pdf: looks like a PDF file, not text"},
		{"an empty file", map[string]string{"a.txt": storyA, "b.txt": ""}, []string{"a.txt", "b.txt"}, exitInput, "b.txt: no text: it is empty"},
		{"a blank file", map[string]string{"a.txt": storyA, "b.txt": "\n \n"}, []string{"a.txt", "b.txt"}, exitInput, "b.txt: no text: it holds only spaces"},
		{"a file over 20 MiB", map[string]string{"a.txt": storyA, "b.txt": huge}, []string{"a.txt", "b.txt"}, exitInput, "b.txt: too large (21 MiB): the limit is 20 MiB"},
		{"every bad file is reported", map[string]string{"a.txt": storyA}, []string{"x.txt", "a.txt", "y.txt"}, exitInput, "x.txt: no such file\nwirediff: y.txt: no such file\nwirediff: nothing compared: 2 of 3 files"},
		{"an unwritable HTML report", map[string]string{"a.txt": storyA, "b.txt": storyB}, []string{"--html", "no/such/dir/r.html", "a.txt", "b.txt"}, exitInput, "cannot write the HTML report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runIn(t, tt.files, tt.args...)
			if code != tt.code {
				t.Errorf("exit code %d, want %d", code, tt.code)
			}
			if !strings.Contains(stderr, tt.contains) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.contains)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
		})
	}
}

func TestRunHelpIsNotAnError(t *testing.T) {
	code, _, stderr := runIn(t, nil, "-h")
	if code != exitOK || !strings.Contains(stderr, "usage: wirediff") || !strings.Contains(stderr, "-min-words") {
		t.Errorf("code %d, stderr %q", code, stderr)
	}
}

func TestRunWarnsAboutInvalidUTF8AndKeepsOffsets(t *testing.T) {
	// One damaged byte in a UTF-8 file: not a Windows-1252 one.
	a := "Café news \xff: " + storyA
	code, stdout, stderr := runIn(t, map[string]string{"a.txt": a, "b.txt": storyB}, "--json", "a.txt", "b.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "wirediff: a.txt: 1 byte is not valid UTF-8, nor text in Windows-1252 (Latin-1): it shows as � and separates words; the file may use another encoding\n"; stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
	r := decode(t, stdout)
	if len(r.Pairs) != 1 {
		t.Fatalf("%d pairs, want the shared passage found", len(r.Pairs))
	}
	p := r.Pairs[0].Passages[0]
	// Had the invalid byte been replaced by U+FFFD (3 bytes), the span
	// would be off by two and cut words.
	// The passage may take in the whole first sentence; either way it
	// must begin at a word and end after one, with the shared words in it.
	start, end := *p.A.Start, *p.A.End
	if got := a[start:end]; !strings.Contains(got, "initially said Putin would not meet with Tillerson") ||
		start > 0 && a[start-1] != ' ' || end < len(a) && !strings.ContainsRune(" \n", rune(a[end])) {
		t.Errorf("passage A at [%d:%d] is %q: offsets are not file offsets", start, end, got)
	}
	if r.Documents[0].Text != "" {
		t.Error("a text file's JSON entry has a text field")
	}
}

func TestRunReplacesStrayControlCharactersAndKeepsOffsets(t *testing.T) {
	a := strings.Replace(storyA, "said Putin", "said\x00Putin", 1)
	code, stdout, stderr := runIn(t, map[string]string{"a.txt": a, "b.txt": storyB}, "--json", "a.txt", "b.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if want := "wirediff: a.txt: 1 control character (an invisible code such as NUL, common in text copied from the web) was replaced by a space\n"; stderr != want {
		t.Errorf("stderr = %q, want %q", stderr, want)
	}
	r := decode(t, stdout)
	if len(r.Pairs) != 1 {
		t.Fatalf("%d pairs, want the shared passage found across the NUL", len(r.Pairs))
	}
	p := r.Pairs[0].Passages[0]
	if got := a[*p.A.Start:*p.A.End]; !strings.Contains(got, "initially said\x00Putin would not meet with Tillerson") {
		t.Errorf("passage A is %q: offsets are not file offsets", got)
	}
	if r.Documents[0].Text != "" {
		t.Error("a text file whose offsets are file offsets has a text field")
	}
}

func TestRunReadsWindows1252AndGivesTheTextItAnalysed(t *testing.T) {
	a := "Caf\xe9 cr\xe8me \x96 " + storyA // Latin-1, with a Windows-1252 dash
	code, stdout, stderr := runIn(t, map[string]string{"a.txt": a, "b.txt": storyB}, "--json", "a.txt", "b.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	want := "wirediff: a.txt: read as Windows-1252 (Latin-1) and converted to UTF-8: it is not valid UTF-8\n" +
		"wirediff: a.txt: offsets refer to the text wirediff read, not to the file's bytes; the JSON gives that text as the document's \"text\"\n"
	if stderr != want {
		t.Errorf("stderr =\n%s\nwant\n%s", stderr, want)
	}
	r := decode(t, stdout)
	text := r.Documents[0].Text
	if text != "Café crème – "+storyA {
		t.Fatalf("text = %q", text)
	}
	p := r.Pairs[0].Passages[0]
	if got := text[*p.A.Start:*p.A.End]; !strings.Contains(got, "initially said Putin would not meet with Tillerson") {
		t.Errorf("passage in the converted text is %q", got)
	}
	if r.Documents[1].Text != "" {
		t.Error("a UTF-8 file's JSON entry has a text field")
	}
}

func TestRunReadsHTMLAndGivesTheTextItAnalysed(t *testing.T) {
	page := "<!doctype html><html><head><title>T</title><script>x()</script></head><body><p>" +
		strings.ReplaceAll(storyA, "Tillerson", "<b>Tillerson</b>") + "</p></body></html>"
	code, stdout, stderr := runIn(t, map[string]string{"page.html": page, "b.txt": storyB}, "--json", "page.html", "b.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(stderr, "page.html: read as HTML") || !strings.Contains(stderr, `the JSON gives that text as the document's "text"`) {
		t.Errorf("stderr = %q", stderr)
	}
	r := decode(t, stdout)
	text := r.Documents[0].Text
	if text != strings.TrimSpace(storyA) {
		t.Fatalf("text = %q", text)
	}
	p := r.Pairs[0].Passages[0]
	if got := text[*p.A.Start:*p.A.End]; !strings.HasPrefix(got, "Moscow initially") {
		t.Errorf("passage in the HTML's text is %q", got)
	}
}

func TestRunAcceptsFlagsAfterFilesAndFilesAfterDashes(t *testing.T) {
	files := map[string]string{"a.txt": storyA, "-b.txt": storyB}
	code, stdout, stderr := runIn(t, files, "a.txt", "--json", "--", "-b.txt")
	if code != exitOK || !strings.HasPrefix(stdout, "{") {
		t.Fatalf("exit %d, stdout %.40q, stderr %q", code, stdout, stderr)
	}
	if r := decode(t, stdout); r.Documents[1].Name != "-b.txt" {
		t.Errorf("second file is %q", r.Documents[1].Name)
	}
}

func TestRunMinWordsChangesWhatCounts(t *testing.T) {
	files := map[string]string{"a.txt": storyA, "b.txt": storyB}
	_, stdout, _ := runIn(t, files, "--json", "a.txt", "b.txt")
	if len(decode(t, stdout).Pairs) != 1 {
		t.Fatal("the shared passage is not found with default thresholds")
	}
	_, stdout, _ = runIn(t, files, "--json", "--min-words", "30", "a.txt", "b.txt")
	if n := len(decode(t, stdout).Pairs); n != 0 {
		t.Errorf("with --min-words 30, %d pairs, want none", n)
	}
}

func TestRunWritesTheHTMLReport(t *testing.T) {
	code, stdout, stderr := runIn(t, map[string]string{"a.txt": storyA, "b.txt": "<" + storyB}, "--html", "out.html", "a.txt", "b.txt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	data, err := os.ReadFile("out.html")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "<!doctype html>") || !strings.Contains(string(data), "&lt;") {
		t.Errorf("report starts %.60q", data)
	}
	if !strings.Contains(stderr, "wrote the HTML report to out.html") || !strings.Contains(stdout, "1 pair shares text") {
		t.Errorf("stdout %q\nstderr %q", stdout, stderr)
	}
}

// report mirrors the documented JSON shape, so decoding it checks the
// field names the command line promises.
type report struct {
	Documents []struct {
		Name      string   `json:"name"`
		Title     string   `json:"title"`
		Source    string   `json:"source"`
		Published string   `json:"published"`
		URL       string   `json:"url"`
		Bytes     *int     `json:"bytes"`
		Words     *int     `json:"words"`
		Reused    *float64 `json:"reused"`
		Rewritten *float64 `json:"rewritten"`
		Text      string   `json:"text"`
	} `json:"documents"`
	Pairs []struct {
		A, B           int
		SharedWords    *int     `json:"shared_words"`
		RewrittenWords *int     `json:"rewritten_words"`
		Similarity     *float64 `json:"similarity"`
		Passages       []struct {
			Kind     string `json:"kind"`
			A, B     span
			Words    *int     `json:"words"`
			Identity *float64 `json:"identity"`
			Quote    *bool    `json:"quote"`
			Edits    []struct {
				Op       string `json:"op"`
				A, B     span
				Cosmetic bool `json:"cosmetic"`
			} `json:"edits"`
			Sentences []struct {
				A, B       span
				Similarity *float64 `json:"similarity"`
				Edits      []struct {
					Op       string `json:"op"`
					A, B     span
					Cosmetic bool `json:"cosmetic"`
				} `json:"edits"`
			} `json:"sentences"`
		} `json:"passages"`
	} `json:"pairs"`
	Families []struct {
		Members []struct {
			Doc  int  `json:"doc"`
			Span span `json:"span"`
		} `json:"members"`
	} `json:"families"`
	Stories  []reuse.Story    `json:"stories"`
	SetAside []reuse.SetAside `json:"set_aside"`
}

type span struct {
	Start *int `json:"start"`
	End   *int `json:"end"`
}

func decode(t *testing.T, stdout string) report {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(stdout))
	dec.DisallowUnknownFields()
	var r report
	if err := dec.Decode(&r); err != nil {
		t.Fatalf("JSON output does not have the documented shape: %v\n%.300s", err, stdout)
	}
	return r
}

func TestRunJSONOnTheSeeds(t *testing.T) {
	seeds, _ := filepath.Glob("../../testdata/00[0-4]_*.txt")
	if len(seeds) != 5 {
		t.Fatalf("seeds: %v", seeds)
	}
	var out, errOut bytes.Buffer
	if code := run(append([]string{"--json"}, seeds...), &out, &errOut); code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	if errOut.Len() != 0 {
		t.Errorf("stderr = %q, want nothing for clean text files", errOut.String())
	}
	// Every field of the promised shape is present.
	for _, field := range []string{`"documents"`, `"name"`, `"bytes"`, `"words"`, `"reused"`, `"pairs"`, `"a"`, `"b"`,
		`"shared_words"`, `"similarity"`, `"passages"`, `"start"`, `"end"`, `"identity"`, `"quote"`, `"edits"`, `"op"`} {
		if !strings.Contains(out.String(), field) {
			t.Errorf("JSON lacks %s", field)
		}
	}
	r := decode(t, out.String())
	texts := make([]string, len(seeds))
	for i, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = string(data)
		d := r.Documents[i]
		if d.Name != s || *d.Bytes != len(data) || d.Words == nil || d.Reused == nil {
			t.Errorf("document %d = %+v, want name %s and %d bytes", i, d, s, len(data))
		}
	}
	if len(r.Pairs) == 0 {
		t.Fatal("no pairs found in the seeds")
	}
	within := func(what string, doc int, sp span) (int, int) {
		t.Helper()
		if sp.Start == nil || sp.End == nil {
			t.Fatalf("%s lacks start or end", what)
		}
		s, e := *sp.Start, *sp.End
		if s < 0 || s > e || e > len(texts[doc]) {
			t.Fatalf("%s [%d:%d] is not within %s (%d bytes)", what, s, e, seeds[doc], len(texts[doc]))
		}
		return s, e
	}
	for _, p := range r.Pairs {
		if p.A < 0 || p.A >= p.B || p.B >= len(seeds) || p.SharedWords == nil || p.Similarity == nil {
			t.Fatalf("bad pair %+v", p)
		}
		for _, ps := range p.Passages {
			as, ae := within("passage side a", p.A, ps.A)
			bs, be := within("passage side b", p.B, ps.B)
			if ps.Words == nil || ps.Identity == nil || ps.Quote == nil {
				t.Fatalf("passage lacks words, identity or quote")
			}
			// The edits tile the passage on both sides.
			ra, rb := as, bs
			for _, e := range ps.Edits {
				if !slices.Contains([]string{"equal", "delete", "insert"}, e.Op) {
					t.Fatalf("unknown op %q", e.Op)
				}
				es, ee := within("edit side a", p.A, e.A)
				fs, fe := within("edit side b", p.B, e.B)
				if es != ra || fs != rb {
					t.Fatalf("edit [%d:%d]/[%d:%d] does not follow the previous one at %d/%d", es, ee, fs, fe, ra, rb)
				}
				ra, rb = ee, fe
			}
			if ra != ae || rb != be {
				t.Fatalf("edits end at %d/%d, passage at %d/%d", ra, rb, ae, be)
			}
		}
	}
	for _, f := range r.Families {
		for _, m := range f.Members {
			within("family member", m.Doc, m.Span)
		}
	}
}

// TestGolden runs each testdata/*.txtar: its "args" line is the command
// line, run in a directory holding the archive's other files (or, with
// no other files, in this package's directory); "stdout" and "stderr" are
// the expected output. go test -update rewrites them. An argument with
// spaces goes in double quotes.
func TestGolden(t *testing.T) {
	paths, _ := filepath.Glob("testdata/*.txtar")
	if len(paths) == 0 {
		t.Fatal("no golden files")
	}
	for _, path := range paths {
		path, _ := filepath.Abs(path) // runIn changes directory
		t.Run(filepath.Base(path), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var args []string
			inputs := map[string]string{}
			for _, f := range ar.Files {
				switch f.Name {
				case "args":
					args = splitArgs(string(f.Data))
				case "stdout", "stderr":
				default:
					inputs[f.Name] = string(f.Data)
				}
			}
			var out, errOut bytes.Buffer
			if len(inputs) == 0 {
				run(args, &out, &errOut)
			} else {
				_, o, e := runIn(t, inputs, args...)
				out.WriteString(o)
				errOut.WriteString(e)
			}
			got := map[string]string{"stdout": out.String(), "stderr": errOut.String()}
			if *update {
				var files []txtar.File
				for _, f := range ar.Files {
					if f.Name != "stdout" && f.Name != "stderr" {
						files = append(files, f)
					}
				}
				files = append(files, txtar.File{Name: "stdout", Data: []byte(got["stdout"])})
				if got["stderr"] != "" {
					files = append(files, txtar.File{Name: "stderr", Data: []byte(got["stderr"])})
				}
				ar.Files = files
				if err := os.WriteFile(path, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := map[string]string{}
			for _, f := range ar.Files {
				want[f.Name] = string(f.Data)
			}
			for _, stream := range []string{"stdout", "stderr"} {
				if got[stream] != want[stream] {
					t.Errorf("%s differs from %s (go test -update rewrites it):\n%s", stream, path, got[stream])
				}
			}
		})
	}
}

func TestHelpStatesTheEnginesDefaults(t *testing.T) {
	var out, errOut bytes.Buffer
	run([]string{"-h"}, &out, &errOut)
	d := reuse.DefaultOptions()
	for _, want := range []string{
		fmt.Sprintf("words per fingerprint (default %d)", d.KGram),
		fmt.Sprintf("winnowing window in k-grams (default %d)", d.Window),
		fmt.Sprintf("edits inside one passage (default %d)", d.MaxGap),
		fmt.Sprintf("(default %d)", d.MaxTrim),
		fmt.Sprintf("rewritten passage (default %g)", d.MinSimilarity),
		"-no-rewritten",
	} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, errOut.String())
		}
	}
}

func TestNoRewrittenReportsCopiedPassagesOnly(t *testing.T) {
	dir := t.TempDir()
	wire := filepath.Join(dir, "wire.txt")
	outlet := filepath.Join(dir, "outlet.txt")
	os.WriteFile(wire, []byte("The city council voted on Tuesday to approve a new budget that raises spending on public transport by twelve percent, after months of heated debate between members who wanted lower taxes and those who demanded better bus services. The mayor said the decision would help thousands of commuters who rely on buses every day, and promised that fares would not rise next year."), 0o666)
	os.WriteFile(outlet, []byte("On Tuesday the municipal council voted to adopt a fresh budget that lifts spending on public transit by twelve percent, following months of fierce argument between councillors who sought lower taxes and those who insisted on improved bus services. The mayor stated the move would assist thousands of commuters who depend on buses each day, and pledged that fares would not increase next year."), 0o666)
	for _, tt := range []struct {
		args []string
		want bool
	}{
		{[]string{"--json", wire, outlet}, true},
		{[]string{"--json", "--no-rewritten", wire, outlet}, false},
	} {
		var out, errOut bytes.Buffer
		if code := run(tt.args, &out, &errOut); code != exitOK {
			t.Fatalf("%v: exit %d: %s", tt.args, code, errOut.String())
		}
		if got := strings.Contains(out.String(), `"kind": "rewritten"`); got != tt.want {
			t.Errorf("%v: a rewritten passage reported: %v, want %v", tt.args, got, tt.want)
		}
	}
}

// TestEveryEngineOptionHasAFlag sets each of reuse.Options through its
// flag: a field added to the engine without a flag fails here.
func TestEveryEngineOptionHasAFlag(t *testing.T) {
	flags := map[string]struct{ flag, value string }{
		"SourceRepeats": {"source-repeats", "4"},
		"Boilerplate":   {"boilerplate", "[Sign up for our newsletter]"},
		"AllPairs":      {"all-pairs", "true"},
		"KGram":         {"kgram", "5"},
		"Window":        {"window", "6"},
		"MinWords":      {"min-words", "9"},
		"MaxGap":        {"max-gap", "31"},
		"MaxTrim":       {"max-trim", "151"},
		"MaxSkip":       {"max-skip", "7"},
		"MaxDocs":       {"max-docs", "101"},
		"MaxRepeats":    {"max-repeats", "9"},
		"MinSimilarity": {"min-similarity", "0.5"},
		"SentenceGap":   {"sentence-gap", "5"},
		"SummaryGap":    {"summary-gap", "25"},
		"NoRewritten":   {"no-rewritten", "true"},
		"DiffTimeout":   {"diff-timeout", "1s"},
	}
	typ := reflect.TypeFor[reuse.Options]()
	for i := range typ.NumField() {
		field := typ.Field(i)
		if field.Type.Kind() == reflect.Func {
			continue // Progress is for callers that show progress
		}
		t.Run(field.Name, func(t *testing.T) {
			f, ok := flags[field.Name]
			if !ok {
				t.Fatalf("reuse.Options.%s has no flag", field.Name)
			}
			var errOut bytes.Buffer
			arg := strings.Trim(f.value, "[]") // a list flag takes one item
			c, code, ok := parseArgs([]string{"--" + f.flag + "=" + arg, "a.txt", "b.txt"}, &errOut)
			if !ok {
				t.Fatalf("--%s=%s: exit %d: %s", f.flag, f.value, code, errOut.String())
			}
			got := reflect.ValueOf(c.opts).FieldByName(field.Name)
			def := reflect.ValueOf(reuse.Options{}).FieldByName(field.Name)
			if reflect.DeepEqual(got.Interface(), def.Interface()) || fmt.Sprint(got.Interface()) != f.value {
				t.Errorf("--%s=%s sets %s to %v", f.flag, f.value, field.Name, got.Interface())
			}
			var help bytes.Buffer
			run([]string{"-h"}, io.Discard, &help)
			if !strings.Contains(help.String(), "-"+f.flag) {
				t.Errorf("the help lacks -%s", f.flag)
			}
		})
	}
}

// splitArgs splits a golden file's command line at white space, keeping
// text in double quotes as one argument without its quotes.
func splitArgs(line string) []string {
	var args []string
	for i, part := range strings.Split(line, `"`) {
		if i%2 == 1 {
			args = append(args, part)
			continue
		}
		args = append(args, strings.Fields(part)...)
	}
	return args
}
