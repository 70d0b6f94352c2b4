package ui

import (
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/session"
)

// The notes on how a paste or a file was read are ingest's, word for word
// the warnings of the command line.
func TestArticlesReadWithCareAreAddedWithANote(t *testing.T) {
	tests := []struct {
		name     string
		action   string
		value    func(t *testing.T) any
		note     string
		contains string // in the saved text
	}{
		{"a paste with a NUL byte is added, the NUL a space", actionAdd,
			func(t *testing.T) any {
				return session.Paste{Title: "Scraped", Text: strings.Replace(copied(t), "weather", "weather\x00", 1)}
			},
			"1 control character (an invisible code such as NUL, common in text copied from the web) was replaced by a space.",
			"weather  in"},
		{"a file with a NUL byte is added, the NUL a space", actionFiles,
			func(t *testing.T) any {
				return []session.File{{Name: "scraped.txt", Data: []byte(strings.Replace(copied(t), "weather", "weather\x00", 1))}}
			},
			"scraped.txt: 1 control character (an invisible code such as NUL, common in text copied from the web) was replaced by a space.",
			"weather  in"},
		{"a Latin-1 file is read as Windows-1252", actionFiles,
			func(t *testing.T) any {
				// A Latin-1 file has no UTF-8 in it: no curly quotes.
				ascii := strings.Map(func(r rune) rune {
					if r >= 0x80 {
						return '\''
					}
					return r
				}, copied(t))
				return []session.File{{Name: "latin1.txt", Data: []byte(strings.Replace(ascii, "weather", "caf\xe9 weather", 1))}}
			},
			"latin1.txt: read as Windows-1252 (Latin-1) and converted to UTF-8: it is not valid UTF-8.",
			"café weather"},
		{"a damaged UTF-8 file says its bad byte shows as �", actionFiles,
			func(t *testing.T) any {
				return []session.File{{Name: "damaged.txt", Data: []byte(strings.Replace(copied(t), "weather", "café \xff weather", 1))}}
			},
			"damaged.txt: 1 byte is not valid UTF-8, nor text in Windows-1252 (Latin-1): it shows as � and separates words; the file may use another encoding.",
			"café \uFFFD weather"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, &MemoryStore{})
			h.do(tt.action, tt.value(t))
			kind, text := noticeOf(h.page())
			if kind != "info" || !strings.Contains(text, tt.note) {
				t.Errorf("notice %s %q, want info with %q", kind, text, tt.note)
			}
			saved, err := savedWorkspace(h.store)
			if err != nil {
				t.Fatal(err)
			}
			if art := saved.Articles[len(saved.Articles)-1]; !strings.Contains(art.Text, tt.contains) {
				t.Errorf("saved text %.120q…, want it to contain %q", art.Text, tt.contains)
			}
		})
	}
}
