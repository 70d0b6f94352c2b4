//go:build !(js && wasm)

package ui

import (
	"errors"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A pendingFile is a file chosen in the page, not read yet.
type pendingFile struct {
	name string
	read func() ([]byte, error)
}

// listFiles has no files to list outside the browser.
func listFiles(app.Value) []pendingFile { return nil }

// download has nowhere to save outside the browser.
func download(name, mime string, data []byte) error {
	return errors.New("downloads need a browser")
}
