package ui

import (
	"bytes"
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

func TestThePageWarmsUpOnceItsFirstResultIsDrawnAndChangesNothing(t *testing.T) {
	for _, tt := range []struct {
		name  string
		saved bool // a returning reader's articles, else the demo
	}{
		{"a first visit, with the demo", false},
		{"a return, with the articles saved", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			newStore := func() *MemoryStore {
				store := &MemoryStore{}
				if tt.saved {
					ws := workspace.Demo()
					ws.Articles = ws.Articles[1:]
					ws.Articles[0].Title = "Saved and renamed"
					if err := store.Write(mustChanges(t, ws)); err != nil {
						t.Fatal(err)
					}
				}
				return store
			}
			if !start(t, newStore()).probe.app.warmed {
				t.Fatal("the page did not warm up after its first result was drawn")
			}

			// A page that has not warmed up, then does.
			store := newStore()
			h := startApp(t, &App{Store: store, warmed: true}, store)
			a := h.probe.app
			before := h.readerState()
			a.warmed = false
			a.self.Dispatch(func(ctx app.Context) { a.warmUp(ctx) })
			h.engine.ConsumeAll()
			after := h.readerState()
			if before.page != after.page {
				t.Errorf("warming up changed the page:\n%s", lineDiff(before.page, after.page))
			}
			if !reflect.DeepEqual(before.articles, after.articles) || before.notice != after.notice {
				t.Errorf("warming up changed the session: articles %d → %d, notice %+v → %+v", len(before.articles), len(after.articles), before.notice, after.notice)
			}
			if !bytes.Equal(before.index, after.index) || !reflect.DeepEqual(before.records, after.records) {
				t.Errorf("warming up wrote to the store: index %q → %q, %d → %d records", before.index, after.index, len(before.records), len(after.records))
			}
		})
	}
}

// mustChanges is what the page writes to save ws whole.
func mustChanges(t *testing.T, ws workspace.Workspace) Write {
	t.Helper()
	w, err := (&saver{}).changes(ws)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// A readerState is what a reader has: the page, the session's articles and
// notice, and what the store holds.
type readerState struct {
	page     string
	articles []workspace.Article
	notice   session.Notice
	index    []byte
	records  map[string][]byte
}

func (h *harness) readerState() readerState {
	h.t.Helper()
	saved, err := h.store.Load()
	if err != nil {
		h.t.Fatal(err)
	}
	a := h.probe.app
	return readerState{
		page:     canonical(h.t, h.page()),
		articles: append([]workspace.Article(nil), a.session.Articles()...),
		notice:   a.session.Notice(),
		index:    saved.Index,
		records:  maps.Clone(saved.Articles),
	}
}

// lineDiff is the first line where a and b differ, with both versions.
func lineDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range min(len(la), len(lb)) {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines against %d", len(la), len(lb))
}

// canonical is doc as HTML with each element's attributes sorted: go-app
// writes them in no fixed order.
func canonical(t *testing.T, doc *html.Node) string {
	t.Helper()
	for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
		slices.SortFunc(n.Attr, func(a, b html.Attribute) int { return strings.Compare(a.Key, b.Key) })
	}
	var b strings.Builder
	if err := html.Render(&b, doc); err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(b.String(), "><", ">\n<")
}
