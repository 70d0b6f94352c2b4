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
	idbVersion = 2 // 2 added the article records
	// idbWorkspace holds the index, and where an earlier version left it,
	// the whole workspace.
	idbWorkspace = "workspace"
	idbArticles  = "articles" // the article records, by ID
	indexKey     = "index"
	wholeKey     = "current"

	localIndex   = "wirediff.index"
	localArticle = "wirediff.article." // + ID
	localWhole   = "wirediff.workspace"

	// A write puts at most this many records, of this many bytes, in one
	// task: 1,000 articles are not copied out of Go in one.
	batchRecords = 50
	batchBytes   = 1 << 20
)

// errBlocked is an older version's tab that holds the database open, so
// it cannot be upgraded. Nothing falls back to localStorage then, which
// would show no articles and save over none.
var errBlocked = errors.New("wirediff is open in another tab of an older version: close it, then reload this page")

// browserStore is the browser's Store.
type browserStore struct {
	once    sync.Once
	db      js.Value
	local   bool // IndexedDB cannot be used: localStorage is
	openErr error
}

func platformStore() Store { return &browserStore{} }

func (s *browserStore) open() error {
	s.once.Do(func() {
		s.db, s.openErr = openDB()
		if s.openErr != nil && !errors.Is(s.openErr, errBlocked) {
			s.local, s.openErr = true, nil
		}
	})
	return s.openErr
}

// Load reads every record in one transaction, so it sees whole saves
// only.
func (s *browserStore) Load() (saved Saved, err error) {
	if err := s.open(); err != nil {
		return Saved{}, err
	}
	if s.local {
		return loadLocal()
	}
	defer browser.Catch(&err, jsError)
	tx := s.db.Call("transaction", []any{idbWorkspace, idbArticles}, "readonly")
	meta := tx.Call("objectStore", idbWorkspace)
	arts := tx.Call("objectStore", idbArticles)
	index := meta.Call("get", indexKey)
	whole := meta.Call("get", wholeKey)
	keys := arts.Call("getAllKeys")
	values := arts.Call("getAll")
	if err := awaitRequest(tx, "complete", "error", "abort"); err != nil {
		return Saved{}, err
	}
	if saved.Index, err = valueBytes(index.Get("result")); err != nil {
		return Saved{}, err
	}
	// An earlier version saved a string, then a byte array, then a Blob.
	if saved.Whole, err = valueBytes(whole.Get("result")); err != nil {
		return Saved{}, err
	}
	saved.Articles = recordBytes(keys.Get("result"), values.Get("result"))
	return saved, nil
}

// Write makes the save in one transaction. A write the browser refuses
// (quota, or any exception from put) comes back as an error and aborts
// it; nothing falls back silently, so the user learns the work is not
// kept.
func (s *browserStore) Write(w Write) (err error) {
	if err := s.open(); err != nil {
		return err
	}
	if s.local {
		return writeLocal(w)
	}
	// In a task of its own: copying records and handing them to
	// IndexedDB added to whatever task the save's goroutine happened to
	// run in (a slice of drawing).
	browser.Breathe()
	defer browser.Catch(&err, jsError)
	tx := s.db.Call("transaction", []any{idbWorkspace, idbArticles}, "readwrite")
	meta := tx.Call("objectStore", idbWorkspace)
	arts := tx.Call("objectStore", idbArticles)

	// The records go in batches, each in a task of its own: the next
	// batch is put when the last request of the one before succeeds, and
	// a transaction stays open for requests made in its events.
	put := w.Put
	failed := make(chan error, 1)
	var next js.Func
	batch := func() (err error) {
		defer browser.Catch(&err, jsError)
		var last js.Value
		for n, size := 0, 0; len(put) > 0 && n < batchRecords && (n == 0 || size+len(put[0].Data) <= batchBytes); n++ {
			last = arts.Call("put", recordValue(put[0].Data), put[0].ID)
			size += len(put[0].Data)
			put = put[1:]
		}
		if len(put) > 0 {
			last.Set("onsuccess", next)
		}
		return nil
	}
	next = js.FuncOf(func(js.Value, []js.Value) any {
		if err := batch(); err != nil {
			failed <- err
			abort(tx)
		}
		return nil
	})
	defer next.Release()
	start := func() (err error) {
		defer browser.Catch(&err, jsError)
		meta.Call("put", recordValue(w.Index), indexKey)
		if w.DropWhole {
			meta.Call("delete", wholeKey)
		}
		for _, id := range w.Delete {
			arts.Call("delete", id)
		}
		return batch()
	}
	if err := start(); err != nil {
		abort(tx)
		return err
	}
	err = awaitRequest(tx, "complete", "error", "abort")
	select {
	case err = <-failed: // the batch's exception says more than the abort
	default:
	}
	return err
}
