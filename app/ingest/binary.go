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

// isStrayControl reports the one-byte control characters that have no
// place in text: the C0 controls but tab, line feed, carriage return and
// form feed, and DEL.
func isStrayControl(c byte) bool {
	return c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F
}

// strayControlAt returns the length of the stray control character that
// starts s[i:], 0 if none: a one-byte control (isStrayControl), or a C1
// control (U+0080 to U+009F, the bytes 0xC2 0x80 to 0xC2 0x9F), which
// text gets from Windows-1252 punctuation read as Latin-1 somewhere
// upstream and which shows as nothing.
func strayControlAt(s string, i int) int {
	switch {
	case isStrayControl(s[i]):
		return 1
	case s[i] == 0xC2 && i+1 < len(s) && 0x80 <= s[i+1] && s[i+1] <= 0x9F:
		return 2
	}
	return 0
}

// replaceControls replaces each stray control character of s (see
// strayControlAt) by spaces, byte for byte, and counts them. No byte of a
// stray control is part of another character, so valid text stays valid,
// invalid bytes stay as they are, and offsets stay where they were.
func replaceControls(s string) (string, int) {
	var b []byte // a copy of s once a control is found
	n := 0
	for i := 0; i < len(s); {
		k := strayControlAt(s, i)
		if k == 0 {
			i++
			continue
		}
		if b == nil {
			b = []byte(s)
		}
		n++
		for end := i + k; i < end; i++ {
			b[i] = ' '
		}
	}
	if n == 0 {
		return s, 0
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
