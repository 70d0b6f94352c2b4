package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A Span is a half-open range [Start, End) of byte offsets into a text.
type Span struct{ Start, End int }

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// A sent is one sentence of a parsed text: its bytes, the white space that
// followed it inside its paragraph, and where it came from.
type sent struct {
	text, sep string
	src       Span
}

// A para is one paragraph: a non-blank line, trimmed.
type para struct {
	src   Span
	sents []sent
}

func (p para) words() int {
	n := 0
	for _, s := range p.sents {
		n += len(strings.Fields(s.text))
	}
	return n
}

// parse splits text into paragraphs (non-blank lines; Wikinews stores one
// paragraph a line) and those into sentences, keeping byte offsets.
func parse(text string) []para {
	var out []para
	for off := 0; off < len(text); {
		end := strings.IndexByte(text[off:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += off
		}
		line := text[off:end]
		l := strings.TrimLeftFunc(line, unicode.IsSpace)
		start := off + len(line) - len(l)
		l = strings.TrimRightFunc(l, unicode.IsSpace)
		if l != "" {
			out = append(out, para{src: Span{start, start + len(l)}, sents: sentences(l, start)})
		}
		off = end + 1
	}
	return out
}

// abbreviations end in a period without ending a sentence.
var abbreviations = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Dr": true, "St": true, "Jr": true, "Sr": true,
	"Gen": true, "Gov": true, "Sen": true, "Rep": true, "Lt": true, "Col": true, "Capt": true,
	"Sgt": true, "Prof": true, "No": true, "Inc": true, "Corp": true, "Ltd": true, "Co": true,
	"Jan": true, "Feb": true, "Aug": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"vs": true, "Mt": true, "Ft": true, "Rev": true,
}

// sentences splits one paragraph p, found at offset base, at sentence ends:
// . ! or ? (and any closing quotes) followed by space and a capital, a
// digit or an opening quote, unless the period ends an abbreviation.
func sentences(p string, base int) []sent {
	var out []sent
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) {
			r, n := utf8.DecodeRuneInString(p[j:])
			if !strings.ContainsRune(`"')]”’`, r) {
				break
			}
			j += n
		}
		k := j
		for k < len(p) {
			r, n := utf8.DecodeRuneInString(p[k:])
			if !unicode.IsSpace(r) {
				break
			}
			k += n
		}
		if k == j || k >= len(p) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(p[k:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune(`"“‘(`, next) {
			continue
		}
		if c == '.' && isAbbreviation(p[start:i]) {
			continue
		}
		out = append(out, sent{text: p[start:j], sep: p[j:k], src: Span{base + start, base + j}})
		start = k
		i = k - 1
	}
	return append(out, sent{text: p[start:], src: Span{base + start, base + len(p)}})
}

// isAbbreviation reports whether the text before a period ends with an
// abbreviation, an initial or an acronym like U.S.
func isAbbreviation(before string) bool {
	w := before[strings.LastIndexFunc(before, unicode.IsSpace)+1:]
	w = strings.TrimLeft(w, `"'(“‘`)
	if abbreviations[w] || strings.Contains(w, ".") {
		return true
	}
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && unicode.IsUpper(r)
}

// words splits s into lower-case runs of letters and digits, the way a
// reader (and any reasonable engine) sees words through typography.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// shingles returns the hashes of the k-word runs of s.
func shingles(s string, k int) map[uint64]bool {
	w := words(s)
	out := make(map[uint64]bool)
	for i := 0; i+k <= len(w); i++ {
		h := uint64(14695981039346656037)
		for _, x := range w[i : i+k] {
			for j := 0; j < len(x); j++ {
				h = (h ^ uint64(x[j])) * 1099511628211
			}
			h = (h ^ ' ') * 1099511628211
		}
		out[h] = true
	}
	return out
}

func shareAny(a, b map[uint64]bool) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	for h := range a {
		if b[h] {
			return true
		}
	}
	return false
}

func countShared(a, b map[uint64]bool) int {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for h := range a {
		if b[h] {
			n++
		}
	}
	return n
}

// field splits a white-space-delimited field into its leading punctuation,
// its word and its trailing punctuation.
func field(f string) (lead, word, trail string) {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	i := strings.IndexFunc(f, isWord)
	if i < 0 {
		return f, "", ""
	}
	j := strings.LastIndexFunc(f, isWord)
	_, n := utf8.DecodeRuneInString(f[j:])
	return f[:i], f[i : j+n], f[j+n:]
}

// matchCase gives repl the capitalisation of orig: all caps, a capital
// initial, or as is.
func matchCase(orig, repl string) string {
	if orig == "" || repl == "" {
		return repl
	}
	if len(orig) > 1 && strings.ToUpper(orig) == orig && strings.ToLower(orig) != orig {
		return strings.ToUpper(repl)
	}
	r, _ := utf8.DecodeRuneInString(orig)
	if unicode.IsUpper(r) {
		q, n := utf8.DecodeRuneInString(repl)
		return string(unicode.ToUpper(q)) + repl[n:]
	}
	return repl
}
