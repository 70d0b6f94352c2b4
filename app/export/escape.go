package export

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// EscapeText makes s safe as HTML element content or as a quoted
// attribute value: & < > " ' become entities. It is the one escaping
// function through which user text reaches HTML, in reports and in the
// app. Invalid UTF-8 and NUL bytes become U+FFFD, as a browser would show
// them, so the result is always valid UTF-8.
func EscapeText(s string) string {
	i := 0
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			if c == '&' || c == '<' || c == '>' || c == '"' || c == '\'' || c == 0 {
				break
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		i += size
	}
	if i == len(s) {
		return s // nothing to escape: the common case costs no allocation
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 8)
	b.WriteString(s[:i])
	for i < len(s) {
		c := s[i]
		if c < utf8.RuneSelf {
			switch c {
			case '&':
				b.WriteString("&amp;")
			case '<':
				b.WriteString("&lt;")
			case '>':
				b.WriteString("&gt;")
			case '"':
				b.WriteString("&quot;")
			case '\'':
				b.WriteString("&#39;")
			case 0:
				b.WriteString("\uFFFD")
			default:
				b.WriteByte(c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b.WriteString("\uFFFD")
		} else {
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// EscapeMarked is EscapeText for text a diff highlights: a deletion, an
// insertion, a difference in form. There an invisible character (a
// zero-width space, a soft hyphen, a direction mark) would show as an
// empty highlighted box, or as a difference nobody can see; so each one
// shows as a marker instead, its code point in a span of class
// "invisible" titled with its name:
//
//	<span class="invisible" title="zero-width space">U+200B</span>
//
// Joiners, variation selectors and tag characters are shown only where
// they follow nothing visible: after a letter or an emoji they belong to
// what they join or dress (❤️, 👨‍👩‍👧, the ZWNJ of Persian). The marker is
// fixed markup from a table; all of s still goes through EscapeText.
func EscapeMarked(s string) string {
	return markInvisible(s, func(b *strings.Builder, r rune, name string) {
		b.WriteString(`<span class="invisible" title="`)
		b.WriteString(name)
		b.WriteString(`">`)
		b.WriteString(codePoint(r))
		b.WriteString(`</span>`)
	}, EscapeText)
}

// ShowInvisible is EscapeMarked for plain text, such as a title
// attribute: each invisible character it would mark becomes its code
// point in brackets, "[U+200B]". The result is not escaped.
func ShowInvisible(s string) string {
	return markInvisible(s, func(b *strings.Builder, r rune, _ string) {
		b.WriteString("[" + codePoint(r) + "]")
	}, func(s string) string { return s })
}

// markInvisible writes s, each run between invisible characters through
// text and each invisible character through mark.
func markInvisible(s string, mark func(*strings.Builder, rune, string), text func(string) string) string {
	var b strings.Builder
	start := 0    // of the text not yet written
	seen := false // a visible character comes right before i
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		name, always := invisibleName(r)
		switch {
		case name == "":
			seen = !unicode.IsSpace(r)
		case !always && seen:
			// Part of what it follows: ❤️, 👨‍👩‍👧.
		default:
			if b.Len() == 0 {
				b.Grow(len(s) + 64)
			}
			b.WriteString(text(s[start:i]))
			mark(&b, r, name)
			start = i + size
			seen = false
		}
		i += size
	}
	if start == 0 {
		return text(s)
	}
	b.WriteString(text(s[start:]))
	return b.String()
}

// invisibleName names a character that shows nothing, and says whether it
// is shown always or only where it follows nothing visible (joiners and
// selectors, which belong to the character before them). It returns ""
// for every other character.
func invisibleName(r rune) (name string, always bool) {
	switch {
	case r < 0xAD:
		return "", false
	case 0xFE00 <= r && r <= 0xFE0F, 0xE0100 <= r && r <= 0xE01EF:
		return "variation selector", false
	case 0xE0020 <= r && r <= 0xE007F:
		return "tag character", false
	}
	switch r {
	case '\u00AD':
		return "soft hyphen", true
	case '\u034F':
		return "combining grapheme joiner", true
	case '\u061C':
		return "Arabic letter mark", true
	case '\u115F', '\u1160', '\u3164', '\uFFA0':
		return "Hangul filler", true
	case '\u180E':
		return "Mongolian vowel separator", true
	case '\u200B':
		return "zero-width space", true
	case '\u200C':
		return "zero-width non-joiner", false
	case '\u200D':
		return "zero-width joiner", false
	case '\u200E':
		return "left-to-right mark", true
	case '\u200F':
		return "right-to-left mark", true
	case '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069':
		return "direction control", true
	case '\u2060':
		return "word joiner", true
	case '\u2061', '\u2062', '\u2063', '\u2064':
		return "invisible operator", true
	case '\uFEFF':
		return "zero-width no-break space (byte order mark)", true
	case '\U000E0001':
		return "language tag", true
	}
	return "", false
}

// codePoint writes r as U+XXXX.
func codePoint(r rune) string {
	const hex = "0123456789ABCDEF"
	buf := []byte("U+")
	digits := 4
	if r > 0xFFFF {
		digits = 5
	}
	for d := digits - 1; d >= 0; d-- {
		buf = append(buf, hex[(r>>(4*d))&0xF])
	}
	return string(buf)
}
