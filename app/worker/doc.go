// Package worker runs the engine (app/reuse) off the page's main thread,
// in a dedicated Web Worker, so that the page answers clicks and keys
// while a large workspace is analysed.
//
// The worker runs the page's own WebAssembly module in an engine-only
// mode: web/engine.js, the worker's script, marks the worker's global
// scope before it starts the module, app/main.go sees the mark
// (InWorker) and calls Serve instead of starting the user interface.
// Nothing extra is downloaded. The page starts a worker as it starts
// (Start); the first worker compiles the module once and hands the
// compiled module back, so that a worker started later (after a
// cancelled analysis) only instantiates it.
//
// The page and the worker exchange the messages of protocol.go, each a
// byte string in a transferred buffer:
//
//	page → worker: Request{Gen, Documents, Options}
//	worker → page: Ready, then per request Progress{Gen, Done, Total}… and Result{Gen, Report or Err}
//	page → worker: Comparison{Gen, A, B, Options}
//	worker → page: Compared{Gen, Pair or Err}
//	page → worker: Input{Gen, Name, Data}, or {input: Input{Gen, Name}, value: a string or a Blob}
//	worker → page: Text{Gen, Result or Err}
//
// On the page, Analyze has reuse.Analyze's signature, Compare
// reuse.Compare's (the pair view's comparison of two articles no story
// holds), and Read
// ingest.Text's (with a context); ReadValue reads a JavaScript string (a
// text field's value) or Blob (a File) that the worker takes as it is, so
// that a big paste or file never passes through the page's Go on its way
// to the worker. A cancelled context
// terminates the worker that runs the request (the engine does not yield
// to read messages while it works); a browser without workers, or one
// whose worker fails to start, gets the analysis on the main thread as
// before. Outside the browser Analyze is reuse.Analyze and Compare
// reuse.Compare.
package worker
