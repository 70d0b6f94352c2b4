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
// arrive once Go has returned the thread, so every goroutine waiting in
// Breathe waits for the same return.
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
			waiting := breath.waiting
			breath.waiting = nil
			breath.Unlock()
			for _, w := range waiting {
				close(w)
			}
			return nil
		})
		mc.Get("port2").Set("onmessage", breath.wake)
		breath.port = mc.Get("port1")
	}
	first := len(breath.waiting) == 0
	breath.waiting = append(breath.waiting, ch)
	port := breath.port
	breath.Unlock()
	if first {
		port.Call("postMessage", nil)
	}
	<-ch
}

// breath is the channel Breathe posts to and the goroutines waiting for
// its message; the message wakes them all.
var breath struct {
	sync.Mutex
	port    js.Value // zero (undefined) until the first Breathe
	wake    js.Func
	waiting []chan struct{}
}
