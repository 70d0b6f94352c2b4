//go:build js && wasm

package main

import "syscall/js"

// cpuSeconds returns the processor time node's process has used, user
// and system (process.cpuUsage): WebAssembly has no processor clock of
// its own, and with node's --single-threaded the process is the run.
func cpuSeconds() float64 {
	u := js.Global().Get("process").Call("cpuUsage")
	return (u.Get("user").Float() + u.Get("system").Float()) / 1e6
}
