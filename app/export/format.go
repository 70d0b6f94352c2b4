package export

import (
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/reuse"
)

// These are the ways figures and texts are written in every view of a
// report — the web app, the HTML report and the command line's summary —
// so that they say the same thing.

// Thousands writes n with comma separators: 12,345.
func Thousands(n int) string {
	if n < 0 {
		return "-" + Thousands(-n)
	}
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// Percent writes a share from 0 to 1 as a whole percentage; a share that
// is not zero never shows as 0%, which would read as nothing shared.
func Percent(f float64) string {
	p := math.Round(100 * f)
	if p == 0 && f > 0 {
		return "<1%"
	}
	return strconv.Itoa(int(p)) + "%"
}

// Plural writes "1 passage", "2 passages", "1,200 passages".
func Plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return Thousands(n) + " " + many
}

// Clip returns the byte range of span within text: the span itself if it
// fits the text at whole characters, else an empty range. A span that
// does not fit (a report read back against another text) is dropped
// rather than shown in part, which could mislead, or let take a view down.
func Clip(text string, span reuse.Span) (start, end int) {
	if span.Start < 0 || span.Start > span.End || span.End > len(text) ||
		span.Start < len(text) && !utf8.RuneStart(text[span.Start]) ||
		span.End < len(text) && !utf8.RuneStart(text[span.End]) {
		return 0, 0
	}
	return span.Start, span.End
}

// ClipText returns the text of span, "" for a span that does not fit
// the text (see Clip).
func ClipText(text string, span reuse.Span) string {
	start, end := Clip(text, span)
	return text[start:end]
}

// Excerpt folds white space and shortens s to about n characters,
// keeping its head and its tail around " … ": a passage reads by how it
// starts and ends. Each part is cut at a space when one lies in its
// outer half, else at a whole character. The web app, the HTML report and
// the command line all show passages this way.
func Excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	// The byte offsets where the head ends and the tail starts.
	head, tail := 0, len(s)
	for range n / 2 {
		_, size := utf8.DecodeRuneInString(s[head:])
		head += size
		_, size = utf8.DecodeLastRuneInString(s[:tail])
		tail -= size
	}
	if i := strings.LastIndexByte(s[:head], ' '); s[head] != ' ' && i > head/2 {
		head = i
	}
	if i := strings.IndexByte(s[tail:], ' '); s[tail-1] != ' ' && i >= 0 && i < (len(s)-tail)/2 {
		tail += i + 1
	}
	return strings.TrimSuffix(s[:head], " ") + " … " + strings.TrimPrefix(s[tail:], " ")
}

// Characters counts the characters of s as utf8.RuneCountInString does
// (an invalid byte counts as one), eight bytes at once where they are
// ASCII: the article list shows each article's length, counted on the
// page, where 5 MB took about 20 ms a byte at a time.
func Characters(s string) int {
	n := 0
	for len(s) >= 8 {
		if s[0]|s[1]|s[2]|s[3]|s[4]|s[5]|s[6]|s[7] < utf8.RuneSelf {
			n += 8
			s = s[8:]
			continue
		}
		_, size := utf8.DecodeRuneInString(s)
		n++
		s = s[size:]
	}
	return n + utf8.RuneCountInString(s)
}
