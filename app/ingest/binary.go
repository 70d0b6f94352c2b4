package ingest

import (
	"bytes"
	"fmt"
)

// controlsNote says how many stray control characters became spaces.
func controlsNote(n int) string {
	if n == 1 {
		return "1 control character (an invisible code such as NUL, common in text copied from the web) was replaced by a space"
	}
	return fmt.Sprintf("%d control characters (invisible codes such as NUL, common in text copied from the web) were replaced by spaces", n)
}

// isStrayControl reports the C0 control characters that have no place in
// text: all but tab, line feed, carriage return and form feed.
func isStrayControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f'
}

// replaceControls replaces each stray control character of s by a space,
// byte for byte, and counts them. A byte below 0x20 is never part of a
// longer UTF-8 sequence, so valid text stays valid and invalid bytes stay
// as they are.
func replaceControls(s string) (string, int) {
	n := 0
	for i := 0; i < len(s); i++ {
		if isStrayControl(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s, 0
	}
	b := []byte(s)
	for i, c := range b {
		if isStrayControl(c) {
			b[i] = ' '
		}
	}
	return string(b), n
}

// magics names common binary formats people mistake for text.
var magics = []struct {
	prefix, kind string
}{
	{"%PDF-", "a PDF file"},
	{"PK\x03\x04", "a ZIP archive or an office document (.docx, .odt)"},
	{"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", "an old office document (.doc)"},
	{"\x89PNG", "a PNG image"},
	{"\xFF\xD8\xFF", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"\x1F\x8B", "a gzip archive"},
	{"\x7FELF", "a program"},
	{"\xFF\xFE\x00\x00", "a binary file (UTF-32 text is not supported)"},
	{"\x00\x00\xFE\xFF", "a binary file (UTF-32 text is not supported)"},
}

// sniffLen bounds how much of the input the HTML test looks at, as
// browsers do, and is the start of a file the binary test also judges on
// its own.
const sniffLen = 8000

// strayMax is how many NUL bytes, or other control characters, any text
// may carry before their share counts: a short paste with a NUL or two in
// it is text.
const strayMax = 8

// binaryKind returns a description of a binary format, or "" for text.
// A binary file starts with a known signature, or has many NUL bytes
// (more than strayMax and more than one byte in 100) or many other
// control characters (more than strayMax and more than one byte in 10),
// in its first sniffLen bytes or in the whole. Text has a few at most:
// a stray NUL scraped from a web page, an escape code from a terminal.
func binaryKind(data []byte) string {
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return m.kind
		}
	}
	if controlHeavy(data[:min(len(data), sniffLen)]) || controlHeavy(data) {
		return "a binary file"
	}
	return ""
}

// controlHeavy reports whether b has too many NUL bytes or other control
// characters to be text (see binaryKind). Vertical tabs (line breaks in
// some word processors' text) and escapes (colour codes in terminal
// logs) count as neither.
func controlHeavy(b []byte) bool {
	nuls, controls := 0, 0
	for _, c := range b {
		if c >= 0x20 {
			continue
		}
		switch c {
		case 0:
			nuls++
			controls++
		case '\t', '\n', '\r', '\f', '\v', 0x1B:
		default:
			controls++
		}
	}
	return nuls > strayMax && nuls*100 > len(b) || controls > strayMax && controls*10 > len(b)
}
