package export

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/reuse"
)

func TestFigures(t *testing.T) {
	tests := []struct {
		name, got, want string
	}{
		{"thousands take commas", Thousands(1234567), "1,234,567"},
		{"small numbers take none", Thousands(999), "999"},
		{"negative numbers keep their sign", Thousands(-1234), "-1,234"},
		{"a share rounds to a whole percentage", Percent(0.4567), "46%"},
		{"a share that is not zero never shows as 0%", Percent(0.001), "<1%"},
		{"nothing is 0%", Percent(0), "0%"},
		{"everything is 100%", Percent(1), "100%"},
		{"one takes the singular", Plural(1, "passage", "passages"), "1 passage"},
		{"none takes the plural", Plural(0, "passage", "passages"), "0 passages"},
		{"many take the plural with commas", Plural(1200, "word", "words"), "1,200 words"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.name, tt.got, tt.want)
		}
	}
}

func TestClipDropsSpansThatDoNotFitTheirText(t *testing.T) {
	const text = "Café au lait"
	tests := []struct {
		name       string
		span       reuse.Span
		start, end int
	}{
		{"a span inside the text is itself", reuse.Span{Start: 0, End: 5}, 0, 5},
		{"an empty span is itself", reuse.Span{Start: 6, End: 6}, 6, 6},
		{"a span up to the end is itself", reuse.Span{Start: 6, End: len(text)}, 6, len(text)},
		{"a span ending inside a character is dropped", reuse.Span{Start: 0, End: 4}, 0, 0},
		{"a span starting inside a character is dropped", reuse.Span{Start: 4, End: 6}, 0, 0},
		{"a span past the end is dropped", reuse.Span{Start: 6, End: 99}, 0, 0},
		{"a span before the start is dropped", reuse.Span{Start: -5, End: 2}, 0, 0},
		{"an inverted span is dropped", reuse.Span{Start: 8, End: 2}, 0, 0},
	}
	for _, tt := range tests {
		if s, e := Clip(text, tt.span); s != tt.start || e != tt.end {
			t.Errorf("%s: Clip(%v) = %d, %d; want %d, %d", tt.name, tt.span, s, e, tt.start, tt.end)
		}
	}
}

func TestExcerptKeepsHeadAndTail(t *testing.T) {
	if got := Excerpt("  short\n text ", 40); got != "short text" {
		t.Errorf("short text: %q", got)
	}
	got := Excerpt("the quick brown fox jumps over the lazy dog near the river bank", 20)
	if got != "the quick  … river bank" {
		t.Errorf("long text: %q", got)
	}
	if got := Excerpt("ééééééééééééééééééééééééé", 11); !utf8.ValidString(got) {
		t.Errorf("an excerpt cut inside a character: %q", got)
	}
}

func TestCharactersAreCountedAsRunes(t *testing.T) {
	tests := []struct {
		name string
		text string
		want int
	}{
		{"nothing has no characters", "", 0},
		{"ASCII has a character a byte", "Wire copy, word for word.", 25},
		{"an accent is one character of two bytes", "Café au lait, café noir", 23},
		{"a flag is two characters", "🇺🇸 and 🇬🇧 flags", 15},
		{"an invalid byte counts as one", "ab\xffcdefghij\xc3", 12},
		{"a character may straddle eight bytes", "1234567é90", 10},
	}
	for _, tt := range tests {
		if got := Characters(tt.text); got != tt.want {
			t.Errorf("%s: Characters(%q) = %d, want %d", tt.name, tt.text, got, tt.want)
		}
	}
}

// FuzzCharacters checks the count against utf8.RuneCountInString on any
// bytes.
func FuzzCharacters(f *testing.F) {
	for _, s := range []string{"", "plain ASCII text, longer than eight", "Café au lait", "🇺🇸→🇬🇧", "ab\xffcdefghij\xc3\x28"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := Characters(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("Characters(%q) = %d, want %d", s, got, want)
		}
	})
}

// BenchmarkCharacters counts a 5 MB article of mostly ASCII text, as the
// article list does, against utf8.RuneCountInString (the baseline).
func BenchmarkCharacters(b *testing.B) {
	text := strings.Repeat("Moscow (UPI) -- Secretary of State Rex Tillerson met Sergei Lavrov at the café. ", 65000)
	b.Run("RuneCountInString", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			utf8.RuneCountInString(text)
		}
	})
	b.Run("Characters", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			Characters(text)
		}
	})
}
