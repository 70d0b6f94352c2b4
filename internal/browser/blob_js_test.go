//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
	"testing"
)

// word names what JavaScript threw or rejected with, for the tests.
func word(v js.Value) error {
	return errors.New("rejected: " + js.Global().Get("String").Invoke(v).String())
}

func TestAwaitGivesAPromisesValueOrItsRejection(t *testing.T) {
	promise := js.Global().Get("Promise")
	if v, err := Await(promise.Call("resolve", "kept"), word); err != nil || v.String() != "kept" {
		t.Errorf("a resolved promise gave %v, %v; want kept", v, err)
	}
	if _, err := Await(promise.Call("reject", "refused"), word); err == nil || err.Error() != "rejected: refused" {
		t.Errorf("a rejected promise gave %v; want its rejection worded", err)
	}
}

func TestBlobBytesAreTheBytesTheBlobWasMadeOf(t *testing.T) {
	for _, tc := range []struct{ name, data string }{
		{"no bytes", ""},
		{"text", "Café (UPI) — talks"},
		{"bytes that are not UTF-8", "Caf\xe9\x00\xff"},
	} {
		arr := js.Global().Get("Uint8Array").New(len(tc.data))
		js.CopyBytesToJS(arr, []byte(tc.data))
		got, err := BlobBytes(js.Global().Get("Blob").New([]any{arr}), word)
		if err != nil || string(got) != tc.data {
			t.Errorf("%s: got %q, %v; want %q", tc.name, got, err, tc.data)
		}
	}
	if _, err := BlobBytes(js.ValueOf("not a blob"), word); err == nil {
		t.Error("a string was read as a Blob")
	}
}
