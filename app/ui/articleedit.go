package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/workspace"
)

// The article list's edit form: an article's title, source, publication
// time and URL, edited in place of its entry.

// editField is one labelled field of the edit form, prefix+ID its
// element ID; the title's, the first, takes the focus. A field whose
// value cannot be saved says so to assistive technology and points to
// the message.
func (l *articleList) editField(art workspace.Article, prefix, label, value, placeholder, dir, inputMode string) []app.UI {
	id := prefix + art.ID
	in := app.Input().ID(id).Class("rename-input").Type("text").Dir(dir).
		Attr("inputmode", inputMode).
		Value(value).
		Placeholder(placeholder).
		AutoFocus(prefix == "rename-").
		OnKeyDown(l.onRenameKey(art.ID), app.EventScope(art.ID))
	if l.badField != id {
		return []app.UI{app.Label().Class("rename-label").For(id).Text(label), in}
	}
	// The message stands right under its field.
	return []app.UI{
		app.Label().Class("rename-label").For(id).Text(label),
		in.Aria("invalid", "true").Aria("describedby", "rename-error-"+art.ID),
		app.P().ID("rename-error-"+art.ID).Class("rename-error").Attr("role", "alert").Text(l.badWhy),
	}
}

// startRename opens the edit form of an article in place of its entry,
// the focus in its title.
func (l *articleList) startRename(ctx app.Context, id string) {
	l.renaming, l.badField, l.badWhy = id, "", ""
	ctx.Defer(func(app.Context) {
		if el := app.Window().GetElementByID("rename-" + id); el.Truthy() {
			el.Call("focus")
			el.Call("select")
		}
	})
}

func (l *articleList) onSave(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		l.save(ctx, id)
	}
}

func (l *articleList) onRenameKey(id string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		switch e.Get("key").String() {
		case "Enter":
			e.PreventDefault()
			l.save(ctx, id)
		case "Escape":
			l.cancel(ctx, id)
		default:
			ctx.PreventUpdate()
		}
	}
}

func (l *articleList) onCancel(ctx app.Context, e app.Event) {
	l.cancel(ctx, l.renaming)
}

func (l *articleList) save(ctx app.Context, id string) {
	req := renameRequest{ID: id, Title: inputValue("rename-" + id), Source: inputValue("rename-source-" + id),
		Published: inputValue("rename-published-" + id), URL: inputValue("rename-url-" + id)}
	// A time or URL that cannot be saved keeps the form open, with what
	// was typed, and says why next to it.
	l.badField, l.badWhy = "", ""
	if _, err := workspace.CleanPublished(req.Published); err != nil {
		l.badField, l.badWhy = "rename-published-"+id, "Not saved: "+err.Error()+"."
	} else if _, err := workspace.CleanURL(req.URL); err != nil {
		l.badField, l.badWhy = "rename-url-"+id, "Not saved: "+err.Error()+"."
	}
	if l.badField != "" {
		ctx.Defer(func(app.Context) {
			// The list scrolls: bring the message into it, then the focus
			// to the field above it.
			if msg := app.Window().GetElementByID("rename-error-" + id); msg.Truthy() {
				msg.Call("scrollIntoView", map[string]any{"block": "nearest"})
			}
			if el := app.Window().GetElementByID(l.badField); el.Truthy() {
				el.Call("focus", map[string]any{"preventScroll": true})
			}
		})
		return
	}
	l.renaming = ""
	ctx.NewActionWithValue(actionRename, req)
	l.refocus(ctx, id)
}

func (l *articleList) cancel(ctx app.Context, id string) {
	l.renaming, l.badField, l.badWhy = "", "", ""
	l.refocus(ctx, id)
}

// refocus returns the keyboard focus to the article's rename button once
// the list shows it again.
func (l *articleList) refocus(ctx app.Context, id string) {
	if l.self.Context != nil {
		ctx = l.self
	}
	ctx.Defer(func(app.Context) {
		sel := `[data-article-id="` + id + `"] [data-action="rename"]`
		if el := app.Window().Get("document").Call("querySelector", sel); el.Truthy() {
			el.Call("focus")
		}
	})
}
