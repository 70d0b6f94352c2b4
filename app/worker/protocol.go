package worker

import (
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/pace"
)

// The messages between the page and the engine's worker. Each is one byte
// string (a transferred ArrayBuffer in the browser): a kind byte, then
// the fields.
const (
	kindReady    byte = 1 // worker → page: the engine is running
	kindRequest  byte = 2 // page → worker: analyse these documents
	kindProgress byte = 3 // worker → page: how far a request has got
	kindResult   byte = 4 // worker → page: a request's report or error
	kindInput    byte = 5 // page → worker: read these bytes as text (read.go)
	kindText     byte = 6 // worker → page: what an Input read, or why not
	kindCompare  byte = 7 // page → worker: compare two documents
	kindCompared byte = 8 // worker → page: a Comparison's pair or error
)

// Ready says the worker's engine has started and takes requests.
type Ready struct{}

// A Request asks the worker to analyse Documents with Options. Gen
// numbers the request; every answer to it carries the same Gen.
// Options.Progress is not sent: the worker reports progress as messages.
type Request struct {
	Gen       int
	Documents []reuse.Document
	Options   reuse.Options
}

// Progress reports that request Gen has done Done units of work out of
// Total, as reuse.Options.Progress does.
type Progress struct {
	Gen, Done, Total int
}

// A Result answers request Gen with a report or, if the engine failed, an
// error message in Err.
type Result struct {
	Gen    int
	Report *reuse.Report
	Err    string
}

// A Comparison asks the worker to compare documents A and B with
// Options, as reuse.Compare does: the pair view's own comparison of two
// articles no story of the analysis holds. Gen numbers it as a Request's.
type Comparison struct {
	Gen     int
	A, B    reuse.Document
	Options reuse.Options
}

// Compared answers comparison Gen with the pair or, if the engine failed,
// an error message in Err.
type Compared struct {
	Gen  int
	Pair *reuse.Pair
	Err  string
}

// Encode appends msg (a Ready, Request, Progress, Result, Input, Text,
// Comparison or Compared) to b in the
// wire format and returns the extended slice. Any other type panics: it
// is a programming error.
func Encode(b []byte, msg any) []byte {
	return EncodePausing(b, msg, 0, nil)
}

// EncodePausing is Encode that calls pause whenever it has encoded for
// longer than every since it started or last paused: before each
// document, and every megabyte of a long string. The page encodes an
// analysis's request on its main thread, and go-app's frame can run in
// the same task: pause is the page's chance to draw and handle input.
func EncodePausing(b []byte, msg any, every time.Duration, pause func()) []byte {
	w := writer{b: b}
	if pause != nil {
		w.tick = pace.Every(every, pause)
	}
	switch m := msg.(type) {
	case Ready:
		w.b = append(w.b, kindReady)
	case Request:
		// One allocation for the articles' text, not a doubling per
		// megabyte: the page encodes them on its main thread.
		size := 32
		for _, d := range m.Documents {
			size += len(d.Name) + len(d.Title) + len(d.Source) + len(d.URL) + len(d.Text) + 48
		}
		w.b = slices.Grow(w.b, size)
		w.b = append(w.b, kindRequest)
		w.int(m.Gen)
		writeSlice(&w, m.Documents, writeDocument)
		writeOptions(&w, &m.Options)
	case Progress:
		w.b = append(w.b, kindProgress)
		w.int(m.Gen)
		w.int(m.Done)
		w.int(m.Total)
	case Result:
		w.b = append(w.b, kindResult)
		w.int(m.Gen)
		w.string(m.Err)
		w.bool(m.Report != nil)
		if m.Report != nil {
			writeReport(&w, m.Report)
		}
	case Input:
		w.b = slices.Grow(w.b, len(m.Name)+len(m.Data)+32)
		w.b = append(w.b, kindInput)
		writeInput(&w, &m)
	case Text:
		w.b = slices.Grow(w.b, len(m.Result.Text)+len(m.Err)+256)
		w.b = append(w.b, kindText)
		writeText(&w, &m)
	case Comparison:
		w.b = slices.Grow(w.b, len(m.A.Text)+len(m.B.Text)+256)
		w.b = append(w.b, kindCompare)
		w.int(m.Gen)
		writeDocument(&w, &m.A)
		writeDocument(&w, &m.B)
		writeOptions(&w, &m.Options)
	case Compared:
		w.b = append(w.b, kindCompared)
		w.int(m.Gen)
		w.string(m.Err)
		w.bool(m.Pair != nil)
		if m.Pair != nil {
			writePair(&w, m.Pair)
		}
	default:
		panic(fmt.Sprintf("worker: Encode of a %T", msg))
	}
	return w.b
}

// Decode reads one message that Encode wrote and returns it as a Ready,
// Request, Progress, Result, Input, Text, Comparison or Compared value. It fails on an empty, unknown,
// truncated or corrupt message and on trailing bytes.
func Decode(b []byte) (any, error) {
	return DecodePausing(b, 0, nil)
}

// DecodePausing is Decode that calls pause whenever it has decoded for
// longer than every since it started or last paused. Between pairs of a
// report: a big report takes the page tens of milliseconds to decode in
// WebAssembly, and pause is the page's chance to handle input.
func DecodePausing(b []byte, every time.Duration, pause func()) (any, error) {
	if len(b) == 0 {
		return nil, errors.New("worker: empty message")
	}
	r := reader{b: b[1:], tick: pace.Every(every, pause)}
	var msg any
	switch b[0] {
	case kindReady:
		msg = Ready{}
	case kindRequest:
		m := Request{Gen: r.int()}
		m.Documents = readSlice(&r, 21, readDocument)
		readOptions(&r, &m.Options)
		msg = m
	case kindProgress:
		msg = Progress{Gen: r.int(), Done: r.int(), Total: r.int()}
	case kindResult:
		m := Result{Gen: r.int(), Err: r.string()}
		if r.bool() {
			m.Report = readReport(&r)
		}
		msg = m
	case kindInput:
		var m Input
		readInput(&r, &m)
		msg = m
	case kindText:
		var m Text
		readText(&r, &m)
		msg = m
	case kindCompare:
		m := Comparison{Gen: r.int()}
		readDocument(&r, &m.A)
		readDocument(&r, &m.B)
		readOptions(&r, &m.Options)
		msg = m
	case kindCompared:
		m := Compared{Gen: r.int(), Err: r.string()}
		if r.bool() {
			m.Pair = new(reuse.Pair)
			readPair(&r, m.Pair)
		}
		msg = m
	default:
		return nil, fmt.Errorf("worker: unknown message kind %d", b[0])
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(r.b) > 0 {
		return nil, fmt.Errorf("worker: %d bytes after the message", len(r.b))
	}
	return msg, nil
}
