package worker

import "time"

// Go runs on the page's only thread: long work on the page (decoding a
// report here, reading or saving a workspace in the user interface)
// pauses every PauseEvery, for a millisecond (Breathe), so the browser
// can handle input and paint between the slices. A report of 1,000
// articles takes about 90 ms to decode in WebAssembly (BenchmarkReport).
const PauseEvery = 20 * time.Millisecond

// Breathe hands the thread back to the browser for a moment: a sleeping
// goroutine, and none runnable, returns control to the event loop.
func Breathe() { time.Sleep(time.Millisecond) }
