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
	tests := []struct {
		name, in string
		n        int
		want     string
	}{
		{"a short text is only folded", "  short\n text ", 40, "short text"},
		{"a text of exactly n characters is kept", "0123456789", 10, "0123456789"},
		{"a long text keeps its head and tail, cut at spaces", "the quick brown fox jumps over the lazy dog near the river bank", 20, "the quick … river bank"},
		{"words longer than half the excerpt are cut inside", strings.Repeat("x", 30), 10, "xxxxx … xxxxx"},
		{"characters are counted, not bytes", strings.Repeat("é", 25), 10, "ééééé … ééééé"},
		{"white space is folded before counting", "a\n\n\nb  c\td e f g h i j", 10, "a b c … h i j"},
		{"an empty text stays empty", "", 10, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Excerpt(tt.in, tt.n); got != tt.want {
				t.Errorf("Excerpt(%q, %d) = %q, want %q", tt.in, tt.n, got, tt.want)
			}
		})
	}
}

func FuzzExcerpt(f *testing.F) {
	f.Add("the quick brown fox jumps over the lazy dog", 10)
	f.Add("ééé\xffé \u200b x", 3)
	f.Fuzz(func(t *testing.T, s string, n int) {
		n = max(0, min(n, 1000))
		got := Excerpt(s, n)
		folded := strings.Join(strings.Fields(s), " ")
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Fatalf("Excerpt(%q, %d) = %q: a character was cut", s, n, got)
		}
		if got == folded {
			return
		}
		head, tail, ok := strings.Cut(got, " … ")
		if !ok || !strings.HasPrefix(folded, head) || !strings.HasSuffix(folded, tail) {
			t.Fatalf("Excerpt(%q, %d) = %q: not the head and the tail of %q", s, n, got, folded)
		}
		if c := utf8.RuneCountInString(head) + utf8.RuneCountInString(tail); c > n {
			t.Fatalf("Excerpt(%q, %d) = %q: %d characters kept", s, n, got, c)
		}
	})
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
