package reuse

import (
	"fmt"
	"strings"
	"testing"
)

func TestOnlyTypographyIsTypography(t *testing.T) {
	tests := []struct {
		name       string
		runes      string
		typography bool
	}{
		{"white space of every kind is typography", " \t\n\r\f\v\u00a0\u2009\u202f\u3000\u2028", true},
		{"control characters are typography", "\x00\x01\x1b\x7f\u0085", true},
		{"straight and curly quotes and guillemets are typography", `"'“”‘’„«»‹›「」`, true},
		{"apostrophes are typography", "'’ʼ", true},
		{"hyphens, dashes and the minus sign are typography", "-‐‑‒–—―−", true},
		{"full stops, commas, colons and semicolons are typography", ".,:;。、", true},
		{"other punctuation is typography", "…()[]{}/\\*¶•·†_", true},
		{"questions and exclamations are not typography", "?!¿¡‽⁇⁈⁉؟", false},
		{"percent and per-mille signs are not typography", "%‰‱٪", false},
		{"signs that stand for words are not typography", "#@&§", false},
		{"invisible characters are typography", "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f", true},
		{"variation selectors are typography", "\ufe0e\ufe0f", true},
		{"spacing accents typed for quotes are typography", "`´^¨", true},
		{"letters are not typography", "aZéßЖλשع", false},
		{"digits are not typography", "0٣९", false},
		{"emoji are not typography", "😀🎉❤👍", false},
		{"flags (regional indicators) are not typography", "🇺🇸🇬🇧", false},
		{"emoji skin-tone modifiers are not typography", "🏻🏿", false},
		{"currency signs are not typography", "$€£¥₽", false},
		{"mathematical signs are not typography", "+=<>|~±×÷", false},
		{"other symbols are not typography", "©®°™✓★", false},
		{"the replacement character is not typography", "\ufffd", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, r := range tt.runes {
				if got := isTypography(r); got != tt.typography {
					t.Errorf("isTypography(%q U+%04X) = %v, want %v", r, r, got, tt.typography)
				}
			}
		})
	}
}

func TestCompareFormMakesOnlyTypographyCosmetic(t *testing.T) {
	tests := []struct {
		name string
		x, y string
		want form
	}{
		{"identical words are the same", "said ", "said ", formSame},
		{"a line break for a space is the same", "said\n", "said ", formSame},
		{"curly for straight quotes is typography", `"not" `, "“not” ", formTypography},
		{"an apostrophe's form is typography", "Putin's ", "Putin’s ", formTypography},
		{"a dash for two hyphens is typography", "UPI) -- ", "UPI) — ", formTypography},
		{"a changed punctuation mark is typography", "Tillerson, ", "Tillerson; ", formTypography},
		{"a question mark for a full stop is different", "said. ", "said? ", formDifferent},
		{"an exclamation mark for a full stop is different", "won. ", "won! ", formDifferent},
		{"a dropped percent sign is different", "5% ", "5 ", formDifferent},
		{"a per-mille sign for a percent sign is different", "5% ", "5‰ ", formDifferent},
		{"a full-width percent sign is typography", "5％ ", "5% ", formTypography},
		{"an ampersand for a slash is different", "R/D ", "R&D ", formDifferent},
		{"an added full stop is typography", "U.S. ", "US ", formTypography},
		{"case is typography", "MOSCOW ", "Moscow ", formTypography},
		{"a compatibility ligature is typography", "ﬁre ", "fire ", formTypography},
		{"a full-width sign is typography", "５＄ ", "５$ ", formTypography},
		{"a zero-width space is typography", "Put\u200bin ", "Putin ", formTypography},
		{"the emoji look of a heart is typography", "love ❤\ufe0f ", "love ❤ ", formTypography},
		{"a final sigma is typography", "ΟΔΟΣ ", "οδος ", formTypography},
		{"a swapped flag is different", "flag 🇺🇸 ", "flag 🇬🇧 ", formDifferent},
		{"an added emoji is different", "wins ", "wins 🎉 ", formDifferent},
		{"a dropped emoji is different", "wins 🎉 ", "wins ", formDifferent},
		{"a changed skin tone is different", "up 👍🏻 ", "up 👍🏿 ", formDifferent},
		{"a changed currency sign is different", "5 $ ", "5 € ", formDifferent},
		{"a changed mathematical sign is different", "5 + ", "5 - ", formDifferent},
		{"an invalid byte is different", "caf\xe9 ", "caf ", formDifferent},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := compareForm(tt.x, tt.y); got != tt.want {
				t.Errorf("compareForm(%q, %q) = %d, want %d", tt.x, tt.y, got, tt.want)
			}
			if got := compareForm(tt.y, tt.x); got != tt.want {
				t.Errorf("compareForm(%q, %q) = %d, want %d (reversed)", tt.y, tt.x, got, tt.want)
			}
		})
	}
}

func TestSymbolDifferencesAreEditsNotCosmetic(t *testing.T) {
	const (
		head = "Moscow initially said Putin would not meet with Tillerson, "
		tail = " but later relented after two days of talks between the foreign ministers."
	)
	tests := []struct {
		name  string
		a, b  string
		edits []string // the passage's edits, rendered by renderEdit
	}{
		{
			"a swapped flag is deleted and inserted",
			head + "flag 🇺🇸 raised" + tail, head + "flag 🇬🇧 raised" + tail,
			[]string{"=Moscow … flag ", "-🇺🇸 ", "+🇬🇧 ", "=raised … ministers."},
		},
		{
			"an added emoji is inserted after its word",
			head + "a win" + tail, head + "a win 🎉" + tail,
			[]string{"=Moscow … win ", "+🎉 ", "=but … ministers."},
		},
		{
			"punctuation before a dropped emoji stays cosmetic",
			head + "a win, 🎉 then" + tail, head + "a win. then" + tail,
			[]string{"=Moscow … a ", "~win, ~win. ", "-🎉 ", "=then … ministers."},
		},
		{
			"an exclamation for a full stop is deleted",
			head + "a win! then" + tail, head + "a win. then" + tail,
			[]string{"=Moscow … a ", "~win~win. ", "-! ", "=then … ministers."},
		},
		{
			"a dropped percent sign is deleted",
			head + "up 5% then" + tail, head + "up 5 then" + tail,
			[]string{"=Moscow … 5", "-% ", "=then … ministers."},
		},
		{
			"an emoji's look alone stays cosmetic",
			head + "love ❤\ufe0f for" + tail, head + "love ❤ for" + tail,
			[]string{"=Moscow … Tillerson, ", "~love ❤\ufe0f ~love ❤ ", "=for … ministers."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := analyze(t, tt.a, tt.b)
			if len(r.Pairs) != 1 || len(r.Pairs[0].Passages) != 1 {
				t.Fatalf("want one passage, got %+v", r.Pairs)
			}
			ps := r.Pairs[0].Passages[0]
			var got []string
			for _, e := range ps.Edits {
				got = append(got, renderEdit(tt.a, tt.b, e))
			}
			if strings.Join(got, "|") != strings.Join(tt.edits, "|") {
				t.Errorf("edits\n%q\nwant\n%q", got, tt.edits)
			}
			if want := len(tokenize(tt.a, nil)); ps.Words != want {
				t.Errorf("%d shared words, want every word (%d): a symbol is no word", ps.Words, want)
			}
		})
	}
}

// renderEdit shows an edit as "=A" (equal), "~A~B" (cosmetic), "-A" or
// "+B", its text shortened to its first and last words when long.
func renderEdit(a, b string, e Edit) string {
	short := func(s string) string {
		if w := strings.Fields(s); len(w) > 4 {
			lead := s[:len(s)-len(strings.TrimLeft(s, " "))]
			trail := s[len(strings.TrimRight(s, " ")):]
			return fmt.Sprintf("%s%s … %s%s", lead, w[0], w[len(w)-1], trail)
		}
		return s
	}
	x, y := a[e.A.Start:e.A.End], b[e.B.Start:e.B.End]
	switch {
	case e.Op == Delete:
		return "-" + short(x)
	case e.Op == Insert:
		return "+" + short(y)
	case e.Cosmetic:
		return "~" + x + "~" + y
	}
	return "=" + short(x)
}
