package ingest

import (
	"fmt"
	"unicode/utf16"
	"unicode/utf8"
)

// invalidNote says what becomes of bytes that are not valid UTF-8, in
// words true of the web app (which stores � for them) and of the command
// line (which keeps them, so offsets stay file offsets, and shows them as
// � as a terminal and the HTML report do).
func invalidNote(n int) string {
	if n == 1 {
		return "1 byte is not valid UTF-8, nor text in Windows-1252 (Latin-1): it shows as � and separates words; the file may use another encoding"
	}
	return fmt.Sprintf("%d bytes are not valid UTF-8, nor text in Windows-1252 (Latin-1): they show as � and separate words; the file may use another encoding", n)
}

// countInvalid counts the bytes of s that are not part of a valid UTF-8
// encoding.
func countInvalid(s string) int {
	if utf8.ValidString(s) {
		return 0 // the common case, checked eight bytes at a time
	}
	n := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			n++
		}
		i += size
	}
	return n
}

// windows1252 maps the bytes 0x80 to 0x9F of Windows-1252 to Unicode; 0
// marks the five bytes it leaves undefined. Every other byte is the code
// point of the same number, as in Latin-1 (ISO 8859-1), of which
// Windows-1252 is a superset in all but those 32 control codes.
var windows1252 = [32]rune{
	'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ',
}

// readsAsWindows1252 reports whether data, a file's bytes, is better read
// as Windows-1252 than as UTF-8. Older Western European files (Windows
// Notepad's "ANSI", Latin-1 web pages) write é as the one byte 0xE9,
// which is not valid UTF-8; read as UTF-8 such a file loses each accented
// letter. The rule, in order:
//
//   - Valid UTF-8 is UTF-8: it is what almost every file is today, and
//     English text in Windows-1252 is plain ASCII, which reads alike.
//   - Every byte must be text in Windows-1252: none of the five bytes it
//     leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). Controls are left
//     to binaryKind and replaceControls.
//   - The text must be mostly ASCII: no more bytes of 0x80 and above than
//     ASCII letters. French, German or Spanish write an accented letter
//     among many plain ones; Russian or Greek in their own 8-bit
//     encodings, and binary data, are mostly high bytes, and reading them
//     as Windows-1252 would only make other nonsense.
//   - The high bytes must mostly not be UTF-8: more of them invalid than
//     in valid UTF-8 sequences (or in one cut short by the end of the
//     file). A UTF-8 file with a few damaged bytes keeps its UTF-8
//     reading, and with it its other accents; in Windows-1252 text an
//     accented letter stands alone between ASCII letters and hardly ever
//     makes a valid sequence with its neighbour.
//
// Central European text in Windows-1250 or Latin-2 passes these tests too
// and reads with some letters wrong (ł as ³): the note says which
// encoding was assumed.
func readsAsWindows1252(data []byte) bool {
	if utf8.Valid(data) {
		return false
	}
	high, letters, invalid, valid := 0, 0, 0, 0
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
				letters++
			}
			i++
			continue
		}
		high++
		if c <= 0x9F && windows1252[c-0x80] == 0 {
			return false
		}
		if !utf8.FullRune(data[i:]) {
			// A UTF-8 sequence cut short by the end of the file, as by a
			// tool that cut it at a byte count: the rest was UTF-8. Its
			// bytes must still be Windows-1252, should it be read so.
			for _, b := range data[i+1:] {
				if b <= 0x9F && windows1252[b-0x80] == 0 {
					return false
				}
			}
			valid += len(data) - i
			break
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			invalid++
			i++
			continue
		}
		valid += size
		high += size - 1
		for _, b := range data[i+1 : i+size] {
			if b <= 0x9F && windows1252[b-0x80] == 0 {
				return false
			}
		}
		i += size
	}
	return high <= letters && invalid > valid
}

// decodeWindows1252 converts Windows-1252 bytes to UTF-8.
func decodeWindows1252(data []byte) []byte {
	out := make([]byte, 0, len(data)+len(data)/8)
	for _, c := range data {
		switch {
		case c < utf8.RuneSelf:
			out = append(out, c)
		case c <= 0x9F:
			out = utf8.AppendRune(out, windows1252[c-0x80])
		default:
			out = utf8.AppendRune(out, rune(c))
		}
	}
	return out
}

// decodeUTF16 converts text that starts with a UTF-16 byte order mark, as
// Windows editors save "Unicode" files; without it UTF-16 is rejected as
// binary by its NUL bytes.
func decodeUTF16(data []byte) ([]byte, bool) {
	if len(data) < 2 {
		return nil, false
	}
	var big bool
	switch {
	case data[0] == 0xFE && data[1] == 0xFF:
		big = true
	case data[0] == 0xFF && data[1] == 0xFE:
		if len(data) >= 4 && data[2] == 0 && data[3] == 0 {
			return nil, false // UTF-32: not supported, reported as binary
		}
	default:
		return nil, false
	}
	body := data[2:]
	units := make([]uint16, 0, len(body)/2)
	for i := 0; i+1 < len(body); i += 2 {
		if big {
			units = append(units, uint16(body[i])<<8|uint16(body[i+1]))
		} else {
			units = append(units, uint16(body[i+1])<<8|uint16(body[i]))
		}
	}
	runes := utf16.Decode(units)
	out := make([]byte, 0, len(runes)+len(runes)/2)
	for _, r := range runes {
		out = utf8.AppendRune(out, r)
	}
	return out, true
}
