package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextKeepsPlainTextByteForByte(t *testing.T) {
	tests := []struct {
		name, file, in string
		invalid        int
	}{
		{"plain ASCII is unchanged", "a.txt", "Moscow said Putin would not meet Tillerson.", 0},
		{"Windows line endings stay so offsets stay file offsets", "a.txt", "one\r\ntwo\r\n", 0},
		{"a UTF-8 byte order mark is kept in place", "a.txt", "\xEF\xBB\xBFhello", 0},
		{"curly quotes and dashes are unchanged", "", "Lavrov said “no” — twice…", 0},
		{"invalid bytes are kept in place and counted", "a.txt", "caf\xe9 au lait \xff\xfe", 3},
		{"a truncated multi-byte sequence counts each byte", "a.txt", "end \xe2\x80", 2},
		{"text starting with < but no tag is not HTML", "", "<3 this story", 0},
		{"a markdown file is plain text", "notes.md", "# Title\n\nBody *text*.", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			if res.Text != tt.in {
				t.Errorf("Text = %q, want the input %q", res.Text, tt.in)
			}
			if res.FromHTML || res.Converted {
				t.Errorf("FromHTML=%v Converted=%v, want plain text", res.FromHTML, res.Converted)
			}
			if res.InvalidBytes != tt.invalid {
				t.Errorf("InvalidBytes = %d, want %d", res.InvalidBytes, tt.invalid)
			}
			if (tt.invalid > 0) != (len(res.Notes) > 0) {
				t.Errorf("Notes = %q, want a note exactly when bytes are invalid", res.Notes)
			}
		})
	}
}

func TestTextNotesInvalidBytesInPlainWords(t *testing.T) {
	res, err := Text("a.txt", []byte("caf\xe9 \xe9\xe9"))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Notes) != 1 || !strings.HasPrefix(res.Notes[0], "3 bytes are not valid UTF-8") {
		t.Errorf("Notes = %q, want one note starting with the count", res.Notes)
	}
}

func TestTextRefusesBadInputWithClearErrors(t *testing.T) {
	tests := []struct {
		name     string
		file     string
		in       []byte
		want     error
		contains string
	}{
		{"an empty file has no text", "a.txt", nil, ErrEmpty, "empty"},
		{"only whitespace has no text", "a.txt", []byte(" \n\t\r\n "), ErrEmpty, "only spaces"},
		{"HTML with only markup has no text", "a.html", []byte("<html><head><title>T</title></head><body><script>x()</script></body></html>"), ErrEmpty, "no readable text"},
		{"many NUL bytes mean binary", "a.bin", bytes.Repeat([]byte("abcd\x00"), 100), ErrBinary, "binary"},
		{"NUL bytes in more than one byte in 100 mean binary", "a.txt", append(bytes.Repeat([]byte("words "), 160), bytes.Repeat([]byte{0}, 12)...), ErrBinary, "binary"},
		{"many control bytes mean binary", "a.bin", bytes.Repeat([]byte{1, 2, 3, 'a'}, 100), ErrBinary, "binary"},
		{"binary data after the first 8,000 bytes means binary", "a.txt", append(bytes.Repeat([]byte("words "), 1500), bytes.Repeat([]byte{0, 1, 2, 0xFF}, 1500)...), ErrBinary, "binary"},
		{"nothing but control characters and spaces is binary", "", []byte("\x00\x00 \x01\n"), ErrBinary, "binary"},
		{"a PDF is named", "report.txt", []byte("%PDF-1.7\n%âãÏÓ\n1 0 obj"), ErrBinary, "PDF"},
		{"a .docx is named", "a.docx", []byte("PK\x03\x04\x14\x00\x06\x00"), ErrBinary, "office document"},
		{"a PNG is named", "a.png", []byte("\x89PNG\r\n\x1a\n\x00\x00"), ErrBinary, "PNG image"},
		{"UTF-32 is binary", "a.txt", []byte("\xFF\xFE\x00\x00a\x00\x00\x00"), ErrBinary, "binary"},
		{"over 20 MiB is too large", "a.txt", bytes.Repeat([]byte("a "), MaxBytes/2+1), ErrTooLarge, "20 MiB"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Text(tt.file, tt.in)
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			if !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("err = %q, want it to mention %q", err, tt.contains)
			}
		})
	}
}

func TestTextReplacesStrayControlCharactersBySpaces(t *testing.T) {
	long := strings.Repeat("words ", 1500) // 9,000 bytes
	tests := []struct {
		name, file, in, want string
		controls             int
	}{
		{"one NUL in a paste becomes a space", "", "Putin\x00met Tillerson", "Putin met Tillerson", 1},
		{"one NUL in a file becomes a space", "a.txt", "Putin\x00met Tillerson", "Putin met Tillerson", 1},
		{"a NUL after byte 8,000 is replaced with a note too", "a.txt", long + "\x00end", long + " end", 1},
		{"eight NULs in a short text are still stray", "a.txt", "a\x00\x00\x00\x00\x00\x00\x00\x00b", "a        b", 8},
		{"bell, escape and vertical tab become spaces", "a.txt", "ring\x07 \x1b[1mbold\x1b[0m line\vbreak", "ring   [1mbold [0m line break", 4},
		{"tabs, line breaks and form feeds stay", "a.txt", "a\tb\nc\r\nd\fe", "a\tb\nc\r\nd\fe", 0},
		{"a control character next to invalid UTF-8 leaves the invalid byte", "a.txt", "caf\xe9\x00au lait", "caf\xe9 au lait", 1},
		{"control characters in HTML text become spaces", "a.html", "<p>Putin\x01met</p>", "Putin met", 1},
		{"control characters in UTF-16 text become spaces", "a.txt", "\xFF\xFEa\x00\x00\x00b\x00", "a b", 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatalf("Text: %v", err)
			}
			if res.Text != tt.want || res.Controls != tt.controls {
				t.Errorf("Text = %q with %d controls, want %q with %d", res.Text, res.Controls, tt.want, tt.controls)
			}
			if !res.FromHTML && !res.Converted && len(res.Text) != len(tt.in) {
				t.Errorf("plain text of %d bytes became %d bytes: offsets moved", len(tt.in), len(res.Text))
			}
			note := strings.Join(res.Notes, "; ")
			switch {
			case tt.controls == 1 && !strings.Contains(note, "1 control character (an invisible code such as NUL"):
				t.Errorf("Notes = %q, want one saying 1 control character was replaced", res.Notes)
			case tt.controls > 1 && !strings.Contains(note, fmt.Sprintf("%d control characters", tt.controls)):
				t.Errorf("Notes = %q, want one saying %d control characters were replaced", res.Notes, tt.controls)
			case tt.controls == 0 && strings.Contains(note, "control"):
				t.Errorf("Notes = %q, want no note about control characters", res.Notes)
			}
		})
	}
}

func TestTextAcceptsExactlyMaxBytes(t *testing.T) {
	if _, err := Text("a.txt", bytes.Repeat([]byte("a"), MaxBytes)); err != nil {
		t.Errorf("Text of MaxBytes bytes: %v", err)
	}
}

func TestTextDecodesUTF16WithByteOrderMark(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
	}{
		{"little endian", []byte("\xFF\xFEP\x00u\x00t\x00i\x00n\x00 \x00\x14\x20 \x00\x3d\xd8\x00\xde")},
		{"big endian", []byte("\xFE\xFF\x00P\x00u\x00t\x00i\x00n\x00 \x20\x14\x00 \xd8\x3d\xde\x00")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text("a.txt", tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if want := "Putin — 😀"; res.Text != want || !res.Converted {
				t.Errorf("Text = %q (Converted %v), want %q converted", res.Text, res.Converted, want)
			}
		})
	}
}

func TestTextRecognisesHTML(t *testing.T) {
	tests := []struct {
		name, file, in string
		html           bool
	}{
		{"by .html extension", "page.html", "just words", true},
		{"by .HTM extension in any case", `C:\pages\PAGE.HTM`, "just words", true},
		{"by doctype", "", "\n  <!DOCTYPE html><p>Hi</p>", true},
		{"by a paragraph tag", "", "<p>Hi there</p>", true},
		{"by a div with attributes", "", `<div class="story">Hi</div>`, true},
		{"after a comment", "", "<!-- saved page --><html><body>Hi</body></html>", true},
		{"after a byte order mark", "", "\xEF\xBB\xBF<html>Hi</html>", true},
		{"not by a tag later in the text", "", "Hi <b>there</b>", false},
		{"not by an unknown tag", "", "<hello> world", false},
		{"not by a word starting like a tag", "", "<pre-war era> notes", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if res.FromHTML != tt.html {
				t.Errorf("FromHTML = %v, want %v (text %q)", res.FromHTML, tt.html, res.Text)
			}
		})
	}
}

func TestTextExtractsReadableTextFromHTML(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"entities are decoded", "<p>Tom &amp; Jerry &lt;3 &ldquo;hi&rdquo; caf&#233;</p>", "Tom & Jerry <3 “hi” café"},
		{"paragraphs become blank lines", "<p>One.</p><p>Two.</p>", "One.\n\nTwo."},
		{"line breaks and list items become lines", "<ul><li>a</li><li>b</li></ul>x<br>y", "a\nb\n\nx\ny"},
		{"runs of spaces collapse", "<p>  lots \n\t of   space  </p>", "lots of space"},
		{"inline tags do not split words", "<p>un<b>believ</b>able <i>news</i>.</p>", "unbelievable news."},
		{"table cells keep their words apart", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"},
		{"scripts, styles and templates are dropped", "<p>a</p><script>var x = '<p>no</p>';</script><style>p{}</style><noscript>enable JS</noscript><template><p>t</p></template><p>b</p>", "a\n\nb"},
		{"the head is dropped even when not closed", "<html><head><title>Site</title><meta charset=utf-8><p>Body text</p>", "Body text"},
		{"svg drawings are dropped", "<p>a<svg><text>label</text></svg>b</p>", "ab"},
		{"preformatted text keeps its spaces", "<pre>a  b\n  c</pre><p>d   e</p>", "a  b\n  c\n\nd e"},
		{"no-break spaces are kept as text", "<p>10&nbsp;km</p>", "10\u00a0km"},
		{"a comment is not text", "<p>a<!-- hidden -->b</p>", "ab"},
		{"headings are their own paragraphs", "<h1>Title</h1>Lead<h2>Sub</h2>", "Title\n\nLead\n\nSub"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text("x.html", []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.want {
				t.Errorf("Text = %q, want %q", res.Text, tt.want)
			}
			if len(res.Notes) == 0 {
				t.Error("no note says the input was read as HTML")
			}
		})
	}
}

func FuzzText(f *testing.F) {
	f.Add("a.txt", []byte("plain words\r\nand more"))
	f.Add("", []byte("<p>Tom &amp; <b>Jerry</b><script>x</script></p>"))
	f.Add("a.html", []byte("<head><title>t</title><body><pre> a </pre>"))
	f.Add("a.txt", []byte("caf\xe9\xff"))
	f.Add("a.txt", []byte("\xFF\xFEa\x00\x00\xd8"))
	f.Add("", []byte("scraped\x00text \x1b[0m\v"))
	f.Add("a.html", []byte("<p>a\x01b\x00</p>"))
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		res, err := Text(name, data)
		if err != nil {
			if !errors.Is(err, ErrEmpty) && !errors.Is(err, ErrBinary) && !errors.Is(err, ErrTooLarge) {
				t.Fatalf("error %v is none of the sentinels", err)
			}
			return
		}
		if !res.FromHTML && !res.Converted {
			// Plain text keeps every byte, but for stray control
			// characters, each now one space: offsets stay file offsets.
			if len(res.Text) != len(data) {
				t.Fatalf("plain text changed length: %q -> %q", data, res.Text)
			}
			replaced := 0
			for i := range data {
				switch {
				case res.Text[i] == data[i]:
				case isStrayControl(data[i]) && res.Text[i] == ' ':
					replaced++
				default:
					t.Fatalf("plain text changed at byte %d: %q -> %q", i, data, res.Text)
				}
			}
			if replaced != res.Controls {
				t.Fatalf("Controls = %d, replaced %d", res.Controls, replaced)
			}
		}
		for i := 0; i < len(res.Text); i++ {
			if isStrayControl(res.Text[i]) {
				t.Fatalf("control character %q left at byte %d of %q", res.Text[i], i, res.Text)
			}
		}
		if (res.Controls > 0) != strings.Contains(strings.Join(res.Notes, " "), "control character") {
			t.Fatalf("Controls = %d but Notes = %q", res.Controls, res.Notes)
		}
		invalid := 0
		for i, r := range res.Text {
			if r == utf8.RuneError {
				if _, size := utf8.DecodeRuneInString(res.Text[i:]); size == 1 {
					invalid++
				}
			}
		}
		if invalid != res.InvalidBytes {
			t.Fatalf("InvalidBytes = %d, counted %d", res.InvalidBytes, invalid)
		}
		if strings.TrimSpace(res.Text) == "" {
			t.Fatalf("blank text %q accepted", res.Text)
		}
	})
}
