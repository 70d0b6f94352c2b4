// Package workspace is the list of articles a user is comparing and its
// JSON file format, used both to save the list in the browser and to
// export and import it as a file.
package workspace

import (
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/reuse"
)

// Version is the format version Marshal writes and Unmarshal reads.
//
// An article's "published" and "url" came later and stayed version 1:
// both are optional and left out when empty, so a file without them is
// byte for byte what the first version wrote, and an older wirediff that
// imports a newer file keeps every article, only not those two fields.
const Version = 1

// Limits Unmarshal enforces, so a bad or hostile file cannot exhaust the
// browser tab that imports it.
const (
	MaxArticles   = 10000
	MaxFileBytes  = 256 << 20
	MaxTitleRunes = 500
	maxIDBytes    = 32
	// MaxMarked and MaxMarkedRunes bound the texts a user marks as
	// boilerplate: each is a passage, not an article.
	MaxMarked      = 200
	MaxMarkedRunes = 5000
)

// An Article is one text the user added.
type Article struct {
	// ID is stable, short and URL-safe ("a1", "a2", ...): views name
	// articles by it in the URL.
	ID     string `json:"id"`
	Title  string `json:"title"`
	Source string `json:"source"`
	// Published is the publication time in ingest.ParseTime's canonical
	// form: RFC 3339 ("2017-04-12T14:05:00+03:00") or a date alone
	// ("2017-04-12"); "" if unknown.
	Published string `json:"published,omitempty"`
	// URL is the article's web address, http or https; "" if unknown.
	URL  string `json:"url,omitempty"`
	Text string `json:"text"`
}

// A Workspace is the articles being compared and the current view.
type Workspace struct {
	Version  int       `json:"version"`
	Articles []Article `json:"articles"`
	// View is the current route, e.g. "/" or "/#pair/a1/a2", restored on
	// reload.
	View string `json:"view"`
	// Next is the number of the next ID Add assigns, so an ID is not
	// reused for a different article after a removal.
	Next int `json:"next,omitempty"`
	// Boilerplate is the texts the user marked as boilerplate, trimmed,
	// without duplicates, in the order marked. Left out when empty, so a
	// file without marks is what version 1 always wrote.
	Boilerplate []string `json:"boilerplate,omitempty"`
}

//go:embed demo/*.txt
var demoFiles embed.FS

// demoSources names the outlet of each seed where the text makes it
// evident ("More from USA Today", "(UPI)", "RFE/RL").
var demoSources = map[string]string{
	"000": "USA Today",
	"001": "UPI",
	"002": "UPI",
	"004": "RFE/RL",
}

// Demo returns the five demo articles: five outlets' stories on one event
// (Tillerson in Moscow, April 2017), two of them carrying versions of one
// UPI story.
func Demo() Workspace {
	w := Workspace{Version: Version, View: "/"}
	entries, err := fs.ReadDir(demoFiles, "demo")
	if err != nil {
		panic(err) // embedded at build time: cannot fail
	}
	for _, e := range entries {
		data, err := demoFiles.ReadFile("demo/" + e.Name())
		if err != nil {
			panic(err)
		}
		text := string(data)
		w.Add(GuessTitle(text), demoSources[e.Name()[:3]], text)
	}
	return w
}

// GuessTitle picks a title for a text: its first line that reads like a
// headline (four words or more, skipping section labels such as
// "Politics"), shortened to about 100 characters; else its first
// non-blank line.
func GuessTitle(text string) string {
	first := ""
	for line := range strings.Lines(text) {
		line = strings.Join(strings.Fields(line), " ")
		if line == "" {
			continue
		}
		if first == "" {
			first = line
		}
		if len(strings.Fields(line)) >= 4 {
			return shorten(line, 100)
		}
	}
	return shorten(first, 100)
}

// shorten cuts s to at most n runes, at a space if there is one, adding
// an ellipsis.
func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	cut := 0
	for i := range s {
		if n == 0 {
			cut = i
			break
		}
		n--
	}
	if sp := strings.LastIndexByte(s[:cut], ' '); sp > cut/2 {
		cut = sp
	}
	return strings.TrimRight(s[:cut], " ,;:-") + "…"
}

// Add appends an article with a fresh ID and returns it. Title and source
// are trimmed, and a title is shortened to MaxTitleRunes.
func (w *Workspace) Add(title, source, text string) Article {
	if w.Version == 0 {
		w.Version = Version
	}
	n := max(w.Next, 1)
	for _, a := range w.Articles {
		if k, ok := idNumber(a.ID); ok && k >= n {
			n = k + 1
		}
	}
	a := Article{
		ID:     "a" + strconv.Itoa(n),
		Title:  shorten(strings.TrimSpace(title), MaxTitleRunes),
		Source: shorten(strings.TrimSpace(source), MaxTitleRunes),
		Text:   text,
	}
	w.Next = n + 1
	w.Articles = append(w.Articles, a)
	return a
}

// AddArticle appends an article with its metadata and a fresh ID, and
// returns it. Title and source are trimmed and shortened as Add does;
// the publication time is read with ingest.ParseTime and kept in its
// canonical form, the URL checked with ingest.CleanURL. If either is
// unreadable nothing is added and the error says why. a.ID is ignored.
func (w *Workspace) AddArticle(a Article) (Article, error) {
	published, err := CleanPublished(a.Published)
	if err != nil {
		return Article{}, err
	}
	url, err := CleanURL(a.URL)
	if err != nil {
		return Article{}, err
	}
	w.Add(a.Title, a.Source, a.Text)
	last := &w.Articles[len(w.Articles)-1]
	last.Published, last.URL = published, url
	return *last, nil
}

// CleanPublished is a publication time as an article keeps it: in
// ingest.ParseTime's canonical form, "" for a blank one, or an error
// that says why it is unreadable.
func CleanPublished(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	_, canonical, err := ingest.ParseTime(s)
	if err != nil {
		return "", fmt.Errorf("the publication time is not readable: %v", err)
	}
	return canonical, nil
}

// CleanURL is a URL as an article keeps it: checked by ingest.CleanURL
// and trimmed, "" for a blank one, or an error that says why it is
// unusable.
func CleanURL(s string) (string, error) {
	if strings.TrimSpace(s) == "" {
		return "", nil
	}
	u, err := ingest.CleanURL(s)
	if err != nil {
		return "", fmt.Errorf("the URL is not usable: %v", err)
	}
	return u, nil
}

// idNumber parses the number of an ID of the form Add assigns.
func idNumber(id string) (int, bool) {
	if !strings.HasPrefix(id, "a") {
		return 0, false
	}
	k, err := strconv.Atoi(id[1:])
	return k, err == nil && k > 0
}

// Remove deletes the article with the given ID and reports whether there
// was one.
func (w *Workspace) Remove(id string) bool {
	_, i, ok := w.Find(id)
	if ok {
		w.Articles = append(w.Articles[:i], w.Articles[i+1:]...)
	}
	return ok
}

// Rename sets the title of the article with the given ID and reports
// whether there was one.
func (w *Workspace) Rename(id, title string) bool {
	_, i, ok := w.Find(id)
	if ok {
		w.Articles[i].Title = shorten(strings.TrimSpace(title), MaxTitleRunes)
	}
	return ok
}

// SetSource sets the source of the article with the given ID, trimmed and
// shortened as Add does, and reports whether there was one.
func (w *Workspace) SetSource(id, source string) bool {
	_, i, ok := w.Find(id)
	if ok {
		w.Articles[i].Source = shorten(strings.TrimSpace(source), MaxTitleRunes)
	}
	return ok
}

// SetPublished sets the publication time of the article with the given
// ID, as AddArticle reads it; "" clears it. It reports whether there was
// such an article, and an error, changing nothing, if the time is
// unreadable.
func (w *Workspace) SetPublished(id, published string) (bool, error) {
	_, i, ok := w.Find(id)
	if !ok {
		return false, nil
	}
	canonical, err := CleanPublished(published)
	if err != nil {
		return true, err
	}
	w.Articles[i].Published = canonical
	return true, nil
}

// SetURL sets the URL of the article with the given ID, checked as
// AddArticle checks it; "" clears it. It reports whether there was such
// an article, and an error, changing nothing, if the URL is unusable.
func (w *Workspace) SetURL(id, url string) (bool, error) {
	_, i, ok := w.Find(id)
	if !ok {
		return false, nil
	}
	clean, err := CleanURL(url)
	if err != nil {
		return true, err
	}
	w.Articles[i].URL = clean
	return true, nil
}

// Find returns the article with the given ID and its index.
func (w *Workspace) Find(id string) (Article, int, bool) {
	for i, a := range w.Articles {
		if a.ID == id {
			return a, i, true
		}
	}
	return Article{}, -1, false
}

// Documents returns the articles as the engine's input, in order. A
// document's name is the article's title, or its ID when untitled; a
// date without a time of day is published at midnight UTC.
func (w Workspace) Documents() []reuse.Document {
	docs := make([]reuse.Document, len(w.Articles))
	for i, a := range w.Articles {
		name := a.Title
		if strings.TrimSpace(name) == "" {
			name = a.ID
		}
		// Validated on the way in: an error leaves the zero time, unknown.
		published, _, _ := ingest.ParseTime(a.Published)
		docs[i] = reuse.Document{Name: name, Title: a.Title, Source: a.Source, Published: published, URL: a.URL, Text: a.Text}
	}
	return docs
}

// Options are the engine options the workspace asks for: its marked
// texts set aside wherever they occur.
func (w Workspace) Options() reuse.Options {
	return reuse.Options{Boilerplate: slices.Clone(w.Boilerplate)}
}

// CleanMarked is a text as the workspace keeps it when marked as
// boilerplate: trimmed, or an error that says why it cannot be marked.
func CleanMarked(text string) (string, error) {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return "", errors.New("the text to mark is empty")
	case utf8.RuneCountInString(text) > MaxMarkedRunes:
		return "", fmt.Errorf("the text to mark is longer than %d characters", MaxMarkedRunes)
	}
	return text, nil
}

// Mark adds text, cleaned by CleanMarked, to the marked texts, in a new
// slice, and returns it as kept. It reports false, changing nothing, when
// it is already marked; an error when it cannot be marked or MaxMarked
// texts already are.
func (w *Workspace) Mark(text string) (string, bool, error) {
	text, err := CleanMarked(text)
	if err != nil {
		return "", false, err
	}
	if slices.Contains(w.Boilerplate, text) {
		return text, false, nil
	}
	if len(w.Boilerplate) >= MaxMarked {
		return "", false, fmt.Errorf("%d texts are marked already, the most a workspace keeps; unmark one first", MaxMarked)
	}
	w.Boilerplate = append(slices.Clip(w.Boilerplate), text)
	return text, true, nil
}

// Unmark removes text (trimmed) from the marked texts, in a new slice,
// and reports whether it was marked.
func (w *Workspace) Unmark(text string) bool {
	i := slices.Index(w.Boilerplate, strings.TrimSpace(text))
	if i < 0 {
		return false
	}
	w.Boilerplate = slices.Delete(slices.Clone(w.Boilerplate), i, i+1)
	if len(w.Boilerplate) == 0 {
		w.Boilerplate = nil
	}
	return true
}

// cleanMarks trims the marked texts of a file and drops blank and
// repeated ones: harmless, so a hand-edited file is read, not refused.
func (w *Workspace) cleanMarks() {
	if w.Boilerplate == nil {
		return
	}
	var kept []string
	for _, t := range w.Boilerplate {
		t = strings.TrimSpace(t)
		if t != "" && !slices.Contains(kept, t) {
			kept = append(kept, t)
		}
	}
	w.Boilerplate = kept
}

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

func (w Workspace) validate() error {
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
	seen := make(map[string]bool, len(w.Articles))
	for i, a := range w.Articles {
		where := fmt.Sprintf("article %d", i+1)
		if a.Title != "" {
			where += fmt.Sprintf(" (%q)", shorten(a.Title, 40))
		}
		switch {
		case !ValidID(a.ID):
			return fmt.Errorf("%s has a bad ID %q: IDs are 1 to %d letters, digits, '-' or '_'", where, shorten(a.ID, 40), maxIDBytes)
		case seen[a.ID]:
			return fmt.Errorf("%s has the ID %q, which an earlier article already has", where, a.ID)
		case utf8.RuneCountInString(a.Title) > MaxTitleRunes:
			return fmt.Errorf("%s has a title longer than %d characters", where, MaxTitleRunes)
		case utf8.RuneCountInString(a.Source) > MaxTitleRunes:
			return fmt.Errorf("%s has a source longer than %d characters", where, MaxTitleRunes)
		case a.Published != "" && !canonicalTime(a.Published):
			return fmt.Errorf("%s has a publication time %q that is not a date or time wirediff reads (such as 2017-04-12 or 2017-04-12T14:05:00+03:00)", where, shorten(a.Published, 40))
		case a.URL != "" && !cleanURLString(a.URL):
			return fmt.Errorf("%s has a URL %q that is not a web address starting with https:// or http://", where, shorten(a.URL, 60))
		case len(a.Text) > ingest.MaxBytes:
			return fmt.Errorf("%s is too long (%d bytes): the limit is %d MiB", where, len(a.Text), ingest.MaxBytes>>20)
		}
		seen[a.ID] = true
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
func (w *Workspace) prepare() error {
	if w.Version == 0 {
		w.Version = Version
	}
	if w.Articles == nil {
		w.Articles = []Article{}
	}
	return w.validate()
}
