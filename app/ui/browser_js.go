//go:build js && wasm

package ui

import (
	"context"
	"errors"
	"fmt"
	"syscall/js"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/worker"
	"github.com/wirediff/wirediff/internal/browser"
)

// warmUpDelay is how long after its first result the page warms up
// (warmup.go). Not at once: right after a load V8's optimizing compiler
// is busy with the code that drew the first result, and the warm-up's
// tasks took two to three times as long (a collection 160-220 ms).
const warmUpDelay = 2 * time.Second

// onReaderInput calls stop at the reader's first key, click, paste, drop
// or chosen file anywhere on the page, until release is called: the
// warm-up gives way to the reader's own work (warmup.go).
func onReaderInput(stop func()) (release func()) {
	events := []string{"keydown", "pointerdown", "paste", "drop", "change"}
	opts := map[string]any{"capture": true, "passive": true}
	win := js.Global()
	f := js.FuncOf(func(js.Value, []js.Value) any {
		stop()
		return nil
	})
	for _, ev := range events {
		win.Call("addEventListener", ev, f, opts)
	}
	return func() {
		for _, ev := range events {
			win.Call("removeEventListener", ev, f, opts)
		}
		f.Release()
	}
}

// A pendingFile is a file chosen in the page, not read yet.
type pendingFile struct {
	name string
	file js.Value
	read func() ([]byte, error)
}

// readText reads the file as an article's text in the engine's worker,
// which takes the File itself: its bytes never pass through the page's
// Go. A file over ingest.MaxBytes is refused before it is read.
func (pf pendingFile) readText(ctx context.Context) session.File {
	f := session.File{Name: pf.name}
	if size := pf.file.Get("size").Float(); size > ingest.MaxBytes {
		f.Err = ingest.ErrTooLarge
		return f
	}
	res, err := worker.ReadValue(ctx, pf.name, pf.file)
	f.Read = &session.Reading{Result: res, Err: err}
	return f
}

// A fieldText is a text field's value, left in JavaScript.
type fieldText struct{ value js.Value }

// takeFieldText takes the value of the text field with the given ID.
func takeFieldText(id string) fieldText {
	if el := js.Global().Get("document").Call("getElementById", id); el.Truthy() {
		return fieldText{value: el.Get("value")}
	}
	return fieldText{value: js.ValueOf("")}
}

// read reads the value as an article's text in the engine's worker, which
// takes the string itself: 5 MB pasted never pass through the page's Go
// on their way there.
func (t fieldText) read(ctx context.Context) (ingest.Result, error) {
	return worker.ReadValue(ctx, "", t.value)
}

// listFiles takes the files of a FileList (an input's or a drop's) before
// the page can forget them: an input's list empties when it is reset.
func listFiles(list app.Value) []pendingFile {
	files := toJS(list)
	if !files.Truthy() {
		return nil
	}
	n := files.Get("length").Int()
	out := make([]pendingFile, 0, n)
	for i := 0; i < n; i++ {
		f := files.Index(i)
		out = append(out, pendingFile{
			name: f.Get("name").String(),
			file: f,
			read: func() ([]byte, error) { return readFile(f) },
		})
	}
	return out
}

// toJS hands a go-app value over to syscall/js, which go-app does not
// expose, through a short-lived property of window.
func toJS(v app.Value) js.Value {
	const key = "__wirediffHandOver"
	app.Window().Set(key, v)
	out := js.Global().Get(key)
	js.Global().Delete(key)
	return out
}

// readFile reads a File's bytes. It blocks until the browser delivers
// them, so it runs off the UI goroutine.
func readFile(f js.Value) ([]byte, error) {
	if size := f.Get("size").Float(); size > ingest.MaxBytes {
		return nil, ingest.ErrTooLarge
	}
	return browser.BlobBytes(f, jsError)
}

// download saves data as a file through a Blob object URL: everything
// stays on this machine.
func download(name, mime string, data []byte) (err error) {
	defer browser.Catch(&err, jsError)
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := js.Global().Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := js.Global().Get("URL").Call("createObjectURL", blob)
	doc := js.Global().Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("hidden", true)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// The browser reads the URL asynchronously; free it once it surely has.
	go func() {
		time.Sleep(time.Minute)
		js.Global().Get("URL").Call("revokeObjectURL", url)
	}()
	return nil
}

// jsError words a JavaScript error (usually a DOMException). A quota error
// becomes ErrStorageFull.
func jsError(v js.Value) error {
	if v.Type() != js.TypeObject {
		if v.Truthy() {
			return errors.New(v.String())
		}
		return errors.New("unknown error")
	}
	name := v.Get("name")
	msg := v.Get("message")
	if name.Type() == js.TypeString && name.String() == "QuotaExceededError" {
		return ErrStorageFull
	}
	switch {
	case name.Type() == js.TypeString && msg.Type() == js.TypeString && msg.String() != "":
		return fmt.Errorf("%s: %s", name.String(), msg.String())
	case name.Type() == js.TypeString:
		return errors.New(name.String())
	}
	return errors.New(v.Call("toString").String())
}
