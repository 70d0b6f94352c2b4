package reuse

import "unicode/utf8"

// quotedWords reports, for each word, whether it stands inside quotation
// marks. Straight double quotes toggle; typographic ones open and close
// (“ ” „ « » and their single-guillemet kin). A line break ends any open
// quotation: news style opens every paragraph of a long quote again and
// closes only the last, so a paragraph is the safe unit. Single quotes are
// ignored because the same character is an apostrophe.
func quotedWords(text string, words []token, dst []bool) []bool {
	dst = dst[:0]
	inside := false
	pos := 0
	for _, w := range words {
		for pos < int(w.start) {
			r, size := utf8.DecodeRuneInString(text[pos:])
			switch r {
			case '\n', '\r', '\u2029':
				inside = false
			case '"':
				inside = !inside
			case '“', '„', '«', '‹', '「', '『':
				// In English “ opens; in German it closes „…“.
				inside = !(r == '“' && inside)
			case '”', '»', '›', '」', '』':
				inside = false
			}
			pos += size
		}
		dst = append(dst, inside)
		pos = int(w.end)
	}
	return dst
}
