package ui

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
)

// Actions the components post and App handles on the UI goroutine. Child
// components only report what the user did; App owns every change.
const (
	actionAdd      = "wirediff/add"      // addRequest: a pasted article
	actionFiles    = "wirediff/files"    // []pickedFile: dropped or picked files
	actionRename   = "wirediff/rename"   // renameRequest
	actionDelete   = "wirediff/delete"   // string: article ID
	actionExport   = "wirediff/export"   // string: exportJSON, exportHTML or exportWorkspace
	actionImport   = "wirediff/import"   // pickedFile: a workspace file
	actionProgress = "wirediff/progress" // progress: from the analysis goroutine
	actionAnalysed = "wirediff/analysed" // analysed: from the analysis goroutine
	actionLoaded   = "wirediff/loaded"   // loaded: from the storage goroutine
	actionSaved    = "wirediff/saved"    // error or nil: from the storage goroutine
)

// What the export buttons ask for.
const (
	exportJSON      = "json"
	exportHTML      = "html"
	exportWorkspace = "workspace"
)

// progressEvery spaces out progress updates: each one re-renders the page,
// which costs more than the analysis step it reports.
const progressEvery = 80 * time.Millisecond

// saveDelay is how long a save waits, so the page shows a change before
// the workspace is encoded, and changes in quick succession save once.
const saveDelay = 50 * time.Millisecond

// An addRequest is a paste with what the user typed about it.
type addRequest struct{ Title, Source, Published, URL, Text string }

// A renameRequest sets an article's title, source, publication time and
// URL: the edit form's fields, all of them.
type renameRequest struct{ ID, Title, Source, Published, URL string }

// A pickedFile is a file the user dropped or picked, read (or not).
type pickedFile struct {
	Name string
	Data []byte
	Err  error
}

type progress struct{ gen, done, total int }

type analysed struct {
	gen    int
	result *analysis
	err    error
}

type loaded struct {
	data []byte
	err  error
}

// A notice is the message shown in #status.
type notice struct {
	kind string // "info" or "error"
	text string
	undo bool // offer to undo the last removal
}

// App is the page: the article list, the analysis and the current view.
type App struct {
	app.Compo

	// Store keeps the workspace between visits. Nil renders an empty shell
	// that loads nothing: what static generation prerenders.
	Store Store

	// self is the App's own context: deferred work needs a source that
	// is still mounted when it runs, and the control that caused a change
	// (an Undo button) can be gone by then.
	self     app.Context
	bodyFlag func(name string, on bool) // setBodyFlag; tests record the calls
	saver    *saver
	loaded   bool
	ready    bool
	ws       workspace.Workspace
	view     view
	result   *analysis
	gen      int
	cancel   context.CancelFunc
	running  bool
	done     int
	total    int
	notice   notice
	undo     *workspace.Workspace
	added    int // articles added from the form, so it clears itself
	imported int // workspace imports, so the import field resets
}

// NewApp returns the page component keeping its workspace in store.
func NewApp(store Store) *App {
	return &App{Store: store}
}

// OnMount starts the app in the browser: load the saved workspace (or the
// demo), then analyse it.
func (a *App) OnMount(ctx app.Context) {
	a.start(ctx)
}

// OnPreRender runs natively, where go-app never calls OnMount: with a
// store (tests) the app starts as in a browser; without one (static
// generation) it stays an empty shell.
func (a *App) OnPreRender(ctx app.Context) {
	if a.Store != nil {
		a.start(ctx)
	}
}

// OnDismount stops a running analysis.
func (a *App) OnDismount() {
	if a.cancel != nil {
		a.cancel()
	}
}

// OnNav follows the URL fragment: overview or pair view.
func (a *App) OnNav(ctx app.Context) {
	v := parseView(ctx.Page().URL().Fragment)
	if v == a.view {
		return
	}
	a.view = v
	a.viewChanged(ctx)
	if a.loaded {
		a.ws.View = v.route()
		a.persist(ctx)
	}
}

// OnAppUpdate says a new version was downloaded in the background: the
// service worker serves it from the next load.
func (a *App) OnAppUpdate(ctx app.Context) {
	if a.notice.kind != "error" {
		a.say("info", "A new version of wirediff is ready: reload the page to use it. Your articles are kept.")
	}
}

func (a *App) start(ctx app.Context) {
	if a.saver != nil {
		return // already started
	}
	a.self = ctx
	if a.bodyFlag == nil {
		a.bodyFlag = setBodyFlag
	}
	a.saver = &saver{store: a.Store}
	a.view = parseView(ctx.Page().URL().Fragment)

	ctx.Handle(actionAdd, a.onAdd)
	ctx.Handle(actionFiles, a.onFiles)
	ctx.Handle(actionRename, a.onRename)
	ctx.Handle(actionDelete, a.onDelete)
	ctx.Handle(actionExport, a.onExport)
	ctx.Handle(actionImport, a.onImport)
	ctx.Handle(actionProgress, a.onProgress)
	ctx.Handle(actionAnalysed, a.onAnalysed)
	ctx.Handle(actionLoaded, a.onLoaded)
	ctx.Handle(actionSaved, a.onSaved)

	store := a.Store
	ctx.Async(func() {
		data, err := store.Load()
		ctx.NewActionWithValue(actionLoaded, loaded{data: data, err: err})
	})
}

// Render lays out the page: header and tools, the article sidebar, and the
// main area with status, progress and the current view.
func (a *App) Render() app.UI {
	return app.Div().ID("wirediff").Class("shell").Body(
		// A button, not a link to "#main": the view lives in the URL
		// fragment, and that link would leave a pair view.
		app.Button().ID("skip-to-results").Type("button").Class("skip-link").
			OnClick(a.onSkip).
			Text("Skip to results"),
		app.Header().Class("topbar").Body(
			app.Div().Class("brand").Body(
				app.Img().Class("brand-icon").Src(iconSVG).Alt("").Aria("hidden", true).Width(28).Height(28),
				app.Div().Body(
					app.H1().Class("brand-name").Text(appName),
					app.P().Class("brand-tagline").Text("Find the passages articles share: wire copy, press releases, quotes."),
				),
			),
			newToolbar().
				Loaded(a.loaded).
				Articles(len(a.ws.Articles)).
				CanExport(a.result != nil && !a.stale()).
				Imported(a.imported),
		),
		app.Div().Class("layout").Body(
			app.Aside().Class("sidebar").Aria("label", "Articles").Body(
				newArticleForm().Added(a.added),
				newArticleList().
					Articles(a.ws.Articles).
					Analysis(a.result).
					Current(a.view.a, a.view.b),
				app.Div().Class("list-actions").Body(
					app.Button().ID("clear-all").Type("button").Class("button", "quiet").
						Disabled(len(a.ws.Articles) == 0).
						OnClick(a.onClearAll).
						Text("Clear all"),
					app.Button().ID("restore-demo").Type("button").Class("button", "quiet").
						OnClick(a.onRestoreDemo).
						Text("Restore demo"),
				),
			),
			app.Main().ID("main").TabIndex(-1).Body(
				a.renderStatus(),
				a.renderProgress(),
				a.renderView(),
			),
		),
		app.Footer().Class("footer").Body(
			app.P().Text("wirediff runs entirely in your browser and works offline. Nothing you paste or drop leaves this machine."),
		),
	)
}

// onSkip takes the keyboard focus past the sidebar to the view's heading.
func (a *App) onSkip(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	focusAndShow("view-heading")
}

func (a *App) renderStatus() app.UI {
	kind := a.notice.kind
	if kind == "" {
		kind = "info"
	}
	return app.Div().ID("status").Class("status").
		Role("status").
		Aria("live", "polite").
		DataSet("kind", kind).
		Body(
			app.If(a.notice.text != "", func() app.UI {
				return app.Span().Class("status-text").Dir("auto").Body(isolateQuotes(a.notice.text)...)
			}),
			app.If(a.notice.undo && a.undo != nil, func() app.UI {
				return app.Button().ID("undo").Type("button").Class("button", "link").
					OnClick(a.onUndo).
					Text("Undo")
			}),
		)
}

func (a *App) renderProgress() app.UI {
	if !a.running {
		return nil
	}
	total, done := a.total, a.done
	if total <= 0 {
		total, done = 1, 0
	}
	pct := 100 * done / total
	return app.Div().Class("progress-row").Body(
		app.Progress().ID("progress").
			Max(total).
			Value(done).
			Aria("label", "Analysis progress").
			Aria("valuenow", pct).
			Aria("valuemin", 0).
			Aria("valuemax", 100),
		app.Span().Class("progress-label").
			Textf("Analysing %d articles… %d%%", len(a.ws.Articles), pct),
	)
}

func (a *App) renderView() app.UI {
	if !a.loaded {
		return app.Section().ID("overview").Class("view", "loading").Body(
			app.P().Class("empty").Text("Loading your articles…"),
		)
	}
	if a.view.pair {
		artA, _, okA := a.ws.Find(a.view.a)
		artB, _, okB := a.ws.Find(a.view.b)
		if okA && okB {
			// Only a result of these very texts may mark them up: after an
			// import or a restore, an ID can name another text.
			var pair *reuse.Pair
			_, _, knownA := a.result.about(artA)
			_, _, knownB := a.result.about(artB)
			if knownA && knownB {
				var swapped bool
				pair, swapped = a.result.pair(artA.ID, artB.ID)
				if swapped {
					artA, artB = artB, artA
				}
			}
			return newPairView().
				Articles(artA, artB).
				Pair(pair).
				Pending(a.stale())
		}
	}
	return newOverview().
		Articles(a.ws.Articles).
		Analysis(a.result).
		Stale(a.stale()).
		Analysing(a.running)
}

// stale reports that the shown analysis is not of the current articles.
func (a *App) stale() bool {
	return a.running || a.result == nil || !a.result.covers(a.ws.Articles)
}

// ---------------------------------------------------------------------------
// Loading, saving and analysing.

func (a *App) onLoaded(ctx app.Context, act app.Action) {
	l, _ := act.Value.(loaded)
	a.ws = workspace.Demo()
	switch {
	case l.err != nil:
		a.say("error", fmt.Sprintf("Could not read your saved articles (%v). Showing the demo articles instead.", l.err))
	case l.data != nil:
		ws, err := workspace.Unmarshal(l.data)
		if err != nil {
			a.say("error", fmt.Sprintf("Could not read your saved articles (%v). Showing the demo articles instead.", err))
			break
		}
		a.ws = ws
	}
	a.loaded = true

	// A URL with a view wins; a bare "/" (a new tab, the installed app)
	// returns to the view saved with the articles.
	if ctx.Page().URL().Fragment == "" && a.ws.View != "" {
		a.replaceView(ctx, parseRoute(a.ws.View))
	}
	a.analyse(ctx)
}

// persist saves a snapshot of the workspace in the background. Encoding
// a workspace with megabytes of text holds the browser's only thread for
// a moment (Go runs on it), so it waits until the page has shown the
// change, and a snapshot taken meanwhile replaces it.
func (a *App) persist(ctx app.Context) {
	if a.saver == nil || !a.loaded {
		return
	}
	// A copy of the list: later edits change a.ws.Articles in place.
	snap := a.ws
	snap.Articles = slices.Clone(a.ws.Articles)
	s := a.saver
	seq := s.next()
	ctx.Async(func() {
		time.Sleep(saveDelay)
		if s.superseded(seq) {
			return
		}
		data, err := workspace.Marshal(snap)
		if err != nil {
			err = encodeError{err}
		} else {
			err = s.save(seq, data)
		}
		ctx.NewActionWithValue(actionSaved, err)
	})
}

// An encodeError is a workspace that could not be encoded for saving.
type encodeError struct{ err error }

func (e encodeError) Error() string { return e.err.Error() }

func (a *App) onSaved(ctx app.Context, act app.Action) {
	err, _ := act.Value.(error)
	if err == nil {
		return
	}
	var enc encodeError
	if errors.As(err, &enc) {
		// An export would fail the same way: no advice to export.
		a.say("error", fmt.Sprintf("Could not save your articles: %v. Everything on screen is kept until you close this tab.", enc.err))
		return
	}
	what := fmt.Sprintf("the browser refused to store them (%v)", err)
	if errors.Is(err, ErrStorageFull) {
		what = "the browser's storage for this page is full"
	}
	a.say("error", "Could not save your articles: "+what+
		". Everything on screen is kept, but it will be gone when you close this tab: use “Export workspace” to keep a copy.")
}

// analyse starts analysing the current articles, cancelling a running
// analysis: its result would describe articles that changed.
func (a *App) analyse(ctx app.Context) {
	if a.cancel != nil {
		a.cancel()
		a.cancel = nil
	}
	a.gen++
	gen := a.gen
	snapshot := newSnapshot(a.ws)
	if len(snapshot.docs) < 2 {
		// Nothing to compare: an empty result, at once.
		a.result = snapshot.finish(&reuse.Report{})
		a.running = false
		a.finished()
		return
	}

	actx, cancel := context.WithCancel(context.Background())
	a.cancel = cancel
	a.running = true
	a.done, a.total = 0, 0
	a.flagAfterRender()

	ctx.Async(func() {
		var last time.Time
		opts := reuse.Options{Progress: func(done, total int) {
			if actx.Err() != nil {
				return
			}
			if now := time.Now(); now.Sub(last) >= progressEvery {
				last = now
				ctx.NewActionWithValue(actionProgress, progress{gen: gen, done: done, total: total})
			}
			// Yield so the browser can paint and handle input: Go runs
			// on its main thread.
			time.Sleep(time.Millisecond)
		}}
		report, err := analyseSafely(actx, snapshot.docs, opts)
		var result *analysis
		if err == nil {
			result = snapshot.finish(report)
		}
		ctx.NewActionWithValue(actionAnalysed, analysed{gen: gen, result: result, err: err})
	})
}

// analyseSafely runs the engine, turning a panic into an error: in the
// browser a panic would kill the whole page and the articles with it.
func analyseSafely(ctx context.Context, docs []reuse.Document, opts reuse.Options) (report *reuse.Report, err error) {
	defer func() {
		if r := recover(); r != nil {
			report, err = nil, fmt.Errorf("the analysis stopped unexpectedly: %v", r)
		}
	}()
	return reuse.Analyze(ctx, docs, opts)
}

func (a *App) onProgress(ctx app.Context, act app.Action) {
	p, _ := act.Value.(progress)
	if p.gen != a.gen || !a.running {
		ctx.PreventUpdate()
		return
	}
	a.done, a.total = p.done, p.total
}

func (a *App) onAnalysed(ctx app.Context, act app.Action) {
	r, _ := act.Value.(analysed)
	if r.gen != a.gen {
		return // a newer analysis is running
	}
	a.running = false
	a.cancel = nil
	switch {
	case errors.Is(r.err, context.Canceled):
		a.flagAfterRender()
		return
	case r.err != nil:
		a.say("error", fmt.Sprintf("The analysis failed: %v. Your articles are kept.", r.err))
	default:
		a.result = r.result
	}
	a.finished()
}

// finished tells the page (and browser tests) that an analysis is over.
func (a *App) finished() {
	a.ready = true
	a.flagAfterRender()
}

// flagAfterRender sets the body's data-analysing and data-ready once the
// page shows the current state: browser tests take data-ready without
// data-analysing to mean the result is on screen. Set at once, the flags
// would change while the previous result is still shown. go-app runs
// deferred functions after the frame's render, in the same JavaScript
// task, so no test can look in between.
func (a *App) flagAfterRender() {
	if a.self.Context == nil {
		return
	}
	a.self.Defer(func(app.Context) {
		a.bodyFlag("data-analysing", a.running)
		if a.ready {
			a.bodyFlag("data-ready", true)
		}
	})
}

// ---------------------------------------------------------------------------
// Changes to the articles.

// changed saves the workspace and analyses it again after a change.
func (a *App) changed(ctx app.Context) {
	// A fresh slice tells the child components the list changed: go-app
	// compares their inputs, and an edit in place would look unchanged.
	a.ws.Articles = slices.Clone(a.ws.Articles)
	if a.view.pair {
		_, _, okA := a.ws.Find(a.view.a)
		_, _, okB := a.ws.Find(a.view.b)
		if !okA || !okB {
			a.replaceView(ctx, view{})
		}
	}
	a.ws.View = a.view.route()
	a.persist(ctx)
	a.analyse(ctx)
}

func (a *App) onAdd(ctx app.Context, act app.Action) {
	if !a.whenLoaded() {
		return
	}
	req, _ := act.Value.(addRequest)
	text, page, notes, err := articleText("", []byte(req.Text))
	if errors.Is(err, ingest.ErrEmpty) {
		a.say("error", "Nothing was added: the Text box has no text in it. Paste an article’s text there, then add it. The articles on screen are kept.")
		return
	}
	if err != nil {
		a.say("error", "Nothing was added: "+plainError(err)+". The articles on screen are kept.")
		return
	}
	typed := withPage(workspace.Article{Title: req.Title, Source: req.Source, Published: req.Published, URL: req.URL, Text: text}, page)
	if strings.TrimSpace(typed.Title) == "" {
		typed.Title = workspace.GuessTitle(text)
	}
	art, err := a.ws.AddArticle(typed)
	if err != nil {
		a.say("error", "Nothing was added: "+err.Error()+". The articles on screen are kept.")
		return
	}
	a.added++
	a.undo = nil
	// Each note is a sentence of its own: "Added “x”. Read as HTML: …",
	// not "… “x”. read as HTML" (a file's notes follow its name).
	for i, n := range notes {
		notes[i] = capitalize(n)
	}
	a.say("info", joinNotes(fmt.Sprintf("Added “%s”.", titleOf(art)), notes))
	a.changed(ctx)
}

func (a *App) onFiles(ctx app.Context, act app.Action) {
	if !a.whenLoaded() {
		return
	}
	files, _ := act.Value.([]pickedFile)
	var added []string
	var problems []string
	var notes []string
	for _, f := range files {
		if errors.Is(f.Err, ingest.ErrTooLarge) {
			problems = append(problems, fmt.Sprintf("%s was not added: %s", f.Name, plainError(f.Err)))
			continue
		}
		if f.Err != nil {
			problems = append(problems, fmt.Sprintf("%s could not be read (%v)", f.Name, f.Err))
			continue
		}
		text, page, fileNotes, err := articleText(f.Name, f.Data)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s was not added: %s", f.Name, plainError(err)))
			continue
		}
		fromPage := withPage(workspace.Article{Text: text}, page)
		if strings.TrimSpace(fromPage.Title) == "" {
			fromPage.Title = fileTitle(f.Name)
		}
		art, err := a.ws.AddArticle(fromPage)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s was not added: %v", f.Name, err))
			continue
		}
		added = append(added, "“"+titleOf(art)+"”")
		for _, n := range fileNotes {
			notes = append(notes, f.Name+": "+n)
		}
	}
	msg := ""
	if len(added) > 0 {
		msg = "Added " + strings.Join(added, ", ") + "."
	}
	msg = joinNotes(msg, notes)
	if len(problems) > 0 {
		a.say("error", joinNotes(msg, problems)+" The articles on screen are kept.")
	} else {
		a.say("info", msg)
	}
	if len(added) > 0 {
		a.undo = nil
		a.changed(ctx)
	}
}

func (a *App) onRename(ctx app.Context, act app.Action) {
	req, _ := act.Value.(renameRequest)
	title := strings.TrimSpace(req.Title)
	if title == "" {
		a.say("error", "Not renamed: a title cannot be empty. The articles on screen are kept.")
		return
	}
	before, _, ok := a.ws.Find(req.ID)
	if !ok {
		return
	}
	// Copy first: the child components hold the old slice, and an edit
	// in place would change their copy too, so go-app would see no change.
	// Nothing changes unless every field is good.
	edited := a.ws
	edited.Articles = slices.Clone(a.ws.Articles)
	if _, err := edited.SetPublished(req.ID, req.Published); err != nil {
		a.say("error", "Not saved: "+err.Error()+". The articles on screen are kept.")
		return
	}
	if _, err := edited.SetURL(req.ID, req.URL); err != nil {
		a.say("error", "Not saved: "+err.Error()+". The articles on screen are kept.")
		return
	}
	a.ws = edited
	a.ws.Rename(req.ID, title)
	a.ws.SetSource(req.ID, req.Source)
	after, _, _ := a.ws.Find(req.ID)
	var said []string
	if after.Title != before.Title {
		said = append(said, "Renamed to “"+after.Title+"”.")
	}
	switch {
	case after.Source == before.Source:
	case after.Source == "":
		said = append(said, "The source of “"+titleOf(after)+"” was removed.")
	default:
		said = append(said, "The source of “"+titleOf(after)+"” is now “"+after.Source+"”.")
	}
	said = append(said, metadataChanges(before, after)...)
	if len(said) == 0 {
		return // nothing changed
	}
	a.ws.View = a.view.route()
	a.say("info", strings.Join(said, " "))
	// The analysis names documents by title; offsets and scores do not
	// change, so the result stays and only the names shown follow.
	a.persist(ctx)
}

func (a *App) onDelete(ctx app.Context, act app.Action) {
	id, _ := act.Value.(string)
	art, i, ok := a.ws.Find(id)
	if !ok {
		return
	}
	a.keepUndo()
	a.ws.Remove(id)
	a.sayUndo("Deleted “" + titleOf(art) + "”.")
	a.changed(ctx)
	a.focusAfterRemoval(i)
}

// focusAfterRemoval keeps a keyboard user in place once the list shows a
// removal: on the Delete button of the article now at index i (or the
// last one), or on Undo when no article is left. The focused button is
// gone otherwise, and the focus with it.
func (a *App) focusAfterRemoval(i int) {
	sel := "#undo"
	if n := len(a.ws.Articles); n > 0 {
		next := a.ws.Articles[min(i, n-1)].ID
		sel = `#article-list [data-article-id="` + next + `"] [data-action="delete"]`
	}
	a.self.Defer(func(app.Context) { focusSelector(sel) })
}

func (a *App) onClearAll(ctx app.Context, e app.Event) {
	if !a.whenLoaded() {
		return
	}
	if len(a.ws.Articles) == 0 {
		return
	}
	a.keepUndo()
	n := len(a.ws.Articles)
	a.ws.Articles = nil
	a.sayUndo(fmt.Sprintf("Removed all %d articles.", n))
	a.changed(ctx)
	a.focusAfterRemoval(0)
}

func (a *App) onRestoreDemo(ctx app.Context, e app.Event) {
	if !a.whenLoaded() {
		return
	}
	if len(a.ws.Articles) > 0 {
		a.keepUndo()
	}
	a.ws = workspace.Demo()
	a.replaceView(ctx, view{})
	if a.undo != nil {
		a.sayUndo("Restored the five demo articles; your articles were replaced.")
	} else {
		a.say("info", "Restored the five demo articles.")
	}
	a.changed(ctx)
}

func (a *App) onUndo(ctx app.Context, e app.Event) {
	if a.undo == nil {
		return
	}
	a.ws = *a.undo
	a.undo = nil
	a.say("info", fmt.Sprintf("Undone: %d articles are back.", len(a.ws.Articles)))
	a.changed(ctx)
}

// keepUndo remembers the articles before a removal.
func (a *App) keepUndo() {
	prev := a.ws
	prev.Articles = slices.Clone(a.ws.Articles)
	a.undo = &prev
}

func (a *App) onImport(ctx app.Context, act app.Action) {
	if !a.whenLoaded() {
		return
	}
	f, _ := act.Value.(pickedFile)
	a.imported++
	if f.Err != nil {
		a.say("error", fmt.Sprintf("Could not read %s (%v). The articles on screen are kept.", f.Name, f.Err))
		return
	}
	ws, err := workspace.Unmarshal(f.Data)
	if err != nil {
		a.say("error", fmt.Sprintf("Could not import %s: %v. The articles on screen are kept.", f.Name, err))
		return
	}
	if len(a.ws.Articles) > 0 {
		a.keepUndo()
	}
	a.ws = ws
	a.replaceView(ctx, parseRoute(ws.View))
	msg := fmt.Sprintf("Imported %d articles from %s.", len(ws.Articles), f.Name)
	if a.undo != nil {
		a.sayUndo(msg + " They replace the articles you had.")
	} else {
		a.say("info", msg)
	}
	a.changed(ctx)
}

func (a *App) onExport(ctx app.Context, act app.Action) {
	kind, _ := act.Value.(string)
	f, err := a.exportFile(kind)
	if err != nil {
		a.say("error", err.Error())
		return
	}
	if f.name == "" {
		return
	}
	if err := download(f.name, f.mime, f.data); err != nil {
		a.say("error", fmt.Sprintf("Could not download %s: %v.", f.name, err))
		return
	}
	a.say("info", "Saved "+f.name+" to your downloads.")
}

// An exportedFile is an export, ready to download.
type exportedFile struct {
	name, mime string
	data       []byte
}

// exportFile makes the file an export button asks for; its errors are
// worded for the message line. An unknown kind makes no file.
func (a *App) exportFile(kind string) (exportedFile, error) {
	switch kind {
	case exportWorkspace:
		if len(a.ws.Articles) == 0 {
			return exportedFile{}, errors.New("There are no articles to export.")
		}
		data, err := workspace.Marshal(a.ws)
		if err != nil {
			return exportedFile{}, fmt.Errorf("Could not export the workspace: %v.", err)
		}
		return exportedFile{"wirediff-workspace.json", "application/json", data}, nil
	case exportJSON, exportHTML:
		if len(a.ws.Articles) < 2 {
			return exportedFile{}, errors.New("Nothing to export yet: a report compares articles, so add at least two.")
		}
		if a.result == nil || a.stale() {
			return exportedFile{}, errors.New("The analysis is not finished yet: export again when it is.")
		}
		docs, report := a.result.named(a.ws)
		var buf bytes.Buffer
		var err error
		f := exportedFile{"wirediff-report.html", "text/html", nil}
		if kind == exportJSON {
			// With each title and text: the offsets point into the
			// text, and the reader has no files to open instead.
			texts := make(map[int]string, len(docs))
			for i, d := range docs {
				texts[i] = d.Text
			}
			err = export.JSONWithTexts(&buf, report, texts)
			f.name, f.mime = "wirediff-report.json", "application/json"
		} else {
			err = export.HTML(&buf, docs, report)
		}
		if err != nil {
			return exportedFile{}, fmt.Errorf("Could not export the report: %v.", err)
		}
		f.data = buf.Bytes()
		return f, nil
	}
	return exportedFile{}, nil
}

// ---------------------------------------------------------------------------
// Views and messages.

// replaceView shows v without adding a history entry.
func (a *App) replaceView(ctx app.Context, v view) {
	if v == a.view {
		return
	}
	a.view = v
	u := *ctx.Page().URL()
	if v.pair {
		u.Fragment = strings.TrimPrefix(v.href(), "#")
	} else {
		u.Fragment = ""
	}
	u.RawFragment = ""
	ctx.Page().ReplaceURL(&url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/", Fragment: u.Fragment})
	a.viewChanged(ctx)
}

// viewChanged titles the page after the view and brings it into sight.
func (a *App) viewChanged(ctx app.Context) {
	title := appName
	if a.view.pair {
		artA, _, okA := a.ws.Find(a.view.a)
		artB, _, okB := a.ws.Find(a.view.b)
		if okA && okB {
			title = titleOf(artA) + " ↔ " + titleOf(artB) + " · " + appName
		}
	}
	ctx.Page().SetTitle(title)
	ctx.Defer(func(app.Context) {
		scrollToMain()
		focusByID("view-heading")
	})
}

// whenLoaded refuses changes until the saved articles are loaded: they
// would be overwritten by what loads.
func (a *App) whenLoaded() bool {
	if !a.loaded {
		a.say("error", "Your saved articles are still loading: try again in a moment. Nothing was changed.")
	}
	return a.loaded
}

func (a *App) say(kind, text string) {
	a.notice = notice{kind: kind, text: text}
}

func (a *App) sayUndo(text string) {
	a.notice = notice{kind: "info", text: text, undo: true}
}

// isolateQuotes renders a message with each “quoted” part, a title or a
// source in any script, isolated in a span of its own direction: an
// Arabic title must not reorder the English words and punctuation around
// it.
func isolateQuotes(msg string) []app.UI {
	var out []app.UI
	for {
		open := strings.Index(msg, "“")
		if open < 0 {
			break
		}
		open += len("“")
		end := strings.Index(msg[open:], "”")
		if end < 0 {
			break
		}
		end += open
		out = append(out, app.Text(msg[:open]), app.Span().Dir("auto").Text(msg[open:end]))
		msg = msg[end:]
	}
	if msg != "" {
		out = append(out, app.Text(msg))
	}
	return out
}

// articleText turns a paste or a file into article text, with what a web
// page says about it. Invalid UTF-8 is replaced here: the workspace is
// stored as JSON, which cannot hold it, and offsets must not shift
// between this visit and the next.
func articleText(name string, data []byte) (string, ingest.Meta, []string, error) {
	res, err := ingest.Text(name, data)
	if err != nil {
		return "", ingest.Meta{}, nil, err
	}
	text := res.Text
	if res.InvalidBytes > 0 {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	return text, res.Meta, res.Notes, nil
}

// plainError words an ingest error for the message line.
func plainError(err error) string {
	switch {
	case errors.Is(err, ingest.ErrEmpty):
		return "there is no text"
	case errors.Is(err, ingest.ErrBinary):
		return "it looks like a binary file, not text"
	case errors.Is(err, ingest.ErrTooLarge):
		return fmt.Sprintf("it is too large: an article can have up to %d MB of text", ingest.MaxBytes>>20)
	}
	return err.Error()
}

func joinNotes(msg string, notes []string) string {
	parts := make([]string, 0, len(notes)+1)
	if msg != "" {
		parts = append(parts, msg)
	}
	for _, n := range notes {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if !strings.HasSuffix(n, ".") {
			n += "."
		}
		parts = append(parts, n)
	}
	return strings.Join(parts, " ")
}

// capitalize starts s with a capital letter.
func capitalize(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// fileTitle names an article after its file, without the extension.
func fileTitle(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return name
}

// titleOf is the title shown for an article: untitled ones go by ID.
func titleOf(art workspace.Article) string {
	if strings.TrimSpace(art.Title) == "" {
		return "Untitled " + art.ID
	}
	return art.Title
}
