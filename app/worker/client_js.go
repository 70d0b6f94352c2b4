//go:build js && wasm

package worker

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"syscall/js"
	"time"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/browser"
)

// pool keeps one idle worker between analyses and what every worker
// shares.
var pool struct {
	sync.Mutex
	idle   *engine
	module js.Value // the compiled module, once a worker has sent it back
	broken error    // why workers cannot run here, once one failed to start
	gen    int
	// starting is closed when the worker Start starts is idle (or failed).
	starting chan struct{}
}

// Analyze runs reuse.Analyze in a worker and waits for its report;
// opts.Progress is called on the page as the worker reports progress.
// When ctx is done, the worker is terminated and Analyze returns
// ctx.Err() at once. Where workers are missing or fail to start, the
// analysis runs on the page, as reuse.Analyze.
func Analyze(ctx context.Context, docs []reuse.Document, opts reuse.Options) (*reuse.Report, error) {
	e, err := engineFor(ctx, "analysing")
	if err != nil {
		return nil, err
	}
	if e == nil {
		return reuse.Analyze(ctx, docs, opts)
	}
	gen := nextGen()
	var res Result
	err = e.ask(ctx, Request{Gen: gen, Documents: docs, Options: opts}, func(msg any) bool {
		switch m := msg.(type) {
		case Progress:
			if m.Gen == gen && opts.Progress != nil && ctx.Err() == nil {
				opts.Progress(m.Done, m.Total)
			}
		case Result:
			if m.Gen == gen {
				res = m
				return true
			}
		}
		return false
	})
	switch {
	case err != nil:
		return nil, err
	case res.Err != "":
		return nil, errors.New(res.Err)
	}
	return res.Report, nil
}

// Rehearse analyses docs in a worker and drops the report: V8 compiles
// the engine's functions as they first run, and those run most again
// with its optimizing compiler, so a small analysis ahead of a big one
// leaves the big one less to wait for. It never runs on the page: where
// workers cannot run, it does nothing.
func Rehearse(ctx context.Context, docs []reuse.Document, opts reuse.Options) {
	pool.Lock()
	broken := pool.broken
	pool.Unlock()
	if broken != nil {
		return
	}
	e, err := acquire(ctx)
	if err != nil {
		return
	}
	gen := nextGen()
	e.ask(ctx, Request{Gen: gen, Documents: docs, Options: opts}, func(msg any) bool {
		res, ok := msg.(Result)
		return ok && res.Gen == gen
	})
}

// engineFor returns a worker for a request, or nil where workers cannot
// run here, after saying on the console that the page is doing the work
// itself ("analysing on the page: …"). The error is ctx's.
func engineFor(ctx context.Context, doing string) (*engine, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	e, err := acquire(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		js.Global().Get("console").Call("warn", "wirediff: "+doing+" on the page: "+err.Error())
		return nil, nil
	}
	return e, nil
}

// ask sends req to e and hands each message e sends back to answer, until
// answer says it was the last. The request is encoded after a pause, not
// in the task that asked (an import, drawn in the same task), with
// pauses of its own (go-app's frame can run in the task it lands in),
// and copied out of Go in slices; replies are decoded in slices too.
// When ctx is done, or the worker stops or sends what cannot be read, e
// is terminated and ask returns why; otherwise e goes back to the pool.
func (e *engine) ask(ctx context.Context, req any, answer func(msg any) (last bool)) error {
	browser.Breathe()
	e.sendPausing(EncodePausing(nil, req, encodeEvery, browser.Breathe))
	for {
		select {
		case <-ctx.Done():
			e.terminate()
			return ctx.Err()
		case err := <-e.failed:
			e.terminate()
			return fmt.Errorf("the analysis worker stopped (%v)", err)
		case arr := <-e.messages:
			msg, err := DecodePausing(receive(arr), browser.PauseEvery, browser.Breathe)
			if err != nil {
				e.terminate()
				return err
			}
			if answer(msg) {
				release(e)
				return nil
			}
		}
	}
}

// encodeEvery is how long the page encodes a request before it pauses:
// less than browser.PauseEvery, since go-app's frame can run in the same
// task (it runs in whichever task a goroutine wakes it in), and the
// request of a 5 MB paste took 12 ms of that task.
const encodeEvery = 4 * time.Millisecond

// nextGen numbers a new request.
func nextGen() int {
	pool.Lock()
	defer pool.Unlock()
	pool.gen++
	return pool.gen
}

// Start starts a worker ahead of the first analysis, so that compiling
// the module overlaps the page's own start instead of delaying the first
// result.
func Start() {
	pool.Lock()
	if pool.idle != nil || pool.starting != nil || pool.broken != nil {
		pool.Unlock()
		return
	}
	done := make(chan struct{})
	pool.starting = done
	module := pool.module
	pool.Unlock()
	go func() {
		e, err := startReady(context.Background(), module)
		pool.Lock()
		pool.starting = nil
		pool.Unlock()
		if err == nil {
			release(e)
		}
		close(done)
	}()
}

// acquire returns the idle worker, the one Start is starting, or a new
// one once its engine runs. An error means workers cannot run here.
func acquire(ctx context.Context) (*engine, error) {
	for {
		pool.Lock()
		if e := pool.idle; e != nil {
			pool.idle = nil
			pool.Unlock()
			return e, nil
		}
		module, broken, starting := pool.module, pool.broken, pool.starting
		pool.Unlock()
		switch {
		case broken != nil:
			return nil, broken
		case starting != nil:
			select {
			case <-starting:
				continue
			case <-ctx.Done():
				return nil, ctx.Err()
			}
		}
		return startReady(ctx, module)
	}
}

// startReady starts a worker and waits until its engine runs. A failure
// is kept, so that every later analysis goes straight to the page.
func startReady(ctx context.Context, module js.Value) (*engine, error) {
	e, err := start(module)
	if err == nil {
		select {
		case <-ctx.Done():
			e.terminate()
			return nil, ctx.Err()
		case err = <-e.failed:
			e.terminate()
		case arr := <-e.messages:
			if msg, _ := Decode(receive(arr)); msg == (Ready{}) {
				return e, nil
			}
			e.terminate()
			err = errors.New("the worker did not start the engine")
		}
	}
	pool.Lock()
	defer pool.Unlock()
	pool.broken = fmt.Errorf("the analysis worker could not start (%v)", err)
	return nil, pool.broken
}

// release keeps e as the idle worker, or terminates it if there is one.
func release(e *engine) {
	pool.Lock()
	defer pool.Unlock()
	if pool.idle == nil {
		pool.idle = e
		return
	}
	e.terminate()
}

// An engine is one worker running the engine, and its messages.
type engine struct {
	worker   js.Value
	messages chan js.Value // Uint8Arrays, read with receive
	failed   chan error
	funcs    []js.Func
}

// start starts a worker and gives it the compiled module, or the module's
// URL for it to compile and send back.
func start(module js.Value) (e *engine, err error) {
	defer browser.Catch(&err, thrownError)
	if !js.Global().Get("Worker").Truthy() {
		return nil, errors.New("this browser has no Web Workers")
	}
	e = &engine{messages: make(chan js.Value, 1024), failed: make(chan error, 1)}
	e.worker = js.Global().Get("Worker").New(Script)
	e.on("message", func(event js.Value) {
		data := event.Get("data")
		// Copied into Go by the goroutine that reads it (receive), not
		// in this callback's task.
		if data.InstanceOf(js.Global().Get("Uint8Array")) {
			select {
			case e.messages <- data:
			default: // the analysis goroutine is behind: never block a callback
				go func() { e.messages <- data }()
			}
			return
		}
		if data.Type() == js.TypeObject {
			if m := data.Get("module"); m.Truthy() {
				pool.Lock()
				pool.module = m
				pool.Unlock()
				return
			}
			if msg := data.Get("error"); msg.Type() == js.TypeString {
				e.fail(errors.New(msg.String()))
				return
			}
		}
		e.fail(errors.New("it sent a message of an unknown kind"))
	})
	e.on("error", func(event js.Value) {
		event.Call("preventDefault") // reported here, not as an uncaught error
		msg := event.Get("message")
		if msg.Type() != js.TypeString || msg.String() == "" {
			e.fail(errors.New("its script did not load"))
			return
		}
		e.fail(errors.New(msg.String()))
	})
	e.on("messageerror", func(js.Value) { e.fail(errors.New("a message could not be read")) })
	if module.Truthy() {
		e.worker.Call("postMessage", module)
	} else {
		e.worker.Call("postMessage", moduleURL)
	}
	return e, nil
}

// on listens to the worker's events of one type.
func (e *engine) on(event string, handle func(js.Value)) {
	f := js.FuncOf(func(this js.Value, args []js.Value) any {
		handle(args[0])
		return nil
	})
	e.funcs = append(e.funcs, f)
	e.worker.Call("addEventListener", event, f)
}

func (e *engine) fail(err error) {
	select {
	case e.failed <- err:
	default: // the first reason is the one reported
	}
}

// send posts b to the worker, handing its buffer over.
func (e *engine) send(b []byte) {
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	e.worker.Call("postMessage", arr, []any{arr.Get("buffer")})
}

// copySlice is how many bytes of a message sendPausing copies out of Go
// at a time: about 2 ms of the page's thread.
const copySlice = 2 << 20

// sendPausing is send for a long message: it copies b out of Go a slice
// at a time, pausing before each slice (10 MB of articles took 10 to 20
// ms in one copy), the first too: encoding b had a task of its own.
func (e *engine) sendPausing(b []byte) {
	arr := js.Global().Get("Uint8Array").New(len(b))
	for i := 0; i < len(b); i += copySlice {
		browser.Breathe()
		end := min(i+copySlice, len(b))
		js.CopyBytesToJS(arr.Call("subarray", i, end), b[i:end])
	}
	e.worker.Call("postMessage", arr, []any{arr.Get("buffer")})
}

// receive copies a message from the worker into Go, a long one a slice at
// a time, pausing between slices: the 5 MB text of a paste, read in the
// worker, came back in one task of 80 ms of processor time.
func receive(arr js.Value) []byte {
	b := make([]byte, arr.Get("byteLength").Int())
	for i := 0; i < len(b); i += copySlice {
		if i > 0 {
			browser.Breathe()
		}
		end := min(i+copySlice, len(b))
		js.CopyBytesToGo(b[i:end], arr.Call("subarray", i, end))
	}
	return b
}

// sendWith posts b with a JavaScript value beside it, as {input: b,
// value: v}: the worker takes the value as the Input's bytes (serve_js.go).
// A string is copied by the browser, a Blob only referred to.
func (e *engine) sendWith(b []byte, v js.Value) {
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	e.worker.Call("postMessage", map[string]any{"input": arr, "value": v}, []any{arr.Get("buffer")})
}

// terminate stops the worker at once, whatever it is doing.
func (e *engine) terminate() {
	e.worker.Call("terminate")
	for _, f := range e.funcs {
		f.Release()
	}
	e.funcs = nil
}

// thrownError words an exception a syscall/js call threw.
func thrownError(v js.Value) error { return errors.New(js.Error{Value: v}.Error()) }
