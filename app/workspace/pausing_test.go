package workspace

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestUnmarshalPausingReadsWhatUnmarshalReadsAndPauses(t *testing.T) {
	big, err := Marshal(bigWorkspace(1000))
	if err != nil {
		t.Fatal(err)
	}
	demo, _ := Marshal(Demo())
	tests := []struct {
		name   string
		data   string
		pauses bool // with a pause due after every article
	}{
		{"a workspace of 1,000 articles, pausing between them", string(big), true},
		{"the demo workspace", string(demo), true},
		{"an empty workspace", `{"version": 1, "articles": [], "view": "/"}`, false},
		{"member names in any case, the last of two articles lists winning", `{"Version": 1, "ARTICLES": [{"id": "x", "text": "old"}], "articles": [{"ID": "a1", "Text": "new"}], "view": "/"}`, true},
		{"fields this version does not know", `{"version": 1, "articles": [{"id": "a1", "text": "x", "published": "2017"}], "extra": {"a": [1, 2]}}`, true},
		{"a bad view, which only loses the position", `{"version": 1, "articles": [{"id": "a1", "text": "x"}], "view": "javascript:1"}`, true},
		{"null articles", `{"version": 1, "articles": null}`, false},
		{"a null article", `{"version": 1, "articles": [null]}`, false},
		{"a file that breaks off", `{"version": 1, "articles": [{"id": "a1", "text": "x"}`, true},
		{"text after the object", `{"version": 1, "articles": []} {}`, false},
		{"an article that is a number", `{"version": 1, "articles": [{"id": "a1", "text": "x"}, 7]}`, true},
		{"a title that is a number", `{"version": 1, "articles": [{"id": "a1", "title": 3, "text": "x"}]}`, false},
		{"two articles with one ID", `{"version": 1, "articles": [{"id": "a1", "text": "x"}, {"id": "a1", "text": "y"}]}`, true},
		{"a newer version", `{"version": 9, "articles": [{"id": "a1", "text": "x"}]}`, false},
		{"a report, not a workspace", `{"documents": [], "pairs": []}`, false},
		{"a list, not an object", `[]`, false},
		{"not JSON", "title: x\n", false},
		{"white space around every member and bracket", " {\n\t\"version\" : 1 ,\r\n \"articles\" : [ { \"id\" : \"a1\" , \"text\" : \"x\" } , {\"id\":\"a2\"} ] } \n", true},
		{"member names in escapes", `{"vers\u0069on": 1, "\u0061rticles": [{"\u0069d": "a1", "te\u0078t": "x\u00e9"}]}`, true},
		{"two texts in one article, the last winning", `{"version": 1, "articles": [{"id": "a1", "text": "first", "TEXT": "last"}]}`, true},
		{"a text that is null", `{"version": 1, "articles": [{"id": "a1", "text": null}]}`, true},
		{"a comma before the first member", `{"version": 1, "articles": [{, "id": "a1", "text": "x"}]}`, true},
		{"a comma after the last article", `{"version": 1, "articles": [{"id": "a1", "text": "x"},]}`, true},
		{"brackets that do not match in another member", `{"version": 1, "extra": [1}, "articles": [{"id": "a1", "text": "x"}]}`, false},
		{"a string that never ends", `{"version": 1, "articles": [{"id": "a1", "text": "x\"}]}`, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, wantErr := Unmarshal([]byte(tt.data))
			pauses := 0
			got, err := UnmarshalPausing([]byte(tt.data), 0, func() { pauses++ })
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
				t.Fatalf("UnmarshalPausing = %.200v, %v\nUnmarshal       = %.200v, %v", got, err, want, wantErr)
			}
			if tt.pauses && wantErr == nil && pauses < len(want.Articles) {
				t.Errorf("paused %d times over %d articles, want after each", pauses, len(want.Articles))
			}
		})
	}
}

func TestMarshalPausingWritesWhatMarshalWrites(t *testing.T) {
	tests := []struct {
		name string
		w    Workspace
	}{
		{"1,000 articles", bigWorkspace(1000)},
		{"the demo", Demo()},
		{"no articles", Workspace{}},
		{"a view naming the articles member", Workspace{Version: 1, View: `/"articles":null`, Articles: []Article{{ID: "a1", Text: "<b>&</b>"}}}},
		{"a bad ID", Workspace{Version: 1, Articles: []Article{{ID: "a b", Text: "x"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			want, wantErr := Marshal(tt.w)
			pauses := 0
			got, err := MarshalPausing(tt.w, 0, func() { pauses++ })
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || string(got) != string(want) {
				t.Fatalf("MarshalPausing = %.300s, %v\nMarshal       = %.300s, %v", got, err, want, wantErr)
			}
			// Each article is checked, then encoded: a pause is due after each.
			if wantErr == nil && pauses != 2*len(tt.w.Articles) {
				t.Errorf("paused %d times over %d articles, want after each article's check and its encoding", pauses, len(tt.w.Articles))
			}
		})
	}
}

func TestUnmarshalPausingDoesNotPauseBeforeItsTime(t *testing.T) {
	data, _ := Marshal(Demo())
	pauses := 0
	if _, err := UnmarshalPausing(data, time.Hour, func() { pauses++ }); err != nil || pauses != 0 {
		t.Errorf("with an hour between pauses: %d pauses, error %v", pauses, err)
	}
}

// FuzzUnmarshalPausing checks that the pausing decoder reads every file
// as Unmarshal does, the same workspace or the same error, and writes
// what it read as Marshal does.
func FuzzUnmarshalPausing(f *testing.F) {
	data, _ := Marshal(Demo())
	f.Add(data)
	f.Add([]byte(`{"version": 1, "articles": [{"id": "a1", "title": "t", "text": "x"}], "view": "/#pair/a1/a2", "next": 4}`))
	f.Add([]byte(`{"Articles": [{"id": "a1"}], "articles": null, "version": 1}`))
	f.Add([]byte(`{"documents": [], "pairs": []}`))
	f.Add([]byte(" {\n\t\"version\" : 1 , \"articles\" : [ { \"id\" : \"a1\" , \"text\" : \"x\\\\\\\" y\" } ] } "))
	f.Add([]byte(`{"vers\u0069on": 1, "\u0061rticles": [{"\u0069d": "a1", "te\u0078t": null, "TEXT": "b"}], "x": [{"a": "]"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		want, wantErr := Unmarshal(data)
		got, err := UnmarshalPausing(data, 0, func() {})
		if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
			t.Fatalf("UnmarshalPausing = %+v, %v\nUnmarshal       = %+v, %v", got, err, want, wantErr)
		}
		if err != nil {
			return
		}
		again, err := MarshalPausing(got, 0, func() {})
		if want, wantErr := Marshal(got); string(again) != string(want) || fmt.Sprint(err) != fmt.Sprint(wantErr) {
			t.Fatalf("MarshalPausing = %s, %v\nMarshal       = %s, %v", again, err, want, wantErr)
		}
	})
}

// longTexts are texts of a piece or more, for the pausing encoder and
// decoder: characters of one to four bytes, escaped ones and a line
// separator fall on every side of the pieces' edges.
func longTexts() []struct{ name, text string } {
	unit := "Caf\u00e9 \u2014 \u4e2d\u6587 \U0001F1FA\U0001F1F8 <b>&amp;</b> \"q\" \u2028 x\n"
	return []struct{ name, text string }{
		{"a text of exactly one piece", strings.Repeat("a", textPiece)},
		{"a text one byte over a piece", strings.Repeat("a", textPiece) + "é"},
		{"a 5 MB text of mixed characters", strings.Repeat(unit, (5<<20)/len(unit))},
		{"a long text shifted by a byte", "x" + strings.Repeat(unit, (textPiece*3)/len(unit))},
		{"a long text with invalid bytes", strings.Repeat("ab\xe2\x82 \xff"+unit, (textPiece*2)/len(unit))},
		{"a long text with no space nor wide character", strings.Repeat("<a>\"\\", textPiece)},
	}
}

func TestUnmarshalPausingReadsALongTextAsUnmarshalDoesAndPausesWithinIt(t *testing.T) {
	for _, tt := range longTexts() {
		t.Run(tt.name, func(t *testing.T) {
			data, err := Marshal(Workspace{Version: 1, Articles: []Article{
				{ID: "a1", Title: `"text":""`, Text: "short"},
				{ID: "a2", Title: "Long", Source: "Wire", URL: "https://example.com/", Text: tt.text},
			}})
			if err != nil {
				t.Fatal(err)
			}
			want, wantErr := Unmarshal(data)
			pauses := 0
			got, err := UnmarshalPausing(data, 0, func() { pauses++ })
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || !reflect.DeepEqual(got, want) {
				t.Fatalf("UnmarshalPausing differs from Unmarshal (%v, %v)", err, wantErr)
			}
			if strings.ContainsAny(tt.text, " é") && len(tt.text) > 2*textPiece && pauses < len(tt.text)/(2*textPiece) {
				t.Errorf("paused %d times in a text of %d bytes, want about one a piece of %d", pauses, len(tt.text), textPiece)
			}
		})
	}
}

// A text with no space nor wide character is unquoted in one piece, but
// finding where it ends, which encoding/json's Decoder does in one go
// before it decodes anything, pauses all the same.
func TestUnmarshalPausingPausesWhileItFindsWhereALongTextEnds(t *testing.T) {
	text := strings.Repeat(`x"`, 1<<20)
	data, err := Marshal(Workspace{Version: 1, Articles: []Article{{ID: "a1", Text: text}}})
	if err != nil {
		t.Fatal(err)
	}
	pauses := 0
	got, err := UnmarshalPausing(data, 0, func() { pauses++ })
	if err != nil || len(got.Articles) != 1 || got.Articles[0].Text != text {
		t.Fatalf("UnmarshalPausing did not read the text back (%v)", err)
	}
	if want := len(data)/scanPiece - 1; pauses < want {
		t.Errorf("paused %d times in a file of %d bytes, want at least %d, one every %d bytes", pauses, len(data), want, scanPiece)
	}
}

func TestMarshalPausingWritesALongTextAsMarshalDoesAndPausesWithinIt(t *testing.T) {
	for _, tt := range longTexts() {
		t.Run(tt.name, func(t *testing.T) {
			w := Workspace{Version: 1, Articles: []Article{
				{ID: "a1", Title: `"text":""`, Text: "short"},
				{ID: "a2", Title: "Long", Source: "Wire", URL: "https://example.com/", Text: tt.text},
			}}
			want, wantErr := Marshal(w)
			pauses := 0
			got, err := MarshalPausing(w, 0, func() { pauses++ })
			if fmt.Sprint(err) != fmt.Sprint(wantErr) || string(got) != string(want) {
				t.Fatalf("MarshalPausing differs from Marshal (%v, %v)", err, wantErr)
			}
			if pieces := (len(tt.text) + textPiece - 1) / textPiece; pieces > 1 && pauses < pieces {
				t.Errorf("paused %d times for a text of %d pieces, want after each piece", pauses, pieces)
			}
		})
	}
}

// FuzzUnquotePausing checks that a JSON string decoded a few bytes at a
// time is what json.Unmarshal makes of it whole, and that what Unmarshal
// refuses is refused. (jsonScanner.article hands it a value as the
// scanner found it: from its first byte to its last.)
func FuzzUnquotePausing(f *testing.F) {
	f.Add([]byte(`"Caf\u00e9 \ud83c\uddfa x\n\"q\" — 中文 \\ end"`), 3)
	f.Add([]byte("\"ab\xe2\x82 \xffé \\u0041\""), 2)
	f.Add([]byte(`"unfinished \`), 4)
	f.Fuzz(func(t *testing.T, quoted []byte, size int) {
		if len(quoted) == 0 || quoted[0] != '"' || strings.ContainsAny(string(quoted[len(quoted)-1:]), " \t\r\n") {
			return
		}
		size = 2 + abs(size)%64
		var want string
		wantErr := json.Unmarshal(quoted, &want)
		got, ok := unquotePausing(quoted, size, func() {})
		if ok != (wantErr == nil) || got != want {
			t.Fatalf("unquotePausing(%q, %d) = %q, %v; Unmarshal = %q, %v", quoted, size, got, ok, want, wantErr)
		}
	})
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// rawArticle must have Article's fields, name for name and tag for tag,
// or the pausing decoder would drop one that Unmarshal reads.
func TestRawArticleMirrorsArticle(t *testing.T) {
	a, r := reflect.TypeFor[Article](), reflect.TypeFor[rawArticle]()
	if a.NumField() != r.NumField() {
		t.Fatalf("Article has %d fields, rawArticle %d", a.NumField(), r.NumField())
	}
	for i := range a.NumField() {
		fa, fr := a.Field(i), r.Field(i)
		if fa.Name != fr.Name || fa.Tag != fr.Tag {
			t.Errorf("field %d: Article's %s %q, rawArticle's %s %q", i, fa.Name, fa.Tag, fr.Name, fr.Tag)
		}
	}
}
