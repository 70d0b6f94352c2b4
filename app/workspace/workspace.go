// Package workspace is the list of articles a user is comparing, its
// JSON file format, to export and import it, and the records the browser
// keeps it as: an index and a record per article (records.go).
package workspace

import (
	"embed"
	"fmt"
	"io/fs"
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
