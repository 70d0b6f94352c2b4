package reuse

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// How two copies write one shared word and the gap after it.
type form uint8

const (
	formSame       form = iota // byte for byte, runs of white space aside
	formTypography             // only typography differs: a cosmetic run
	formDifferent              // a symbol differs (an emoji, a currency sign): an edit
)

// compareForm compares a shared word with the gap after it, x on one
// side and y on the other. Only typography is cosmetic: see isTypography.
// Anything else that differs (emoji, currency and other symbols, which
// are never words, so they sit in the gap) is a difference a reader must
// see, not one the cosmetic toggle may hide.
func compareForm(x, y string) form {
	if sameForm(x, y, 0, len(x), 0, len(y)) {
		return formSame
	}
	if sameSubstance(x, y) {
		return formTypography
	}
	return formDifferent
}

// sameSubstance reports whether x and y are equal once typography is set
// aside: compatibility forms folded (NFKC: "ﬁ" is "fi", a full-width "＄"
// is "$"), case folded, and every typographic character dropped.
func sameSubstance(x, y string) bool {
	x, y = nfkc(x), nfkc(y)
	for {
		rx, nx := nextSubstance(x)
		ry, ny := nextSubstance(y)
		if rx != ry {
			return false
		}
		if rx < 0 {
			return true
		}
		x, y = x[nx:], y[ny:]
	}
}

func nfkc(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			if norm.NFKC.IsNormalString(s) {
				return s
			}
			return norm.NFKC.String(s)
		}
	}
	return s
}

// nextSubstance returns the first character of s that is not typography,
// in lower case, and where it ends; -1 at the end of s. A byte that is not
// valid UTF-8 is substance, as U+FFFD: it stands for a character unknown.
func nextSubstance(s string) (rune, int) {
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isTypography(r) {
			continue
		}
		if r == 'ς' {
			r = 'σ' // final sigma is a spelling of sigma, as in hashWord
		}
		return unicode.ToLower(r), i
	}
	return -1, len(s)
}

// typographyPrefix returns the length of the run of typography that
// starts gap.
func typographyPrefix(gap string) int {
	for i := 0; i < len(gap); {
		r, n := utf8.DecodeRuneInString(gap[i:])
		if !isTypography(r) {
			return i
		}
		i += n
	}
	return len(gap)
}

// isTypography reports the characters that only dress a text, which a
// copy desk or a publishing system changes without changing what it says:
//
//   - white space of every kind, and control characters;
//   - punctuation (Unicode's P categories): straight and curly quotes,
//     guillemets, apostrophes, hyphens and dashes, full stops, commas,
//     colons, semicolons, ellipses, brackets, slashes, asterisks,
//     bullets; but not the punctuation that says something of its own
//     (see saysSomething);
//   - the minus sign, which typesetting puts for a hyphen;
//   - invisible format characters (zero-width spaces and joiners, soft
//     hyphens, byte-order marks, direction marks) and variation
//     selectors, which choose between the text and the emoji look of one
//     character;
//   - the modifier letter apostrophe ʼ, and spacing accents (Unicode's Sk:
//     ` ´ ^ ¨), typed in place of quotes and apostrophes.
//
// Case and compatibility forms are typography too, folded before this
// test (see sameSubstance). Everything else is substance: letters,
// digits, the punctuation that says something, and symbols such as
// emoji, flags, currency and mathematical signs, ©, ° and the emoji
// skin-tone modifiers (which Unicode files under Sk but which change
// what an emoji shows).
func isTypography(r rune) bool {
	if saysSomething(r) {
		return false
	}
	if r < utf8.RuneSelf {
		// ASCII: white space, controls and punctuation. $ + < = > | ~ are
		// symbols; ^ and ` are spacing accents.
		return r <= ' ' || r == 0x7F || unicode.IsPunct(r) || r == '^' || r == '`'
	}
	switch {
	case r == utf8.RuneError:
		return false
	case unicode.IsSpace(r), unicode.IsPunct(r), unicode.IsControl(r), unicode.Is(unicode.Cf, r):
		return true
	case r == '\u2212', r == 'ʼ': // minus sign, modifier letter apostrophe
		return true
	case unicode.Is(unicode.Variation_Selector, r):
		return true
	case 0x1F3FB <= r && r <= 0x1F3FF: // emoji skin-tone modifiers
		return false
	}
	return unicode.Is(unicode.Sk, r)
}

// saysSomething reports the punctuation that changes what a text says, not
// how it is set, which a fact-checker must see: a question or an
// exclamation for a statement ("said." and "said?"), a percentage or a
// per-mille for a bare number ("5%", "5‰" and "5"), and the signs that
// stand for words (# for "number", @ for "at", & for "and", § for
// "section"). Full-width and small forms are folded to these first.
func saysSomething(r rune) bool {
	switch r {
	case '?', '!', '¿', '¡', '‽', '⁇', '⁈', '⁉', '؟', '%', '‰', '‱', '٪', '#', '@', '&', '§':
		return true
	}
	return false
}
