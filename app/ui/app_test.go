package ui

import (
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
)

func TestFirstVisitShowsTheDemoPairsBySharedWords(t *testing.T) {
	h := start(t, &MemoryStore{})
	doc := h.page()

	demo := workspace.Demo()
	if got := len(articleIDs(doc)); got != len(demo.Articles) {
		t.Fatalf("%d articles listed, want the %d demo articles", got, len(demo.Articles))
	}
	report, err := reuse.Analyze(context.Background(), demo.Documents(), reuse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pairs := withAttr(byID(doc, "overview"), "data-pair")
	if len(pairs) != len(report.Pairs) || len(pairs) == 0 {
		t.Fatalf("overview lists %d pairs, the engine finds %d", len(pairs), len(report.Pairs))
	}
	for i, n := range pairs {
		p := report.Pairs[i]
		want := demo.Articles[p.A].ID + "/" + demo.Articles[p.B].ID
		if got := attr(n, "data-pair"); got != want {
			t.Errorf("pair %d is %s, want %s", i+1, got, want)
		}
		if got := attr(n, "data-shared-words"); got != strconv.Itoa(p.SharedWords) {
			t.Errorf("pair %s shares %s words, want %d", want, got, p.SharedWords)
		}
		if attr(n, "href") != "#pair/"+want {
			t.Errorf("pair %s links to %q", want, attr(n, "href"))
		}
	}
	// The UPI story (seeds 001 and 002) is the first finding.
	if got := attr(pairs[0], "data-pair"); got != "a2/a3" {
		t.Errorf("top pair is %s, want a2/a3 (seeds 001 and 002)", got)
	}
	if bars := withAttr(doc, "data-reused"); len(bars) != len(demo.Articles) {
		t.Errorf("%d reused bars, want one per article", len(bars))
	}
	if byID(doc, "families") == nil {
		t.Error("no #families section")
	}
	if byID(doc, "progress") != nil {
		t.Error("#progress is still shown after the analysis finished")
	}
	if h.store.Saved.Index != nil {
		t.Error("the demo was saved before the user changed anything")
	}
}

func TestAddingAnArticleAnalysesAndSavesIt(t *testing.T) {
	h := start(t, &MemoryStore{})
	h.do(actionAdd, session.Paste{Title: "Desk copy", Source: "Gazette", Text: copied(t)})

	doc := h.page()
	ids := articleIDs(doc)
	if len(ids) != 6 || ids[5] != "a6" {
		t.Fatalf("articles %v, want the demo's five and a6", ids)
	}
	if kind, text := noticeOf(doc); kind != "info" || !strings.Contains(text, "Desk copy") {
		t.Errorf("status %s %q, want a note that Desk copy was added", kind, text)
	}
	found := false
	for _, n := range withAttr(doc, "data-pair") {
		if attr(n, "data-pair") == "a4/a6" {
			found = true
		}
	}
	if !found {
		t.Error("the overview has no pair of the new article with seed 003 (a4)")
	}
	saved, err := savedWorkspace(h.store)
	if err != nil {
		t.Fatalf("saved workspace: %v", err)
	}
	if len(saved.Articles) != 6 || saved.Articles[5].Title != "Desk copy" || saved.Articles[5].Source != "Gazette" {
		t.Errorf("saved articles %d, last %+v", len(saved.Articles), saved.Articles[len(saved.Articles)-1].Title)
	}
}

func TestAFullStorageIsReportedAndKeepsTheArticlesOnScreen(t *testing.T) {
	h := start(t, &MemoryStore{Fail: ErrStorageFull})
	h.do(actionAdd, session.Paste{Text: copied(t)})

	doc := h.page()
	if ids := articleIDs(doc); len(ids) != 6 {
		t.Fatalf("%d articles on screen, want 6: none may be lost", len(ids))
	}
	kind, text := noticeOf(doc)
	if kind != "error" || !strings.Contains(text, "storage") || !strings.Contains(text, "full") || !strings.Contains(text, "kept") {
		t.Errorf("status %s %q, want an error saying storage is full and the articles are kept", kind, text)
	}
}

func TestBadInputIsRefusedPlainlyAndLosesNothing(t *testing.T) {
	tests := []struct {
		name   string
		action string
		value  any
		want   string
	}{
		{"an empty paste", actionAdd, session.Paste{Title: "Empty", Text: " \n\t "}, "Text box has no text"},
		{"a binary file", actionFiles, []session.File{{Name: "photo.txt", Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")}}, "binary"},
		{"a file too large to read", actionFiles, []session.File{{Name: "archive.txt", Err: ingest.ErrTooLarge}}, "archive.txt was not added: it is too large"},
		{"a file that could not be read", actionFiles, []session.File{{Name: "gone.txt", Err: os.ErrNotExist}}, "could not be read"},
		{"a broken workspace", actionImport, session.File{Name: "ws.json", Data: []byte(`{"version": 1, "articles": [`)}, "not valid JSON"},
		{"a report instead of a workspace", actionImport, session.File{Name: "report.json", Data: []byte(`{"documents": [], "pairs": []}`)}, "report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, &MemoryStore{})
			h.do(tt.action, tt.value)
			doc := h.page()
			if ids := articleIDs(doc); len(ids) != 5 {
				t.Errorf("%d articles on screen, want the 5 there were", len(ids))
			}
			kind, text := noticeOf(doc)
			if kind != "error" || !strings.Contains(text, tt.want) || !strings.Contains(text, "kept") {
				t.Errorf("status %s %q, want an error mentioning %q and that the articles are kept", kind, text, tt.want)
			}
		})
	}
}

func TestDroppedHTMLIsAnalysedAsText(t *testing.T) {
	h := start(t, &MemoryStore{})
	page := `<!doctype html><html><head><title>x</title><script>window.__pwned=1</script></head>` +
		`<body><p>` + strings.ReplaceAll(copied(t), "\n\n", "</p><p>") + `</p><img src=x onerror="window.__pwned=1"></body></html>`
	h.do(actionFiles, []session.File{{Name: "desk.html", Data: []byte(page)}})

	saved, err := savedWorkspace(h.store)
	if err != nil {
		t.Fatal(err)
	}
	art := saved.Articles[len(saved.Articles)-1]
	if art.Title != "x" || strings.Contains(art.Text, "<") || strings.Contains(art.Text, "__pwned") {
		t.Errorf("added %q with text %q, want the page's title and its text without markup", art.Title, art.Text)
	}
	found := false
	for _, n := range withAttr(h.page(), "data-pair") {
		found = found || attr(n, "data-pair") == "a4/"+art.ID
	}
	if !found {
		t.Error("the dropped page's text was not matched with seed 003")
	}
}

func TestDeleteClearAndUndo(t *testing.T) {
	h := start(t, &MemoryStore{})
	h.do(actionDelete, "a2")
	if ids := articleIDs(h.page()); strings.Join(ids, ",") != "a1,a3,a4,a5" {
		t.Fatalf("after deleting a2: %v", ids)
	}
	for _, n := range withAttr(h.page(), "data-pair") {
		if strings.Contains(attr(n, "data-pair"), "a2") {
			t.Errorf("pair %s of the deleted article is still listed", attr(n, "data-pair"))
		}
	}
	if byID(h.page(), "undo") == nil {
		t.Fatal("no undo after a delete")
	}
	h.probe.ctx.NewAction(actionUndo)
	h.engine.ConsumeAll()
	if ids := articleIDs(h.page()); len(ids) != 5 {
		t.Errorf("after undo: %v, want all five back", ids)
	}
}

func TestRenameKeepsTheAnalysis(t *testing.T) {
	h := start(t, &MemoryStore{})
	before := h.probe.app.status.result
	h.do(actionRename, renameRequest{ID: "a3", Title: "UPI wire"})
	if h.probe.app.status.result != before {
		t.Error("a rename started a new analysis")
	}
	doc := h.page()
	var title string
	for _, n := range withAttr(doc, "data-article-id") {
		if attr(n, "data-article-id") == "a3" {
			title = squash(textOf(n))
		}
	}
	if !strings.Contains(title, "UPI wire") {
		t.Errorf("a3 reads %q, want the new title", title)
	}
	docs, report := h.probe.app.status.result.named(h.probe.app.session.Workspace())
	if docs[2].Name != "UPI wire" || report.Documents[2].Name != "UPI wire" {
		t.Errorf("exports would name a3 %q / %q", docs[2].Name, report.Documents[2].Name)
	}
}

func TestTheSavedWorkspaceAndViewComeBack(t *testing.T) {
	ws := workspace.Demo()
	ws.Articles = ws.Articles[1:3] // a2 and a3: the UPI pair
	ws.View = "/#pair/a2/a3"
	data, err := workspace.Marshal(ws)
	if err != nil {
		t.Fatal(err)
	}
	store := &MemoryStore{}
	if err := keepFile(store, data); err != nil {
		t.Fatal(err)
	}
	h := start(t, store)
	doc := h.page()
	if ids := articleIDs(doc); strings.Join(ids, ",") != "a2,a3" {
		t.Errorf("articles %v, want the saved a2,a3", ids)
	}
	if byID(doc, "pair-view") == nil {
		t.Fatal("the saved pair view is not shown")
	}
	if marks := withAttr(byID(doc, "side-a"), "data-passage"); len(marks) == 0 {
		t.Error("the pair view shows no passages")
	}
}

func TestACorruptSaveFallsBackToTheDemoAndSaysSo(t *testing.T) {
	store := &MemoryStore{}
	store.Saved.Whole = []byte("{not json") // as an earlier version kept it
	h := start(t, store)
	doc := h.page()
	if ids := articleIDs(doc); len(ids) != 5 {
		t.Errorf("%d articles, want the demo's 5", len(ids))
	}
	if kind, text := noticeOf(doc); kind != "error" || !strings.Contains(text, "Could not read your saved articles") {
		t.Errorf("status %s %q", kind, text)
	}
}

func TestFewerThanTwoArticlesExplainWhatToDo(t *testing.T) {
	h := start(t, &MemoryStore{})
	h.click(h.probe.app.onClearAll)

	doc := h.page()
	guide := byID(doc, "get-started")
	if guide == nil || byID(guide, "start-paste") == nil {
		t.Fatal("an empty workspace shows no guide with a button to start pasting")
	}
	if text := squash(textOf(guide)); !strings.Contains(text, "No articles yet") || !strings.Contains(text, "Paste") || !strings.Contains(text, "Restore demo") {
		t.Errorf("the empty workspace says %q; want it to say there are no articles and how to add some", text)
	}

	h.do(actionAdd, session.Paste{Title: "Lone copy", Text: copied(t)})
	doc = h.page()
	guide = byID(doc, "get-started")
	if guide == nil {
		t.Fatal("one article shows no guide")
	}
	if text := squash(textOf(guide)); !strings.Contains(text, "One article") || !strings.Contains(text, "one more") {
		t.Errorf("one article says %q; want it to ask for one more", text)
	}
	// Nothing was measured: the list must not claim the article has no words.
	item := withAttr(byID(doc, "article-list"), "data-article-id")
	if len(item) != 1 {
		t.Fatalf("%d articles listed, want 1", len(item))
	}
	if meta := squash(textOf(item[0])); strings.Contains(meta, " words") || strings.Contains(meta, "reused") {
		t.Errorf("the lone article reads %q: a word count or reuse nothing measured", meta)
	}
}
