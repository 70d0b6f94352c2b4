package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/session"
)

// The user's edits of the articles, each handed to the session, which
// says what the page must do next.

func (a *App) onAdd(ctx app.Context, act app.Action) {
	p, _ := act.Value.(session.Paste)
	a.apply(ctx, a.session.Add(p))
}

func (a *App) onFiles(ctx app.Context, act app.Action) {
	files, _ := act.Value.([]session.File)
	a.apply(ctx, a.session.AddFiles(files))
}

func (a *App) onRename(ctx app.Context, act app.Action) {
	req, _ := act.Value.(renameRequest)
	// The analysis names documents by title; offsets and scores do not
	// change, so the result stays and only the names shown follow.
	a.apply(ctx, a.session.Edit(req.ID, session.Details{Title: req.Title, Source: req.Source, Published: req.Published, URL: req.URL}))
}

func (a *App) onDelete(ctx app.Context, act app.Action) {
	id, _ := act.Value.(string)
	a.apply(ctx, a.session.Delete(id))
}

func (a *App) onUndo(ctx app.Context, act app.Action) {
	a.apply(ctx, a.session.Undo())
}

func (a *App) onMark(ctx app.Context, act app.Action) {
	text, _ := act.Value.(string)
	a.apply(ctx, a.session.MarkBoilerplate(text))
}

func (a *App) onUnmark(ctx app.Context, act app.Action) {
	text, _ := act.Value.(string)
	a.apply(ctx, a.session.UnmarkBoilerplate(text))
}

func (a *App) onImport(ctx app.Context, act app.Action) {
	switch v := act.Value.(type) {
	case decodedFile:
		a.apply(ctx, a.session.ImportDecoded(v.file, v.ws, v.err))
	case session.File:
		a.apply(ctx, a.session.Import(v))
	}
}

func (a *App) onClearAll(ctx app.Context, e app.Event) {
	a.apply(ctx, a.session.ClearAll())
}

func (a *App) onRestoreDemo(ctx app.Context, e app.Event) {
	a.apply(ctx, a.session.RestoreDemo())
}
