// wirediff's engine worker. The page (app/worker) starts it and posts it
// either the compiled WebAssembly module of the app, or the module's URL:
// then this worker compiles it and posts it back as {module}, so that a
// later worker only instantiates it. The module runs in engine-only mode
// (the mark below; app/main.go) and takes over the messages: Ready, then
// Progress and Result for each Request. A failure here is posted as
// {error}, and the page analyses on its own thread instead.
"use strict";

importScripts("/wasm_exec.js");
self.wirediffEngine = true;

self.onmessage = async (event) => {
  self.onmessage = null; // the Go side sets its own once it runs
  try {
    let module = event.data;
    if (typeof module === "string") {
      module = await compile(module);
      self.postMessage({ module });
    }
    const go = new Go();
    const instance = await WebAssembly.instantiate(module, go.importObject);
    await go.run(instance);
    self.postMessage({ error: "the engine stopped" });
  } catch (err) {
    self.postMessage({ error: String(err) });
  }
};

self.onmessageerror = () => {
  self.postMessage({ error: "the engine module could not be received" });
};

async function compile(url) {
  if (WebAssembly.compileStreaming) {
    try {
      return await WebAssembly.compileStreaming(fetch(url));
    } catch (err) {
      // A server that does not say application/wasm: compile the bytes.
    }
  }
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`${url}: ${response.status} ${response.statusText}`);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
