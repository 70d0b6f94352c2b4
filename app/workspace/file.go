// The workspace file format: Marshal, Unmarshal and the checks that
// make every saved file readable again.

package workspace

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/ingest"
)

// Marshal encodes w as a workspace file. It refuses a workspace that
// Unmarshal would refuse, so a saved file can always be read back.
func Marshal(w Workspace) ([]byte, error) {
	if err := w.prepare(); err != nil {
		return nil, err
	}
	// Compact, not indented: the browser saves the workspace after every
	// change, and under WebAssembly indenting a large one takes ten times
	// as long as encoding it.
	return json.Marshal(w)
}

// file is what Unmarshal decodes: a workspace plus the fields of a
// wirediff report, to recognise one imported by mistake.
type file struct {
	Workspace
	Documents json.RawMessage `json:"documents"`
	Pairs     json.RawMessage `json:"pairs"`
}

// Unmarshal decodes and checks a workspace file. Its errors say plainly
// what is wrong with the file.
func Unmarshal(data []byte) (Workspace, error) {
	if len(data) > MaxFileBytes {
		return Workspace{}, fmt.Errorf("not imported: the file is larger than %d MiB", MaxFileBytes>>20)
	}
	var f file
	if err := json.Unmarshal(data, &f); err != nil {
		return Workspace{}, jsonError(data, err)
	}
	w := f.Workspace
	if w.Version == 0 && len(w.Articles) == 0 {
		if f.Documents != nil && f.Pairs != nil {
			return Workspace{}, errors.New("not a workspace: this is a wirediff report (its results, not its articles); import a file saved with \"export workspace\"")
		}
		return Workspace{}, errors.New("not a wirediff workspace: the file has no version and no articles")
	}
	// A hand-written time such as "April 12, 2017" is read and kept in
	// canonical form, a URL trimmed; unreadable ones are refused below,
	// naming the article.
	for i, a := range w.Articles {
		if canonical, err := CleanPublished(a.Published); err == nil {
			w.Articles[i].Published = canonical
		}
		if clean, err := CleanURL(a.URL); err == nil {
			w.Articles[i].URL = clean
		}
	}
	w.cleanMarks()
	if err := w.validate(); err != nil {
		return Workspace{}, err
	}
	if w.Articles == nil {
		w.Articles = []Article{}
	}
	if !validView(w.View) {
		w.View = "/" // a bad view only loses the position, never the articles
	}
	return w, nil
}

func jsonError(data []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	switch {
	case errors.As(err, &syn):
		line := 1 + strings.Count(string(data[:min(int(syn.Offset), len(data))]), "\n")
		return fmt.Errorf("not a wirediff workspace: the file is not valid JSON (it breaks off on line %d)", line)
	case errors.As(err, &typ):
		field := strings.TrimPrefix(typ.Field, "Workspace.")
		if field == "" {
			return fmt.Errorf("not a wirediff workspace: the file holds a JSON %s, not an object", typ.Value)
		}
		return fmt.Errorf("not a wirediff workspace: %q should be %s, not a JSON %s", field, kindName(typ.Type.Kind().String()), typ.Value)
	}
	return fmt.Errorf("not a wirediff workspace: %v", err)
}

func kindName(kind string) string {
	switch kind {
	case "int":
		return "a number"
	case "string":
		return "text"
	case "slice":
		return "a list"
	case "struct":
		return "an object"
	}
	return kind
}

func (w Workspace) validate() error { return w.validateEach(func() {}) }

// validateEach is validate, calling tick after each article: the page
// pauses there (pausing.go).
func (w Workspace) validateEach(tick func()) error {
	if err := w.validateHead(); err != nil {
		return err
	}
	seen := make(map[string]bool, len(w.Articles))
	for i := range w.Articles {
		if err := checkArticle(i, &w.Articles[i], seen); err != nil {
			return err
		}
		seen[w.Articles[i].ID] = true
		tick()
	}
	return nil
}

// validateHead is validate but for the checks of each article.
func (w Workspace) validateHead() error {
	switch {
	case w.Version > Version:
		return fmt.Errorf("made by a newer wirediff (format version %d); this one reads version %d", w.Version, Version)
	case w.Version != Version:
		return fmt.Errorf("unknown workspace format version %d; this wirediff reads version %d", w.Version, Version)
	case len(w.Articles) > MaxArticles:
		return fmt.Errorf("too many articles (%d): the limit is %d", len(w.Articles), MaxArticles)
	case w.Next < 0:
		return fmt.Errorf("bad \"next\" value %d", w.Next)
	case len(w.Boilerplate) > MaxMarked:
		return fmt.Errorf("too many texts marked as boilerplate (%d): the limit is %d", len(w.Boilerplate), MaxMarked)
	}
	for i, t := range w.Boilerplate {
		if clean, err := CleanMarked(t); err != nil || clean != t {
			return fmt.Errorf("marked text %d cannot be kept: it is empty, untrimmed or longer than %d characters", i+1, MaxMarkedRunes)
		}
	}
	return nil
}

// checkArticle refuses article i, a, if a workspace cannot hold it; seen
// holds the IDs of the articles before it.
func checkArticle(i int, a *Article, seen map[string]bool) error {
	// Named only when refused: formatting it for each of a thousand
	// articles cost more than the checks.
	return checkArticleNamed(a, seen, func() string { return fmt.Sprintf("article %d", i+1) })
}

// checkArticleNamed is checkArticle with the article called what
// (followed by its title) in the error.
func checkArticleNamed(a *Article, seen map[string]bool, what func() string) error {
	name := func() string {
		where := what()
		if a.Title != "" {
			where += fmt.Sprintf(" (%q)", shorten(a.Title, 40))
		}
		return where
	}
	switch {
	case !ValidID(a.ID):
		return fmt.Errorf("%s has a bad ID %q: IDs are 1 to %d letters, digits, '-' or '_'", name(), shorten(a.ID, 40), maxIDBytes)
	case seen[a.ID]:
		return fmt.Errorf("%s has the ID %q, which an earlier article already has", name(), a.ID)
	case utf8.RuneCountInString(a.Title) > MaxTitleRunes:
		return fmt.Errorf("%s has a title longer than %d characters", name(), MaxTitleRunes)
	case utf8.RuneCountInString(a.Source) > MaxTitleRunes:
		return fmt.Errorf("%s has a source longer than %d characters", name(), MaxTitleRunes)
	case a.Published != "" && !canonicalTime(a.Published):
		return fmt.Errorf("%s has a publication time %q that is not a date or time wirediff reads (such as 2017-04-12 or 2017-04-12T14:05:00+03:00)", name(), shorten(a.Published, 40))
	case a.URL != "" && !cleanURLString(a.URL):
		return fmt.Errorf("%s has a URL %q that is not a web address starting with https:// or http://", name(), shorten(a.URL, 60))
	case len(a.Text) > ingest.MaxBytes:
		return fmt.Errorf("%s is too long (%d bytes): the limit is %d MiB", name(), len(a.Text), ingest.MaxBytes>>20)
	}
	return nil
}

// canonicalTime reports a publication time in canonical form.
func canonicalTime(s string) bool {
	canonical, err := CleanPublished(s)
	return err == nil && canonical == s
}

// cleanURLString reports a URL that CleanURL leaves as it is.
func cleanURLString(s string) bool {
	u, err := CleanURL(s)
	return err == nil && u == s
}

// ValidID reports whether id has the form of the IDs a workspace gives
// its articles: 1 to 32 bytes of letters, digits, "-" and "_", safe in a
// URL. The web app checks the IDs in its URLs with it.
func ValidID(id string) bool {
	if id == "" || len(id) > maxIDBytes {
		return false
	}
	for _, c := range []byte(id) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// validView accepts a route of this app: a path from the root, short and
// free of control characters.
func validView(v string) bool {
	if !strings.HasPrefix(v, "/") || len(v) > 256 {
		return false
	}
	for _, r := range v {
		if r < 0x20 || r == 0x7f {
			return false
		}
	}
	return true
}

// prepare fills in what a file always has (the version, an article list)
// and refuses a workspace that Unmarshal would refuse.
func (w *Workspace) prepare() error { return w.prepareEach(func() {}) }

// prepareEach is prepare, calling tick after each article's checks.
func (w *Workspace) prepareEach(tick func()) error {
	if w.Version == 0 {
		w.Version = Version
	}
	if w.Articles == nil {
		w.Articles = []Article{}
	}
	return w.validateEach(tick)
}
