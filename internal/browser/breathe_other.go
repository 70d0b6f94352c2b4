//go:build !(js && wasm)

package browser

import "runtime"

// Breathe lets other goroutines run: outside the browser no thread is
// the page's.
func Breathe() { runtime.Gosched() }
