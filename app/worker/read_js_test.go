//go:build js && wasm

package worker

import (
	"context"
	"errors"
	"reflect"
	"syscall/js"
	"testing"

	"github.com/wirediff/wirediff/app/ingest"
)

// blobOf makes a Blob of data, as a dropped File is.
func blobOf(data string) js.Value {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, []byte(data))
	return js.Global().Get("Blob").New([]any{arr})
}

// ReadValue is run here without a worker (node has none), so it reads on
// the page with valueBytes: the function the worker takes the value with.
func TestAValueIsReadAsItsBytesWouldBe(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		value      js.Value
		bytes      string // what ingest.Text must get
		refusal    error
	}{
		{name: "a pasted string is its UTF-8", value: js.ValueOf("Café (UPI) — 🇺🇸 talks"), bytes: "Café (UPI) — 🇺🇸 talks"},
		{name: "a lone surrogate pasted becomes U+FFFD", value: js.Global().Get("String").Call("fromCharCode", 0x41, 0xD800, 0x42), bytes: "A\uFFFDB"},
		{name: "a dropped Latin-1 file keeps its bytes", file: "cafe.txt", value: blobOf("Caf\xe9 society"), bytes: "Caf\xe9 society"},
		{name: "a dropped web page is read as one", file: "page.html", value: blobOf("<html><head><title>Talks</title></head><body><article><p>The talks resume.</p></article></body></html>"),
			bytes: "<html><head><title>Talks</title></head><body><article><p>The talks resume.</p></article></body></html>"},
		{name: "an empty paste is refused as empty", value: js.ValueOf(" \n"), bytes: " \n", refusal: ingest.ErrEmpty},
		{name: "a binary file is refused as binary", file: "image.png", value: blobOf("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", refusal: ingest.ErrBinary},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wantErr := ingest.Text(tc.file, []byte(tc.bytes))
			got, err := ReadValue(context.Background(), tc.file, tc.value)
			if !reflect.DeepEqual(got, want) {
				t.Errorf("read as\n%+v\nwant\n%+v", got, want)
			}
			if (err == nil) != (wantErr == nil) || (err != nil && err.Error() != wantErr.Error()) {
				t.Errorf("error %v, want %v", err, wantErr)
			}
			if tc.refusal != nil && !errors.Is(err, tc.refusal) {
				t.Errorf("error %v is not %v", err, tc.refusal)
			}
		})
	}
}

func TestAValueThatIsNeitherTextNorAFileIsAnError(t *testing.T) {
	if _, err := ReadValue(context.Background(), "", js.ValueOf(42)); err == nil {
		t.Error("a number was read as text")
	}
}
