//go:build js && wasm

// Command app is wirediff's web app, compiled to WebAssembly and loaded by
// the page that cmd/build generates. It is browser-only: the page is
// static files, so the binary carries no HTTP server.
//
// The same binary is the engine's worker: started by web/engine.js, it
// serves analyses (app/worker) and never starts the user interface.
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/ui"
	"github.com/wirediff/wirediff/app/worker"
)

func main() {
	if worker.InWorker() {
		worker.Serve()
	}
	worker.Start()
	ui.Routes()
	app.RunWhenOnBrowser()
}
