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
	var q quoteState
	pos := 0
	for n, w := range words {
		// Most gaps are a space or a comma: nothing to follow.
		for k := pos; k < int(w.start); k++ {
			if c := text[k]; c >= utf8.RuneSelf || quoteASCII[c] {
				k += q.mark(text[pos:w.start], k-pos, pos > 0) - 1
			}
		}
		dst[n] = q.double || q.single
		pos = int(w.end)
	}
	return dst
}

// quoteState is quotedWords' state: inside double quotes, inside single.
type quoteState struct{ double, single bool }

// mark follows the character at gap[i], where gap is the text between
// two words (afterWord) or before the first, and returns its length in
// bytes. It is a call of its own so that quotedWords' loop over plain
// bytes keeps its values in registers.
func (q *quoteState) mark(gap string, i int, afterWord bool) int {
	r, size := rune(gap[i]), 1
	if r >= utf8.RuneSelf {
		r, size = utf8.DecodeRuneInString(gap[i:])
	}
	switch r {
	case '\n', '\r', '\u2029':
		q.double, q.single = false, false
	case '"':
		q.double = !q.double
	case '“', '„', '«', '‹', '「', '『':
		// In English “ opens; in German it closes „…“.
		q.double = !(r == '“' && q.double)
	case '”', '»', '›', '」', '』':
		q.double = false
	case '‘':
		q.single = true
	case '’', '\'':
		atWordEnd := i == 0 && afterWord           // right after the previous word
		atWordStart := i+size == len(gap)          // right before this word
		afterSpace := i == 0 || isOpening(gap[:i]) // at a gap's start or after a space
		switch {
		case atWordEnd && q.single:
			q.single = false
		case r == '\'' && atWordStart && afterSpace:
			q.single = true
		}
	}
	return size
}

// quoteASCII marks the ASCII bytes that quotedWords acts on.
var quoteASCII = [utf8.RuneSelf]bool{'\n': true, '\r': true, '"': true, '\'': true}

// isOpening reports whether s, the part of a gap before a quote mark,
// ends in white space or an opening bracket, as before an opening quote.
func isOpening(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return unicode.IsSpace(r) || r == '(' || r == '[' || r == '—' || r == '–'
}
