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
		{"invalid bytes among UTF-8 are kept in place and counted", "a.txt", "café au lait \xff\xfe", 2},
		{"a byte Windows-1252 leaves undefined is kept in place and counted", "a.txt", "caf\xe9 au lait \x81", 2},
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
	res, err := Text("a.txt", []byte("caf\x81 \x9d\x8d"))
	if err != nil {
		t.Fatal(err)
	}
	want := "3 bytes are not valid UTF-8, nor text in Windows-1252 (Latin-1): they show as � and separate words; the file may use another encoding"
	if len(res.Notes) != 1 || res.Notes[0] != want {
		t.Errorf("Notes = %q, want %q", res.Notes, want)
	}
	res, err = Text("a.txt", []byte("café \xff"))
	if err != nil {
		t.Fatal(err)
	}
	want = "1 byte is not valid UTF-8, nor text in Windows-1252 (Latin-1): it shows as � and separates words; the file may use another encoding"
	if len(res.Notes) != 1 || res.Notes[0] != want {
		t.Errorf("Notes = %q, want %q", res.Notes, want)
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
		{"over 20 MiB once converted to UTF-8 is too large", "a.txt", bytes.Repeat([]byte("caf\xe9"), MaxBytes/4), ErrTooLarge, "once converted to UTF-8"},
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
		{"a DEL becomes a space", "a.txt", "Putin\x7fmet", "Putin met", 1},
		{"a C1 control becomes two spaces, one a byte", "a.txt", "Putin\u0093s met", "Putin  s met", 1},
		{"C1 controls in a paste become spaces", "", "\u0085said\u009f\u0080", "  said    ", 3},
		{"letters after the C1 range stay", "a.txt", "caf\u00e9 \u00a0\u00ff", "caf\u00e9 \u00a0\u00ff", 0},
		{"a control character next to invalid UTF-8 leaves the invalid byte", "a.txt", "caf\x81\x00au lait", "caf\x81 au lait", 1},
		{"a control character in Windows-1252 text becomes a space", "a.txt", "caf\xe9\x00au lait", "café au lait", 1},
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

func TestTextReadsWindows1252WhenItIsNotUTF8(t *testing.T) {
	tests := []struct {
		name, file, in, want string
		windows1252          bool
	}{
		{"a Latin-1 café is read as Windows-1252", "a.txt", "Caf\xe9 au lait", "Café au lait", true},
		{"German letters are read as Windows-1252", "a.txt", "Gr\xfc\xdfe aus K\xf6ln", "Grüße aus Köln", true},
		{"Windows-1252 quotes, dashes and ellipses are read from its own table", "a.txt", "\x93Non\x94, dit-il \x96 l\x92h\xf4tel\x85", "“Non”, dit-il – l’hôtel…", true},
		{"the euro sign and the other 0x80 to 0x9F characters are read", "a.txt", "Prix \x80 \x82\x83\x84\x86\x87\x88\x89\x8a\x8b\x8c\x8e\x91\x95\x97\x98\x99\x9a\x9b\x9c\x9e\x9f and words, plenty of words",
			"Prix € ‚ƒ„†‡ˆ‰Š‹ŒŽ‘•—˜™š›œžŸ and words, plenty of words", true},
		{"a Latin-1 HTML page is read as Windows-1252", "page.html", "<p>Caf\xe9 &amp; cr\xe8me</p>", "Café & crème", true},
		{"valid UTF-8 stays UTF-8", "a.txt", "Café au lait", "Café au lait", false},
		{"UTF-8 with a damaged byte stays UTF-8", "a.txt", "Café crème \xff", "Café crème \xff", false},
		{"a byte Windows-1252 leaves undefined rules it out", "a.txt", "Caf\xe9 \x81", "Caf\xe9 \x81", false},
		{"text of mostly high bytes is not Windows-1252", "a.txt", "\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0", "\xcf\xf0\xe8\xe2\xe5\xf2 \xec\xe8\xf0", false},
		{"a UTF-8 file cut inside its last character stays UTF-8", "a.txt", "the end \xe2\x80", "the end \xe2\x80", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text(tt.file, []byte(tt.in))
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.want || res.Windows1252 != tt.windows1252 {
				t.Errorf("Text = %q (Windows1252 %v), want %q (%v)", res.Text, res.Windows1252, tt.want, tt.windows1252)
			}
			said := strings.Contains(strings.Join(res.Notes, "; "), "read as Windows-1252 (Latin-1) and converted to UTF-8")
			if said != tt.windows1252 || tt.windows1252 && (!res.Converted || res.InvalidBytes != 0) {
				t.Errorf("Notes = %q, Converted %v, InvalidBytes %d", res.Notes, res.Converted, res.InvalidBytes)
			}
		})
	}
}

func TestWindows1252TableMatchesLatin1AndTheStandard(t *testing.T) {
	// The five bytes Windows-1252 leaves undefined, and a few fixed points
	// of its table (Unicode's CP1252.TXT).
	undefined := map[byte]bool{0x81: true, 0x8D: true, 0x8F: true, 0x90: true, 0x9D: true}
	for c := 0x80; c <= 0x9F; c++ {
		if got := windows1252[c-0x80] == 0; got != undefined[byte(c)] {
			t.Errorf("byte %#x: undefined %v, want %v", c, got, undefined[byte(c)])
		}
	}
	for c, want := range map[byte]rune{0x80: '€', 0x85: '…', 0x92: '’', 0x96: '–', 0x97: '—', 0x99: '™', 0x9F: 'Ÿ', 0xA0: '\u00a0', 0xE9: 'é', 0xFF: 'ÿ'} {
		if got := string(decodeWindows1252([]byte{c})); got != string(want) {
			t.Errorf("byte %#x reads as %q, want %q", c, got, want)
		}
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
	f.Add("a.txt", []byte("\x93Caf\xe9\x94 cr\xe8me \x80 10"))
	f.Add("a.txt", []byte("Café \xe9 the end \xe2\x80"))
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
			for i := 0; i < len(data); {
				if k := strayControlAt(string(data), i); k > 0 {
					if res.Text[i:i+k] != strings.Repeat(" ", k) {
						t.Fatalf("the control character at byte %d of %q is %q, want spaces", i, data, res.Text[i:i+k])
					}
					replaced++
					i += k
					continue
				}
				if res.Text[i] != data[i] {
					t.Fatalf("plain text changed at byte %d: %q -> %q", i, data, res.Text)
				}
				i++
			}
			if replaced != res.Controls {
				t.Fatalf("Controls = %d, replaced %d", res.Controls, replaced)
			}
		}
		if res.Windows1252 {
			if utf8.Valid(data) || !res.Converted || !utf8.ValidString(res.Text) {
				t.Fatalf("read %q as Windows-1252: valid input %v, Converted %v, valid output %v", data, utf8.Valid(data), res.Converted, utf8.ValidString(res.Text))
			}
			if !res.FromHTML {
				// Read back into Windows-1252, the text is the input with
				// its stray controls replaced: nothing lost or added.
				if back, ok := encodeWindows1252(res.Text); !ok || len(back) != len(data) {
					t.Fatalf("Windows-1252 text %q does not encode back to %q", res.Text, data)
				} else {
					for i := range back {
						if back[i] != data[i] && !(isStrayControl(data[i]) && back[i] == ' ') {
							t.Fatalf("Windows-1252 text %q does not encode back to %q at byte %d", res.Text, data, i)
						}
					}
				}
			}
		}
		for i := 0; i < len(res.Text); i++ {
			if strayControlAt(res.Text, i) > 0 {
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

// encodeWindows1252 is the inverse of decodeWindows1252: ok is false for
// a character Windows-1252 cannot write.
func encodeWindows1252(s string) ([]byte, bool) {
	var out []byte
	for _, r := range s {
		if r < utf8.RuneSelf || 0xA0 <= r && r <= 0xFF {
			out = append(out, byte(r))
			continue
		}
		found := false
		for i, w := range windows1252 {
			if w != 0 && w == r {
				out = append(out, byte(0x80+i))
				found = true
				break
			}
		}
		if !found {
			return nil, false
		}
	}
	return out, true
}
