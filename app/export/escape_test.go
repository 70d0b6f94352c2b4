package export

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	xhtml "golang.org/x/net/html"
)

func TestEscapeText(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain text is returned as is", "Lavrov said no — twice…", "Lavrov said no — twice…"},
		{"markup characters become entities", `<a href="x">Tom & 'Jerry'</a>`, "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"},
		{"an entity in the text is shown, not decoded", "&amp; &lt;", "&amp;amp; &amp;lt;"},
		{"invalid UTF-8 becomes a replacement character", "caf\xe9!", "caf\uFFFD!"},
		{"NUL becomes a replacement character", "a\x00b", "a\uFFFDb"},
		{"empty stays empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EscapeText(tt.in); got != tt.want {
				t.Errorf("EscapeText(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// ourEntities are the only references EscapeText writes.
var ourEntities = []string{"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"}

func FuzzEscapeText(f *testing.F) {
	for _, s := range []string{"", "plain", `<script>alert("x")</script>`, "&amp;&#39;&", "'\"<>&", "\xff\x00<", "“quote” — ok"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := EscapeText(s)
		if strings.ContainsAny(out, "<>\"'\x00") {
			t.Fatalf("EscapeText(%q) = %q still holds a markup character", s, out)
		}
		for i := strings.IndexByte(out, '&'); i >= 0; i = nextAmp(out, i) {
			ok := false
			for _, e := range ourEntities {
				ok = ok || strings.HasPrefix(out[i:], e)
			}
			if !ok {
				t.Fatalf("EscapeText(%q) = %q has a bare & at %d", s, out, i)
			}
		}
		if !utf8.ValidString(out) {
			t.Fatalf("EscapeText(%q) = %q is not valid UTF-8", s, out)
		}
		want := strings.ToValidUTF8(strings.ReplaceAll(s, "\x00", "\uFFFD"), "\uFFFD")
		if !utf8.ValidString(s) {
			// ToValidUTF8 merges a run of invalid bytes; EscapeText
			// replaces each byte, as a browser does.
			want = ""
			for i := 0; i < len(s); {
				r, size := utf8.DecodeRuneInString(s[i:])
				if r == 0 {
					r = utf8.RuneError
				}
				want += string(r)
				i += size
			}
		}
		if got := html.UnescapeString(out); got != want {
			t.Fatalf("unescaping EscapeText(%q) gives %q, want %q", s, got, want)
		}
		// A browser parsing the result as a quoted attribute value and as
		// element content gets back exactly the text, and no element. (The
		// parser turns \r\n into \n, so compare those only without \r.)
		doc := "<p title=\"" + out + "\">" + out + "</p>"
		z := xhtml.NewTokenizer(strings.NewReader(doc))
		z.Next()
		_, val, _ := z.TagAttr()
		var text strings.Builder
		tags := 0
		for {
			tt := z.Next()
			if tt == xhtml.ErrorToken {
				break
			}
			if tt == xhtml.TextToken {
				text.Write(z.Text())
			} else {
				tags++
			}
		}
		if tags != 1 {
			t.Fatalf("%q parses into %d tags besides the <p>", doc, tags-1)
		}
		if !strings.ContainsRune(want, '\r') && (string(val) != want || text.String() != want) {
			t.Fatalf("%q parses as attribute %q and text %q, want %q", doc, val, text.String(), want)
		}
	})
}

func nextAmp(s string, i int) int {
	j := strings.IndexByte(s[i+1:], '&')
	if j < 0 {
		return -1
	}
	return i + 1 + j
}

func TestEscapeMarkedShowsInvisibleCharactersAsMarkers(t *testing.T) {
	zwsp := `<span class="invisible" title="zero-width space">U+200B</span>`
	tests := []struct{ name, in, want string }{
		{"visible text is escaped as EscapeText does", `Tom & "Jerry" <b>`, "Tom &amp; &quot;Jerry&quot; &lt;b&gt;"},
		{"a deleted zero-width space alone is a marker, not an empty box", "\u200b", zwsp},
		{"a zero-width space inside a word is a marker", "Put\u200bin", "Put" + zwsp + "in"},
		{"a soft hyphen is a marker", "inter\u00adnational", `inter<span class="invisible" title="soft hyphen">U+00AD</span>national`},
		{"a byte order mark is a marker", "\ufeffText", `<span class="invisible" title="zero-width no-break space (byte order mark)">U+FEFF</span>Text`},
		{"direction marks are markers", "\u200f\u202e", `<span class="invisible" title="right-to-left mark">U+200F</span><span class="invisible" title="direction control">U+202E</span>`},
		{"a variation selector after an emoji is part of it", "love ❤\ufe0f", "love ❤\ufe0f"},
		{"a variation selector after a space is a marker", "love \ufe0f", `love <span class="invisible" title="variation selector">U+FE0F</span>`},
		{"joiners inside an emoji sequence are part of it", "👨\u200d👩\u200d👧 ❤\ufe0f\u200d🔥", "👨\u200d👩\u200d👧 ❤\ufe0f\u200d🔥"},
		{"a zero-width non-joiner between Persian letters is part of the word", "می\u200cخواهم", "می\u200cخواهم"},
		{"a joiner alone is a marker", "\u200d", `<span class="invisible" title="zero-width joiner">U+200D</span>`},
		{"a tag character alone is a marker", " \U000E0067", ` <span class="invisible" title="tag character">U+E0067</span>`},
		{"markup around an invisible character is escaped", "<\u200b>", "&lt;" + zwsp + "&gt;"},
		{"invalid UTF-8 next to a marker is a replacement character", "\xff\u200b\x00", "\uFFFD" + zwsp + "\uFFFD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := EscapeMarked(tt.in); got != tt.want {
				t.Errorf("EscapeMarked(%q) =\n%q\nwant\n%q", tt.in, got, tt.want)
			}
		})
	}
	if got, want := ShowInvisible("Put\u200bin ❤\ufe0f"), "Put[U+200B]in ❤\ufe0f"; got != want {
		t.Errorf("ShowInvisible = %q, want %q", got, want)
	}
}

// markerRE matches the one piece of markup EscapeMarked writes; its title
// comes from a fixed table of names, never from the text.
var markerRE = regexp.MustCompile(`<span class="invisible" title="[a-zA-Z ()-]+">U\+([0-9A-F]{4,5})</span>`)

// unmark turns EscapeMarked's markers back into their characters.
func unmark(s string) string {
	return markerRE.ReplaceAllStringFunc(s, func(m string) string {
		cp, _ := strconv.ParseUint(markerRE.FindStringSubmatch(m)[1], 16, 32)
		return string(rune(cp))
	})
}

func FuzzEscapeMarked(f *testing.F) {
	for _, s := range []string{"", "plain", "Put\u200bin", "❤\ufe0f\u200d🔥 \ufe0f", "<\u00ad>&\xff\x00", "\U000E0001\U000E0067\u200c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := EscapeMarked(s)
		// Without its markers, the output is EscapeText's with the marked
		// characters in place: escaped text, nothing lost or added.
		rest := markerRE.ReplaceAllString(out, "")
		if strings.ContainsAny(rest, "<>\"'\x00") {
			t.Fatalf("EscapeMarked(%q) = %q holds markup besides its markers", s, out)
		}
		if got, want := unmark(out), EscapeText(s); got != want {
			t.Fatalf("EscapeMarked(%q) = %q, which unmarked is %q, want EscapeText's %q", s, out, got, want)
		}
		// ShowInvisible marks the same characters, in plain text. (It
		// keeps the invalid bytes and NULs that EscapeText replaces.)
		if utf8.ValidString(s) && !strings.ContainsRune(s, 0) {
			got, want := ShowInvisible(s), html.UnescapeString(markerRE.ReplaceAllString(out, "[U+$1]"))
			if got != want {
				t.Fatalf("ShowInvisible(%q) = %q, want %q", s, got, want)
			}
		}
	})
}
