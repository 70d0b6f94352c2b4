package ingest

import (
	"os"
	"strings"
	"testing"
)

// BenchmarkReadPage measures reader mode on a news page grown to about
// 300 KB by repeating its story's paragraphs, against the baseline of
// building the same tree and taking all its text.
func BenchmarkReadPage(b *testing.B) {
	data, err := os.ReadFile("testdata/pages/jsonld-article.html")
	if err != nil {
		b.Fatal(err)
	}
	page := string(data)
	start := strings.Index(page, `<div class="story-body">`)
	end := strings.Index(page, `<div class="newsletter-box">`)
	page = page[:end] + strings.Repeat(page[start:end], 150) + page[end:]
	b.Run("baseline=whole-text", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			nodeText(parseTree([]byte(page)), nil)
		}
	})
	b.Run("reader-mode", func(b *testing.B) {
		b.SetBytes(int64(len(page)))
		for b.Loop() {
			readPage([]byte(page))
		}
	})
}
