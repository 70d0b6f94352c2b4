package ui

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
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
	h := &harness{t: t, engine: app.NewTestEngine(), store: store}
	h.probe = &probe{app: NewApp(store)}
	if err := h.engine.Load(h.probe); err != nil {
		t.Fatal(err)
	}
	h.engine.ConsumeAll()
	if !h.probe.app.ready {
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

func (h *harness) page() *html.Node { return page(h.t, h.probe) }

// articleIDs lists the data-article-id of #article-list's items.
func articleIDs(doc *html.Node) []string {
	var ids []string
	for _, n := range withAttr(doc, "data-article-id") {
		ids = append(ids, attr(n, "data-article-id"))
	}
	return ids
}

func status(doc *html.Node) (kind, text string) {
	s := byID(doc, "status")
	if s == nil {
		return "", ""
	}
	// go-app's encoder indents the spans that isolate quoted names,
	// which a browser does not show.
	text = strings.NewReplacer("“ ", "“", " ”", "”").Replace(squash(textOf(s)))
	return attr(s, "data-kind"), text
}

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
	if h.store.data != nil {
		t.Error("the demo was saved before the user changed anything")
	}
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

func TestAddingAnArticleAnalysesAndSavesIt(t *testing.T) {
	h := start(t, &MemoryStore{})
	h.do(actionAdd, addRequest{Title: "Desk copy", Source: "Gazette", Text: copied(t)})

	doc := h.page()
	ids := articleIDs(doc)
	if len(ids) != 6 || ids[5] != "a6" {
		t.Fatalf("articles %v, want the demo's five and a6", ids)
	}
	if kind, text := status(doc); kind != "info" || !strings.Contains(text, "Desk copy") {
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
	saved, err := workspace.Unmarshal(h.store.data)
	if err != nil {
		t.Fatalf("saved workspace: %v", err)
	}
	if len(saved.Articles) != 6 || saved.Articles[5].Title != "Desk copy" || saved.Articles[5].Source != "Gazette" {
		t.Errorf("saved articles %d, last %+v", len(saved.Articles), saved.Articles[len(saved.Articles)-1].Title)
	}
}

func TestAFullStorageIsReportedAndKeepsTheArticlesOnScreen(t *testing.T) {
	h := start(t, &MemoryStore{Fail: ErrStorageFull})
	h.do(actionAdd, addRequest{Text: copied(t)})

	doc := h.page()
	if ids := articleIDs(doc); len(ids) != 6 {
		t.Fatalf("%d articles on screen, want 6: none may be lost", len(ids))
	}
	kind, text := status(doc)
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
		{"an empty paste", actionAdd, addRequest{Title: "Empty", Text: " \n\t "}, "Text box has no text"},
		{"a binary file", actionFiles, []pickedFile{{Name: "photo.txt", Data: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")}}, "binary"},
		{"a file too large to read", actionFiles, []pickedFile{{Name: "archive.txt", Err: ingest.ErrTooLarge}}, "archive.txt was not added: it is too large"},
		{"a file that could not be read", actionFiles, []pickedFile{{Name: "gone.txt", Err: os.ErrNotExist}}, "could not be read"},
		{"a broken workspace", actionImport, pickedFile{Name: "ws.json", Data: []byte(`{"version": 1, "articles": [`)}, "not valid JSON"},
		{"a report instead of a workspace", actionImport, pickedFile{Name: "report.json", Data: []byte(`{"documents": [], "pairs": []}`)}, "report"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, &MemoryStore{})
			h.do(tt.action, tt.value)
			doc := h.page()
			if ids := articleIDs(doc); len(ids) != 5 {
				t.Errorf("%d articles on screen, want the 5 there were", len(ids))
			}
			kind, text := status(doc)
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
	h.do(actionFiles, []pickedFile{{Name: "desk.html", Data: []byte(page)}})

	saved, err := workspace.Unmarshal(h.store.data)
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
	h.probe.app.onUndo(h.probe.ctx, app.Event{})
	h.engine.ConsumeAll()
	if ids := articleIDs(h.page()); len(ids) != 5 {
		t.Errorf("after undo: %v, want all five back", ids)
	}
}

func TestRenameKeepsTheAnalysis(t *testing.T) {
	h := start(t, &MemoryStore{})
	before := h.probe.app.result
	h.do(actionRename, renameRequest{ID: "a3", Title: "UPI wire"})
	if h.probe.app.result != before {
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
	docs, report := h.probe.app.result.named(h.probe.app.ws)
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
	if err := store.Save(data); err != nil {
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
	store.Save([]byte("{not json"))
	h := start(t, store)
	doc := h.page()
	if ids := articleIDs(doc); len(ids) != 5 {
		t.Errorf("%d articles, want the demo's 5", len(ids))
	}
	if kind, text := status(doc); kind != "error" || !strings.Contains(text, "Could not read your saved articles") {
		t.Errorf("status %s %q", kind, text)
	}
}

// A flagSet is one change of a body flag and what the page showed then.
type flagSet struct {
	name     string
	on       bool
	progress bool   // #progress was on the page
	bars     string // the articles with a reused bar, as listed
	articles string // the articles in #article-list
}

func TestBodyFlagsChangeOnlyOnceThePageShowsTheChange(t *testing.T) {
	var sets []flagSet
	h := &harness{t: t, engine: app.NewTestEngine(), store: &MemoryStore{}}
	h.probe = &probe{app: NewApp(h.store)}
	h.probe.app.bodyFlag = func(name string, on bool) {
		doc := h.page()
		var bars []string
		for _, n := range withAttr(doc, "data-reused") {
			bars = append(bars, attr(n, "data-reused"))
		}
		slices.Sort(bars)
		ids := articleIDs(doc)
		slices.Sort(ids)
		sets = append(sets, flagSet{name, on, byID(doc, "progress") != nil, strings.Join(bars, " "), strings.Join(ids, " ")})
	}
	if err := h.engine.Load(h.probe); err != nil {
		t.Fatal(err)
	}
	h.engine.ConsumeAll()
	h.do(actionAdd, addRequest{Title: "Desk copy", Text: copied(t)})
	h.do(actionDelete, "a1")

	var ready, started, ended int
	for _, s := range sets {
		switch {
		case s.name == "data-ready" && s.on && ready > 0:
			// Set again with each flag change; it stays on.
		case s.name == "data-ready" && s.on, s.name == "data-analysing" && !s.on:
			if s.name == "data-ready" {
				ready++
			} else {
				ended++
			}
			if s.progress || s.bars != s.articles {
				t.Errorf("%s=%v while the page shows progress %v, bars for %q, articles %q: want the finished result on screen", s.name, s.on, s.progress, s.bars, s.articles)
			}
		case s.name == "data-analysing" && s.on:
			started++
			if !s.progress {
				t.Errorf("data-analysing=true while the page shows no progress (articles %q)", s.articles)
			}
		}
	}
	// The first analysis, the add and the delete each start and end one.
	if ready != 1 || started != 3 || ended < 3 {
		t.Errorf("flags set: ready first set %d times, analysing on %d and off %d times; want ready, and 3 analyses started and ended: %+v", ready, started, ended, sets)
	}
}

func TestFewerThanTwoArticlesExplainWhatToDo(t *testing.T) {
	h := start(t, &MemoryStore{})
	h.probe.app.onClearAll(h.probe.ctx, app.Event{})
	h.engine.ConsumeAll()

	doc := h.page()
	guide := byID(doc, "get-started")
	if guide == nil || byID(guide, "start-paste") == nil {
		t.Fatal("an empty workspace shows no guide with a button to start pasting")
	}
	if text := squash(textOf(guide)); !strings.Contains(text, "No articles yet") || !strings.Contains(text, "Paste") || !strings.Contains(text, "Restore demo") {
		t.Errorf("the empty workspace says %q; want it to say there are no articles and how to add some", text)
	}

	h.do(actionAdd, addRequest{Title: "Lone copy", Text: copied(t)})
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
