//go:build js && wasm

package browser

import (
	"errors"
	"syscall/js"
)

// Await waits for a promise to settle and returns its value, or its
// rejection worded by word. It blocks, so it must not be called from a
// function JavaScript calls synchronously (a js.FuncOf callback).
func Await(promise js.Value, word func(rejected js.Value) error) (js.Value, error) {
	type settled struct {
		v   js.Value
		err error
	}
	ch := make(chan settled, 1)
	onOK := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- settled{v: args[0]}
		return nil
	})
	onErr := js.FuncOf(func(this js.Value, args []js.Value) any {
		ch <- settled{err: word(args[0])}
		return nil
	})
	defer onOK.Release()
	defer onErr.Release()
	promise.Call("then", onOK, onErr)
	s := <-ch
	return s.v, s.err
}

// BlobBytes copies the bytes of a Blob (a File) into Go once the browser
// has read them; a failure is worded by word. It blocks, as Await does.
func BlobBytes(blob js.Value, word func(thrown js.Value) error) (data []byte, err error) {
	if blob.Type() != js.TypeObject || !blob.InstanceOf(js.Global().Get("Blob")) {
		return nil, errors.New("not a file")
	}
	defer Catch(&err, word)
	buf, err := Await(blob.Call("arrayBuffer"), word)
	if err != nil {
		return nil, err
	}
	arr := js.Global().Get("Uint8Array").New(buf)
	data = make([]byte, arr.Get("length").Int())
	js.CopyBytesToGo(data, arr)
	return data, nil
}
