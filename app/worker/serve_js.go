//go:build js && wasm

package worker

import (
	"context"
	"fmt"
	"syscall/js"

	"github.com/wirediff/wirediff/app/reuse"
)

// engineMark is the global that web/engine.js sets before it starts the
// module in a worker.
const engineMark = "wirediffEngine"

// InWorker reports whether this module was started by the engine's
// worker script rather than by the page.
func InWorker() bool {
	return js.Global().Get(engineMark).Truthy()
}

// Serve answers the page's requests (analyses, comparisons and reads),
// one at a time, and never returns. The engine holds the worker's thread
// while it works; cancelling is the page's to do, by terminating the
// worker.
func Serve() {
	requests := make(chan request, 1)
	js.Global().Set("onmessage", js.FuncOf(func(this js.Value, args []js.Value) any {
		data := args[0].Get("data")
		r := request{value: js.Undefined()}
		ok := false
		if r.b, ok = bytesOf(data); !ok && data.Type() == js.TypeObject {
			// An Input whose bytes are still JavaScript's (sendWith).
			if r.b, ok = bytesOf(data.Get("input")); ok {
				r.value = data.Get("value")
			}
		}
		if ok {
			// A callback must not block: hand over from a goroutine.
			go func() { requests <- r }()
		}
		return nil
	}))
	post(Encode(nil, Ready{}))
	for r := range requests {
		msg, err := Decode(r.b)
		switch req := msg.(type) {
		case Request:
			post(Encode(nil, answer(req)))
		case Comparison:
			post(Encode(nil, answerComparison(req)))
		case Input:
			if !r.value.IsUndefined() {
				if req.Data, err = valueBytes(r.value); err != nil {
					post(Encode(nil, Text{Gen: req.Gen, Err: "it could not be read (" + err.Error() + ")"}))
					continue
				}
			}
			post(Encode(nil, answerRead(req)))
		default:
			// A page and worker of different versions: say so rather than hang.
			post(Encode(nil, Result{Err: fmt.Sprintf("the analysis worker could not read the request (%v)", err)}))
		}
	}
}

// A request is a message from the page: its bytes, and the JavaScript
// value sent beside them (undefined if none).
type request struct {
	b     []byte
	value js.Value
}

// answer runs the engine on one request, turning a panic into an error
// as the page's own analysis does.
func answer(req Request) (res Result) {
	res.Gen = req.Gen
	defer func() {
		if r := recover(); r != nil {
			res = Result{Gen: req.Gen, Err: fmt.Sprintf("the analysis stopped unexpectedly: %v", r)}
		}
	}()
	opts := req.Options
	opts.Progress = func(done, total int) {
		post(Encode(nil, Progress{Gen: req.Gen, Done: done, Total: total}))
	}
	report, err := reuse.Analyze(context.Background(), req.Documents, opts)
	if err != nil {
		res.Err = err.Error()
		return res
	}
	res.Report = report
	return res
}

// answerComparison compares one pair, turning a panic into an error as
// answer does.
func answerComparison(req Comparison) (res Compared) {
	res.Gen = req.Gen
	defer func() {
		if r := recover(); r != nil {
			res = Compared{Gen: req.Gen, Err: fmt.Sprintf("the comparison stopped unexpectedly: %v", r)}
		}
	}()
	pair, err := reuse.Compare(context.Background(), req.A, req.B, req.Options)
	if err != nil {
		res.Err = err.Error()
		return res
	}
	res.Pair = &pair
	return res
}

// post sends b to the other side, handing its buffer over rather than
// copying it.
func post(b []byte) {
	arr := js.Global().Get("Uint8Array").New(len(b))
	js.CopyBytesToJS(arr, b)
	js.Global().Call("postMessage", arr, []any{arr.Get("buffer")})
}

// bytesOf copies a message's bytes into Go; ok is false when the message
// is no Uint8Array.
func bytesOf(data js.Value) (b []byte, ok bool) {
	if !data.InstanceOf(js.Global().Get("Uint8Array")) {
		return nil, false
	}
	b = make([]byte, data.Get("byteLength").Int())
	js.CopyBytesToGo(b, data)
	return b, true
}
