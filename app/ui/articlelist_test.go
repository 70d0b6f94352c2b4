package ui

import (
	"github.com/wirediff/wirediff/app/export"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

// listEntry is the list item of an article.
func listEntry(doc *html.Node, id string) *html.Node {
	for _, n := range withAttr(doc, "data-article-id") {
		if attr(n, "data-article-id") == id {
			return n
		}
	}
	return nil
}

func TestTheRenameFormEditsTheTitleAndTheSource(t *testing.T) {
	arts := workspace.Demo().Articles
	l := newArticleList().Articles(arts)
	l.renaming = "a3"
	mount(t, l)
	doc := page(t, l)

	tests := []struct {
		id, label, value string
	}{
		{"rename-a3", "Title", arts[2].Title},
		{"rename-source-a3", "Source", arts[2].Source},
	}
	for _, tt := range tests {
		t.Run("the "+strings.ToLower(tt.label)+" field holds the article's "+strings.ToLower(tt.label), func(t *testing.T) {
			field := byID(doc, tt.id)
			if field == nil {
				t.Fatalf("no #%s", tt.id)
			}
			if got := attr(field, "value"); got != tt.value {
				t.Errorf("#%s holds %q, want %q", tt.id, got, tt.value)
			}
			labels := findAll(doc, func(n *html.Node) bool { return n.Data == "label" && attr(n, "for") == tt.id })
			if len(labels) != 1 || squash(textOf(labels[0])) != tt.label {
				t.Errorf("#%s is not labelled %q", tt.id, tt.label)
			}
		})
	}
	if n := len(findAll(listEntry(doc, "a2"), func(n *html.Node) bool { return n.Data == "input" })); n != 0 {
		t.Errorf("a2, not being renamed, has %d fields", n)
	}
}

func TestRenamingSetsTheTitleAndTheSourceAndKeepsTheAnalysis(t *testing.T) {
	demo := workspace.Demo()
	a3 := demo.Articles[2]
	tests := []struct {
		name        string
		req         renameRequest
		title       string // the title afterwards
		source      string // the source afterwards
		kind        string // of the notice
		says        string // the notice says this, if not ""
		saved       bool   // the workspace is saved
		sameMessage bool   // the notice is the one from before
	}{
		{"a new title and a new source", renameRequest{"a3", "UPI wire", "United Press International", "", ""},
			"UPI wire", "United Press International", "info", "Renamed to “UPI wire”. The source of “UPI wire” is now “United Press International”.", true, false},
		{"a new source alone", renameRequest{"a3", a3.Title, "  UPI via Gazette ", "", ""},
			a3.Title, "UPI via Gazette", "info", "The source of “" + a3.Title + "” is now “UPI via Gazette”.", true, false},
		{"the source cleared", renameRequest{"a3", a3.Title, " ", "", ""},
			a3.Title, "", "info", "The source of “" + a3.Title + "” was removed.", true, false},
		{"a new title alone", renameRequest{"a3", "UPI wire", a3.Source, "", ""},
			"UPI wire", a3.Source, "info", "Renamed to “UPI wire”.", true, false},
		{"an empty title", renameRequest{"a3", "  ", "Other", "", ""},
			a3.Title, a3.Source, "error", "a title cannot be empty", false, false},
		{"nothing changed", renameRequest{"a3", a3.Title, a3.Source, "", ""},
			a3.Title, a3.Source, "", "", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, &MemoryStore{})
			before := h.probe.app.status.result
			_, notice := noticeOf(h.page())
			h.do(actionRename, tt.req)

			doc := h.page()
			kind, text := noticeOf(doc)
			switch {
			case tt.sameMessage && text != notice:
				t.Errorf("the notice changed from %q to %q", notice, text)
			case !tt.sameMessage && (kind != tt.kind || !strings.Contains(text, tt.says)):
				t.Errorf("notice %s %q, want %s %q", kind, text, tt.kind, tt.says)
			}
			art, _, _ := h.probe.app.session.Find("a3")
			if art.Title != tt.title || art.Source != tt.source {
				t.Errorf("a3 is titled %q from %q, want %q from %q", art.Title, art.Source, tt.title, tt.source)
			}
			entry := squash(textOf(listEntry(doc, "a3")))
			if !strings.Contains(entry, tt.title) || tt.source != "" && !strings.Contains(entry, tt.source+" · ") {
				t.Errorf("the list shows a3 as %q, want %q from %q", entry, tt.title, tt.source)
			}
			if h.probe.app.status.result != before {
				t.Error("a change of title or source started a new analysis")
			}
			if !tt.saved {
				if h.store.Saved.Index != nil {
					t.Error("the workspace was saved, though nothing changed")
				}
				return
			}
			saved, err := savedWorkspace(h.store)
			if err != nil {
				t.Fatalf("saved workspace: %v", err)
			}
			if got := saved.Articles[2]; got.Title != tt.title || got.Source != tt.source {
				t.Errorf("saved a3 titled %q from %q", got.Title, got.Source)
			}
		})
	}
}

func TestListEntriesMeasureArticlesInCharactersBeforeAndAfterAnAnalysis(t *testing.T) {
	ws := rtlWorkspace("/")
	an, err := analyse(t, ws)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		analysis *analysis
		reused   bool
	}{
		{"before the analysis", nil, false},
		{"after the analysis", an, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := newArticleList().Articles(ws.Articles).Analysis(tt.analysis)
			mount(t, l)
			doc := page(t, l)
			for _, art := range ws.Articles {
				meta := findAll(listEntry(doc, art.ID), func(n *html.Node) bool { return hasClass(n, "article-meta") })
				if len(meta) != 1 {
					t.Fatalf("%s has %d meta lines", art.ID, len(meta))
				}
				got := squash(textOf(meta[0]))
				// Arabic takes two bytes a letter: characters are what a
				// reader counts, bytes are not.
				want := art.Source + " · " + export.Thousands(utf8.RuneCountInString(art.Text)) + " characters"
				if !strings.HasPrefix(got, want) {
					t.Errorf("%s reads %q, want it to start %q", art.ID, got, want)
				}
				if strings.Contains(got, "bytes") || strings.Contains(got, "words") {
					t.Errorf("%s reads %q: one measure, characters, before and after an analysis", art.ID, got)
				}
				if strings.Contains(got, "reused") != tt.reused {
					t.Errorf("%s reads %q; a reused share only once measured", art.ID, got)
				}
			}
		})
	}
}

// analyse runs the engine on ws, as App does.
func analyse(t *testing.T, ws workspace.Workspace) (*analysis, error) {
	t.Helper()
	s := newSnapshot(ws)
	report, err := analyseSafely(t.Context(), s.docs, reuse.Options{})
	if err != nil {
		return nil, err
	}
	return s.finish(report), nil
}

func TestCharacterCountsFollowATextThatChanges(t *testing.T) {
	// An import can give an ID another text: the count must follow.
	l := newArticleList()
	for i, text := range []string{"abc", "ééééé", "abc", "abcd"} {
		got := l.chars(workspace.Article{ID: "a1", Text: text})
		if want := utf8.RuneCountInString(text); got != want {
			t.Errorf("text %d: %d characters, want %d", i+1, got, want)
		}
	}
}

func TestTheEditFormHoldsEveryFieldAndSaysWhyOneCannotBeSaved(t *testing.T) {
	arts := workspace.Demo().Articles
	arts[2].Published, arts[2].URL = "2017-04-12T14:05:00+03:00", "https://upi.example/a"
	l := newArticleList().Articles(arts)
	l.renaming = "a3"
	l.badField, l.badWhy = "rename-url-a3", "The URL is not usable: no."
	mount(t, l)
	doc := page(t, l)
	fields := []struct{ id, label, value string }{
		{"rename-a3", "Title", arts[2].Title},
		{"rename-source-a3", "Source", arts[2].Source},
		{"rename-published-a3", "Published", "2017-04-12T14:05:00+03:00"},
		{"rename-url-a3", "URL", "https://upi.example/a"},
	}
	for _, f := range fields {
		field := byID(doc, f.id)
		labels := findAll(doc, func(n *html.Node) bool { return n.Data == "label" && attr(n, "for") == f.id })
		if field == nil || attr(field, "value") != f.value || len(labels) != 1 || squash(textOf(labels[0])) != f.label {
			t.Errorf("#%s is missing, does not hold %q or is not labelled %q", f.id, f.value, f.label)
			continue
		}
		// go-app's HTML encoder writes a "true" value as a bare attribute;
		// in the browser it is set as aria-invalid="true".
		invalid := hasAttr(field, "aria-invalid") && attr(field, "aria-describedby") == "rename-error-a3"
		if invalid != (f.id == "rename-url-a3") {
			t.Errorf("#%s marked invalid: %v", f.id, invalid)
		}
	}
	msg := byID(doc, "rename-error-a3")
	if msg == nil || attr(msg, "role") != "alert" || squash(textOf(msg)) != "The URL is not usable: no." {
		t.Errorf("the edit form does not say why the URL cannot be saved")
	}
}

func TestEditingSetsTheTimeAndTheURL(t *testing.T) {
	a3 := workspace.Demo().Articles[2]
	tests := []struct {
		name      string
		published string
		url       string
		kind      string
		says      string
		wantTime  string
		wantURL   string
	}{
		{"a time and a URL are set", "12 April 2017", "https://upi.example/a", "info",
			"Renamed to “UPI wire”. The publication time of “UPI wire” is now 2017-04-12. The URL of “UPI wire” is now https://upi.example/a.",
			"2017-04-12", "https://upi.example/a"},
		{"an unreadable time changes nothing, the title neither", "someday", "https://upi.example/a", "error",
			"Not saved: the publication time is not readable", "", ""},
		{"a javascript: URL changes nothing", "2017-04-12", "javascript:alert(1)", "error",
			"Not saved: the URL is not usable", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, &MemoryStore{})
			h.do(actionRename, renameRequest{ID: "a3", Title: "UPI wire", Source: a3.Source, Published: tt.published, URL: tt.url})
			doc := h.page()
			if kind, text := noticeOf(doc); kind != tt.kind || !strings.Contains(text, tt.says) {
				t.Errorf("notice %s %q, want %s %q", kind, text, tt.kind, tt.says)
			}
			art, _, _ := h.probe.app.session.Find("a3")
			if art.Published != tt.wantTime || art.URL != tt.wantURL || (tt.kind == "error") != (art.Title == a3.Title) {
				t.Errorf("a3 is %+v", art)
			}
			if tt.kind == "error" {
				return
			}
			entry := listEntry(doc, "a3")
			times := findAll(entry, func(n *html.Node) bool { return n.Data == "time" })
			links := findAll(entry, func(n *html.Node) bool { return n.Data == "a" })
			if len(times) != 1 || attr(times[0], "datetime") != tt.wantTime {
				t.Errorf("the list entry shows no <time datetime=%q>", tt.wantTime)
			}
			if len(links) != 1 || attr(links[0], "href") != tt.wantURL || attr(links[0], "rel") != "noopener noreferrer" {
				t.Errorf("the list entry has no link to %s", tt.wantURL)
			}
			saved, err := savedWorkspace(h.store)
			if err != nil || saved.Articles[2].Published != tt.wantTime || saved.Articles[2].URL != tt.wantURL {
				t.Errorf("saved %+v, %v", saved.Articles[2], err)
			}
		})
	}
}

func TestTheMetaLineSeparatesOnlyThePartsAnArticleHas(t *testing.T) {
	const text = "Four words of text."
	tests := []struct {
		name                   string
		source, published, url string
		want                   string
	}{
		{"nothing but the text", "", "", "", "19 characters"},
		{"a source", "AP", "", "", "AP · 19 characters"},
		{"a publication time", "", "2017-04-12T09:30", "", "2017-04-12 · 19 characters"},
		{"a URL", "", "", "https://example.org/a", "page · 19 characters"},
		{"a publication time and a URL", "", "2017-04-12", "https://example.org/a", "2017-04-12 · page · 19 characters"},
		{"everything", "AP", "2017-04-12", "https://example.org/a", "AP · 2017-04-12 · page · 19 characters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			art := workspace.Article{ID: "a1", Title: "A title", Text: text, Source: tt.source, Published: tt.published, URL: tt.url}
			l := newArticleList().Articles([]workspace.Article{art})
			mount(t, l)
			meta := findAll(listEntry(page(t, l), "a1"), func(n *html.Node) bool { return hasClass(n, "article-meta") })
			if len(meta) != 1 {
				t.Fatalf("the entry has %d meta lines", len(meta))
			}
			if got := squash(textOf(meta[0])); got != tt.want {
				t.Errorf("the meta line reads %q, want %q", got, tt.want)
			}
		})
	}
}
