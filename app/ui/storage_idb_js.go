//go:build js && wasm

package ui

import (
	"errors"
	"syscall/js"

	"github.com/wirediff/wirediff/internal/browser"
)

// IndexedDB: opening the database, waiting for its events, and the
// values it keeps.

func openDB() (db js.Value, err error) {
	defer browser.Catch(&err, jsError)
	idb := js.Global().Get("indexedDB")
	if !idb.Truthy() {
		return js.Undefined(), errors.New("IndexedDB is not available")
	}
	req := idb.Call("open", idbName, idbVersion)
	upgrade := js.FuncOf(func(this js.Value, args []js.Value) any {
		defer func() { recover() }() // a failed upgrade surfaces as the request's error
		db := req.Get("result")
		for _, name := range []string{idbWorkspace, idbArticles} {
			if !db.Get("objectStoreNames").Call("contains", name).Bool() {
				db.Call("createObjectStore", name)
			}
		}
		return nil
	})
	defer upgrade.Release()
	req.Set("onupgradeneeded", upgrade)
	err = awaitRequest(req, "success", "error", "blocked")
	req.Set("onupgradeneeded", js.Null())
	if err != nil {
		return js.Undefined(), err
	}
	db = req.Get("result")
	// A later version's tab cannot upgrade the database while this one
	// holds it open: this tab gives it up (and cannot save after that).
	db.Set("onversionchange", js.FuncOf(func(js.Value, []js.Value) any {
		db.Call("close")
		return nil
	}))
	return db, nil
}

// awaitRequest waits for an IndexedDB request or transaction to fire its
// success event or one of its failure events.
func awaitRequest(target js.Value, ok string, failures ...string) error {
	done := make(chan error, 1)
	var funcs []js.Func
	events := append([]string{ok}, failures...)
	for _, event := range events {
		fn := js.FuncOf(func(this js.Value, args []js.Value) any {
			var err error
			if event != ok {
				err = eventError(target, event, args)
			}
			select {
			case done <- err:
			default: // an abort after an error: the first one counts
			}
			return nil
		})
		funcs = append(funcs, fn)
		target.Set("on"+event, fn)
	}
	err := <-done
	for i, event := range events {
		target.Set("on"+event, js.Null())
		funcs[i].Release()
	}
	return err
}

// eventError finds the error behind a failure event: the failing
// request's (a transaction's error is only set once it aborts).
func eventError(target js.Value, event string, args []js.Value) error {
	if len(args) > 0 {
		if t := args[0].Get("target"); t.Truthy() {
			if e := t.Get("error"); e.Truthy() {
				return jsError(e)
			}
		}
	}
	if e := target.Get("error"); e.Truthy() {
		return jsError(e)
	}
	if event == "blocked" {
		return errors.New("the database is blocked by another tab")
	}
	return errors.New("the browser's storage failed (" + event + ")")
}

// blobFrom is the size from which a record is kept as a Blob, not as a
// byte array. IndexedDB copies a byte array's bytes in the call to put
// (about 40 ms for 5 MB in a profile), and only refers to a Blob's; but
// a Blob costs the browser a round trip to make and a file to commit: in
// Chromium, 1,000 records of 2 KB took 95–202 ms to make as Blobs, 38–75
// ms to put and 184–360 ms to commit, against 1.2–1.5 ms, 23–66 ms and
// 13–54 ms as byte arrays (e2e: TestRecordsOfAThousandArticlesAsBlobs...).
const blobFrom = 256 << 10

// recordValue is data as IndexedDB keeps it: a byte array, or a Blob of
// one when it is big. Never a string, which the browser decodes from
// UTF-8 in one go.
func recordValue(data []byte) js.Value {
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	if len(data) < blobFrom {
		return arr
	}
	return js.Global().Get("Blob").New([]any{arr})
}

// abort aborts a transaction that may have ended already.
func abort(tx js.Value) {
	var ignored error
	defer browser.Catch(&ignored, jsError)
	tx.Call("abort")
}

// valueBytes is the bytes of a value kept: nil for none.
func valueBytes(v js.Value) ([]byte, error) {
	switch {
	case v.IsUndefined() || v.IsNull():
		return nil, nil
	case v.Type() == js.TypeString:
		return []byte(v.String()), nil
	case v.InstanceOf(js.Global().Get("Blob")):
		return browser.BlobBytes(v, jsError)
	case v.InstanceOf(js.Global().Get("Uint8Array")):
		data := make([]byte, v.Get("length").Int())
		js.CopyBytesToGo(data, v)
		return data, nil
	}
	return nil, errors.New("the browser's storage holds something this version cannot read")
}

// recordBytes reads the article records, given the keys and values of
// their store in one order. Their Blobs are read as one, so that many
// take one read; if that fails, one at a time, and a record that cannot
// be read is nil.
func recordBytes(keys, values js.Value) map[string][]byte {
	n := keys.Get("length").Int()
	out := make(map[string][]byte, n)
	var blobs []any
	var blobIDs []string
	var sizes []int
	for i := range n {
		k, v := keys.Index(i), values.Index(i)
		if k.Type() != js.TypeString {
			continue // no record of this version's
		}
		id := k.String()
		if v.InstanceOf(js.Global().Get("Blob")) {
			blobs, blobIDs = append(blobs, v), append(blobIDs, id)
			sizes = append(sizes, v.Get("size").Int())
			continue
		}
		out[id], _ = valueBytes(v)
	}
	if len(blobs) == 0 {
		return out
	}
	all, err := browser.BlobBytes(js.Global().Get("Blob").New(blobs), jsError)
	total := 0
	for _, size := range sizes {
		total += size
	}
	if err == nil && len(all) == total {
		for i, id := range blobIDs {
			out[id], all = all[:sizes[i]:sizes[i]], all[sizes[i]:]
		}
		return out
	}
	for i, id := range blobIDs {
		out[id], _ = browser.BlobBytes(blobs[i].(js.Value), jsError)
	}
	return out
}
