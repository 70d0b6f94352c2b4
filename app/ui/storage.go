package ui

import (
	"errors"
	"maps"
	"sync"
)

// A Store keeps the workspace between visits as records: one per
// article, keyed by its ID (workspace.MarshalRecord), and an index of
// the rest (workspace.MarshalIndex), so that a change of view writes the
// index alone. Both methods may block and are called off the UI
// goroutine.
type Store interface {
	// Load returns every record kept: none on a first visit.
	Load() (Saved, error)
	// Write makes one save, all of it or, when it returns an error, none
	// of it: a later Load never sees half a save.
	Write(w Write) error
}

// Saved is what a Store keeps.
type Saved struct {
	Index []byte // nil if none
	// Articles are the article records by ID. A record the browser could
	// not read is nil.
	Articles map[string][]byte
	// Whole is the whole workspace, as a workspace file, where a version
	// before the records saved it; nil if none.
	Whole []byte
}

// A Record is an article's record and the ID it is kept under.
type Record struct {
	ID   string
	Data []byte
}

// A Write is one save: the index, the article records to put and those
// to delete, and whether to delete the whole workspace an earlier
// version saved.
type Write struct {
	Index     []byte
	Put       []Record
	Delete    []string
	DropWhole bool
}

// ErrStorageFull is what a Store returns when the browser refuses a write
// because the origin's quota is used up.
var ErrStorageFull = errors.New("the browser's storage for this page is full")

// MemoryStore is a Store that keeps the records in memory: the native
// stand-in for IndexedDB in tests. Saved is what it holds (set it to
// start with an earlier save); Fail, when set, is returned by every
// Write, which then changes nothing.
type MemoryStore struct {
	mu    sync.Mutex
	Saved Saved
	Fail  error
}

// Load returns a copy of what the store holds.
func (s *MemoryStore) Load() (Saved, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.Saved
	out.Articles = maps.Clone(s.Saved.Articles)
	return out, nil
}

// Write applies w, unless Fail is set.
func (s *MemoryStore) Write(w Write) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Fail != nil {
		return s.Fail
	}
	s.Saved.Index = w.Index
	if s.Saved.Articles == nil {
		s.Saved.Articles = make(map[string][]byte)
	}
	for _, r := range w.Put {
		s.Saved.Articles[r.ID] = r.Data
	}
	for _, id := range w.Delete {
		delete(s.Saved.Articles, id)
	}
	if w.DropWhole {
		s.Saved.Whole = nil
	}
	return nil
}
