package worker

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/wirediff/wirediff/app/reuse"
)

// fill sets every field it can reach in v to a value of its own, so that
// a field the codec forgets comes back as the zero value and differs.
// Functions stay nil: Options.Progress never crosses the wire.
func fill(v reflect.Value, next *int) {
	*next++
	n := *next
	switch v.Kind() {
	case reflect.Int, reflect.Int64:
		v.SetInt(int64(n))
	case reflect.Uint8:
		v.SetUint(uint64(n % 256))
	case reflect.Float64:
		v.SetFloat(float64(n) + 0.25)
	case reflect.Bool:
		v.SetBool(true)
	case reflect.String:
		v.SetString(strings.Repeat("é", n%5) + "x")
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), next)
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 2, 2))
		for i := range 2 {
			fill(v.Index(i), next)
		}
	case reflect.Struct:
		if v.Type() == reflect.TypeFor[time.Time]() {
			v.Set(reflect.ValueOf(time.Unix(int64(n)*86400, int64(n)).UTC()))
			return
		}
		for i := range v.NumField() {
			fill(v.Field(i), next)
		}
	case reflect.Func:
	default:
		panic("fill: no value for a " + v.Type().String())
	}
}

func TestEveryFieldCrossesTheWire(t *testing.T) {
	var req Request
	var res Result
	var in Input
	var text Text
	var comparison Comparison
	var compared Compared
	n := 0
	fill(reflect.ValueOf(&req).Elem(), &n)
	fill(reflect.ValueOf(&res).Elem(), &n)
	fill(reflect.ValueOf(&in).Elem(), &n)
	fill(reflect.ValueOf(&text).Elem(), &n)
	fill(reflect.ValueOf(&comparison).Elem(), &n)
	fill(reflect.ValueOf(&compared).Elem(), &n)
	// Known ops and kinds go as codes, any other value as text.
	res.Report.Pairs[0].Passages[0].Kind = reuse.Rewritten
	res.Report.Pairs[0].Passages[0].Edits[0].Op = reuse.Insert
	compared.Pair.Passages[0].Kind = reuse.Copied
	compared.Pair.Passages[0].Edits[0].Op = reuse.Delete
	for _, msg := range []any{req, res, in, text, comparison, compared} {
		got, err := Decode(Encode(nil, msg))
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, msg) {
			t.Errorf("a field was lost:\ngot  %+v\nwant %+v", got, msg)
		}
	}
}

func TestBrokenMessagesAreRefusedWithAnError(t *testing.T) {
	valid := Encode(nil, Progress{Gen: 1, Done: 2, Total: 3})
	for _, tc := range []struct {
		name string
		msg  []byte
	}{
		{"an empty message", nil},
		{"an unknown kind", []byte{99}},
		{"a byte after the message", append(bytes.Clone(valid), 0)},
		{"a bool that is neither 0 nor 1", []byte{kindResult, 0, 0, 2}},
		{"a string longer than the message", []byte{kindResult, 0, 10, 'a'}},
		{"a list longer than the message could hold", []byte{kindRequest, 0, 0xff, 0xff, 0xff, 0xff, 0x0f}},
		{"an unknown op", unknownOp()},
		{"a varint that overflows", []byte{kindProgress, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if msg, err := Decode(tc.msg); err == nil {
				t.Errorf("decoded %#v", msg)
			}
		})
	}
}

// unknownOp encodes a report whose one edit has an op code no version of
// the codec knows.
func unknownOp() []byte {
	rep := &reuse.Report{Pairs: []reuse.Pair{{Passages: []reuse.Passage{{Kind: reuse.Copied, Edits: []reuse.Edit{{Op: "x"}}}}}}}
	b := Encode(nil, Result{Report: rep})
	i := bytes.IndexByte(b, otherCode)
	return append(b[:i:i], 7)
}

func TestEveryTruncatedMessageIsRefused(t *testing.T) {
	for name, msg := range messages(t) {
		b := Encode(nil, msg)
		for i := range len(b) {
			if got, err := Decode(b[:i]); err == nil {
				t.Fatalf("%s: the first %d of %d bytes decoded as %#v", name, i, len(b), got)
			}
		}
	}
}

// FuzzDecode checks that no input makes Decode panic and that whatever it
// accepts encodes, with pauses or without, to the same message, which
// decodes and re-encodes to itself.
func FuzzDecode(f *testing.F) {
	for _, msg := range messages(f) {
		f.Add(Encode(nil, msg))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		msg, err := Decode(b)
		if err != nil {
			return
		}
		again := Encode(nil, msg)
		if paused := EncodePausing(nil, msg, 0, func() {}); !bytes.Equal(paused, again) {
			t.Fatalf("encoding with pauses wrote other bytes:\n%x\n%x", paused, again)
		}
		msg2, err := Decode(again)
		if err != nil {
			t.Fatalf("a re-encoded message does not decode: %v", err)
		}
		if third := Encode(nil, msg2); !bytes.Equal(third, again) {
			t.Fatalf("encoding is not stable:\n%x\n%x", again, third)
		}
	})
}

func TestDecodingPausesBetweenPairsWhenItTakesLong(t *testing.T) {
	rep := &reuse.Report{Pairs: make([]reuse.Pair, 5)}
	b := Encode(nil, Result{Report: rep})
	for _, tc := range []struct {
		name  string
		every time.Duration
		want  int
	}{
		{"no time at all between pauses pauses before every pair", 0, 5},
		{"an hour between pauses never pauses", time.Hour, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pauses := 0
			msg, err := DecodePausing(b, tc.every, func() { pauses++ })
			if err != nil {
				t.Fatal(err)
			}
			if pauses != tc.want {
				t.Errorf("paused %d times, want %d", pauses, tc.want)
			}
			if !reflect.DeepEqual(msg, Result{Report: rep}) {
				t.Errorf("got %#v", msg)
			}
		})
	}
}

func TestEncodingPausesBetweenArticlesAndWithinLongTextsWhenItTakesLong(t *testing.T) {
	long := strings.Repeat("Wire copy, word for word. ", (5*stringSlice)/26+1) // just over five slices
	req := Request{Gen: 4, Documents: []reuse.Document{
		{Name: "a", Text: "A short article."},
		{Name: "b", Text: long},
		{Name: "c", Text: "Another short one."},
	}}
	for _, tc := range []struct {
		name  string
		every time.Duration
		want  int
	}{
		{"no time at all between pauses pauses before every article and after every megabyte of a long text", 0, 3 + 5},
		{"an hour between pauses never pauses", time.Hour, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pauses := 0
			got := EncodePausing(nil, req, tc.every, func() { pauses++ })
			if pauses != tc.want {
				t.Errorf("paused %d times, want %d", pauses, tc.want)
			}
			if !bytes.Equal(got, Encode(nil, req)) {
				t.Error("encoding with pauses wrote other bytes than encoding without")
			}
		})
	}
}
