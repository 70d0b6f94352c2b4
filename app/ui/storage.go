package ui

import (
	"errors"
	"sync"

	"github.com/wirediff/wirediff/app/workspace"
	"github.com/wirediff/wirediff/internal/browser"
)

// A Store keeps the saved workspace (its JSON) between visits. Both
// methods may block and are called off the UI goroutine.
type Store interface {
	// Load returns the saved data, or nil and no error on a first visit.
	Load() ([]byte, error)
	// Save replaces the saved data.
	Save(data []byte) error
}

// ErrStorageFull is what a Store returns when the browser refuses a write
// because the origin's quota is used up.
var ErrStorageFull = errors.New("the browser's storage for this page is full")

// MemoryStore is a Store that keeps the data in memory: the native stand-in
// for IndexedDB in tests. Fail, when set, is returned by every Save.
type MemoryStore struct {
	mu   sync.Mutex
	data []byte
	Fail error
}

// Load returns the last saved data.
func (s *MemoryStore) Load() ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.data == nil {
		return nil, nil
	}
	return append([]byte(nil), s.data...), nil
}

// Save keeps a copy of data, unless Fail is set.
func (s *MemoryStore) Save(data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.Fail != nil {
		return s.Fail
	}
	s.data = append([]byte(nil), data...)
	return nil
}

// saver writes snapshots in the order they were taken: saves run in
// goroutines, and an older snapshot must never overwrite a newer one.
type saver struct {
	mu    sync.Mutex
	store Store
	taken int // snapshots taken
	last  int // the snapshot last written

	// Snapshots are encoded one at a time, each reusing the encoding of
	// the articles when only the view or the marks changed.
	encoding sync.Mutex
	encoder  workspace.Encoder
}

// encode encodes a snapshot of the workspace in slices (see persist).
func (s *saver) encode(w workspace.Workspace) ([]byte, error) {
	s.encoding.Lock()
	defer s.encoding.Unlock()
	return s.encoder.MarshalPausing(w, browser.PauseEvery, browser.Breathe)
}

// next numbers a new snapshot.
func (s *saver) next() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.taken++
	return s.taken
}

// superseded reports that a later snapshot than seq was taken: seq need
// not be written.
func (s *saver) superseded(seq int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return seq < s.taken
}

// save writes data taken as snapshot number seq, unless a later snapshot
// was already written.
func (s *saver) save(seq int, data []byte) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if seq <= s.last {
		return nil
	}
	if err := s.store.Save(data); err != nil {
		return err
	}
	s.last = seq
	return nil
}
