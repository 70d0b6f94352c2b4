package worker

// Script is the engine worker's script, web/engine.js, as the site serves
// it: the service worker must cache it for the analysis to work offline.
const Script = "/web/engine.js"

// moduleURL is the app's WebAssembly binary, which the worker runs too.
const moduleURL = "/web/app.wasm"
