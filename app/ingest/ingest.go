// Package ingest turns the bytes of a file or a paste into the text that
// wirediff analyses: it refuses binary files, reads Windows-1252 (Latin-1)
// files that are not valid UTF-8, counts invalid UTF-8, replaces stray
// control characters and extracts the readable text of HTML pages.
//
// Plain text is returned byte for byte as given (invalid bytes included:
// the engine treats them as word breaks), except that each stray control
// character, such as a NUL byte scraped from a web page, becomes one
// space; so every offset the engine reports is also an offset into the
// file. Only HTML, UTF-16 and Windows-1252 input is converted, and Result
// says so.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxBytes is the largest input Text accepts: far more than any article,
// small enough that a browser tab analysing it stays responsive.
const MaxBytes = 20 << 20

// Sentinel errors, usable with errors.Is. Their messages are written for
// the person who gave the file, not for a programmer.
var (
	ErrEmpty    = errors.New("no text")
	ErrBinary   = errors.New("looks like a binary file, not text")
	ErrTooLarge = errors.New("too large: the limit is 20 MiB")
)

// A Result is the text to analyse and what was done to get it.
type Result struct {
	// Text is the text to analyse. Unless FromHTML or Converted is set it
	// is exactly the input bytes.
	Text string
	// FromHTML reports that the input was HTML and Text is its readable
	// text, so offsets into Text are not offsets into the input.
	FromHTML bool
	// Converted reports that the input was re-encoded (UTF-16 or
	// Windows-1252 to UTF-8), so offsets into Text are not offsets into
	// the input.
	Converted bool
	// Windows1252 reports that the input was not valid UTF-8 and was read
	// as Windows-1252 (Latin-1) instead; Converted is set too.
	Windows1252 bool
	// InvalidBytes counts bytes that are not valid UTF-8.
	InvalidBytes int
	// Controls counts the control characters that were replaced by a
	// space each: C0 controls other than tab, line feed, carriage return
	// and form feed. One byte becomes one byte, so offsets do not move.
	Controls int
	// Notes are plain-language messages for the user about the above.
	Notes []string
}

// inputError carries a specific message while still matching a sentinel
// with errors.Is.
type inputError struct {
	msg  string
	kind error
}

func (e *inputError) Error() string        { return e.msg }
func (e *inputError) Is(target error) bool { return target == e.kind }

// Text turns a file's or a paste's bytes into text to analyse. name is a
// file name, or "" for a paste; it picks HTML by its .html or .htm
// extension, otherwise HTML is recognised by a doctype or a common tag at
// the start.
func Text(name string, data []byte) (Result, error) {
	if len(data) > MaxBytes {
		return Result{}, &inputError{
			msg:  fmt.Sprintf("too large (%s): the limit is 20 MiB", humanBytes(len(data))),
			kind: ErrTooLarge,
		}
	}
	var res Result
	if u, ok := decodeUTF16(data); ok {
		data = u
		res.Converted = true
		res.Notes = append(res.Notes, "read as UTF-16 and converted to UTF-8")
	} else if kind := binaryKind(data); kind != "" {
		return Result{}, &inputError{msg: "looks like " + kind + ", not text", kind: ErrBinary}
	} else if readsAsWindows1252(data) {
		data = decodeWindows1252(data)
		res.Converted = true
		res.Windows1252 = true
		res.Notes = append(res.Notes, "read as Windows-1252 (Latin-1) and converted to UTF-8: it is not valid UTF-8")
	}
	if isHTML(name, data) {
		res.FromHTML = true
		res.Text = htmlText(data)
		res.Notes = append(res.Notes, "read as HTML: only the readable text was kept")
	} else {
		res.Text = string(data)
	}
	if len(res.Text) > MaxBytes {
		// Converted text can be longer than its file: é is one byte in
		// Windows-1252, two in UTF-8.
		return Result{}, &inputError{
			msg:  fmt.Sprintf("too large once converted to UTF-8 (%s): the limit is 20 MiB", humanBytes(len(res.Text))),
			kind: ErrTooLarge,
		}
	}
	res.Text, res.Controls = replaceControls(res.Text)
	res.InvalidBytes = countInvalid(res.Text)
	if res.InvalidBytes > 0 {
		res.Notes = append(res.Notes, invalidNote(res.InvalidBytes))
	}
	if res.Controls > 0 {
		res.Notes = append(res.Notes, controlsNote(res.Controls))
	}
	if strings.TrimSpace(strings.Trim(res.Text, "\ufeff\u200b\u00a0")) == "" {
		msg := "no text: it is empty"
		switch {
		case res.Controls > 0:
			// Nothing but control characters and spaces is no text.
			return Result{}, &inputError{msg: "looks like a binary file, not text", kind: ErrBinary}
		case len(data) > 0 && res.FromHTML:
			msg = "no text: the page has no readable text"
		case len(data) > 0:
			msg = "no text: it holds only spaces and line breaks"
		}
		return Result{}, &inputError{msg: msg, kind: ErrEmpty}
	}
	return res, nil
}

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
			// tool that cut it at a byte count: the rest was UTF-8.
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

// htmlTags are tags that, at the very start of an input, mark it as HTML.
var htmlTags = []string{
	"!doctype html", "html", "head", "body", "meta", "title", "link",
	"p", "div", "article", "section", "main", "header", "span", "a",
	"h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "br", "b", "i",
	"strong", "em", "script", "style", "blockquote", "figure", "img",
}

// isHTML picks HTML by extension, or sniffs a doctype or a common tag at
// the start (after a byte order mark, whitespace and comments).
func isHTML(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/"))) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	head := data[:min(len(data), sniffLen)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	for {
		head = bytes.TrimLeft(head, " \t\r\n\f")
		if bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<!--")) {
			end := bytes.IndexByte(head, '>')
			if end < 0 {
				return false
			}
			head = head[end+1:]
			continue
		}
		break
	}
	if len(head) < 2 || head[0] != '<' {
		return false
	}
	lower := bytes.ToLower(head[1:min(len(head), 32)])
	for _, tag := range htmlTags {
		if bytes.HasPrefix(lower, []byte(tag)) {
			rest := lower[len(tag):]
			if len(rest) == 0 || rest[0] == '>' || rest[0] == ' ' || rest[0] == '/' ||
				rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' {
				return true
			}
		}
	}
	return false
}

func humanBytes(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
