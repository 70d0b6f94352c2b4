package ui

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/workspace"
	"github.com/wirediff/wirediff/internal/browser"
)

// saver writes snapshots of the workspace in the order they were taken
// (saves run in goroutines, and an older snapshot must never overwrite a
// newer one), each as the records that differ from what the store holds:
// a change of view writes the index alone, an added or edited article
// its record and the index.
type saver struct {
	store Store

	mu    sync.Mutex
	taken int // snapshots taken

	// writing is held while a snapshot is compared with what the store
	// holds and written, and guards the fields below.
	writing sync.Mutex
	last    int                          // the snapshot last written
	listed  []workspace.Article          // the list last loaded or written
	stored  map[string]workspace.Article // the article records kept, as read or written
	whole   bool                         // an earlier version's whole workspace is kept too
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

// save writes w, taken as snapshot number seq, unless a later snapshot
// was taken meanwhile. When the store refuses the write, what it held
// stays as it was, and so does what the saver knows of it: the next
// save writes every change since the last one written.
func (s *saver) save(seq int, w workspace.Workspace) error {
	s.writing.Lock()
	defer s.writing.Unlock()
	if seq <= s.last || s.superseded(seq) {
		return nil
	}
	out, err := s.changes(w)
	if err != nil {
		return encodeError{err}
	}
	if err := s.store.Write(out); err != nil {
		return err
	}
	s.last, s.listed = seq, w.Articles
	s.stored = make(map[string]workspace.Article, len(w.Articles))
	for _, a := range w.Articles {
		s.stored[a.ID] = a
	}
	s.whole = s.whole && !out.DropWhole
	return nil
}

// changes is what writing w takes: its index, the records of its
// articles that are new or differ from those kept, the deletion of
// those it no longer has.
func (s *saver) changes(w workspace.Workspace) (Write, error) {
	index, err := workspace.MarshalIndex(w)
	if err != nil {
		return Write{}, err
	}
	out := Write{Index: index, DropWhole: s.whole}
	// The session never changes a list it handed out: the same list is
	// the same articles, and a change of view or of the marks is cheap.
	if len(w.Articles) > 0 && len(w.Articles) == len(s.listed) && &w.Articles[0] == &s.listed[0] {
		return out, nil
	}
	// The index of 1,000 articles takes some milliseconds to encode, the
	// records as many again: each in a task of its own.
	browser.Breathe()
	var changed []workspace.Article
	keep := make(map[string]bool, len(w.Articles))
	for _, a := range w.Articles {
		keep[a.ID] = true
		// A text kept is compared by its pointer first: the session
		// shares the strings of articles it did not change.
		if old, ok := s.stored[a.ID]; !ok || old != a {
			changed = append(changed, a)
		}
	}
	records, err := workspace.MarshalRecords(changed, browser.PauseEvery, browser.Breathe)
	if err != nil {
		return Write{}, err
	}
	for i, a := range changed {
		out.Put = append(out.Put, Record{ID: a.ID, Data: records[i]})
	}
	for id := range s.stored {
		if !keep[id] {
			out.Delete = append(out.Delete, id)
		}
	}
	slices.Sort(out.Delete)
	return out, nil
}

// restore reads what the store held at load: the workspace saved (nil
// on a first visit, or when nothing of it can be read), why some or all
// of it could not be read, and whether it must be written again at once
// as records (an earlier version's save).
func (s *saver) restore(saved Saved) (ws *workspace.Workspace, rewrite bool, err error) {
	s.writing.Lock()
	defer s.writing.Unlock()
	s.whole = saved.Whole != nil
	articles, bad := workspace.UnmarshalRecords(saved.Articles, browser.PauseEvery, browser.Breathe)
	s.stored = articles // unreadable records are left as they are
	var damaged error
	switch {
	case saved.Index != nil:
		ix, err := workspace.UnmarshalIndex(saved.Index)
		if err == nil {
			w, missing := ix.Join(articles)
			s.listed = w.Articles
			return &w, s.whole, leftOut(missing, bad, len(w.Articles))
		}
		damaged = fmt.Errorf("the list of your articles is damaged (%v)", err)
	case saved.Whole != nil:
		w, err := workspace.UnmarshalPausing(saved.Whole, browser.PauseEvery, browser.Breathe)
		if err != nil {
			return nil, false, err
		}
		return &w, true, nil
	case len(saved.Articles) == 0:
		return nil, false, nil // a first visit
	default:
		damaged = fmt.Errorf("the list of your articles is missing")
	}
	if len(articles) == 0 {
		return nil, false, damaged
	}
	// The articles without their list: in the order they were added
	// (a2 before a10), with the overview.
	w := workspace.Workspace{Version: workspace.Version, View: "/"}
	for _, id := range slices.SortedFunc(maps.Keys(articles), byAge) {
		w.Articles = append(w.Articles, articles[id])
	}
	s.listed = w.Articles
	return &w, false, fmt.Errorf("%v: the %s found are loaded in the order they were added, without the view and the texts marked as boilerplate",
		damaged, export.Plural(len(w.Articles), "article", "articles"))
}

// byAge orders IDs as Add assigns them: a shorter number is older.
func byAge(a, b string) int {
	return cmp.Or(cmp.Compare(len(a), len(b)), strings.Compare(a, b))
}

// leftOut says which articles an index names were left out, and why;
// nil if none. loaded is how many were not.
func leftOut(missing []string, bad map[string]error, loaded int) error {
	if len(missing) == 0 {
		return nil
	}
	const named = 3
	var each []string
	for _, id := range missing[:min(len(missing), named)] {
		why := "its record is missing"
		if err := bad[id]; err != nil {
			why = err.Error()
		}
		each = append(each, fmt.Sprintf("%s (%s)", id, why))
	}
	if more := len(missing) - named; more > 0 {
		each = append(each, export.Thousands(more)+" more")
	}
	list := strings.Join(each, ", ")
	if n := len(each); n > 1 {
		list = strings.Join(each[:n-1], ", ") + " and " + each[n-1]
	}
	return fmt.Errorf("%s left out, %s; the other %s loaded",
		export.Plural(len(missing), "article is", "articles are"), list, export.Plural(loaded, "is", "are"))
}
