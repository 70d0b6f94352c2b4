package ui

import (
	"github.com/wirediff/wirediff/app/session"
	"strings"
	"testing"
)

func TestNoticesAboutAddedArticlesReadAsSentences(t *testing.T) {
	html := func(t *testing.T) string {
		return "<html><body><p>" + strings.ReplaceAll(copied(t), "\n\n", "</p><p>") + "</p></body></html>"
	}
	tests := []struct {
		name   string
		action string
		value  func(t *testing.T) any
		want   string
	}{
		{"an HTML paste says it was read as HTML in a sentence of its own", actionAdd,
			func(t *testing.T) any { return session.Paste{Title: "Desk copy", Text: html(t)} },
			"Added “Desk copy”. Read as HTML: only the readable text was kept."},
		{"a dropped HTML file names the file before the note", actionFiles,
			func(t *testing.T) any { return []session.File{{Name: "desk.html", Data: []byte(html(t))}} },
			"Added “desk”. desk.html: read as HTML: only the readable text was kept."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, &MemoryStore{})
			h.do(tt.action, tt.value(t))
			kind, text := noticeOf(h.page())
			if kind != "info" || text != tt.want {
				t.Errorf("notice %s %q, want info %q", kind, text, tt.want)
			}
		})
	}
}
