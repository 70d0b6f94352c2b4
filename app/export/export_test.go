package export

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"

	"github.com/wirediff/wirediff/app/reuse"
)

var update = flag.Bool("update", false, "rewrite golden files")

// sample is a small hand-made report, independent of the engine's tuning:
// B copies A's sentence with one word changed, curly quotes and a dash.
func sample() ([]reuse.Document, *reuse.Report) {
	a := `Lavrov said "we saw alarming steps" -- and <b>left</b> & went.`
	b := `Lavrov said “we saw troubling steps” — and <b>left</b> & went.`
	docs := []reuse.Document{{Name: "a <one>.txt", Text: a}, {Name: "b 'two'.txt", Text: b}}
	sp := func(s string, from, to string) reuse.Span {
		i := strings.Index(s, from)
		j := strings.Index(s, to) + len(to)
		return reuse.Span{Start: i, End: j}
	}
	edits := []reuse.Edit{
		{Op: reuse.Equal, A: sp(a, "Lavrov", "saw "), B: sp(b, "Lavrov", "saw "), Cosmetic: true},
		{Op: reuse.Delete, A: sp(a, "alarming", "alarming"), B: reuse.Span{Start: strings.Index(b, "troubling"), End: strings.Index(b, "troubling")}},
		{Op: reuse.Insert, A: reuse.Span{Start: strings.Index(a, " steps"), End: strings.Index(a, " steps")}, B: sp(b, "troubling", "troubling")},
		{Op: reuse.Equal, A: sp(a, " steps", "went."), B: sp(b, " steps", "went."), Cosmetic: true},
	}
	p := reuse.Passage{A: sp(a, "Lavrov", "went."), B: sp(b, "Lavrov", "went."), Words: 9, Identity: 0.9, Quote: true, Edits: edits}
	r := &reuse.Report{
		Documents: []reuse.DocumentSummary{{Name: docs[0].Name, Bytes: len(a), Words: 10, Reused: 1}, {Name: docs[1].Name, Bytes: len(b), Words: 10, Reused: 0.9}},
		Pairs:     []reuse.Pair{{A: 0, B: 1, SharedWords: 9, Similarity: 0.9, Passages: []reuse.Passage{p}}},
	}
	return docs, r
}

func TestSampleEditsRebuildBothSides(t *testing.T) {
	docs, r := sample()
	p := r.Pairs[0].Passages[0]
	var a, b string
	for _, e := range p.Edits {
		a += docs[0].Text[e.A.Start:e.A.End]
		b += docs[1].Text[e.B.Start:e.B.End]
	}
	if a != docs[0].Text[p.A.Start:p.A.End] || b != docs[1].Text[p.B.Start:p.B.End] {
		t.Fatalf("sample edits are inconsistent:\n%q\n%q", a, b)
	}
}

func TestJSONHasTheCommandLineShape(t *testing.T) {
	_, r := sample()
	r.Pairs[0].Passages[0].Edits = nil
	var buf bytes.Buffer
	if err := JSONWithTexts(&buf, r, map[int]string{1: "the <text>"}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	keys := func(v any) []string {
		var ks []string
		for k := range v.(map[string]any) {
			ks = append(ks, k)
		}
		slices.Sort(ks)
		return ks
	}
	check := func(what string, v any, want ...string) {
		t.Helper()
		if got := keys(v); !slices.Equal(got, want) {
			t.Errorf("%s has fields %v, want %v", what, got, want)
		}
	}
	check("the report", got, "documents", "families", "pairs")
	docs := got["documents"].([]any)
	check("a document", docs[0], "bytes", "name", "reused", "rewritten", "words")
	check("a document with its text", docs[1], "bytes", "name", "reused", "rewritten", "text", "words")
	if docs[1].(map[string]any)["text"] != "the <text>" {
		t.Errorf("text = %v", docs[1].(map[string]any)["text"])
	}
	pair := got["pairs"].([]any)[0]
	check("a pair", pair, "a", "b", "passages", "rewritten_words", "shared_words", "similarity")
	passage := pair.(map[string]any)["passages"].([]any)[0]
	check("a passage", passage, "a", "b", "edits", "identity", "kind", "quote", "words")
	check("a span", passage.(map[string]any)["a"], "end", "start")
	if edits, ok := passage.(map[string]any)["edits"].([]any); !ok || len(edits) != 0 {
		t.Errorf("missing edits are %v, want []", passage.(map[string]any)["edits"])
	}
	if fams, ok := got["families"].([]any); !ok || len(fams) != 0 {
		t.Errorf("no families are written as %v, want []", got["families"])
	}
	if !bytes.Contains(buf.Bytes(), []byte("\n  \"documents\"")) {
		t.Error("JSON is not indented")
	}
}

func TestJSONWritesEditOps(t *testing.T) {
	_, r := sample()
	var buf bytes.Buffer
	if err := JSON(&buf, r); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"op": "equal"`, `"op": "delete"`, `"op": "insert"`, `"cosmetic": true`} {
		if !strings.Contains(buf.String(), want) {
			t.Errorf("JSON lacks %s", want)
		}
	}
	if strings.Contains(buf.String(), `"text"`) {
		t.Error("JSON without texts has a text field")
	}
}

func TestNilReportIsAnError(t *testing.T) {
	if JSON(&bytes.Buffer{}, nil) == nil || HTML(&bytes.Buffer{}, nil, nil) == nil {
		t.Error("a nil report gave no error")
	}
}

func TestHTMLGolden(t *testing.T) {
	docs, r := sample()
	var buf bytes.Buffer
	if err := HTML(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	// The CSS is its own file; the golden shows the markup.
	got := strings.Replace(buf.String(), reportCSS, "/* report.css */\n", 1)
	golden := filepath.Join("testdata", "sample.html")
	if *update {
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("HTML differs from %s (run go test -update to accept):\n%s", golden, got)
	}
}

// allowedTags are the elements the report itself writes: any other means
// user text became markup.
var allowedTags = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"header": true, "h1": true, "h2": true, "h3": true, "p": true, "section": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"a": true, "meter": true, "span": true, "article": true, "div": true, "del": true,
	"ins": true, "mark": true, "footer": true, "ul": true, "li": true,
}

// checkHTML parses a report and fails on any element or attribute the
// report does not write itself, on scripts, and on invalid UTF-8.
func checkHTML(t *testing.T, out string) {
	t.Helper()
	if !utf8.ValidString(out) {
		t.Fatal("report is not valid UTF-8")
	}
	z := xhtml.NewTokenizer(strings.NewReader(out))
	for {
		tt := z.Next()
		if tt == xhtml.ErrorToken {
			return
		}
		if tt != xhtml.StartTagToken && tt != xhtml.SelfClosingTagToken {
			continue
		}
		name, more := z.TagName()
		if !allowedTags[string(name)] {
			t.Fatalf("report has a <%s> element", name)
		}
		for more {
			var key []byte
			key, _, more = z.TagAttr()
			switch string(key) {
			case "class", "id", "href", "title", "lang", "charset", "http-equiv", "content", "name", "min", "max", "value":
			default:
				t.Fatalf("report has a %q attribute on <%s>", key, name)
			}
		}
	}
}

func TestHTMLEscapesEverythingTheUserWrote(t *testing.T) {
	evil := `<script>alert(1)</script><img src=x onerror="alert(2)"> ' " &lt;`
	docs := []reuse.Document{{Name: evil, Text: evil + " one two three"}, {Name: evil + "2", Text: "x " + evil}}
	r := &reuse.Report{
		Documents: []reuse.DocumentSummary{{Name: docs[0].Name}, {Name: docs[1].Name}},
		Pairs: []reuse.Pair{{A: 0, B: 1, Passages: []reuse.Passage{{
			A:     reuse.Span{Start: 0, End: len(evil)},
			B:     reuse.Span{Start: 2, End: len(docs[1].Text)},
			Edits: []reuse.Edit{{Op: reuse.Equal, Cosmetic: true, A: reuse.Span{Start: 0, End: len(evil)}, B: reuse.Span{Start: 2, End: len(docs[1].Text)}}},
		}}}},
		Families: []reuse.Family{{Members: []reuse.Member{{Doc: 0, Span: reuse.Span{Start: 0, End: 20}}, {Doc: 1, Span: reuse.Span{Start: 2, End: 22}}}}},
	}
	var buf bytes.Buffer
	if err := HTML(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	checkHTML(t, buf.String())
	if !strings.Contains(buf.String(), "&lt;script&gt;alert(1)") {
		t.Error("the user's text is missing from the report")
	}
}

func TestHTMLIsSelfContained(t *testing.T) {
	docs, r := sample()
	var buf bytes.Buffer
	if err := HTML(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, bad := range []string{"<script", "<link", "src=", "http://", "https://", "url("} {
		if strings.Contains(out, bad) {
			t.Errorf("report contains %q", bad)
		}
	}
	if !strings.Contains(out, "default-src 'none'") || !strings.Contains(out, "prefers-color-scheme") {
		t.Error("report lacks its security policy or its embedded CSS")
	}
}

func TestHTMLOnTheSeeds(t *testing.T) {
	paths, _ := filepath.Glob("../../testdata/00[0-4]_*.txt")
	var docs []reuse.Document
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, reuse.Document{Name: filepath.Base(p), Text: string(data)})
	}
	r, err := reuse.Analyze(context.Background(), docs, reuse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := HTML(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	checkHTML(t, out)
	// Every passage's text of both sides is in the report.
	for n, p := range r.Pairs {
		if !strings.Contains(out, `id="pair-`+strconv.Itoa(n)+`"`) {
			t.Errorf("pair %d has no section", n)
		}
		for _, ps := range p.Passages {
			for _, w := range strings.Fields(docs[p.A].Text[ps.A.Start:ps.A.End])[:3] {
				if !strings.Contains(out, EscapeText(w)) {
					t.Errorf("word %q of a passage is missing", w)
				}
			}
		}
	}
	if !strings.Contains(out, "Most recently, we saw rather alarming steps") {
		t.Error("the shared Lavrov quote is missing")
	}
	if !strings.Contains(out, `<span class="tag">quotation</span>`) {
		t.Error("no passage is marked as a quotation")
	}
}

func FuzzHTML(f *testing.F) {
	f.Add("Lavrov said “no” — twice.", "Lavrov said \"no\" -- twice.", 0, 10, 3, 20, 5, 200)
	f.Add("<b>\xff</b>", "é&", -4, 3, 1, 1, 99, -1)
	f.Fuzz(func(t *testing.T, ta, tb string, a0, a1, b0, b1, e0, e1 int) {
		docs := []reuse.Document{{Name: ta, Text: ta}, {Name: tb, Text: tb}}
		r := &reuse.Report{
			Documents: []reuse.DocumentSummary{{Name: ta}, {Name: tb}, {Name: "missing text"}},
			Pairs: []reuse.Pair{{A: 0, B: 1, Passages: []reuse.Passage{{
				A: reuse.Span{Start: a0, End: a1}, B: reuse.Span{Start: b0, End: b1},
				Edits: []reuse.Edit{
					{Op: reuse.Delete, A: reuse.Span{Start: e0, End: e1}, B: reuse.Span{Start: b0, End: b0}},
					{Op: reuse.Equal, Cosmetic: true, A: reuse.Span{Start: a0, End: e1}, B: reuse.Span{Start: e0, End: b1}},
					{Op: reuse.Insert, A: reuse.Span{Start: a1, End: a1}, B: reuse.Span{Start: e1, End: e0}},
				},
			}}}, {A: 2, B: 7}},
			Families: []reuse.Family{{Members: []reuse.Member{{Doc: 0, Span: reuse.Span{Start: e0, End: e1}}, {Doc: -1}}}},
		}
		var buf bytes.Buffer
		if err := HTML(&buf, docs, r); err != nil {
			t.Fatal(err)
		}
		checkHTML(t, buf.String())
	})
}
