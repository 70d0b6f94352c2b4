package workspace

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestAnArticleRecordHoldsTheArticleAndItsTextAsItIs(t *testing.T) {
	tests := []struct {
		name string
		a    Article
	}{
		{"a demo article", Demo().Articles[2]},
		{"every field", Article{ID: "a7", Title: "Café", Source: "UPI", Published: "2017-04-12T14:05:00+03:00", URL: "https://example.com/a", Text: "One.\n\nTwo."}},
		{"a text with newlines, quotes and a line separator", Article{ID: "a1", Text: "\n\"q\"\n\u2028 {\"id\":\"a2\"}\n"}},
		{"a text that is not valid UTF-8", Article{ID: "a1", Text: "Caf\xe9 \xff"}},
		{"no text", Article{ID: "b_2-x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data, err := MarshalRecord(tt.a)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.HasSuffix(string(data), "\n"+tt.a.Text) {
				t.Errorf("the record %q does not end in the text as it is", data)
			}
			back, err := UnmarshalRecord(data)
			if err != nil || back != tt.a {
				t.Errorf("read back %+v, %v; want %+v", back, err, tt.a)
			}
		})
	}
}

func TestARecordThatIsNoArticlesIsRefusedSayingWhy(t *testing.T) {
	tests := []struct {
		name, data, says string
	}{
		{"no head", `{"id":"a1"}`, "not an article record"},
		{"a head that is not JSON", "{id: a1}\ntext", "not an article record"},
		{"a head with a text", `{"id":"a1","text":"x"}` + "\ntext", "not an article record"},
		{"a bad ID", `{"id":"a 1"}` + "\ntext", `has a bad ID "a 1"`},
		{"an unreadable time", `{"id":"a1","title":"T","published":"someday"}` + "\n", `the article ("T") has a publication time "someday"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := UnmarshalRecord([]byte(tt.data)); err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("UnmarshalRecord(%q) = %v; want an error saying %q", tt.data, err, tt.says)
			}
		})
	}
	if _, err := MarshalRecord(Article{ID: "a/1"}); err == nil {
		t.Error("MarshalRecord wrote an article with a bad ID")
	}
}

func TestAnIndexListsTheArticlesAndKeepsTheRest(t *testing.T) {
	w := Demo()
	w.View = "/#pair/a2/a3"
	w.Boilerplate = []string{"Follow us on X."}
	w.Next = 9
	data, err := MarshalIndex(w)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), w.Articles[0].Text[:40]) {
		t.Error("the index holds an article's text")
	}
	ix, err := UnmarshalIndex(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(ix.IDs, ","); got != "a1,a2,a3,a4,a5" {
		t.Errorf("the index lists %s", got)
	}
	byID := map[string]Article{}
	for _, a := range w.Articles {
		byID[a.ID] = a
	}
	back, missing := ix.Join(byID)
	if !reflect.DeepEqual(back, w) || missing != nil {
		t.Errorf("joined %+v, missing %v; want the workspace indexed", back, missing)
	}
	delete(byID, "a4")
	if back, missing := ix.Join(byID); len(back.Articles) != 4 || !reflect.DeepEqual(missing, []string{"a4"}) {
		t.Errorf("without a4's record: %d articles, missing %v", len(back.Articles), missing)
	}
}

func TestABadIndexIsRefusedSayingWhy(t *testing.T) {
	tests := []struct {
		name, data, says string
	}{
		{"not JSON", `{ids`, "not valid JSON"},
		{"a newer version", `{"version":2,"ids":[]}`, "newer wirediff"},
		{"an ID listed twice", `{"version":1,"ids":["a1","a1"]}`, `"a1" is listed twice`},
		{"a bad ID", `{"version":1,"ids":["a 1"]}`, "bad article ID"},
		{"articles in it", `{"version":1,"articles":[],"ids":[]}`, "holds articles"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, err := UnmarshalIndex([]byte(tt.data)); err == nil || !strings.Contains(err.Error(), tt.says) {
				t.Errorf("UnmarshalIndex(%s) = %v; want an error saying %q", tt.data, err, tt.says)
			}
		})
	}
	w := Demo()
	w.Articles = append(w.Articles, w.Articles[0])
	if _, err := MarshalIndex(w); err == nil {
		t.Error("MarshalIndex wrote an index listing an ID twice")
	}
}

func TestRecordsAreReadByIDAndEachBadOneSaysWhy(t *testing.T) {
	w := Demo()
	records, err := MarshalRecords(w.Articles, 0, func() {})
	if err != nil {
		t.Fatal(err)
	}
	kept := map[string][]byte{"a1": records[0], "a2": records[1], "a3": nil, "a4": records[0]}
	pauses := 0
	read, bad := UnmarshalRecords(kept, 0, func() { pauses++ })
	if len(read) != 2 || read["a1"] != w.Articles[0] || read["a2"] != w.Articles[1] {
		t.Errorf("read %d articles, want a1 and a2", len(read))
	}
	if len(bad) != 2 || !strings.Contains(bad["a3"].Error(), "could not read") || !strings.Contains(bad["a4"].Error(), `holds article "a1"`) {
		t.Errorf("bad records %v; want a3 unreadable and a4 holding a1", bad)
	}
	if pauses != len(kept) {
		t.Errorf("paused %d times with a pause due after each record, want %d", pauses, len(kept))
	}
}

func FuzzUnmarshalRecord(f *testing.F) {
	data, _ := MarshalRecord(Demo().Articles[0])
	f.Add(data)
	f.Add([]byte(`{"id":"a1","title":"t","published":"April 12, 2017","url":" https://x.example/ "}` + "\ntext\n"))
	f.Add([]byte("{\"id\":\"a1\"}\n\xff\xfe"))
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := UnmarshalRecord(data)
		if err != nil {
			return
		}
		again, err := MarshalRecord(a)
		if err != nil {
			t.Fatalf("UnmarshalRecord accepted what MarshalRecord refuses: %v", err)
		}
		if back, err := UnmarshalRecord(again); err != nil || back != a {
			t.Fatalf("round trip failed: %v\n%+v\n%+v", err, a, back)
		}
	})
}

func FuzzUnmarshalIndex(f *testing.F) {
	data, _ := MarshalIndex(Demo())
	f.Add(data)
	f.Add([]byte(`{"version":1,"ids":["a1","a3"],"view":"/#pair/a1/a3","next":4,"boilerplate":[" Follow us "]}`))
	f.Add([]byte(`{"version":1,"ids":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ix, err := UnmarshalIndex(data)
		if err != nil {
			return
		}
		w, _ := ix.Join(nil)
		for _, id := range ix.IDs {
			w.Articles = append(w.Articles, Article{ID: id})
		}
		again, err := MarshalIndex(w)
		if err != nil {
			t.Fatalf("UnmarshalIndex accepted what MarshalIndex refuses: %v", err)
		}
		back, err := UnmarshalIndex(again)
		if err != nil || !slices.Equal(back.IDs, ix.IDs) || back.View != ix.View || back.Next != ix.Next ||
			!slices.Equal(back.Boilerplate, ix.Boilerplate) || back.Version != ix.Version {
			t.Fatalf("round trip failed: %v\n%+v\n%+v", err, ix, back)
		}
	})
}
