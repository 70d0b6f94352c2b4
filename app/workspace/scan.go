package workspace

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"unicode/utf8"
)

// A jsonScanner steps through JSON text, finding where values end
// without decoding them, and calls tick every scanPiece bytes of a
// string.
type jsonScanner struct {
	data []byte
	i    int
	tick func()
}

// scanPiece is how many bytes of a string the scanner looks through
// between ticks.
const scanPiece = 256 << 10

// skipSpace moves past JSON white space and returns where it stopped.
func (s *jsonScanner) skipSpace() int {
	for s.i < len(s.data) && strings.IndexByte(" \t\r\n", s.data[s.i]) >= 0 {
		s.i++
	}
	return s.i
}

// take moves past white space and c, and reports whether c was there.
func (s *jsonScanner) take(c byte) bool {
	if s.skipSpace() < len(s.data) && s.data[s.i] == c {
		s.i++
		return true
	}
	return false
}

// str moves past the string that starts at s.i, its opening quote,
// reporting false if it has no closing quote.
func (s *jsonScanner) str() bool {
	open := s.i
	nextTick := open + scanPiece
	for i := open + 1; i < len(s.data); {
		if i >= nextTick {
			s.tick()
			nextTick = i + scanPiece
		}
		q := bytes.IndexByte(s.data[i:min(nextTick, len(s.data))], '"')
		if q < 0 {
			i = nextTick
			continue
		}
		q += i
		escapes := 0
		for k := q - 1; k > open && s.data[k] == '\\'; k-- {
			escapes++
		}
		if escapes%2 == 0 {
			s.i = q + 1
			return true
		}
		i = q + 1
	}
	return false
}

// key reads a member's name, unquoted as encoding/json unquotes it.
func (s *jsonScanner) key() (string, bool) {
	start := s.skipSpace()
	if start == len(s.data) || s.data[start] != '"' || !s.str() {
		return "", false
	}
	quoted := s.data[start:s.i]
	plain := true
	for _, c := range quoted[1 : len(quoted)-1] {
		plain = plain && c >= ' ' && c != '\\' && c < utf8.RuneSelf
	}
	if plain {
		return string(quoted[1 : len(quoted)-1]), true
	}
	var key string
	return key, json.Unmarshal(quoted, &key) == nil
}

// value moves past the value that starts at s.i: a string, an object or
// an array (its brackets matched, the rest left to encoding/json to
// check), or a number or literal.
func (s *jsonScanner) value() bool {
	if s.i == len(s.data) {
		return false
	}
	switch s.data[s.i] {
	case '"':
		return s.str()
	case '{', '[':
		var closers []byte
		for s.i < len(s.data) {
			switch c := s.data[s.i]; c {
			case '"':
				if !s.str() {
					return false
				}
				continue
			case '{', '[':
				closers = append(closers, c+2) // '}' and ']'
			case '}', ']':
				if closers[len(closers)-1] != c {
					return false
				}
				closers = closers[:len(closers)-1]
				if len(closers) == 0 {
					s.i++
					return true
				}
			}
			s.i++
		}
		return false
	}
	start := s.i
	for s.i < len(s.data) && strings.IndexByte(" \t\r\n,:{}[]\"", s.data[s.i]) < 0 {
		s.i++
	}
	return s.i > start
}

// article decodes the next article, its text a piece at a time (a text
// of 1.2 MB took WebAssembly 70 ms to unquote in one piece). ok is false
// for anything but an object, and for a text that is neither a JSON
// string nor null (a number), which Unmarshal is left to read.
func (s *jsonScanner) article() (a Article, ok bool) {
	start := s.skipSpace()
	if !s.take('{') {
		return Article{}, false
	}
	textStart, textEnd := -1, -1
	for members := 0; !s.take('}'); members++ {
		if members > 0 && !s.take(',') {
			return Article{}, false
		}
		key, ok := s.key()
		if !ok || !s.take(':') {
			return Article{}, false
		}
		from := s.skipSpace()
		if !s.value() {
			return Article{}, false
		}
		if strings.EqualFold(key, "text") { // the last one wins, as in Unmarshal
			textStart, textEnd = from, s.i
		}
	}
	object := s.data[start:s.i]
	long := textStart >= 0 && textEnd-textStart > textPiece && s.data[textStart] == '"'
	if long {
		// encoding/json reads all but the text, which is left out.
		object = slices.Concat(s.data[start:textStart], []byte(`""`), s.data[textEnd:s.i])
	}
	var raw rawArticle
	if err := json.Unmarshal(object, &raw); err != nil {
		return Article{}, false
	}
	a = Article{ID: raw.ID, Title: raw.Title, Source: raw.Source, Published: raw.Published, URL: raw.URL}
	quoted := []byte(raw.Text)
	if long {
		quoted = s.data[textStart:textEnd]
	} else if raw.Text == nil || string(raw.Text) == "null" {
		return a, true // no text, or null: Unmarshal leaves it empty too
	}
	a.Text, ok = unquotePausing(quoted, textPiece, s.tick)
	return a, ok
}
