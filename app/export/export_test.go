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
	"github.com/wirediff/wirediff/internal/fixture"
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
	check("the report", got, "documents", "families", "pairs", "set_aside", "stories")
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
	for _, list := range []string{"families", "stories", "set_aside"} {
		if l, ok := got[list].([]any); !ok || len(l) != 0 {
			t.Errorf("no %s are written as %v, want []", list, got[list])
		}
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
	for name, report := range map[string]func() ([]reuse.Document, *reuse.Report){
		"sample.html":    sample,
		"rewritten.html": fixture.Rewritten,
	} {
		docs, r := report()
		var buf bytes.Buffer
		if err := HTML(&buf, docs, r); err != nil {
			t.Fatal(err)
		}
		// The CSS is its own file; the golden shows the markup.
		got := strings.Replace(buf.String(), reportCSS, "/* report.css */\n", 1)
		golden := filepath.Join("testdata", name)
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
}

// allowedTags are the elements the report itself writes: any other means
// user text became markup.
var allowedTags = map[string]bool{
	"html": true, "head": true, "meta": true, "title": true, "style": true, "body": true,
	"header": true, "h1": true, "h2": true, "h3": true, "p": true, "section": true,
	"table": true, "thead": true, "tbody": true, "tr": true, "th": true, "td": true,
	"a": true, "meter": true, "span": true, "article": true, "div": true, "del": true,
	"ins": true, "mark": true, "footer": true, "ul": true, "li": true,
	"details": true, "summary": true, "bdi": true,
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
			var key, val []byte
			key, val, more = z.TagAttr()
			switch string(key) {
			case "class", "id", "href", "title", "lang", "charset", "http-equiv", "content", "name", "min", "max", "value":
			case "dir":
				if string(val) != "auto" {
					t.Fatalf("report has dir=%q on <%s>, want auto: user text keeps its own direction", val, name)
				}
			default:
				t.Fatalf("report has a %q attribute on <%s>", key, name)
			}
		}
	}
}

func TestHTMLShowsRewrittenPassagesSentencePairBySentencePair(t *testing.T) {
	docs, r := fixture.Rewritten()
	var buf bytes.Buffer
	if err := HTML(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	checkHTML(t, out)
	doc, err := xhtml.Parse(strings.NewReader(out))
	if err != nil {
		t.Fatal(err)
	}
	passages := elements(doc, func(n *xhtml.Node) bool { return n.Data == "article" })
	if len(passages) != 2 {
		t.Fatalf("%d passages, want 2", len(passages))
	}
	copied, rewritten := passages[0], passages[1]
	if class(copied) != "passage" || class(rewritten) != "passage rewritten" {
		t.Errorf("passage classes %q and %q, want the rewritten one told apart", class(copied), class(rewritten))
	}
	if got := text(elements(copied, byClass("tag"))[0]); got != "copied" {
		t.Errorf("the copied passage is labelled %q", got)
	}
	if got := text(elements(rewritten, byClass("tag rewritten"))[0]); got != "rewritten" {
		t.Errorf("the rewritten passage is labelled %q", got)
	}
	if n := len(elements(copied, byClass("sentence-pair"))); n != 0 {
		t.Errorf("the copied passage shows %d sentence pairs", n)
	}

	// Each sentence pair side by side, with its similarity and its own
	// word diff: deletions on the left, insertions on the right.
	ps := r.Pairs[0].Passages[1]
	pairs := elements(rewritten, byClass("sentence-pair"))
	if len(pairs) != len(ps.Sentences) {
		t.Fatalf("%d sentence pairs shown, want %d", len(pairs), len(ps.Sentences))
	}
	for i, el := range pairs {
		sp := ps.Sentences[i]
		if want := "Sentence pair " + strconv.Itoa(i+1) + " · " + Percent(sp.Similarity) + " similar"; !strings.Contains(text(el), want) {
			t.Errorf("sentence pair %d lacks %q", i+1, want)
		}
		sides := elements(el, byClass("text"))
		if len(sides) != 2 {
			t.Fatalf("sentence pair %d has %d sides", i+1, len(sides))
		}
		if got, want := text(sides[0]), docs[0].Text[sp.A.Start:sp.A.End]; got != want {
			t.Errorf("sentence pair %d left reads %q, want %q", i+1, got, want)
		}
		if got, want := text(sides[1]), docs[1].Text[sp.B.Start:sp.B.End]; got != want {
			t.Errorf("sentence pair %d right reads %q, want %q", i+1, got, want)
		}
		if len(elements(sides[0], func(n *xhtml.Node) bool { return n.Data == "del" })) == 0 ||
			len(elements(sides[1], func(n *xhtml.Node) bool { return n.Data == "ins" })) == 0 {
			t.Errorf("sentence pair %d has no word diff", i+1)
		}
	}
	// The whole passage is still there, folded.
	if d := elements(rewritten, func(n *xhtml.Node) bool { return n.Data == "details" }); len(d) != 1 ||
		!strings.Contains(text(d[0]), docs[0].Text[ps.A.Start:ps.A.End]) {
		t.Error("the whole rewritten passage is not in a <details>")
	}

	// The full texts mark copied and rewritten text each its own way.
	for i, d := range docs {
		marks := elements(elements(doc, func(n *xhtml.Node) bool { return attrOf(n, "id") == "doc-"+strconv.Itoa(i) })[0],
			func(n *xhtml.Node) bool { return n.Data == "mark" })
		if len(marks) != 2 || class(marks[0]) != "" || class(marks[1]) != "rewritten" {
			t.Fatalf("%s: marks %d, want a copied one and a rewritten one", d.Name, len(marks))
		}
		sp := r.Pairs[0].Passages[1].A
		if i == 1 {
			sp = r.Pairs[0].Passages[1].B
		}
		if got := text(marks[1]); got != d.Text[sp.Start:sp.End] {
			t.Errorf("%s: rewritten mark reads %q", d.Name, got)
		}
	}

	for _, want := range []string{
		"Copied</mark>: the same words in the same order, as a copy desk edits wire copy.",
		"Rewritten</mark>: the same sentences said in other words — synonyms, reordered clauses, merged or condensed sentences.",
		"18 shared words (11 copied, 7 rewritten)",
		`<td class="num">11</td><td class="num">7</td>`,
		`<span class="tag rewritten">1 rewritten</span>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}

func TestWithoutCutsSpansOut(t *testing.T) {
	sp := func(s, e int) reuse.Span { return reuse.Span{Start: s, End: e} }
	got := without([]reuse.Span{sp(0, 10), sp(20, 30), sp(40, 50)}, []reuse.Span{sp(2, 4), sp(8, 22), sp(25, 26), sp(50, 60)})
	want := []reuse.Span{sp(0, 2), sp(4, 8), sp(22, 25), sp(26, 30), sp(40, 50)}
	if !slices.Equal(got, want) {
		t.Errorf("without = %v, want %v", got, want)
	}
}

// elements returns the elements under n for which match is true.
func elements(n *xhtml.Node, match func(*xhtml.Node) bool) []*xhtml.Node {
	var out []*xhtml.Node
	for c := range n.Descendants() {
		if c.Type == xhtml.ElementNode && match(c) {
			out = append(out, c)
		}
	}
	return out
}

func attrOf(n *xhtml.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func class(n *xhtml.Node) string { return attrOf(n, "class") }

func byClass(c string) func(*xhtml.Node) bool {
	return func(n *xhtml.Node) bool { return class(n) == c }
}

// text is an element's text, as the browser's textContent.
func text(n *xhtml.Node) string {
	var b strings.Builder
	for c := range n.Descendants() {
		if c.Type == xhtml.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
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

func TestHTMLShowsInvisibleCharactersInDifferencesAsMarkers(t *testing.T) {
	a := "Putin said \u200b no and Tiller\u00adson left"
	b := "Putin said no and Tillerson left"
	at := func(s, sub string) int { return strings.Index(s, sub) }
	docs := []reuse.Document{{Name: "a", Text: a}, {Name: "b", Text: b}}
	edits := []reuse.Edit{
		{Op: reuse.Equal, A: reuse.Span{Start: 0, End: at(a, "\u200b")}, B: reuse.Span{Start: 0, End: at(b, "no")}},
		{Op: reuse.Delete, A: reuse.Span{Start: at(a, "\u200b"), End: at(a, "no")}, B: reuse.Span{Start: at(b, "no"), End: at(b, "no")}},
		{Op: reuse.Equal, A: reuse.Span{Start: at(a, "no"), End: at(a, "Tiller")}, B: reuse.Span{Start: at(b, "no"), End: at(b, "Tiller")}},
		{Op: reuse.Equal, Cosmetic: true, A: reuse.Span{Start: at(a, "Tiller"), End: at(a, " left")}, B: reuse.Span{Start: at(b, "Tiller"), End: at(b, " left")}},
		{Op: reuse.Equal, A: reuse.Span{Start: at(a, " left"), End: len(a)}, B: reuse.Span{Start: at(b, " left"), End: len(b)}},
	}
	r := &reuse.Report{
		Documents: []reuse.DocumentSummary{{Name: "a"}, {Name: "b"}},
		Pairs: []reuse.Pair{{A: 0, B: 1, Passages: []reuse.Passage{{
			A: reuse.Span{Start: 0, End: len(a)}, B: reuse.Span{Start: 0, End: len(b)}, Edits: edits,
		}}}},
	}
	var buf bytes.Buffer
	if err := HTML(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	checkHTML(t, out)
	for _, want := range []string{
		`<del><span class="invisible" title="zero-width space">U+200B</span></del>`,
		`<span class="cosmetic" title="other side: Tillerson">Tiller<span class="invisible" title="soft hyphen">U+00AD</span>son</span>`,
		`<span class="cosmetic" title="other side: Tiller[U+00AD]son">Tillerson</span>`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %s", want)
		}
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
	f.Add("said \u200b no \ufe0f", "said ❤\ufe0f\u200d🔥 <\u00ad>", 0, 9, 0, 12, 5, 8)
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
			}, {
				Kind: reuse.Rewritten, A: reuse.Span{Start: e0, End: a1}, B: reuse.Span{Start: e1, End: b0},
				Sentences: []reuse.SentencePair{
					{A: reuse.Span{Start: a1, End: a0}, B: reuse.Span{Start: b0, End: e1}, Similarity: -1,
						Edits: []reuse.Edit{{Op: reuse.Insert, A: reuse.Span{Start: a0, End: a0}, B: reuse.Span{Start: b1, End: e0}}}},
					{A: reuse.Span{Start: e0, End: e1}, B: reuse.Span{Start: e1, End: e0}, Similarity: 2},
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
