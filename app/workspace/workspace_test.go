package workspace

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestDemoHoldsTheFiveSeedsVerbatim(t *testing.T) {
	w := Demo()
	seeds, err := filepath.Glob("../../testdata/00[0-4]_*.txt")
	if err != nil || len(seeds) != 5 {
		t.Fatalf("seeds: %v %v", seeds, err)
	}
	if len(w.Articles) != 5 || w.Version != Version || w.View != "/" {
		t.Fatalf("Demo() = %d articles, version %d, view %q", len(w.Articles), w.Version, w.View)
	}
	for i, path := range seeds {
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		a := w.Articles[i]
		if a.Text != string(want) {
			t.Errorf("article %s differs from %s: the demo copy is stale", a.ID, path)
		}
		if a.ID != "a"+string(rune('1'+i)) {
			t.Errorf("article %d has ID %q", i, a.ID)
		}
		title := strings.TrimSuffix(a.Title, "…")
		if len(strings.Fields(title)) < 4 || !strings.Contains(strings.Join(strings.Fields(a.Text), " "), title) {
			t.Errorf("title %q of %s is not a headline from its text", a.Title, a.ID)
		}
	}
	if got := w.Articles[2].Source; got != "UPI" {
		t.Errorf("source of the UPI story = %q", got)
	}
}

func TestGuessTitle(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"the first line when it reads like a headline", "Putin meets Tillerson in Moscow\n\nBody.", "Putin meets Tillerson in Moscow"},
		{"section labels are skipped", "Politics\n\nBreaking News\nWith Tillerson in Moscow, will he meet?\n", "With Tillerson in Moscow, will he meet?"},
		{"spaces are collapsed", "  Putin \t meets   Tillerson today\n", "Putin meets Tillerson today"},
		{"short texts use their first line", "\n\nHello\nWorld", "Hello"},
		{"empty text has no title", " \n ", ""},
		{"long lines are cut at a word", strings.Repeat("word ", 40), strings.TrimSpace(strings.Repeat("word ", 20)) + "…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := GuessTitle(tt.text); got != tt.want {
				t.Errorf("GuessTitle = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAddAssignsFreshIDsThatAreNeverReused(t *testing.T) {
	var w Workspace
	a1 := w.Add(" First ", " AP ", "one")
	a2 := w.Add("Second", "", "two")
	if a1.ID != "a1" || a2.ID != "a2" || a1.Title != "First" || a1.Source != "AP" {
		t.Fatalf("Add gave %+v and %+v", a1, a2)
	}
	if !w.Remove("a2") {
		t.Fatal("Remove(a2) = false")
	}
	if a3 := w.Add("Third", "", "three"); a3.ID != "a3" {
		t.Errorf("after removing a2, Add gave ID %q, want a3", a3.ID)
	}
	// A workspace from elsewhere, without Next, still gets unused IDs.
	w2 := Workspace{Version: Version, Articles: []Article{{ID: "a7"}, {ID: "x"}}}
	if a := w2.Add("", "", "t"); a.ID != "a8" {
		t.Errorf("Add after a7 gave %q, want a8", a.ID)
	}
}

func TestRemoveRenameAndFind(t *testing.T) {
	w := Demo()
	if a, i, ok := w.Find("a3"); !ok || i != 2 || a.ID != "a3" {
		t.Errorf("Find(a3) = %v, %d, %v", a.ID, i, ok)
	}
	if _, _, ok := w.Find("nope"); ok {
		t.Error("Find(nope) found something")
	}
	if !w.Rename("a3", "  UPI wire  ") || w.Articles[2].Title != "UPI wire" {
		t.Errorf("Rename: title is %q", w.Articles[2].Title)
	}
	if !w.SetSource("a3", "  United Press  ") || w.Articles[2].Source != "United Press" {
		t.Errorf("SetSource: source is %q", w.Articles[2].Source)
	}
	if !w.SetSource("a3", "") || w.Articles[2].Source != "" {
		t.Errorf("SetSource to nothing: source is %q", w.Articles[2].Source)
	}
	if w.Rename("nope", "x") || w.SetSource("nope", "x") || w.Remove("nope") {
		t.Error("Rename, SetSource or Remove of a missing ID reported success")
	}
	if !w.Remove("a1") || len(w.Articles) != 4 || w.Articles[0].ID != "a2" {
		t.Errorf("Remove(a1) left %d articles, first %q", len(w.Articles), w.Articles[0].ID)
	}
}

func TestDocumentsNameUntitledArticlesByID(t *testing.T) {
	w := Workspace{Articles: []Article{{ID: "a1", Title: "T", Text: "x"}, {ID: "a2", Title: "  ", Text: "y"}}}
	docs := w.Documents()
	if len(docs) != 2 || docs[0].Name != "T" || docs[1].Name != "a2" || docs[1].Text != "y" {
		t.Errorf("Documents() = %+v", docs)
	}
}

func TestMarshalRoundTrips(t *testing.T) {
	w := Demo()
	w.View = "/#pair/a1/a3"
	w.Remove("a4")
	data, err := Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, w) {
		t.Errorf("round trip changed the workspace:\n got %+v\nwant %+v", got.Articles[0], w.Articles[0])
	}
	for _, field := range []string{`"version":1`, `"articles"`, `"id":"a1"`, `"title"`, `"source"`, `"text"`, `"view":"/#pair/a1/a3"`} {
		if !strings.Contains(string(data), field) {
			t.Errorf("file lacks %s", field)
		}
	}
}

func TestMarshalRefusesWhatUnmarshalWouldRefuse(t *testing.T) {
	w := Workspace{Version: Version, Articles: []Article{{ID: "a1"}, {ID: "a1"}}}
	if _, err := Marshal(w); err == nil {
		t.Error("Marshal accepted duplicate IDs")
	}
}

func TestUnmarshalExplainsBadFiles(t *testing.T) {
	tests := []struct{ name, in, contains string }{
		{"not JSON", "hello", "not valid JSON (it breaks off on line 1)"},
		{"broken JSON names the line", "{\n\"version\": 1,\n\"articles\": [,]}", "line 3"},
		{"a JSON list", "[1,2]", "holds a JSON array, not an object"},
		{"a wrong field type", `{"version": "1"}`, `"version" should be a number, not a JSON string`},
		{"no version", `{"articles": []}`, "no version"},
		{"a report instead of a workspace", `{"documents": [], "pairs": [], "families": []}`, "this is a wirediff report"},
		{"a newer version", `{"version": 2, "articles": []}`, "newer wirediff"},
		{"a negative version", `{"version": -1, "articles": []}`, "unknown workspace format version -1"},
		{"duplicate IDs", `{"version": 1, "articles": [{"id": "a1"}, {"id": "a1", "title": "Two"}]}`, `article 2 ("Two") has the ID "a1", which an earlier`},
		{"an empty ID", `{"version": 1, "articles": [{"id": ""}]}`, "bad ID"},
		{"an ID unsafe in a URL", `{"version": 1, "articles": [{"id": "a/1"}]}`, `bad ID "a/1"`},
		{"a huge title", `{"version": 1, "articles": [{"id": "a1", "title": "` + strings.Repeat("x", MaxTitleRunes+1) + `"}]}`, "title longer than 500"},
		{"too many articles", `{"version": 1, "articles": [` + strings.Repeat(`{"id":"a"},`, MaxArticles) + `{"id":"a"}]}`, "too many articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Unmarshal([]byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("err = %v, want it to contain %q", err, tt.contains)
			}
		})
	}
}

func TestUnmarshalResetsABadViewAndKeepsTheArticles(t *testing.T) {
	for _, view := range []string{"", "javascript:alert(1)", "/\n", "/" + strings.Repeat("x", 300)} {
		data, _ := Marshal(Workspace{Version: Version, Articles: []Article{{ID: "a1", Text: "t"}}})
		data = []byte(strings.Replace(string(data), `"view": ""`, `"view": `+quote(view), 1))
		w, err := Unmarshal(data)
		if err != nil {
			t.Fatalf("view %q: %v", view, err)
		}
		if w.View != "/" || len(w.Articles) != 1 {
			t.Errorf("view %q: got view %q and %d articles", view, w.View, len(w.Articles))
		}
	}
}

func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}

func TestUnmarshalAcceptsAnEmptyWorkspace(t *testing.T) {
	w, err := Unmarshal([]byte(`{"version": 1, "articles": [], "view": "/"}`))
	if err != nil || w.Articles == nil || len(w.Articles) != 0 {
		t.Errorf("Unmarshal = %+v, %v", w, err)
	}
}

func FuzzUnmarshal(f *testing.F) {
	data, _ := Marshal(Demo())
	f.Add(data)
	f.Add([]byte(`{"version": 1, "articles": [{"id": "a1", "title": "t", "text": "x"}], "view": "/#pair/a1/a2", "next": 4}`))
	f.Add([]byte(`{"documents": [], "pairs": []}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"version": 1, "articles": [{"id": "a1", "published": "April 12, 2017", "url": " https://x.example/ ", "text": "x"}, {"id": "a2", "published": "2017-04-12 14:05 EDT", "text": "y"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		w, err := Unmarshal(data)
		if err != nil {
			return
		}
		again, err := Marshal(w)
		if err != nil {
			t.Fatalf("Unmarshal accepted what Marshal refuses: %v", err)
		}
		w2, err := Unmarshal(again)
		if err != nil || !reflect.DeepEqual(w, w2) {
			t.Fatalf("round trip failed: %v\n%+v\n%+v", err, w, w2)
		}
	})
}

func TestUnmarshalReadsVersion1Files(t *testing.T) {
	first, err := os.ReadFile("testdata/version1.json")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file     string
		published, url string
	}{
		{"a file the first version wrote", string(first), "", ""},
		{"with a publication time and a URL",
			`{"version":1,"articles":[{"id":"a1","title":"T","source":"S","published":"2017-04-12T14:05:00+03:00","url":"https://upi.example/1","text":"x"}]}`,
			"2017-04-12T14:05:00+03:00", "https://upi.example/1"},
		{"with a date written by hand and a URL with spaces around",
			`{"version":1,"articles":[{"id":"a1","title":"T","source":"S","published":"April 12, 2017","url":" https://upi.example/1 ","text":"x"}]}`,
			"2017-04-12", "https://upi.example/1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w, err := Unmarshal([]byte(tt.file))
			if err != nil {
				t.Fatal(err)
			}
			a := w.Articles[0]
			if a.Published != tt.published || a.URL != tt.url || a.Text == "" {
				t.Errorf("article %+v, want published %q and URL %q", a, tt.published, tt.url)
			}
			again, err := Marshal(w)
			if err != nil {
				t.Fatal(err)
			}
			if tt.published == "" && string(again) != strings.TrimSpace(tt.file) {
				t.Errorf("a file without the new fields is not written back byte for byte:\n%s\n%s", again, tt.file)
			}
		})
	}
}

func TestUnmarshalNamesTheArticleWithABadTimeOrURL(t *testing.T) {
	tests := []struct{ name, article, contains string }{
		{"an unreadable time", `{"id":"a1","title":"Talks","published":"someday","text":"x"}`, `article 1 ("Talks") has a publication time "someday" that is not a date`},
		{"a javascript: URL", `{"id":"a1","url":"javascript:alert(1)","text":"x"}`, `article 1 has a URL "javascript:alert(1)" that is not a web address`},
		{"a time of the wrong type", `{"id":"a1","published":2017,"text":"x"}`, `"articles.published" should be text`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Unmarshal([]byte(`{"version":1,"articles":[` + tt.article + `]}`))
			if err == nil || !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("err = %v, want it to contain %q", err, tt.contains)
			}
		})
	}
}

func TestAddArticleAndSettersCheckTimeAndURL(t *testing.T) {
	var w Workspace
	a, err := w.AddArticle(Article{ID: "ignored", Title: " Talks ", Source: " AP ", Published: "12 April 2017", URL: " https://ap.example/1 ", Text: "x"})
	if err != nil {
		t.Fatal(err)
	}
	want := Article{ID: "a1", Title: "Talks", Source: "AP", Published: "2017-04-12", URL: "https://ap.example/1", Text: "x"}
	if a != want || w.Articles[0] != want {
		t.Errorf("AddArticle = %+v, stored %+v, want %+v", a, w.Articles[0], want)
	}
	for _, bad := range []Article{{Published: "soon", Text: "y"}, {URL: "ap.example/2", Text: "y"}} {
		if _, err := w.AddArticle(bad); err == nil || len(w.Articles) != 1 {
			t.Errorf("AddArticle(%+v) = %v with %d articles, want an error and nothing added", bad, err, len(w.Articles))
		}
	}
	tests := []struct {
		name        string
		set         func() (bool, error)
		found, fail bool
		published   string
		url         string
	}{
		{"a new time in canonical form", func() (bool, error) { return w.SetPublished("a1", "2017-04-12 14:05 +0300") }, true, false, "2017-04-12T14:05:00+03:00", "https://ap.example/1"},
		{"an unreadable time changes nothing", func() (bool, error) { return w.SetPublished("a1", "yesterday") }, true, true, "2017-04-12T14:05:00+03:00", "https://ap.example/1"},
		{"a time cleared", func() (bool, error) { return w.SetPublished("a1", " ") }, true, false, "", "https://ap.example/1"},
		{"a new URL", func() (bool, error) { return w.SetURL("a1", "http://ap.example/2") }, true, false, "", "http://ap.example/2"},
		{"a URL without its scheme changes nothing", func() (bool, error) { return w.SetURL("a1", "ap.example/3") }, true, true, "", "http://ap.example/2"},
		{"a URL cleared", func() (bool, error) { return w.SetURL("a1", "") }, true, false, "", ""},
		{"a missing article", func() (bool, error) { return w.SetURL("nope", "https://x.example") }, false, false, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found, err := tt.set()
			if found != tt.found || (err != nil) != tt.fail {
				t.Errorf("found %v, err %v", found, err)
			}
			if a := w.Articles[0]; a.Published != tt.published || a.URL != tt.url {
				t.Errorf("article %+v, want published %q and URL %q", a, tt.published, tt.url)
			}
		})
	}
}

func TestDocumentsCarryTheMetadata(t *testing.T) {
	w := Workspace{Articles: []Article{
		{ID: "a1", Title: "T", Source: "S", Published: "2017-04-12T14:05:00+03:00", URL: "https://x.example/1", Text: "x"},
		{ID: "a2", Published: "2017-04-12", Text: "y"},
		{ID: "a3", Text: "z"},
	}}
	docs := w.Documents()
	if d := docs[0]; d.Title != "T" || d.Source != "S" || d.URL != "https://x.example/1" || !d.Published.Equal(time.Date(2017, 4, 12, 11, 5, 0, 0, time.UTC)) {
		t.Errorf("document 1 = %+v", d)
	}
	if d := docs[1]; !d.Published.Equal(time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("a date alone gives %v, want midnight UTC", d.Published)
	}
	if d := docs[2]; !d.Published.IsZero() || d.URL != "" {
		t.Errorf("an article without metadata gives %+v", d)
	}
}
