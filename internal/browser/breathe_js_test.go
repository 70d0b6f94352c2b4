//go:build js && wasm

package browser

import (
	"sync"
	"syscall/js"
	"testing"
	"time"
)

// work keeps the thread for d, as a slice of long work does.
func work(d time.Duration) {
	for start := time.Now(); time.Since(start) < d; {
	}
}

func TestBreatheGivesTheThreadBackWhileTwoGoroutinesWorkInTurn(t *testing.T) {
	ran := make(chan struct{})
	callback := js.FuncOf(func(js.Value, []js.Value) any { close(ran); return nil })
	defer callback.Release()
	js.Global().Call("setTimeout", callback, 0)

	stop := make(chan struct{})
	var wg sync.WaitGroup
	for range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				select {
				case <-stop:
					return
				default:
				}
				work(5 * time.Millisecond)
				Breathe()
			}
		}()
	}
	select {
	case <-ran:
	case <-time.After(2 * time.Second):
		t.Error("a timer of the page did not run in 2 s while two goroutines worked in slices and breathed between them")
	}
	close(stop)
	wg.Wait()
}

func TestGoroutinesThatBreatheAtOnceWakeInTasksOfTheirOwn(t *testing.T) {
	// A microtask clears the mark at the end of the task that set it: a
	// goroutine that finds it still set woke in the same task.
	global := js.Global()
	unmark := js.FuncOf(func(js.Value, []js.Value) any { global.Set("breatheMark", false); return nil })
	const n = 3
	shared := make(chan bool, n)
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			Breathe()
			shared <- global.Get("breatheMark").Truthy()
			global.Set("breatheMark", true)
			global.Call("queueMicrotask", unmark)
		}()
	}
	wg.Wait()
	Breathe() // the last microtask has run
	unmark.Release()
	close(shared)
	for same := range shared {
		if same {
			t.Error("two goroutines that breathed at once woke in one task: their slices of work add up in it")
		}
	}
}
