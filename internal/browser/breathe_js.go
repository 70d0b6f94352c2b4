//go:build js && wasm

package browser

import (
	"sync"
	"syscall/js"
)

// Breathe returns once the browser has had the thread: it waits for a
// message posted to a MessageChannel, which the browser delivers as a
// task of its own, after input and painting that are due.
//
// A timer would not do: Go returns the thread to the browser only when
// none of its goroutines can run, and two goroutines that each work in
// slices and sleep a millisecond between them (saving the workspace
// while the article list is drawn) keep one another runnable, so the
// page never got the thread back for half a second. A message can only
// arrive once Go has returned the thread.
//
// Each call posts a message of its own, and each message wakes one
// waiting goroutine, the longest waiting: goroutines that work in slices
// at the same time take turns, a task each. Woken together, their slices
// added up in one task (saving, drawing the article list and decoding
// the analysis's report: 40 to 80 ms of processor time in journey 22).
//
// Breathe must not be called from a function JavaScript calls
// synchronously (a js.FuncOf callback): the message cannot arrive until
// that function returns.
func Breathe() {
	ch := make(chan struct{})
	breath.Lock()
	if breath.port.IsUndefined() {
		mc := js.Global().Get("MessageChannel").New()
		breath.wake = js.FuncOf(func(js.Value, []js.Value) any {
			breath.Lock()
			var first chan struct{}
			if len(breath.waiting) > 0 {
				first = breath.waiting[0]
				breath.waiting[0] = nil // not kept alive by the array
				breath.waiting = breath.waiting[1:]
			}
			breath.Unlock()
			if first != nil {
				close(first)
			}
			return nil
		})
		mc.Get("port2").Set("onmessage", breath.wake)
		breath.port = mc.Get("port1")
	}
	breath.waiting = append(breath.waiting, ch)
	port := breath.port
	breath.Unlock()
	port.Call("postMessage", nil)
	<-ch
}

// breath is the channel Breathe posts to and the goroutines waiting for
// its messages, in the order they called: a message wakes the first.
var breath struct {
	sync.Mutex
	port    js.Value // zero (undefined) until the first Breathe
	wake    js.Func
	waiting []chan struct{}
}
