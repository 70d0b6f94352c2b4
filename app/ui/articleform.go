package ui

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/session"
)

// formFields are the add form's fields, cleared once their paste is in;
// the text field is the last.
var formFields = []string{"article-title", "article-source", "article-published", "article-url", pasteFieldID}

// articleForm adds articles: a paste with optional title, source,
// publication time and URL, or files dropped on it or picked from a
// dialog. Its fields are the
// browser's: they are read when the user adds the paste, and cleared once
// it went in (a refused paste stays, to be fixed).
type articleForm struct {
	app.Compo

	dragging bool
	adding   bool // the paste is being read, off the page's thread
	fieldGen int  // the text field's generation: a new one is empty (pasteField)
}

func newArticleForm() *articleForm { return &articleForm{} }

// OnPreRender takes the requests natively too (tests), where go-app
// calls no OnMount.
func (f *articleForm) OnPreRender(ctx app.Context) { f.OnMount(ctx) }

// OnMount takes the requests the form handles itself: clear the fields
// once their paste was added, focus the text field to start a paste.
func (f *articleForm) OnMount(ctx app.Context) {
	ctx.Handle(actionAdded, f.onAdded)
	ctx.Handle(actionStartPaste, f.onStartPaste)
	ctx.Handle(actionAddPaste, f.onAddPaste)
}

func (f *articleForm) onAdded(ctx app.Context, act app.Action) {
	if a, _ := act.Value.(added); !a.pasted {
		ctx.PreventUpdate()
		return
	}
	for _, id := range formFields[:len(formFields)-1] {
		setInputValue(id, "")
	}
	// A new text field, not the old one emptied: the browser takes tens
	// of milliseconds to drop megabytes from a field (pasteField). The
	// focus stays in it for the next paste.
	focused := hasFocus(pasteFieldID)
	f.fieldGen++
	if focused {
		ctx.Defer(func(app.Context) { focusByID(pasteFieldID) })
	}
}

// onStartPaste takes the keyboard focus, and the eye, to the text field.
func (f *articleForm) onStartPaste(ctx app.Context, act app.Action) {
	ctx.PreventUpdate()
	focusAndShow(pasteFieldID)
}

func (f *articleForm) Render() app.UI {
	dropClass := "drop-zone"
	if f.dragging {
		dropClass += " dragging"
	}
	return app.Section().Class("panel", "add-article").Aria("labelledby", "add-heading").Body(
		app.H2().ID("add-heading").Text("Add an article"),
		app.Div().Class("field-row").Body(
			app.Div().Class("field").Body(
				app.Label().For("article-title").Body(
					app.Text("Title "), app.Span().Class("optional").Text("optional"),
				),
				app.Input().ID("article-title").Type("text").Dir("auto").AutoComplete(false).
					Placeholder("From the first line if empty"),
			),
			app.Div().Class("field").Body(
				app.Label().For("article-source").Body(
					app.Text("Source "), app.Span().Class("optional").Text("optional"),
				),
				app.Input().ID("article-source").Type("text").Dir("auto").AutoComplete(false).
					Placeholder("Outlet or agency"),
			),
		),
		app.Div().Class("field-row").Body(
			app.Div().Class("field").Body(
				app.Label().For("article-published").Body(
					app.Text("Published "), app.Span().Class("optional").Text("optional"),
				),
				app.Input().ID("article-published").Type("text").Dir("auto").AutoComplete(false).
					Placeholder("e.g. 2017-04-12").
					Aria("describedby", "article-meta-hint"),
			),
			app.Div().Class("field").Body(
				app.Label().For("article-url").Body(
					app.Text("URL "), app.Span().Class("optional").Text("optional"),
				),
				app.Input().ID("article-url").Type("text").Dir("auto").AutoComplete(false).
					Attr("inputmode", "url").Spellcheck(false).
					Placeholder("https://…").
					Aria("describedby", "article-meta-hint"),
			),
		),
		app.P().ID("article-meta-hint").Class("hint").Text(
			"A time may be a date or 2017-04-12T14:05+03:00 (UTC if no zone is given). A web page’s own title, outlet, time and URL fill the fields left empty."),
		app.Div().Class("field").Body(
			app.Label().For(pasteFieldID).Text("Text"),
			newPasteField().Generation(f.fieldGen),
			app.P().ID("article-text-hint").Class("hint").Body(
				app.Kbd().Text("Ctrl"), app.Text(" + "), app.Kbd().Text("Enter"), app.Text(" adds it."),
			),
		),
		app.Button().ID("add-article").Type("button").Class("button", "primary").
			OnClick(f.onAdd).
			Text("Add article"),
		app.Div().ID("drop-zone").Class(dropClass).
			OnDragEnter(f.onDragOver).
			OnDragOver(f.onDragOver).
			OnDragLeave(f.onDragLeave).
			OnDrop(f.onDrop).
			Body(
				app.P().Text("Drop .txt, .md or .html files here"),
				app.Input().ID("file-input").Type("file").Class("visually-hidden").
					Multiple(true).
					Accept(".txt,.md,.html,.htm,text/plain,text/markdown,text/html").
					OnChange(f.onPick),
				app.Label().Class("button").For("file-input").Text("Choose files…"),
			),
	)
}

func (f *articleForm) onAdd(ctx app.Context, e app.Event) { f.add(ctx) }

// onAddPaste takes Ctrl+Enter in the text field as a click on Add.
func (f *articleForm) onAddPaste(ctx app.Context, act app.Action) { f.add(ctx) }

// add reads the paste's text off the page's thread (in the engine's
// worker, which takes the field's value as it is: a 5 MB paste copied
// into Go and out again held the page for most of a second), then hands
// it to App. A second click meanwhile adds nothing more.
func (f *articleForm) add(ctx app.Context) {
	ctx.PreventUpdate()
	if f.adding {
		return
	}
	f.adding = true
	p := session.Paste{
		Title:     inputValue("article-title"),
		Source:    inputValue("article-source"),
		Published: inputValue("article-published"),
		URL:       inputValue("article-url"),
	}
	text := takeFieldText(pasteFieldID)
	ctx.Async(func() {
		res, err := text.read(context.Background())
		p.Read = &session.Reading{Result: res, Err: err}
		ctx.Dispatch(func(ctx app.Context) {
			ctx.PreventUpdate()
			f.adding = false
			ctx.NewActionWithValue(actionAdd, p)
		})
	})
}

func (f *articleForm) onDragOver(ctx app.Context, e app.Event) {
	// Without this the browser would open a dropped file instead.
	e.PreventDefault()
	if f.dragging {
		ctx.PreventUpdate()
		return
	}
	f.dragging = true
}

func (f *articleForm) onDragLeave(ctx app.Context, e app.Event) {
	f.dragging = false
}

func (f *articleForm) onDrop(ctx app.Context, e app.Event) {
	e.PreventDefault()
	f.dragging = false
	f.read(ctx, listFiles(e.Get("dataTransfer").Get("files")))
}

func (f *articleForm) onPick(ctx app.Context, e app.Event) {
	input := e.Get("target")
	files := listFiles(input.Get("files"))
	// Reset, so picking the same file again is a change too.
	input.Set("value", "")
	f.read(ctx, files)
}

// read reads the files' text off the UI goroutine and off the page's
// thread (pendingFile.readText), and hands them to App.
func (f *articleForm) read(ctx app.Context, files []pendingFile) {
	if len(files) == 0 {
		return
	}
	ctx.Async(func() {
		picked := make([]session.File, len(files))
		for i, pf := range files {
			picked[i] = pf.readText(context.Background())
		}
		ctx.NewActionWithValue(actionFiles, picked)
	})
}
