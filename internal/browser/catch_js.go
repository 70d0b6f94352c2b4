//go:build js && wasm

package browser

import "syscall/js"

// Catch, deferred by a function with a named error result, turns a
// JavaScript exception thrown by a syscall/js call in it (new Worker on
// a blocked script, IndexedDB's put over quota) into that error, worded
// by word from the thrown value. Any other panic goes on.
func Catch(err *error, word func(thrown js.Value) error) {
	r := recover()
	if r == nil {
		return
	}
	if e, ok := r.(js.Error); ok {
		*err = word(e.Value)
		return
	}
	panic(r)
}
