package ui

import (
	"slices"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

// startOnUPIPair starts the app with the demo on the UPI pair view.
func startOnUPIPair(t *testing.T, store *MemoryStore) *harness {
	t.Helper()
	ws := workspace.Demo()
	ws.View = "/#pair/a2/a3"
	data, err := workspace.Marshal(ws)
	if err != nil {
		t.Fatal(err)
	}
	if err := keepFile(store, data); err != nil {
		t.Fatal(err)
	}
	return start(t, store)
}

// markedUPIPair is the analysis's UPI pair, with its articles in the
// report's order.
func markedUPIPair(t *testing.T, h *harness) (*reuse.Pair, workspace.Article, workspace.Article) {
	t.Helper()
	s := h.probe.app.session
	a, _, _ := s.Find("a2")
	b, _, _ := s.Find("a3")
	pair, swapped := h.probe.app.status.result.pair("a2", "a3")
	if pair == nil {
		t.Fatal("the analysis has no UPI pair")
	}
	if swapped {
		a, b = b, a
	}
	return pair, a, b
}

func TestSettingAPassageAsideReanalysesAndUndoOrUnmarkBringsItBack(t *testing.T) {
	store := &MemoryStore{}
	h := startOnUPIPair(t, store)
	before, a, b := markedUPIPair(t, h)
	var copied []reuse.Passage
	for _, ps := range before.Passages {
		if ps.Kind == reuse.Copied {
			copied = append(copied, ps)
		}
	}
	if len(copied) == 0 {
		t.Fatal("the UPI pair has no copied passage")
	}
	if buttons := findAll(h.page(), func(n *html.Node) bool { return hasClass(n, "set-aside-button") }); len(buttons) != len(copied) {
		t.Errorf("%d “Set aside” buttons, want one per copied passage (%d)", len(buttons), len(copied))
	}
	longest := slices.MaxFunc(copied, func(x, y reuse.Passage) int { return x.Words - y.Words })
	text := export.ClipText(a.Text, longest.A)

	h.click(newPairView().Articles(a, b).onSetAside(longest))
	after, _, _ := markedUPIPair(t, h) // the pair is still there
	if !slices.Equal(h.probe.app.session.Marked(), []string{strings.TrimSpace(text)}) {
		t.Fatalf("marked %q, want the passage's text on side A", h.probe.app.session.Marked())
	}
	if after.SharedWords > before.SharedWords-longest.Words/2 {
		t.Errorf("after setting aside a passage of %d words the pair shares %d of its %d words", longest.Words, after.SharedWords, before.SharedWords)
	}
	var marked int
	for _, s := range h.probe.app.status.result.report.SetAside {
		if s.Reason == "marked" {
			marked++
		}
	}
	if marked == 0 {
		t.Error("the new analysis lists no text set aside as marked")
	}
	if kind, said := noticeOf(h.page()); kind != "info" || !strings.HasPrefix(said, "Set aside “") || byID(h.page(), "undo") == nil {
		t.Errorf("notice %s %q, want what was set aside, with Undo", kind, said)
	}
	if ws, err := savedWorkspace(store); err != nil || len(ws.Boilerplate) != 1 {
		t.Errorf("saved marks %q (%v), want the one marked", ws.Boilerplate, err)
	}

	h.do(actionUndo, nil)
	if again, _, _ := markedUPIPair(t, h); again.SharedWords != before.SharedWords || len(h.probe.app.session.Marked()) != 0 {
		t.Errorf("after Undo: %d shared words, marked %q; want %d and none", again.SharedWords, h.probe.app.session.Marked(), before.SharedWords)
	}

	h.do(actionMark, text)
	h.do(actionUnmark, text)
	if again, _, _ := markedUPIPair(t, h); again.SharedWords != before.SharedWords || len(h.probe.app.session.Marked()) != 0 {
		t.Errorf("after Unmark: %d shared words, marked %q; want %d and none", again.SharedWords, h.probe.app.session.Marked(), before.SharedWords)
	}
}

func TestTheSetAsideListShowsMarkedTextsWithAnUnmarkButton(t *testing.T) {
	ws := workspace.Demo()
	unmark := func(string) app.EventHandler { return func(app.Context, app.Event) {} }
	marked := []string{"Follow us on X.", "Subscribe to our newsletter."}
	doc := page(t, renderSetAside(newSnapshot(ws).finish(&reuse.Report{}), titlesOf(ws), 0, marked, unmark))
	list := byID(doc, "marked-list")
	if list == nil {
		t.Fatal("no list of marked texts")
	}
	var texts []string
	for _, q := range findAll(list, func(n *html.Node) bool { return n.Data == "blockquote" }) {
		texts = append(texts, squash(textOf(q)))
	}
	if !slices.Equal(texts, marked) {
		t.Errorf("marked texts listed %q, want %q", texts, marked)
	}
	if buttons := findAll(list, func(n *html.Node) bool { return hasClass(n, "unmark") }); len(buttons) != 2 {
		t.Errorf("%d Unmark buttons, want 2", len(buttons))
	}
	if none := page(t, renderSetAside(newSnapshot(ws).finish(&reuse.Report{}), nil, 0, nil, unmark)); byID(none, "marked") != nil {
		t.Error("a list of marked texts with nothing marked")
	}
}
