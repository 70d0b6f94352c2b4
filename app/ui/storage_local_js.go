//go:build js && wasm

package ui

import (
	"errors"
	"strings"
	"syscall/js"

	"github.com/wirediff/wirediff/internal/browser"
)

// localStorage, where IndexedDB cannot be used: a key per record.

func localStorage() (js.Value, error) {
	ls := js.Global().Get("localStorage")
	if !ls.Truthy() {
		return js.Undefined(), errors.New("this browser keeps no storage for the page")
	}
	return ls, nil
}

func loadLocal() (saved Saved, err error) {
	defer browser.Catch(&err, jsError)
	ls, err := localStorage()
	if err != nil {
		return Saved{}, err
	}
	item := func(key string) []byte {
		v := ls.Call("getItem", key)
		if v.Type() != js.TypeString {
			return nil
		}
		return []byte(v.String())
	}
	saved.Index, saved.Whole = item(localIndex), item(localWhole)
	saved.Articles = make(map[string][]byte)
	for i := range ls.Get("length").Int() {
		if key := ls.Call("key", i).String(); strings.HasPrefix(key, localArticle) {
			saved.Articles[strings.TrimPrefix(key, localArticle)] = item(key)
		}
	}
	return saved, nil
}

// writeLocal makes the save in localStorage, which has no transactions:
// when a write fails, what it changed is put back.
func writeLocal(w Write) (err error) {
	type was struct {
		key   string
		value js.Value // null: none
	}
	var undo []was
	defer func() {
		if err == nil {
			return
		}
		var ignored error
		defer browser.Catch(&ignored, jsError)
		ls := js.Global().Get("localStorage")
		for i := len(undo) - 1; i >= 0; i-- {
			if u := undo[i]; u.value.IsNull() {
				ls.Call("removeItem", u.key)
			} else {
				ls.Call("setItem", u.key, u.value)
			}
		}
	}()
	defer browser.Catch(&err, jsError)
	ls, err := localStorage()
	if err != nil {
		return err
	}
	set := func(key string, value any) {
		undo = append(undo, was{key, ls.Call("getItem", key)})
		if value == nil {
			ls.Call("removeItem", key)
		} else {
			ls.Call("setItem", key, value)
		}
	}
	for _, id := range w.Delete {
		set(localArticle+id, nil)
	}
	if w.DropWhole {
		set(localWhole, nil)
	}
	for _, r := range w.Put {
		set(localArticle+r.ID, string(r.Data))
	}
	set(localIndex, string(w.Index))
	return nil
}
