package workspace

import (
	"bytes"
	"encoding/json"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/wirediff/wirediff/internal/pace"
)

// UnmarshalPausing is Unmarshal for a page whose only thread it runs on:
// it decodes the articles one at a time and calls pause whenever every
// has passed since the last pause, so the page can handle input and
// paint (decoding 2 MB takes WebAssembly some 300 ms, more on a busy
// machine). Its result and its errors are Unmarshal's: a file it does
// not read at its ease (any error, an unexpected shape) goes to
// Unmarshal whole, which says what is wrong.
func UnmarshalPausing(data []byte, every time.Duration, pause func()) (Workspace, error) {
	if len(data) > MaxFileBytes {
		return Unmarshal(data)
	}
	tick := pace.Every(every, pause)
	rest, articles, ok := decodeArticles(data, tick)
	if !ok {
		return Unmarshal(data)
	}
	// The rest is small: the version, the view, fields this version does
	// not know, and "articles" as null, which Unmarshal reads as none.
	w, err := Unmarshal(rest)
	if err != nil || articles == nil {
		return Unmarshal(data)
	}
	w.Articles = articles
	if w.validateEach(tick) != nil {
		return Unmarshal(data) // in its words
	}
	return w, nil
}

// decodeArticles reads a JSON object, decoding the array of its
// "articles" member article by article. It returns the object with that
// member's value replaced by null, and the articles; ok is false for
// anything else than a well-formed object with an array of objects there.
//
// It finds where each value ends itself (jsonScanner), pausing within a
// long string: encoding/json's Decoder reads a whole value before it
// decodes any of it, and an article of a megabyte took WebAssembly one
// task of 80 to 90 ms of processor time to find the end of. What it
// hands on is checked by encoding/json all the same: the members other
// than "articles" by Unmarshal (UnmarshalPausing), each article by
// json.Unmarshal, and a long text by unquotePausing; only the brackets,
// colons and commas it steps over are its own to check.
func decodeArticles(data []byte, tick func()) (rest []byte, articles []Article, ok bool) {
	s := jsonScanner{data: data, tick: tick}
	if !s.take('{') {
		return nil, nil, false
	}
	var out bytes.Buffer
	out.WriteByte('{')
	for more := !s.take('}'); more; more = !s.take('}') {
		if out.Len() > 1 {
			if !s.take(',') {
				return nil, nil, false
			}
			out.WriteByte(',')
		}
		key, ok := s.key()
		if !ok || !s.take(':') {
			return nil, nil, false
		}
		name, _ := json.Marshal(key)
		out.Write(name)
		out.WriteByte(':')
		// encoding/json matches member names to fields without regard to
		// case, and the last of two members of one name wins.
		if !strings.EqualFold(key, "articles") {
			start := s.skipSpace()
			if !s.value() {
				return nil, nil, false
			}
			out.Write(data[start:s.i])
			continue
		}
		if !s.take('[') {
			return nil, nil, false
		}
		articles = []Article{}
		for more := !s.take(']'); more; more = !s.take(']') {
			if len(articles) > 0 && !s.take(',') {
				return nil, nil, false
			}
			a, ok := s.article()
			if !ok {
				return nil, nil, false
			}
			articles = append(articles, a)
			tick()
		}
		out.WriteString("null")
	}
	// Unmarshal refuses anything but white space after the object.
	if s.skipSpace() != len(data) {
		return nil, nil, false
	}
	out.WriteByte('}')
	return out.Bytes(), articles, true
}

// rawArticle is an Article whose text is still JSON: jsonScanner.article
// decodes a long one a piece at a time.
type rawArticle struct {
	ID        string          `json:"id"`
	Title     string          `json:"title"`
	Source    string          `json:"source"`
	Published string          `json:"published,omitempty"`
	URL       string          `json:"url,omitempty"`
	Text      json.RawMessage `json:"text"`
}

// unquotePausing decodes quoted, a JSON string, as json.Unmarshal does
// into a string, about size bytes at a time, calling tick after each
// piece. A piece ends after a space or before the first byte of a
// multi-byte character, which no escape contains, so each is a JSON
// string of its own; where a long stretch has neither, the rest goes at
// once. ok is false if quoted is not a JSON string.
func unquotePausing(quoted []byte, size int, tick func()) (string, bool) {
	if len(quoted) < 2 || quoted[0] != '"' || quoted[len(quoted)-1] != '"' {
		return "", false
	}
	body := quoted[1 : len(quoted)-1]
	var out strings.Builder
	out.Grow(len(body))
	piece := make([]byte, 0, min(len(body), size)+2)
	for first := true; first || len(body) > 0; first = false {
		cut := len(body)
		if cut > size {
			cut = pieceEnd(body, size)
		}
		piece = append(append(append(piece[:0], '"'), body[:cut]...), '"')
		var s string
		if err := json.Unmarshal(piece, &s); err != nil {
			return "", false
		}
		out.WriteString(s)
		body = body[cut:]
		if len(body) > 0 {
			tick()
		}
	}
	return out.String(), true
}

// pieceEnd returns where a piece of body of at most n bytes may end: after
// a space or before a byte that starts a multi-byte character, in the
// second half of the n bytes; len(body) if there is no such place.
func pieceEnd(body []byte, n int) int {
	for i := n; i > n/2; i-- {
		if body[i-1] == ' ' || body[i] >= 0xC0 {
			return i
		}
	}
	return len(body)
}

// MarshalPausing is Marshal for a page whose only thread it runs on: it
// encodes the articles one at a time, a long text textPiece bytes at a
// time, and calls pause whenever every has passed since the last pause.
// It returns exactly what Marshal returns.
func MarshalPausing(w Workspace, every time.Duration, pause func()) ([]byte, error) {
	tick := pace.Every(every, pause)
	if err := w.prepareEach(tick); err != nil {
		return nil, err
	}
	articles := w.Articles
	w.Articles = nil
	rest, err := json.Marshal(w)
	if err != nil {
		return nil, err
	}
	// Only the articles member can encode as this: a string holding it
	// has its quotation marks escaped.
	const hole = `"articles":null`
	at := bytes.Index(rest, []byte(hole))
	if at < 0 {
		w.Articles = articles
		return json.Marshal(w)
	}
	encoded, err := encodeArticles(articles, tick)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(rest)+len(encoded))
	out = append(out, rest[:at]...)
	out = append(out, `"articles":`...)
	out = append(out, encoded...)
	return append(out, rest[at+len(hole):]...), nil
}

// encodeArticles encodes a list of articles as a JSON array, one article
// at a time, calling tick after each.
func encodeArticles(articles []Article, tick func()) ([]byte, error) {
	size := 2
	for _, a := range articles {
		size += len(a.Text) + len(a.Title) + len(a.Source) + 64
	}
	out := make([]byte, 0, size+size/16)
	out = append(out, '[')
	for i, a := range articles {
		if i > 0 {
			out = append(out, ',')
		}
		var err error
		if out, err = appendArticle(out, a, tick); err != nil {
			return nil, err
		}
		tick()
	}
	return append(out, ']'), nil
}

// textPiece is how much of a long text encodeArticles encodes between
// chances to pause: encoding/json takes WebAssembly some 150 ms for a
// text of 1.3 MB, 0.6 s for 5 MB.
const textPiece = 128 << 10

// appendArticle appends a's JSON encoding to out as json.Marshal writes
// it, a long text a piece at a time with tick called after each. The
// pieces are cut before a byte that starts a character (or is invalid on
// its own), so each is encoded exactly as it is within the whole string.
func appendArticle(out []byte, a Article, tick func()) ([]byte, error) {
	text := a.Text
	a.Text = ""
	b, err := json.Marshal(a)
	if err != nil {
		return nil, err
	}
	// An encoded string escapes its quotation marks, so only the member
	// itself can read as this.
	const hole = `"text":""`
	at := bytes.Index(b, []byte(hole))
	if len(text) <= textPiece || at < 0 {
		a.Text = text
		b, err := json.Marshal(a)
		return append(out, b...), err
	}
	out = append(out, b[:at]...)
	out = append(out, `"text":"`...)
	for text != "" {
		n := min(len(text), textPiece)
		for n < len(text) && !utf8.RuneStart(text[n]) {
			n++
		}
		piece, err := json.Marshal(text[:n])
		if err != nil {
			return nil, err
		}
		out = append(out, piece[1:len(piece)-1]...)
		text = text[n:]
		tick()
	}
	out = append(out, '"')
	return append(out, b[at+len(hole):]...), nil
}
