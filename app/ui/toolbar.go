package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
	"github.com/wirediff/wirediff/internal/browser"
)

// toolbar holds the export buttons and the workspace import.
type toolbar struct {
	app.Compo

	// ICanExport says a finished analysis of the articles on screen
	// exists, so the report exports have something to export.
	ICanExport bool
	// IArticles is how many articles there are: a report needs two, a
	// workspace one.
	IArticles int
	// ILoaded says the saved articles are loaded: before, there is no
	// workspace to export.
	ILoaded bool
}

func newToolbar() *toolbar { return &toolbar{} }

// CanExport enables the report exports.
func (t *toolbar) CanExport(v bool) *toolbar { t.ICanExport = v; return t }

// Articles passes how many articles there are.
func (t *toolbar) Articles(n int) *toolbar { t.IArticles = n; return t }

// Loaded says the saved articles are loaded.
func (t *toolbar) Loaded(v bool) *toolbar { t.ILoaded = v; return t }

// whyNoReport says why the report exports are disabled, or "" when they
// are not.
func (t *toolbar) whyNoReport() string {
	switch {
	case !t.ILoaded:
		return "Your saved articles are still loading."
	case t.IArticles < 2:
		return "Nothing to export yet: a report compares articles, so add at least two."
	case !t.ICanExport:
		return "The analysis is still running: export the report when it finishes."
	}
	return ""
}

// whyNoWorkspace says why the workspace export is disabled, or "".
func (t *toolbar) whyNoWorkspace() string {
	switch {
	case !t.ILoaded:
		return "Your saved articles are still loading."
	case t.IArticles == 0:
		return "Nothing to export: there are no articles. Add some, or import a workspace."
	}
	return ""
}

func (t *toolbar) Render() app.UI {
	noReport, noWorkspace := t.whyNoReport(), t.whyNoWorkspace()
	// A disabled button says why in its title, which is also its
	// accessible description.
	title := func(why, what string) string {
		if why != "" {
			return why
		}
		return what
	}
	return app.Nav().Class("toolbar").Aria("label", "Export and import").Body(
		app.Button().ID("export-json").Type("button").Class("button").
			Disabled(noReport != "").
			Title(title(noReport, "Download the findings as JSON (the command line's --json shape), with each article's title and text")).
			OnClick(t.onExport(exportJSON), app.EventScope(exportJSON)).
			Text("Export JSON"),
		app.Button().ID("export-html").Type("button").Class("button").
			Disabled(noReport != "").
			Title(title(noReport, "Download a self-contained HTML report that opens anywhere")).
			OnClick(t.onExport(exportHTML), app.EventScope(exportHTML)).
			Text("Export report"),
		app.Button().ID("export-workspace").Type("button").Class("button").
			Disabled(noWorkspace != "").
			Title(title(noWorkspace, "Download the articles as a workspace file, to import later or elsewhere")).
			OnClick(t.onExport(exportWorkspace), app.EventScope(exportWorkspace)).
			Text("Export workspace"),
		// The input stays focusable (only visually hidden) and comes first,
		// so its label can show the keyboard focus.
		app.Input().ID("import-workspace").Type("file").Class("visually-hidden").
			Accept(".json,application/json").
			OnChange(t.onImport),
		app.Label().Class("button", "file-button").For("import-workspace").
			Text("Import workspace…"),
		// In one column the form comes after the results (wirediff.css):
		// this takes the focus, and the eye, to it.
		app.Button().ID("go-to-form").Type("button").Class("button", "one-column-only").
			Title("Go to the form under the results, to paste, drop or pick an article").
			OnClick(t.onAddArticle).
			Text("Add an article"),
	)
}

// onAddArticle asks the form to take the focus to its text field.
func (t *toolbar) onAddArticle(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	ctx.NewAction(actionStartPaste)
}

func (t *toolbar) onExport(kind string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionExport, kind)
	}
}

func (t *toolbar) onImport(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	input := e.Get("target")
	files := listFiles(input.Get("files"))
	// Reset, so choosing the same file again is a change too.
	input.Set("value", "")
	if len(files) == 0 {
		return
	}
	f := files[0]
	ctx.Async(func() {
		data, err := f.read()
		file := session.File{Name: f.name, Data: data, Err: err}
		if err != nil {
			ctx.NewActionWithValue(actionImport, file)
			return
		}
		// Decoded here, in slices, not in the action on the page's
		// thread: a file of 1,000 articles held it for a second. The
		// copy of the file into Go has had its task.
		browser.Breathe()
		ws, err := workspace.UnmarshalPausing(data, browser.PauseEvery, browser.Breathe)
		ctx.NewActionWithValue(actionImport, decodedFile{file: file, ws: ws, err: err})
	})
}

// A decodedFile is a workspace file read and decoded, as ws or the
// error err.
type decodedFile struct {
	file session.File
	ws   workspace.Workspace
	err  error
}
