package ui

import (
	"github.com/wirediff/wirediff/app/session"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

// harness mounts App under a probe component whose context lets a test
// post the actions the page's controls post, as a user would cause them.
type harness struct {
	t      *testing.T
	engine app.TestEngine
	probe  *probe
	store  *MemoryStore
}

type probe struct {
	app.Compo
	app *App
	ctx app.Context
}

func (p *probe) OnPreRender(ctx app.Context) { p.ctx = ctx }
func (p *probe) Render() app.UI              { return p.app }

// start loads the app on store and waits for its first analysis.
func start(t *testing.T, store *MemoryStore) *harness {
	t.Helper()
	return startApp(t, NewApp(store), store)
}

// startApp is start with the App given, whose store is store.
func startApp(t *testing.T, a *App, store *MemoryStore) *harness {
	t.Helper()
	h := &harness{t: t, engine: app.NewTestEngine(), store: store}
	h.probe = &probe{app: a}
	if err := h.engine.Load(h.probe); err != nil {
		t.Fatal(err)
	}
	h.engine.ConsumeAll()
	if h.probe.app.status.phase != finished {
		t.Fatal("the first analysis did not finish")
	}
	return h
}

// do posts an action as a control would, and waits for everything it
// starts (saving, analysing) to finish.
func (h *harness) do(action string, v any) {
	h.probe.ctx.NewActionWithValue(action, v)
	h.engine.ConsumeAll()
}

// click runs an App's event handler as a click on its button does: on
// the UI goroutine, the App then rendered again.
func (h *harness) click(handler app.EventHandler) {
	h.probe.app.self.Dispatch(func(ctx app.Context) { handler(ctx, app.Event{}) })
	h.engine.ConsumeAll()
}

func (h *harness) page() *html.Node { return page(h.t, h.probe) }

// articleIDs lists the data-article-id of #article-list's items.
func articleIDs(doc *html.Node) []string {
	var ids []string
	for _, n := range withAttr(doc, "data-article-id") {
		ids = append(ids, attr(n, "data-article-id"))
	}
	return ids
}

func noticeOf(doc *html.Node) (kind, text string) {
	s := byID(doc, "status")
	if s == nil {
		return "", ""
	}
	// go-app's encoder indents the spans that isolate quoted names,
	// which a browser does not show.
	text = strings.NewReplacer("“ ", "“", " ”", "”").Replace(squash(textOf(s)))
	return attr(s, "data-kind"), text
}

// copied is a new article that reuses two paragraphs of seed 003 with a
// copy desk's edits.
func copied(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../testdata/003_1b1ed3b75114b170.txt")
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range strings.Split(string(data), "\n") {
		if len(strings.Fields(p)) >= 25 {
			paras = append(paras, p)
		}
	}
	if len(paras) < 4 {
		t.Fatal("seed 003 has fewer long paragraphs than expected")
	}
	return "Local desk rewrite\n\nOur correspondent adds a paragraph of their own about the weather in the capital today.\n\n" +
		strings.Replace(paras[1], " said ", " told reporters ", 1) + "\n\n" + paras[3] + "\n"
}

// steps posts an action as a control would and processes what follows
// one dispatch at a time, looking at the page after each frame, as a
// browser test polling it could, until the main area is no longer busy.
func (h *harness) steps(action string, v any, look func(doc *html.Node)) {
	h.probe.ctx.NewActionWithValue(action, v)
	for range 10000 {
		h.engine.ConsumeNext()
		doc := h.page()
		look(doc)
		if !busy(byID(doc, "main")) {
			break
		}
	}
	h.engine.ConsumeAll()
}

// A pageState is what the page showed after one frame.
type pageState struct {
	busy     bool   // #main is aria-busy
	progress bool   // #progress is on the page
	bars     string // the articles with a reused bar, sorted
	articles string // the articles in #article-list, sorted
}

func lookAt(doc *html.Node) pageState {
	var bars []string
	for _, n := range withAttr(doc, "data-reused") {
		bars = append(bars, attr(n, "data-reused"))
	}
	slices.Sort(bars)
	ids := articleIDs(doc)
	slices.Sort(ids)
	return pageState{busy(byID(doc, "main")), byID(doc, "progress") != nil, strings.Join(bars, " "), strings.Join(ids, " ")}
}

func TestTheMainAreaIsBusyExactlyUntilTheResultOfTheArticlesOnScreenShows(t *testing.T) {
	// Assistive technology and the browser tests take a main area that
	// is not aria-busy to mean the result on screen is of the articles on
	// screen.
	h := start(t, &MemoryStore{})
	if s := lookAt(h.page()); s.busy || s.progress || s.bars != s.articles {
		t.Fatalf("after the first analysis: %+v", s)
	}
	edits := []struct {
		name   string
		action string
		value  any
	}{
		{"an added article", actionAdd, session.Paste{Title: "Desk copy", Text: copied(t)}},
		{"a deleted article", actionDelete, "a1"},
		{"an undone delete", actionUndo, nil},
	}
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			var states []pageState
			h.steps(e.action, e.value, func(doc *html.Node) { states = append(states, lookAt(doc)) })
			if len(states) == 0 || !states[0].busy {
				t.Fatalf("the main area was not busy once the change showed: %+v", states)
			}
			for _, s := range states {
				// Busy while analysing, and while the overview draws the
				// result, a slice at a time.
				if s.progress && !s.busy {
					t.Errorf("not aria-busy while the progress bar shows")
				}
				if !s.busy && s.bars != s.articles {
					t.Errorf("not busy while the reused bars are of %q and the articles %q", s.bars, s.articles)
				}
			}
			if last := states[len(states)-1]; last.busy {
				t.Errorf("still busy at the end: %+v", last)
			}
		})
	}
}
