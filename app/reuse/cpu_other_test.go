//go:build !unix

package reuse_test

// cpuSeconds is not measured here (WebAssembly has no processor clock).
func cpuSeconds() (float64, bool) { return 0, false }
