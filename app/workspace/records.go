// The workspace as the browser keeps it: a record per article and an
// index, so that a change of view rewrites a few bytes, not every text.

package workspace

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/wirediff/wirediff/internal/pace"
)

// An Index is what the browser keeps of a workspace besides its
// articles: their IDs in order, and every other field of the workspace
// (the view, the next ID, the marked texts, the format version). Its
// Workspace has no articles; each is a record of its own (MarshalRecord).
type Index struct {
	Workspace
	IDs []string `json:"ids"`
}

// MarshalIndex encodes w's index. It refuses what UnmarshalIndex would
// refuse: a bad head (see Unmarshal), a bad or repeated ID.
func MarshalIndex(w Workspace) ([]byte, error) {
	if w.Version == 0 {
		w.Version = Version
	}
	if err := w.validateHead(); err != nil {
		return nil, err
	}
	ix := Index{Workspace: w, IDs: make([]string, len(w.Articles))}
	ix.Articles = nil
	for i, a := range w.Articles {
		ix.IDs[i] = a.ID
	}
	if err := ix.checkIDs(); err != nil {
		return nil, err
	}
	return json.Marshal(ix)
}

// UnmarshalIndex decodes and checks an index. A bad view is read as the
// overview, as Unmarshal reads it.
func UnmarshalIndex(data []byte) (Index, error) {
	var ix Index
	if err := json.Unmarshal(data, &ix); err != nil {
		return Index{}, jsonError(data, err)
	}
	if ix.Articles != nil {
		return Index{}, errors.New("the index holds articles, not their IDs")
	}
	ix.cleanMarks()
	if err := ix.validateHead(); err != nil {
		return Index{}, err
	}
	if err := ix.checkIDs(); err != nil {
		return Index{}, err
	}
	if !validView(ix.View) {
		ix.View = "/"
	}
	return ix, nil
}

func (ix Index) checkIDs() error {
	if len(ix.IDs) > MaxArticles {
		return fmt.Errorf("too many articles (%d): the limit is %d", len(ix.IDs), MaxArticles)
	}
	seen := make(map[string]bool, len(ix.IDs))
	for _, id := range ix.IDs {
		switch {
		case !ValidID(id):
			return fmt.Errorf("bad article ID %q", shorten(id, 40))
		case seen[id]:
			return fmt.Errorf("the article ID %q is listed twice", id)
		}
		seen[id] = true
	}
	return nil
}

// Join returns the workspace the index describes, with the articles it
// names in its order, and the IDs it names that articles lacks.
func (ix Index) Join(articles map[string]Article) (w Workspace, missing []string) {
	w = ix.Workspace
	w.Articles = make([]Article, 0, len(ix.IDs))
	for _, id := range ix.IDs {
		if a, ok := articles[id]; ok {
			w.Articles = append(w.Articles, a)
		} else {
			missing = append(missing, id)
		}
	}
	return w, missing
}

// MarshalRecord encodes an article as the browser keeps it: its JSON
// without the text, a newline, then the text's bytes as they are, so
// that a text of megabytes is copied, not escaped (encoding/json takes
// WebAssembly 0.6 s for 5 MB), and read back without being decoded. It
// refuses an article that a workspace file could not hold.
func MarshalRecord(a Article) ([]byte, error) {
	if err := checkArticleNamed(&a, nil, func() string { return "article " + a.ID }); err != nil {
		return nil, err
	}
	text := a.Text
	a.Text = ""
	head, err := json.Marshal(a) // compact, so it holds no newline
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(head)+1+len(text))
	out = append(out, head...)
	out = append(out, '\n')
	return append(out, text...), nil
}

// UnmarshalRecord decodes and checks an article record. A time or URL
// is kept in canonical form, as Unmarshal keeps it.
func UnmarshalRecord(data []byte) (Article, error) {
	nl := bytes.IndexByte(data, '\n')
	if nl < 0 {
		return Article{}, errors.New("not an article record")
	}
	var a Article
	if err := json.Unmarshal(data[:nl], &a); err != nil || a.Text != "" {
		return Article{}, errors.New("not an article record: its head is not an article's JSON")
	}
	a.Text = string(data[nl+1:])
	if canonical, err := CleanPublished(a.Published); err == nil {
		a.Published = canonical
	}
	if clean, err := CleanURL(a.URL); err == nil {
		a.URL = clean
	}
	if err := checkArticleNamed(&a, nil, func() string { return "the article" }); err != nil {
		return Article{}, err
	}
	return a, nil
}

// MarshalRecords is MarshalRecord for each article, calling pause
// whenever every has passed since the last pause.
func MarshalRecords(articles []Article, every time.Duration, pause func()) ([][]byte, error) {
	tick := pace.Every(every, pause)
	out := make([][]byte, len(articles))
	for i, a := range articles {
		var err error
		if out[i], err = MarshalRecord(a); err != nil {
			return nil, err
		}
		tick()
	}
	return out, nil
}

// UnmarshalRecords is UnmarshalRecord for records keyed by the ID of the
// article each should hold, calling pause whenever every has passed
// since the last pause. It returns the articles read and, by ID, why
// each of the others could not be: a nil record is one the browser
// could not read, and a record holding another ID is refused.
func UnmarshalRecords(records map[string][]byte, every time.Duration, pause func()) (map[string]Article, map[string]error) {
	tick := pace.Every(every, pause)
	read := make(map[string]Article, len(records))
	var bad map[string]error
	fail := func(id string, err error) {
		if bad == nil {
			bad = make(map[string]error)
		}
		bad[id] = err
	}
	for id, data := range records {
		a, err := UnmarshalRecord(data)
		switch {
		case data == nil:
			fail(id, errors.New("the browser could not read its record"))
		case err != nil:
			fail(id, err)
		case a.ID != id:
			fail(id, fmt.Errorf("its record holds article %q", shorten(a.ID, 40)))
		default:
			read[id] = a
		}
		tick()
	}
	return read, bad
}
