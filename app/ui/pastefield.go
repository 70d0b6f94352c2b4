package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// pasteFieldID is the ID of the add form's text field.
const pasteFieldID = "article-text"

// pasteField is the add form's text field, where an article is pasted.
// The form empties it by asking for another (IGeneration): go-app
// compares CompoID, and puts a new, empty element in the old one's
// place, which takes the browser a millisecond or two, where emptying a
// field that holds a 5 MB paste took 20 to 55 ms of the page's thread.
// Ctrl+Enter (Cmd+Enter) reports actionAddPaste.
type pasteField struct {
	app.Compo

	// IGeneration names the field: another one is a new, empty field.
	IGeneration int
}

func newPasteField() *pasteField { return &pasteField{} }

// Generation passes the field's generation.
func (p *pasteField) Generation(n int) *pasteField { p.IGeneration = n; return p }

// CompoID names the field for go-app, which mounts a new one when it
// changes.
func (p *pasteField) CompoID() string { return "paste-field-" + strconv.Itoa(p.IGeneration) }

func (p *pasteField) Render() app.UI {
	return app.Textarea().ID(pasteFieldID).Rows(6).Dir("auto").Spellcheck(false).
		Placeholder("Paste the article: plain text or HTML (shown as text, never as a page)").
		Aria("describedby", "article-text-hint").
		OnKeyDown(p.onKey)
}

// onKey reports Ctrl+Enter as the intent to add the paste, and lets
// every other key be: typing must not re-render the page.
func (p *pasteField) onKey(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if e.Get("key").String() == "Enter" && (e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool()) {
		e.PreventDefault()
		ctx.NewAction(actionAddPaste)
	}
}
