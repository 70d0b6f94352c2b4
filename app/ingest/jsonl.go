package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"strings"
	"unicode/utf8"
)

// MaxLineBytes is the longest line JSONL reads: an article of MaxBytes
// with room for its JSON escapes and metadata. A longer line is a bad
// line, skipped without being held in memory.
const MaxLineBytes = 3 * MaxBytes

// A Record is one article of a JSON Lines archive.
type Record struct {
	// Line is the record's line number, from 1.
	Line int
	// ID is the record's "id", as text; "" if it has none.
	ID string
	// Meta holds the record's "title", "source", "published" (in
	// ParseTime's canonical form) and "url"; where the record gives one
	// of them not and its text is an HTML page, what the page says.
	Meta Meta
	// Result is the record's "text" read as Text reads a paste, with
	// notes on fields that were left out.
	Result Result
}

// A LineError is a bad line of a JSON Lines archive. JSONL reports it and
// goes on with the next line.
type LineError struct {
	Line int
	Err  error
}

func (e *LineError) Error() string { return fmt.Sprintf("line %d: %v", e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// JSONL reads a JSON Lines archive of articles, one JSON object a line:
//
//	{"id": "…", "title": "…", "source": "…", "published": "…", "url": "…", "text": "…"}
//
// All fields but "text" may be left out or null, and other fields are
// ignored; "id" may be a number. Blank lines are skipped. It yields each
// article with a nil error, each bad line (not a JSON object, a field of
// the wrong type, no text, binary or too long) as a *LineError, and stops
// after the reader's own error, if any. A "published" time that
// ParseTime cannot read or a "url" that CleanURL refuses is left out with
// a note: the article is still read.
func JSONL(r io.Reader) iter.Seq2[Record, error] {
	return func(yield func(Record, error) bool) {
		br := bufio.NewReaderSize(r, 64<<10)
		var line []byte
		for n := 1; ; n++ {
			line = line[:0]
			tooLong := false
			var err error
			for {
				var part []byte
				part, err = br.ReadSlice('\n')
				if !tooLong {
					if len(line)+len(part) > MaxLineBytes {
						tooLong, line = true, line[:0]
					} else {
						line = append(line, part...)
					}
				}
				if err != bufio.ErrBufferFull {
					break
				}
			}
			if err != nil && err != io.EOF {
				yield(Record{}, err)
				return
			}
			if n == 1 {
				line = bytes.TrimPrefix(line, []byte("\xEF\xBB\xBF"))
			}
			switch {
			case tooLong:
				if !yield(Record{}, &LineError{n, fmt.Errorf("longer than %d MiB", MaxLineBytes>>20)}) {
					return
				}
			case len(bytes.TrimSpace(line)) > 0:
				rec, lerr := readRecord(line)
				rec.Line = n
				var ok bool
				if lerr != nil {
					ok = yield(Record{}, &LineError{n, lerr})
				} else {
					ok = yield(rec, nil)
				}
				if !ok {
					return
				}
			}
			if err == io.EOF {
				return
			}
		}
	}
}

// readRecord decodes one line.
func readRecord(line []byte) (Record, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
		var typ *json.UnmarshalTypeError
		if errors.As(err, &typ) {
			return Record{}, fmt.Errorf("not a JSON object but a JSON %s", typ.Value)
		}
		return Record{}, fmt.Errorf("not valid JSON (%v)", err)
	}
	var rec Record
	var text string
	for _, f := range []struct {
		name string
		dst  *string
	}{{"title", &rec.Meta.Title}, {"source", &rec.Meta.Source}, {"published", &rec.Meta.Published}, {"url", &rec.Meta.URL}, {"text", &text}} {
		if err := stringField(fields, f.name, f.dst); err != nil {
			return Record{}, err
		}
	}
	if raw, ok := fields["id"]; ok && string(raw) != "null" {
		var num json.Number
		if json.Unmarshal(raw, &rec.ID) != nil {
			if json.Unmarshal(raw, &num) != nil {
				return Record{}, fmt.Errorf(`"id" should be text or a number, not %s`, jsonKind(raw))
			}
			rec.ID = num.String()
		}
	}
	if raw, ok := fields["text"]; !ok || string(raw) == "null" {
		return Record{}, errors.New(`no "text": each line needs the article's text`)
	}
	res, err := Text("", []byte(text))
	if err != nil {
		return Record{}, err
	}
	if !utf8.Valid(line) {
		res.Notes = append(res.Notes, "the line is not valid UTF-8: its bad bytes were read as �")
	}
	m := &rec.Meta
	m.Title, m.Source = oneLine(m.Title), oneLine(m.Source)
	if m.Published != "" {
		if _, canonical, err := ParseTime(m.Published); err != nil {
			res.Notes = append(res.Notes, fmt.Sprintf(`"published" left out: %v`, err))
			m.Published = ""
		} else {
			m.Published = canonical
		}
	}
	if strings.TrimSpace(m.URL) != "" {
		if u, err := CleanURL(m.URL); err != nil {
			res.Notes = append(res.Notes, fmt.Sprintf(`"url" left out: %v`, err))
			m.URL = ""
		} else {
			m.URL = u
		}
	} else {
		m.URL = ""
	}
	// What the record says wins over what its HTML text says.
	page := res.Meta
	m.Title, m.Source = firstOf(m.Title, page.Title), firstOf(m.Source, page.Source)
	m.Published, m.URL = firstOf(m.Published, page.Published), firstOf(m.URL, page.URL)
	rec.Result = res
	return rec, nil
}

// stringField decodes an optional text field; null is no value.
func stringField(fields map[string]json.RawMessage, name string, dst *string) error {
	raw, ok := fields[name]
	if !ok || string(raw) == "null" {
		return nil
	}
	if err := json.Unmarshal(raw, dst); err != nil {
		return fmt.Errorf("%q should be text, not %s", name, jsonKind(raw))
	}
	return nil
}

// jsonKind names the kind of a JSON value for a message.
func jsonKind(raw json.RawMessage) string {
	switch b := bytes.TrimSpace(raw); {
	case len(b) == 0:
		return "nothing"
	case b[0] == '{':
		return "an object"
	case b[0] == '[':
		return "a list"
	case b[0] == '"':
		return "text"
	case b[0] == 't' || b[0] == 'f':
		return "true or false"
	}
	return "a number"
}
