//go:build !(js && wasm)

package ui

import (
	"context"
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/worker"
)

// warmUpDelay is how long after its first result the page warms up
// (warmup.go): at once natively, where V8 compiles nothing.
const warmUpDelay = 0

// onReaderInput does nothing natively: no reader types into a test.
func onReaderInput(stop func()) (release func()) { return func() {} }

// A pendingFile is a file chosen in the page, not read yet.
type pendingFile struct {
	name string
	read func() ([]byte, error)
}

// readText reads the file's bytes as an article's text.
func (pf pendingFile) readText(ctx context.Context) session.File {
	data, err := pf.read()
	f := session.File{Name: pf.name, Data: data, Err: err}
	if err == nil {
		res, err := worker.Read(ctx, pf.name, data)
		f.Read = &session.Reading{Result: res, Err: err}
	}
	return f
}

// A fieldText is a text field's value.
type fieldText struct{ value string }

// takeFieldText takes the value of the text field with the given ID.
func takeFieldText(id string) fieldText { return fieldText{value: inputValue(id)} }

// read reads the value as an article's text.
func (t fieldText) read(ctx context.Context) (ingest.Result, error) {
	return worker.Read(ctx, "", []byte(t.value))
}

// listFiles has no files to list outside the browser.
func listFiles(app.Value) []pendingFile { return nil }

// download has nowhere to save outside the browser.
func download(name, mime string, data []byte) error {
	return errors.New("downloads need a browser")
}
