package worker

import (
	"encoding/binary"
	"errors"
	"math"
	"time"

	"github.com/wirediff/wirediff/app/reuse"
)

// The wire format is a flat byte string: unsigned and zig-zag varints,
// IEEE floats as 8 little-endian bytes, strings as a length and their
// bytes. A slice is its length plus one, so that 0 is nil and a nil slice
// comes back nil: encoding/json writes nil as null and an empty slice as
// [], and the exported report must not change on the way.

// errShort is the one error a truncated or corrupt message gives.
var errShort = errors.New("worker: message is truncated or corrupt")

type writer struct {
	b []byte
	// tick, if set, is called before each document and every stringSlice
	// bytes of a long string: the page encodes its requests on its main
	// thread, and tick pauses when it is time to. The worker encodes its
	// reports without (a call a list element cost them a tenth more
	// time).
	tick func()
}

// breathe calls tick, if there is one.
func (w *writer) breathe() {
	if w.tick != nil {
		w.tick()
	}
}

func (w *writer) uint(v uint64)   { w.b = binary.AppendUvarint(w.b, v) }
func (w *writer) int(v int)       { w.b = binary.AppendVarint(w.b, int64(v)) }
func (w *writer) float(v float64) { w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v)) }

// stringSlice is how many bytes of a string the writer copies between
// checks for a pause: a 5 MB article's copy into new memory took 12 ms of
// the page's thread in one piece.
const stringSlice = 1 << 20

func (w *writer) string(s string) {
	w.uint(uint64(len(s)))
	for len(s) > stringSlice {
		w.b = append(w.b, s[:stringSlice]...)
		s = s[stringSlice:]
		w.breathe()
	}
	w.b = append(w.b, s...)
}

func (w *writer) bool(v bool) {
	if v {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

// length writes a slice's length, or 0 for a nil slice.
func (w *writer) length(n int, isNil bool) {
	if isNil {
		w.uint(0)
		return
	}
	w.uint(uint64(n) + 1)
}

// time keeps the instant and the zone offset (time.Time's own binary
// form), so the exported report prints the same offset.
func (w *writer) time(t time.Time) {
	enc, err := t.MarshalBinary()
	if err != nil { // an offset beyond what the format holds
		enc, _ = t.UTC().MarshalBinary()
	}
	w.string(string(enc))
}

type reader struct {
	b   []byte
	err error
	// tick is called after each piece of work: the page decodes on its
	// main thread, and tick pauses when it is time to.
	tick func()
}

func (r *reader) fail() {
	if r.err == nil {
		r.err = errShort
	}
	r.b = nil
}

func (r *reader) uint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) int() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || int64(int(v)) != v {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

func (r *reader) float() float64 {
	if len(r.b) < 8 {
		r.fail()
		return 0
	}
	v := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
	r.b = r.b[8:]
	return v
}

func (r *reader) bool() bool {
	if len(r.b) < 1 || r.b[0] > 1 {
		r.fail()
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

func (r *reader) string() string {
	n := r.uint()
	if n > uint64(len(r.b)) {
		r.fail()
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// length reads a slice's length; isNil reports a nil slice. Every element
// takes at least minSize bytes, so a corrupt length cannot make the
// decoder allocate more than the message could hold.
func (r *reader) length(minSize int) (n int, isNil bool) {
	v := r.uint()
	if v == 0 {
		return 0, true
	}
	if v-1 > uint64(len(r.b)/minSize) {
		r.fail()
		return 0, true
	}
	return int(v - 1), false
}

func (r *reader) time() time.Time {
	var t time.Time
	if err := t.UnmarshalBinary([]byte(r.string())); err != nil {
		r.fail()
	}
	return t
}

// Ops and kinds go as one byte; any other value as otherCode and its text,
// so that nothing is lost even if the engine gains a value.
const otherCode = 255

var ops = []reuse.Op{reuse.Equal, reuse.Delete, reuse.Insert}
var kinds = []reuse.Kind{reuse.Copied, reuse.Rewritten}

func writeEnum[T ~string](w *writer, v T, known []T) {
	for i, k := range known {
		if v == k {
			w.b = append(w.b, byte(i))
			return
		}
	}
	w.b = append(w.b, otherCode)
	w.string(string(v))
}

func readEnum[T ~string](r *reader, known []T) T {
	if len(r.b) < 1 {
		r.fail()
		return ""
	}
	c := r.b[0]
	r.b = r.b[1:]
	switch {
	case int(c) < len(known):
		return known[c]
	case c == otherCode:
		return T(r.string())
	}
	r.fail()
	return ""
}

// writeSlice writes a slice's length and then each element with one.
func writeSlice[T any](w *writer, s []T, one func(*writer, *T)) {
	w.length(len(s), s == nil)
	for i := range s {
		one(w, &s[i])
	}
}

// readSlice reads what writeSlice wrote; minSize is the fewest bytes an
// element takes.
func readSlice[T any](r *reader, minSize int, one func(*reader, *T)) []T {
	n, isNil := r.length(minSize)
	if isNil {
		return nil
	}
	s := make([]T, n)
	for i := range s {
		one(r, &s[i])
		if r.err != nil {
			return nil
		}
	}
	return s
}
