package export

import (
	"html"
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
