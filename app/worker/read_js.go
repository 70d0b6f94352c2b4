//go:build js && wasm

package worker

import (
	"context"
	"errors"
	"syscall/js"

	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/internal/browser"
)

// Read reads a file's or a paste's bytes as text in a worker, as
// ingest.Text does, so that the page answers while megabytes are checked
// or a web page is read. name is the file's name, "" for a paste. When
// ctx is done, the worker is terminated and Read returns ctx.Err(). Where
// workers are missing, fail to start or stop, the bytes are read on the
// page, as ingest.Text.
func Read(ctx context.Context, name string, data []byte) (ingest.Result, error) {
	return read(ctx, Input{Name: name, Data: data}, js.Undefined(), func() ([]byte, error) { return data, nil })
}

// ReadValue is Read for bytes still in JavaScript: a string (a text
// field's value, sent as UTF-8) or a Blob (a dropped or picked File).
// The worker copies them into its own memory, so that 5 MB never pass
// through the page's Go (a copy of a text field's value into Go, and of
// the message out of it, held the page for about 0.1 s). Without a
// worker the page reads them itself.
func ReadValue(ctx context.Context, name string, v js.Value) (ingest.Result, error) {
	return read(ctx, Input{Name: name}, v, func() ([]byte, error) { return valueBytes(v) })
}

// read sends req, with v beside it unless v is undefined, and waits for
// the worker's Text; local gives the bytes to read on the page instead.
func read(ctx context.Context, req Input, v js.Value, local func() ([]byte, error)) (ingest.Result, error) {
	if err := ctx.Err(); err != nil {
		return ingest.Result{}, err
	}
	onPage := func() (ingest.Result, error) {
		data, err := local()
		if err != nil {
			return ingest.Result{}, err
		}
		return ingest.Text(req.Name, data)
	}
	e, err := acquire(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return ingest.Result{}, ctx.Err()
		}
		return onPage()
	}
	req.Gen = nextGen()
	if v.IsUndefined() {
		e.send(Encode(nil, req))
	} else {
		e.sendWith(Encode(nil, req), v)
	}
	for {
		select {
		case <-ctx.Done():
			e.terminate()
			return ingest.Result{}, ctx.Err()
		case <-e.failed:
			e.terminate()
			return onPage()
		case arr := <-e.messages:
			msg, err := DecodePausing(receive(arr), browser.PauseEvery, browser.Breathe)
			if err != nil {
				e.terminate()
				return onPage()
			}
			if t, ok := msg.(Text); ok && t.Gen == req.Gen {
				release(e)
				return t.Result, t.Error()
			}
		}
	}
}

// valueBytes copies a string's UTF-8 or a Blob's bytes into Go.
func valueBytes(v js.Value) ([]byte, error) {
	switch {
	case v.Type() == js.TypeString:
		return []byte(v.String()), nil
	case v.Type() == js.TypeObject && v.InstanceOf(js.Global().Get("Blob")):
		return browser.BlobBytes(v, thrownError)
	}
	return nil, errors.New("neither text nor a file")
}
