package ingest

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// readAll collects what JSONL yields: articles, and bad lines as text.
func readAll(t *testing.T, r io.Reader) ([]Record, []string, error) {
	t.Helper()
	var recs []Record
	var bad []string
	for rec, err := range JSONL(r) {
		var le *LineError
		switch {
		case errors.As(err, &le):
			bad = append(bad, le.Error())
		case err != nil:
			return recs, bad, err
		default:
			recs = append(recs, rec)
		}
	}
	return recs, bad, nil
}

func TestJSONLReadsArticlesAndReportsBadLinesByNumber(t *testing.T) {
	in := "\xEF\xBB\xBF" + `{"id": "ap-1", "title": "Talks in Moscow", "source": "AP", "published": "2017-04-12T14:05:00+03:00", "url": "https://ap.example/1", "text": "Tillerson met Lavrov."}
{"text": "No metadata at all.", "extra": [1, 2]}

not json at all
[1, 2]
{"id": 42, "text": "A numeric id.", "title": null}
{"title": "No text"}
{"text": 7}
{"text": "   "}
{"id": {"x": 1}, "text": "t"}
{"text": "Bad time and URL.", "published": "last Tuesday", "url": "javascript:alert(1)"}
{"text": "<html><head><title>Page title | Site</title><meta property=\"og:site_name\" content=\"Site\"></head><body><nav>Menu</nav><p>Page text.</p></body></html>", "source": "Archive"}` + "\r\n" + `{"text": "last line, no line break"}`
	recs, bad, err := readAll(t, strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	wantBad := []string{
		"line 4: not valid JSON (invalid character 'o' in literal null (expecting 'u'))",
		"line 5: not a JSON object but a JSON array",
		`line 7: no "text": each line needs the article's text`,
		`line 8: "text" should be text, not a number`,
		"line 9: no text: it holds only spaces and line breaks",
		`line 10: "id" should be text or a number, not an object`,
	}
	if strings.Join(bad, "\n") != strings.Join(wantBad, "\n") {
		t.Errorf("bad lines:\n%s\nwant\n%s", strings.Join(bad, "\n"), strings.Join(wantBad, "\n"))
	}
	got := make([]string, len(recs))
	for i, r := range recs {
		got[i] = fmt.Sprintf("%d %q %+v %q %q", r.Line, r.ID, r.Meta, r.Result.Text, r.Result.Notes)
	}
	want := []string{
		`1 "ap-1" {Title:Talks in Moscow Source:AP Published:2017-04-12T14:05:00+03:00 URL:https://ap.example/1} "Tillerson met Lavrov." []`,
		`2 "" {Title: Source: Published: URL:} "No metadata at all." []`,
		`6 "42" {Title: Source: Published: URL:} "A numeric id." []`,
		`11 "" {Title: Source: Published: URL:} "Bad time and URL." ["\"published\" left out: \"last Tuesday\" is not a date or time wirediff reads: write it as 2017-04-12 or 2017-04-12T14:05:00+03:00" "\"url\" left out: \"javascript:alert(1)\" is not a web address: give it whole, starting with https:// or http://"]`,
		`12 "" {Title:Page title Source:Archive Published: URL:} "Page text." ["read as HTML: only the readable text was kept" "left out as not part of the article: navigation"]`,
		`13 "" {Title: Source: Published: URL:} "last line, no line break" []`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("articles:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestJSONLSkipsATooLongLineWithoutHoldingIt(t *testing.T) {
	long := `{"text": "` + strings.Repeat("a", MaxLineBytes) + `"}` + "\n"
	r := io.MultiReader(strings.NewReader(`{"text": "first"}`+"\n"), strings.NewReader(long), strings.NewReader(`{"text": "after"}`))
	recs, bad, err := readAll(t, r)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Result.Text != "first" || recs[1].Result.Text != "after" || recs[1].Line != 3 {
		t.Errorf("articles %+v, want first and after (line 3)", recs)
	}
	if len(bad) != 1 || bad[0] != fmt.Sprintf("line 2: longer than %d MiB", MaxLineBytes>>20) {
		t.Errorf("bad lines %q", bad)
	}
}

func TestJSONLStopsAtAReadError(t *testing.T) {
	r := io.MultiReader(strings.NewReader(`{"text": "first"}`+"\n"), iotest.ErrReader(errors.New("disk on fire")))
	recs, _, err := readAll(t, r)
	if len(recs) != 1 || err == nil || !strings.Contains(err.Error(), "disk on fire") {
		t.Errorf("got %d articles and %v, want 1 and the read error", len(recs), err)
	}
}

func TestJSONLStopsWhenTheLoopDoes(t *testing.T) {
	n := 0
	for range JSONL(strings.NewReader("{\"text\": \"a\"}\nbad\n{\"text\": \"b\"}\n")) {
		n++
		break
	}
	if n != 1 {
		t.Errorf("%d yields after break", n)
	}
}

func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id": "a", "title": "T", "source": "S", "published": "2017-04-12", "url": "https://x.example", "text": "words"}` + "\n" + `bad` + "\n\n" + `{"text": 1}`))
	f.Add([]byte("\xEF\xBB\xBF{\"id\": 1e3, \"text\": \"<p>a</p><nav>b</nav>\"}\r\n{\"text\": \"\\u0000x\"}"))
	f.Add([]byte(`{"text": "caf\u00e9 \ud800", "published": "Wed, 12 Apr 2017 14:05:00 XYZ"}`))
	f.Add([]byte("{\"text\": \"a\xff\"}\n[]\nnull\n\"s\""))
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := strings.Count(string(data), "\n") + 1
		last := 0
		for rec, err := range JSONL(strings.NewReader(string(data))) {
			line := rec.Line
			var le *LineError
			if errors.As(err, &le) {
				line = le.Line
			} else if err != nil {
				t.Fatalf("error %v is no line's", err)
			}
			if line <= last || line > lines {
				t.Fatalf("line %d after line %d of %d", line, last, lines)
			}
			last = line
			if err != nil {
				continue
			}
			if strings.TrimSpace(rec.Result.Text) == "" {
				t.Fatalf("line %d: blank text accepted", line)
			}
			if p := rec.Meta.Published; p != "" {
				if _, again, err := ParseTime(p); err != nil || again != p {
					t.Fatalf("line %d: published %q is not canonical", line, p)
				}
			}
			if u := rec.Meta.URL; u != "" {
				if again, err := CleanURL(u); err != nil || again != u {
					t.Fatalf("line %d: url %q is not clean", line, u)
				}
			}
			if strings.ContainsAny(rec.Meta.Title+rec.Meta.Source, "\n\r") {
				t.Fatalf("line %d: title or source spans lines", line)
			}
		}
	})
}
