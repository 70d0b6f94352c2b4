package reuse

import (
	"unicode"
	"unicode/utf8"
)

// quotedWords reports, for each word, whether it stands inside quotation
// marks. Double quotes are followed exactly: straight ones toggle,
// typographic ones open and close (“ ” „ « » and their single-guillemet
// kin). Single quotes, the British style, are followed where they cannot
// be apostrophes: an apostrophe inside a word is part of the word and
// never reaches here, a ‘ or a ' that stands before a word after a space
// opens, and a ’ or ' right after a word closes what one opened — so the
// players' union stays unquoted. A line break ends any open quotation:
// news style opens every paragraph of a long quote again and closes only
// the last, so a paragraph is the safe unit.
func quotedWords(text string, words []token, dst []bool) []bool {
	if cap(dst) < len(words) {
		dst = make([]bool, 0, len(words))
	}
	dst = dst[:len(words)]
	double, single := false, false
	pos := 0
	for n, w := range words {
		for k := pos; k < int(w.start); {
			r, size := rune(text[k]), 1
			if r < utf8.RuneSelf && !quoteASCII[r] {
				// Most gaps are a space or a comma: nothing to follow.
				k++
				continue
			}
			gap, i := text[pos:w.start], k-pos
			if r >= utf8.RuneSelf {
				r, size = utf8.DecodeRuneInString(gap[i:])
			}
			switch r {
			case '\n', '\r', '\u2029':
				double, single = false, false
			case '"':
				double = !double
			case '“', '„', '«', '‹', '「', '『':
				// In English “ opens; in German it closes „…“.
				double = !(r == '“' && double)
			case '”', '»', '›', '」', '』':
				double = false
			case '‘':
				single = true
			case '’', '\'':
				atWordEnd := i == 0 && pos > 0             // right after the previous word
				atWordStart := i+size == len(gap)          // right before this word
				afterSpace := i == 0 || isOpening(gap[:i]) // at a gap's start or after a space
				switch {
				case atWordEnd && single:
					single = false
				case r == '\'' && atWordStart && afterSpace:
					single = true
				}
			}
			k += size
		}
		dst[n] = double || single
		pos = int(w.end)
	}
	return dst
}

// quoteASCII marks the ASCII bytes that quotedWords acts on.
var quoteASCII = [utf8.RuneSelf]bool{'\n': true, '\r': true, '"': true, '\'': true}

// isOpening reports whether s, the part of a gap before a quote mark,
// ends in white space or an opening bracket, as before an opening quote.
func isOpening(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–'
}
