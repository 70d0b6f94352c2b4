package worker

import (
	"errors"
	"fmt"

	"github.com/wirediff/wirediff/app/ingest"
)

// An Input asks the worker to read a file's or a paste's bytes as text, as
// ingest.Text does: checking 5 MB of UTF-8, or reading a web page in
// reader mode, held the page's thread for most of a second. Name is the
// file's name, "" for a paste. Gen numbers the request; the answer
// carries the same Gen.
type Input struct {
	Gen  int
	Name string
	Data []byte
}

// A Text answers Input Gen: what ingest.Text made of the bytes or, if it
// refused them, its message in Err and which of ingest's errors it is in
// Refused.
type Text struct {
	Gen     int
	Result  ingest.Result
	Err     string
	Refused Refusal
}

// A Refusal names the ingest error a Text carries, so that errors.Is
// still tells an empty paste from a binary file on the page.
type Refusal string

// The refusals ingest.Text makes; any other error is "".
const (
	RefusedEmpty    Refusal = "empty"
	RefusedBinary   Refusal = "binary"
	RefusedTooLarge Refusal = "too large"
)

var refusals = []Refusal{"", RefusedEmpty, RefusedBinary, RefusedTooLarge}

// answerRead reads a request's bytes with ingest.Text, turning a panic
// into an error as the analysis does.
func answerRead(req Input) (t Text) {
	defer func() {
		if r := recover(); r != nil {
			t = Text{Gen: req.Gen, Err: fmt.Sprintf("reading stopped unexpectedly: %v", r)}
		}
	}()
	res, err := ingest.Text(req.Name, req.Data)
	if err == nil {
		return Text{Gen: req.Gen, Result: res}
	}
	t = Text{Gen: req.Gen, Err: err.Error()}
	switch {
	case errors.Is(err, ingest.ErrEmpty):
		t.Refused = RefusedEmpty
	case errors.Is(err, ingest.ErrBinary):
		t.Refused = RefusedBinary
	case errors.Is(err, ingest.ErrTooLarge):
		t.Refused = RefusedTooLarge
	}
	return t
}

// Error is the error ingest.Text returned in the worker, nil if none: the
// same message, and errors.Is matches the same ingest error.
func (t Text) Error() error {
	if t.Err == "" && t.Refused == "" {
		return nil
	}
	var kind error
	switch t.Refused {
	case RefusedEmpty:
		kind = ingest.ErrEmpty
	case RefusedBinary:
		kind = ingest.ErrBinary
	case RefusedTooLarge:
		kind = ingest.ErrTooLarge
	}
	return &refusedError{msg: t.Err, kind: kind}
}

// refusedError is an ingest error brought back from the worker.
type refusedError struct {
	msg  string
	kind error
}

func (e *refusedError) Error() string        { return e.msg }
func (e *refusedError) Is(target error) bool { return e.kind != nil && target == e.kind }

func writeInput(w *writer, m *Input) {
	w.int(m.Gen)
	w.string(m.Name)
	w.length(len(m.Data), m.Data == nil)
	w.b = append(w.b, m.Data...)
}

func readInput(r *reader, m *Input) {
	m.Gen = r.int()
	m.Name = r.string()
	n, isNil := r.length(1)
	if r.err != nil || isNil {
		return
	}
	m.Data = make([]byte, n)
	copy(m.Data, r.b[:n])
	r.b = r.b[n:]
}

func writeText(w *writer, m *Text) {
	w.int(m.Gen)
	w.string(m.Err)
	writeEnum(w, m.Refused, refusals)
	res := &m.Result
	w.string(res.Text)
	w.bool(res.FromHTML)
	w.bool(res.Converted)
	w.bool(res.Windows1252)
	w.int(res.InvalidBytes)
	w.int(res.Controls)
	w.string(res.Meta.Title)
	w.string(res.Meta.Source)
	w.string(res.Meta.Published)
	w.string(res.Meta.URL)
	writeSlice(w, res.Dropped, func(w *writer, s *string) { w.string(*s) })
	writeSlice(w, res.Notes, func(w *writer, s *string) { w.string(*s) })
}

func readText(r *reader, m *Text) {
	m.Gen = r.int()
	m.Err = r.string()
	m.Refused = readEnum(r, refusals)
	res := &m.Result
	res.Text = r.string()
	res.FromHTML = r.bool()
	res.Converted = r.bool()
	res.Windows1252 = r.bool()
	res.InvalidBytes = r.int()
	res.Controls = r.int()
	res.Meta.Title = r.string()
	res.Meta.Source = r.string()
	res.Meta.Published = r.string()
	res.Meta.URL = r.string()
	res.Dropped = readSlice(r, 1, func(r *reader, s *string) { *s = r.string() })
	res.Notes = readSlice(r, 1, func(r *reader, s *string) { *s = r.string() })
}
