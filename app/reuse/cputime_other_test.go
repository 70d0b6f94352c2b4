//go:build !linux

package reuse_test

import "time"

var processStart = time.Now()

// processTime is the time elapsed: this system's CPU time is not read
// here (in WebAssembly there is no other).
func processTime() time.Duration { return time.Since(processStart) }
