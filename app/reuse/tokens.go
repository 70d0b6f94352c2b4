package reuse

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// A token is one word of a document: its byte span in the original text
// and a hash of its normalised form. Two tokens are the same word exactly
// when their hashes are equal; at 64 bits a collision between the few
// hundred thousand distinct words of a corpus is negligible, and comparing
// integers keeps the hot loops free of strings and maps.
type token struct {
	start, end int32
	hash       uint64
}

// tokenize appends the words of text to dst and returns it.
//
// A word is a maximal run of letters, digits and combining marks, in any
// script, that starts with a letter or a digit: a mark that follows no
// letter, such as the variation selector that gives ❤ its emoji look, is
// no word. Inside a word it also keeps an apostrophe between two letters
// (straight or curly: "Putin's"), the periods of an abbreviation or an
// initial ("U.S.", "V."), a period or comma between two digits ("1,000", "2.5"), and
// invisible characters a paste carries (soft hyphens, zero-width spaces
// and joiners, the byte-order mark), which normalisation then drops.
// Hyphens and dashes split words, so "face-to-face" and "face to face"
// match. Han ideographs and kana, written without spaces, are one token
// per character, with the marks that follow it (a decomposed が is one
// token, as its composed form is). Bytes that are not valid UTF-8
// separate words and are otherwise ignored, so offsets stay offsets into
// the bytes as given.
func tokenize(text string, dst []token) []token {
	return tokenizeRange(text, 0, len(text), dst)
}

// tokenizeRange appends the words that start in text[from:to], with
// offsets into text. A range that ends at white space splits no word.
func tokenizeRange(text string, from, to int, dst []token) []token {
	for i := from; i < to; {
		c := text[i]
		if c < utf8.RuneSelf {
			if !isASCIIAlnum(c) {
				i++
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			if isSpaceless(r) {
				end := i + size
				for end < len(text) {
					m, n := utf8.DecodeRuneInString(text[end:])
					if !unicode.IsMark(m) {
						break
					}
					end += n
				}
				dst = append(dst, token{int32(i), int32(end), hashWord(text[i:end])})
				i = end
				continue
			}
			if !isWordStart(r) {
				i += size
				continue
			}
		}
		end := scanWord(text, i)
		dst = append(dst, token{int32(i), int32(end), hashWord(text[i:end])})
		i = end
	}
	return dst
}

// scanWord returns the end of the word that starts at text[start], which
// is a letter, digit or mark.
func scanWord(text string, start int) int {
	i := start
	prev := rune(0) // last rune that counts as part of the word
	abbreviation := false
	for i < len(text) {
		c := text[i]
		if c < utf8.RuneSelf {
			if isASCIIAlnum(c) {
				prev = rune(c)
				i++
				continue
			}
			// Any other ASCII character but a joiner ends the word: it is
			// no letter, digit, mark or invisible character. Deciding that
			// here spares the space after every word three look-ups in
			// the Unicode tables (IsMark has no fast path for ASCII).
			if !isJoiner(rune(c)) {
				return i
			}
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return i
		case isSpaceless(r):
			return i
		case isWordRune(r):
			prev = r
		case isIgnorable(r):
			// Invisible: part of the word, dropped by normalisation.
		case isJoiner(r):
			next, nsize := utf8.DecodeRuneInString(text[i+size:])
			if !joins(prev, r, next) || nsize == 0 {
				// The final period of "U.S." or of an initial ("Andrew
				// V. Pestano") belongs to the word: it ends no sentence.
				if r == '.' && (abbreviation || i-start == utf8.RuneLen(prev) && unicode.IsUpper(prev)) {
					return i + size
				}
				return i
			}
			abbreviation = abbreviation || r == '.' && unicode.IsLetter(prev)
		default:
			return i
		}
		i += size
	}
	return i
}

// joins reports whether punctuation r between prev and next keeps the two
// halves in one word.
func joins(prev, r, next rune) bool {
	switch r {
	case '\'', '’', 'ʼ':
		return unicode.IsLetter(prev) && unicode.IsLetter(next)
	case '.':
		return unicode.IsLetter(prev) && unicode.IsLetter(next) ||
			unicode.IsDigit(prev) && unicode.IsDigit(next)
	case ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// isWordStart reports whether r may start a word: marks only continue one.
func isWordStart(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isJoiner(r rune) bool { return r == '\'' || r == '’' || r == 'ʼ' || r == '.' || r == ',' }

// isIgnorable reports characters that are invisible in print and must not
// split or change a word: a paste from a web page or a PDF is full of them.
func isIgnorable(r rune) bool {
	switch r {
	case '\u00AD', // soft hyphen
		'\u200B', '\u200C', '\u200D', // zero-width space, non-joiner, joiner
		'\u2060', '\uFEFF': // word joiner, byte-order mark
		return true
	}
	return false
}

// isSpaceless reports characters of scripts written without spaces
// between words, where each character is its own token.
func isSpaceless(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r))
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// hashWord hashes the normalised form of a word: NFKC, lower case,
// apostrophes unified, periods and invisible characters dropped, so that
// "U.S." and "US", "Putin’s" and "Putin's", "ﬁre" and "fire" are one word.
func hashWord(w string) uint64 {
	h := uint64(fnvOffset)
	ascii := true
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		if c == '.' {
			continue
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		h = (h ^ uint64(c)) * fnvPrime
	}
	if ascii {
		return mix(h)
	}
	if !norm.NFKC.IsNormalString(w) {
		w = norm.NFKC.String(w)
	}
	h = fnvOffset
	var buf [utf8.UTFMax]byte
	for _, r := range w {
		switch {
		case r == '.' || isIgnorable(r):
			continue
		case r == '’' || r == 'ʼ':
			r = '\''
		case r == 'ς':
			r = 'σ' // final sigma is a spelling of sigma
		default:
			r = unicode.ToLower(r)
		}
		n := utf8.EncodeRune(buf[:], r)
		for _, b := range buf[:n] {
			h = (h ^ uint64(b)) * fnvPrime
		}
	}
	return mix(h)
}

// mix is the splitmix64 finaliser. FNV's low bits are weak, and winnowing
// picks minima, so the fingerprints need every bit well mixed.
func mix(h uint64) uint64 {
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}
