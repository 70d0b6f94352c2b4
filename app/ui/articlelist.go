package ui

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
)

// articlesPerPage is how many articles the list shows at a time.
const articlesPerPage = 50

// entriesAtOnce is how many entries of a page go into one render: go-app
// builds some dozen elements an entry, and a page of a new list (an
// import) drawn whole held the page's only thread for most of a second.
// The rest follow in renders of their own, each after a pause for the
// browser.
const entriesAtOnce = 10

// articleList shows the articles with their reuse, a page at a time,
// edits their title, source, publication time and URL, and deletes them.
type articleList struct {
	app.Compo

	// IArticles are the articles, in order.
	IArticles []workspace.Article
	// IAnalysis is the latest analysis, for word counts and reuse; nil
	// before the first.
	IAnalysis *analysis
	// ICurrentA and ICurrentB are the articles of the open pair view.
	ICurrentA, ICurrentB string

	page     int                // the page shown, from 0
	renaming string             // ID of the article whose title, source, time and URL are being edited
	badField string             // the field of that article whose value cannot be saved, "" if none
	badWhy   string             // why not
	counted  map[string]counted // characters of each article's text, by ID
	drawn    int                // entries of the page drawn so far; at least entriesAtOnce are
	drawing  bool               // more entries are on their way
	listed   int                // how many articles the list had when last updated
	// self is the list's own context. Deferred work needs a source that is
	// still mounted when it runs, and the rename field that asks to move
	// the focus is gone by then.
	self app.Context
}

func newArticleList() *articleList { return &articleList{} }

// Articles passes the articles.
func (l *articleList) Articles(v []workspace.Article) *articleList { l.IArticles = v; return l }

// Analysis passes the latest analysis.
func (l *articleList) Analysis(v *analysis) *articleList { l.IAnalysis = v; return l }

// Current marks the articles of the open pair view.
func (l *articleList) Current(a, b string) *articleList {
	l.ICurrentA, l.ICurrentB = a, b
	return l
}

// OnPreRender takes the requests natively too (tests), where go-app
// calls no OnMount.
func (l *articleList) OnPreRender(ctx app.Context) { l.OnMount(ctx) }

// OnMount keeps the list's own context and takes the requests the list
// handles itself: show the articles just added, and keep the keyboard
// focus in place after a removal.
func (l *articleList) OnMount(ctx app.Context) {
	l.self = ctx
	l.listed = len(l.IArticles)
	ctx.Handle(actionAdded, l.onAdded)
	ctx.Handle(actionFocusArticle, l.onFocusArticle)
	l.drawMore(ctx)
}

// OnUpdate draws a new list (an import, a restore, a clear) a few
// entries at a time; one article more or less keeps the page drawn.
func (l *articleList) OnUpdate(ctx app.Context) {
	if n := len(l.IArticles); n > l.listed+1 || n < l.listed-1 {
		l.drawn = 0
	}
	l.listed = len(l.IArticles)
	l.drawMore(ctx)
}

// drawMore adds the next entries of the page once the browser has had
// the thread, until the page is drawn.
func (l *articleList) drawMore(ctx app.Context) {
	start, end, _ := pageBounds(l.page, articlesPerPage, len(l.IArticles))
	if l.drawing || max(l.drawn, entriesAtOnce) >= end-start {
		return
	}
	l.drawing = true
	afterBreath(ctx, func(ctx app.Context) {
		l.drawing = false
		l.drawn = max(l.drawn, entriesAtOnce) + entriesAtOnce
		l.drawMore(ctx)
	})
}

func (l *articleList) Render() app.UI {
	n := len(l.IArticles)
	start, end, page := pageBounds(l.page, articlesPerPage, n)
	shown := l.IArticles[start:min(end, start+max(l.drawn, entriesAtOnce))]
	return app.Section().Class("panel", "articles").Aria("labelledby", "articles-heading").Body(
		app.H2().ID("articles-heading").Body(
			app.Text("Articles "),
			app.Span().Class("count").Text(n),
		),
		app.If(n == 0, func() app.UI {
			return app.P().Class("empty").Text("No articles yet. Paste one above, drop files, or restore the demo.")
		}),
		app.Ol().ID("article-list").Class("article-list").OnClick(l.onListClick).Body(
			app.Range(shown).Slice(func(i int) app.UI {
				return l.renderItem(start+i, shown[i])
			}),
		),
		renderPager("article-pages", "Articles", page, articlesPerPage, n, l.onPage),
	)
}

func (l *articleList) onPage(page int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		l.page, l.drawn = page, 0
		l.drawMore(ctx)
		ctx.Defer(func(app.Context) { showListStart("article-list", "articles-heading") })
	}
}

// onAdded shows the last page, where new articles go.
func (l *articleList) onAdded(ctx app.Context, act app.Action) {
	if last := max(len(l.IArticles)-1, 0) / articlesPerPage; last != l.page {
		l.page, l.drawn = last, 0
	}
	l.drawMore(ctx)
}

// onFocusArticle shows an article and focuses its Delete button: after a
// removal the focused button is gone, and the focus with it.
func (l *articleList) onFocusArticle(ctx app.Context, act app.Action) {
	id, _ := act.Value.(string)
	i := slices.IndexFunc(l.IArticles, func(a workspace.Article) bool { return a.ID == id })
	if i < 0 {
		return
	}
	// The entry to focus is drawn at once, with those above it.
	l.page, l.drawn = i/articlesPerPage, max(l.drawn, i%articlesPerPage+1)
	l.drawMore(ctx)
	ctx.Defer(func(app.Context) { focusAndShow("delete-" + id) })
}

func (l *articleList) renderItem(i int, art workspace.Article) app.UI {
	current := art.ID == l.ICurrentA || art.ID == l.ICurrentB
	item := app.Li().Class("article").DataSet("article-id", art.ID)
	if current {
		item = item.Class("current")
	}
	if l.renaming == art.ID {
		var fields []app.UI
		fields = append(fields, l.editField(art, "rename-", "Title", art.Title, "", "auto", "text")...)
		fields = append(fields, l.editField(art, "rename-source-", "Source", art.Source, "Outlet or agency", "auto", "text")...)
		fields = append(fields, l.editField(art, "rename-published-", "Published", art.Published, "e.g. 2017-04-12", "auto", "text")...)
		fields = append(fields, l.editField(art, "rename-url-", "URL", art.URL, "https://…", "auto", "url")...)
		return item.Body(
			app.Div().Class("rename-fields").Body(fields...),
			app.Div().Class("article-actions").Body(
				app.Button().Type("button").Class("button", "small").DataSet("action", "save").
					OnClick(l.onSave(art.ID), app.EventScope(art.ID)).
					Text("Save"),
				app.Button().Type("button").Class("button", "small", "quiet").DataSet("action", "cancel").
					OnClick(l.onCancel).
					Text("Cancel"),
			),
		)
	}

	title := session.Title(art)
	// The number is drawn by the style sheet from data-number, as the
	// pair list's rank: no element and text node of its own for go-app to
	// build for each of a page's entries, and out of the accessibility
	// tree as the aria-hidden span it replaces was.
	return item.DataSet("number", i+1).Body(
		app.Div().Class("article-main").Body(
			app.Span().Class("article-title").Dir("auto").Title(title).Text(title),
			l.renderMeta(art),
		),
		app.Div().Class("article-actions").Body(
			app.Button().Type("button").Class("button", "small", "quiet").DataSet("action", "rename").
				Aria("label", "Edit the title, source, publication time or URL of “"+title+"”").
				Text("Edit"),
			app.Button().ID("delete-"+art.ID).Type("button").Class("button", "small", "quiet", "danger").DataSet("action", "delete").
				Aria("label", "Delete “"+title+"”").
				Text("Delete"),
		),
	)
}

// renderMeta is the line under a title: source, publication day, a link
// to the article's page, length and reuse. The
// length is in characters, known the moment an article is added and the
// same before and after an analysis (the engine's word count would need
// its tokenizer in the page); the reused share follows once an analysis
// of this very text has measured it.
func (l *articleList) renderMeta(art workspace.Article) app.UI {
	// Each separator goes into the text node that follows it, and the
	// length's text takes the separator before the reused share: one
	// text node fewer for go-app to build per part.
	var parts []app.UI
	sep := ""
	if art.Source != "" {
		// The source is user text, in any script: it keeps its own direction.
		parts = append(parts, app.Span().Class("article-source").Dir("auto").Text(art.Source))
		sep = " · "
	}
	if art.Published != "" {
		// The day only, so the reused share still fits the two lines; the
		// time of day is in the tooltip and the edit form.
		parts = appendSeparator(parts, sep)
		parts = append(parts, app.Time().Class("article-published").DateTime(art.Published).Title(art.Published).
			Text(art.Published[:min(len(art.Published), len("2006-01-02"))]))
		sep = " · "
	}
	if art.URL != "" {
		// Checked to be http or https when it was set or imported: never
		// a javascript: link.
		parts = appendSeparator(parts, sep)
		parts = append(parts, app.A().Class("article-url").Href(art.URL).Target("_blank").Rel("noopener noreferrer").
			Title(art.URL).Text("page"))
		sep = " · "
	}
	size := sep + export.Plural(l.chars(art), "character", "characters")
	if _, reused, ok := l.IAnalysis.about(art); ok {
		return app.Span().Class("article-meta").Body(append(parts,
			app.Text(size+" · "), figure(export.Percent(reused)+" reused", defReused))...)
	}
	return app.Span().Class("article-meta").Body(append(parts, app.Text(size))...)
}

// appendSeparator adds a separator's text node between two elements; an
// empty separator adds nothing.
func appendSeparator(parts []app.UI, sep string) []app.UI {
	if sep == "" {
		return parts
	}
	return append(parts, app.Text(sep))
}

// chars counts an article's characters, once per text: the list renders
// on every change of the page, and a text is megabytes at most.
func (l *articleList) chars(art workspace.Article) int {
	if c, ok := l.counted[art.ID]; ok && c.text == art.Text {
		return c.n
	}
	if l.counted == nil || len(l.counted) > 2*len(l.IArticles) {
		l.counted = make(map[string]counted, len(l.IArticles))
	}
	n := export.Characters(art.Text)
	l.counted[art.ID] = counted{text: art.Text, n: n}
	return n
}

// counted is an article's text and its number of characters.
type counted struct {
	text string
	n    int
}

// onListClick takes the clicks on the entries' Edit and Delete buttons,
// by their data-action and their entry's data-article-id: one handler on
// the list instead of two an entry, each of which go-app would register
// with the browser, and swap on every entry a new page reuses. The edit
// form's Save and Cancel keep handlers of their own.
func (l *articleList) onListClick(ctx app.Context, e app.Event) {
	button := e.Get("target").Call("closest", "button[data-action]")
	entry := app.Value(nil)
	if button.Truthy() {
		entry = button.Call("closest", "[data-article-id]")
	}
	if entry == nil || !entry.Truthy() {
		// A click elsewhere in the list, which no other handler takes:
		// go-app counts updates, and this one would cancel another's.
		ctx.PreventUpdate()
		return
	}
	id := entry.Get("dataset").Get("articleId").String()
	switch button.Get("dataset").Get("action").String() {
	case "rename":
		l.startRename(ctx, id)
	case "delete":
		ctx.NewActionWithValue(actionDelete, id)
	}
	// Save and Cancel: their own handlers do the work.
}
