//go:build !(js && wasm)

package ui

// platformStore is nil outside the browser: a native build only renders
// the page's static shell, so it never loads or saves anything.
func platformStore() Store { return nil }
