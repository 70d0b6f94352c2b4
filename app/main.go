//go:build js && wasm

// Command app is wirediff's web app, compiled to WebAssembly and loaded by
// the page that cmd/build generates. It is browser-only: the page is
// static files, so the binary carries no HTTP server.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/ui"
)

func main() {
	ui.Routes()
	app.RunWhenOnBrowser()
}
