//go:build js && wasm

package ui

import (
	"errors"
	"sync"
	"syscall/js"

	"github.com/wirediff/wirediff/internal/browser"
)

// Where the workspace is kept: IndexedDB holds far more than the ~5
// million characters localStorage allows; localStorage is the fallback
// when IndexedDB is missing (some private modes) or will not open.
const (
	idbName    = "wirediff"
	idbStore   = "workspace"
	idbKey     = "current"
	localKey   = "wirediff.workspace"
	idbVersion = 1
)

// browserStore is the browser's Store.
type browserStore struct {
	once    sync.Once
	db      js.Value
	openErr error
}

func platformStore() Store { return &browserStore{} }

func (s *browserStore) open() {
	s.once.Do(func() { s.db, s.openErr = openDB() })
}

// Load reads the saved workspace from IndexedDB, or from localStorage
// when IndexedDB cannot be used.
func (s *browserStore) Load() (data []byte, err error) {
	s.open()
	if s.openErr != nil {
		return loadLocal()
	}
	defer browser.Catch(&err, jsError)
	tx := s.db.Call("transaction", idbStore, "readonly")
	req := tx.Call("objectStore", idbStore).Call("get", idbKey)
	if err := awaitRequest(req, "success", "error"); err != nil {
		return nil, err
	}
	v := req.Get("result")
	switch {
	case v.Type() == js.TypeString: // saved by an earlier version
		return []byte(v.String()), nil
	case v.InstanceOf(js.Global().Get("Blob")):
		return browser.BlobBytes(v, jsError)
	case v.InstanceOf(js.Global().Get("Uint8Array")): // saved by an earlier version
		data := make([]byte, v.Get("length").Int())
		js.CopyBytesToGo(data, v)
		return data, nil
	}
	return nil, nil // first visit
}

// Save replaces the saved workspace. A write the browser refuses (quota,
// or any exception from put or setItem) comes back as an error; nothing
// falls back silently, so the user learns the work is not kept.
func (s *browserStore) Save(data []byte) (err error) {
	s.open()
	if s.openErr != nil {
		return saveLocal(data)
	}
	defer browser.Catch(&err, jsError)
	// In a task of its own: copying the workspace and handing it to
	// IndexedDB takes milliseconds a megabyte, which added to whatever
	// task the save's goroutine happened to run in (a slice of drawing).
	browser.Breathe()
	// Kept as a Blob of the bytes: a string of megabytes is decoded from
	// UTF-8 in one task, and IndexedDB copies a byte array's megabytes
	// in the call to put (about 40 ms for 5 MB in a profile); a Blob's
	// bytes are copied once, and put only refers to them.
	arr := js.Global().Get("Uint8Array").New(len(data))
	js.CopyBytesToJS(arr, data)
	blob := js.Global().Get("Blob").New([]any{arr})
	tx := s.db.Call("transaction", idbStore, "readwrite")
	tx.Call("objectStore", idbStore).Call("put", blob, idbKey)
	return awaitRequest(tx, "complete", "error", "abort")
}

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
		if !db.Get("objectStoreNames").Call("contains", idbStore).Bool() {
			db.Call("createObjectStore", idbStore)
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
	return req.Get("result"), nil
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

func loadLocal() (data []byte, err error) {
	defer browser.Catch(&err, jsError)
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return nil, errors.New("this browser keeps no storage for the page")
	}
	v := ls.Call("getItem", localKey)
	if v.Type() != js.TypeString {
		return nil, nil
	}
	return []byte(v.String()), nil
}

func saveLocal(data []byte) (err error) {
	defer browser.Catch(&err, jsError)
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return errors.New("this browser keeps no storage for the page")
	}
	ls.Call("setItem", localKey, string(data))
	return nil
}
