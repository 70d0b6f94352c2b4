package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
)

// Limits that keep a big analysis quick to render; the rest is a page
// further on (pairs) or an export away.
const (
	matrixSize    = 20 // articles in the heat map
	familiesShown = 50
	// familyMembersShown is how many of a family's articles it lists; the
	// report lists them all.
	familyMembersShown = 12
	excerptChars       = 280
)

// pairsShownNote says which pairs the pair list and the heat map count:
// by default the engine aligns each copy with its story's origin only.
const pairsShownNote = "The pairs below and the heat map are the stories' pairs: each copy with its origin, copies that share text their origin lacks, and pairs related only by rewritten text. Any other two articles are compared when you open them."

// overview shows what the analysis found across all articles: stories
// first, then pairs by shared words, a heat map of the pairs, each
// article's reused share, the passages that recur in three or more
// articles and the text set aside as boilerplate.
type overview struct {
	app.Compo

	// IArticles are the articles on screen, in order.
	IArticles []workspace.Article
	// IAnalysis is the latest finished analysis, or nil.
	IAnalysis *analysis
	// IStale says the analysis is not of the articles on screen (one is
	// running, or the list just changed).
	IStale bool
	// IAnalysing says an analysis of the articles on screen is running.
	IAnalysing bool
	// IMarked is the texts the user marked as boilerplate.
	IMarked []string

	// Drawing a result a slice at a time (overviewdraw.go).
	drawnFor *analysis // the result being drawn, or drawn
	budget   int       // elements the renders of drawnFor may build so far
	drawing  bool      // the next slice is on its way
	complete bool      // drawnFor is drawn whole
	// The titles on screen and the pairs between them (onScreen), and
	// what they are of.
	titles    map[string]string
	pairsNow  []*reuse.Pair
	titlesFor *analysis
	titlesOf  []workspace.Article
}

func newOverview() *overview { return &overview{} }

// Articles passes the articles on screen.
func (o *overview) Articles(v []workspace.Article) *overview { o.IArticles = v; return o }

// Analysis passes the latest analysis.
func (o *overview) Analysis(v *analysis) *overview { o.IAnalysis = v; return o }

// Marked passes the texts marked as boilerplate.
func (o *overview) Marked(v []string) *overview { o.IMarked = v; return o }

// Stale marks the analysis as out of date.
func (o *overview) Stale(v bool) *overview { o.IStale = v; return o }

// Analysing says an analysis of the articles on screen is running.
func (o *overview) Analysing(v bool) *overview { o.IAnalysing = v; return o }

// OnPreRender takes the requests natively too (tests), where go-app
// calls no OnMount.
func (o *overview) OnPreRender(ctx app.Context) { o.OnMount(ctx) }

// OnMount takes requests to show the view (focus its heading) and
// starts drawing the result.
func (o *overview) OnMount(ctx app.Context) {
	ctx.Handle(actionShowView, o.onShowView)
	o.drawMore(ctx)
}

// OnUpdate draws a new result a slice at a time.
func (o *overview) OnUpdate(ctx app.Context) { o.drawMore(ctx) }

func (o *overview) onShowView(ctx app.Context, act app.Action) {
	ctx.PreventUpdate()
	// The request comes once the page shows the view.
	scroll, _ := act.Value.(bool)
	focusHeading(scroll)
}

func (o *overview) Render() app.UI {
	body := []app.UI{
		app.H2().ID("view-heading").TabIndex(-1).Text("Overview"),
	}
	an := o.IAnalysis
	// A result of other articles is never shown, dimmed or not: its
	// counts would be wrong ("0 pairs" for articles whose IDs now name
	// other texts) and its passages those of articles no longer there.
	busy := len(o.IArticles) >= 2 && (o.IAnalysing || an == nil)
	switch {
	case len(o.IArticles) < 2:
		body = append(body, o.renderStart())
	case busy:
		body = append(body, o.renderAnalysing())
	case o.IStale:
		body = append(body, app.P().ID("overview-state").Class("empty").
			Text("There is no result for the articles as they are now: the analysis did not finish. Change an article, or add one, to analyse them again."))
	default:
		titles, pairs := o.onScreen()
		draw := o.drawnLimits(titles, pairs)
		body = append(body,
			o.renderSummary(pairs),
			newStoryList().Stories(o.IAnalysis, titles).Limit(draw.stories),
			app.P().ID("pairs-shown").Class("note").Text(pairsShownNote),
		)
		storiesDrawn := draw.done || draw.stories == min(len(o.IAnalysis.report.Stories), storiesPerPage)
		if !storiesDrawn || (draw.pairs == 0 && len(pairs) > 0 && !draw.done) {
			break // the stories are drawn first, then the pairs
		}
		side := []app.UI{}
		if draw.matrix {
			side = append(side, o.renderMatrix(titles, pairs, draw.matrixRows))
		}
		if draw.done || draw.bars > 0 {
			side = append(side, newReuseBars().Shares(o.IAnalysis, titles).Limit(draw.bars))
		}
		body = append(body, app.Div().Class("overview-grid").Body(
			newPairList().Pairs(o.IAnalysis, pairs, titles).Limit(draw.pairs),
			app.Div().Class("overview-side").Body(side...),
		))
		if draw.rest {
			body = append(body, o.renderFamilies(titles, draw.families))
		}
		if draw.setAside {
			body = append(body, renderSetAside(o.IAnalysis, titles, draw.setAsideItems, o.IMarked, o.onUnmark))
		}
	}
	section := app.Section().ID("overview").Class("view").Aria("labelledby", "view-heading")
	if busy {
		section = section.Aria("busy", true)
	}
	return section.Body(body...)
}

// renderAnalysing stands in for the results while the articles on screen
// are analysed: no counts or passages until theirs arrive.
func (o *overview) renderAnalysing() app.UI {
	return app.Div().ID("overview-state").Class("card", "analysing").Body(
		app.P().Class("lead").Textf("Analysing %s…", export.Plural(len(o.IArticles), "article", "articles")),
		app.P().Class("note").Text("The pairs, the heat map and the shared passages show here when the analysis finishes; the progress bar above follows it."),
	)
}

// renderStart tells a user with fewer than two articles what wirediff
// does and how to begin.
func (o *overview) renderStart() app.UI {
	lead := "No articles yet. wirediff compares news articles and finds every passage two or more of them share: recycled wire copy, press releases, quotes, with each word that was changed."
	button := "Paste an article"
	if len(o.IArticles) == 1 {
		lead = "One article so far: add at least one more to compare them. wirediff finds every passage two or more articles share, with each word that was changed."
		button = "Paste another article"
	}
	return app.Div().ID("get-started").Class("card", "get-started").Body(
		app.P().Class("lead").Text(lead),
		app.Ol().Class("steps").Body(
			app.Li().Text("Paste an article’s text under “Add an article”, or drop .txt, .md or .html files there."),
			app.Li().Text("Add the articles you suspect share copy: the overview then lists each pair by the words they share."),
			app.Li().Text("Open a pair to read both texts side by side, shared passages highlighted."),
		),
		app.P().Class("note").Text("Or use “Restore demo” under the article list for five articles about one event, or “Import workspace…” for articles saved earlier."),
		app.Button().ID("start-paste").Type("button").Class("button", "primary").
			OnClick(o.onStartPaste).
			Text(button),
	)
}

// onUnmark reports the intent to compare a marked text again.
func (o *overview) onUnmark(text string) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		ctx.NewActionWithValue(actionUnmark, text)
	}
}

// onStartPaste asks the form to take the keyboard focus, and the eye, to
// its text field.
func (o *overview) onStartPaste(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	ctx.NewAction(actionStartPaste)
}

// titlesNow maps the analysed documents' article IDs to the titles on
// screen. Articles deleted since the analysis are missing, and so are
// articles whose ID now names another text (an import or the demo
// reuses a1, a2, ...): a stale result must not be pinned on them.
func (o *overview) titlesNow() map[string]string {
	an := o.IAnalysis
	m := make(map[string]string, len(o.IArticles))
	for _, art := range o.IArticles {
		if i, ok := an.index[art.ID]; ok && an.docs[i].Text == art.Text {
			m[art.ID] = session.Title(art)
		}
	}
	return m
}

// pairs lists the report's pairs whose articles are still on screen, in
// the report's order (shared words, descending).
func (o *overview) pairs(titles map[string]string) []*reuse.Pair {
	an := o.IAnalysis
	out := make([]*reuse.Pair, 0, len(an.report.Pairs))
	for i := range an.report.Pairs {
		p := &an.report.Pairs[i]
		if _, ok := titles[an.id(p.A)]; !ok {
			continue
		}
		if _, ok := titles[an.id(p.B)]; !ok {
			continue
		}
		out = append(out, p)
	}
	return out
}

// renderSummary counts what the analysis found. Shared words are split
// into copied and rewritten ones: the same words in the same order, or
// the same sentences said in other words.
func (o *overview) renderSummary(pairs []*reuse.Pair) app.UI {
	var all export.Tally
	for _, p := range pairs {
		all.Add(p)
	}
	item := func(id string, n int, label, title string) app.UI {
		return app.Div().Class("stat").DataSet("stat", id).Title(title).Body(
			app.Dt().Text(label),
			app.Dd().Text(export.Thousands(n)),
		)
	}
	return app.Dl().Class("summary").Body(
		item("articles", len(o.IArticles), "articles", ""),
		item("pairs", len(pairs), "pairs share text", ""),
		item("shared-words", all.SharedWords, "shared words", defSharedWords),
		item("copied-words", all.CopiedWords(), "copied", "The same words in the same order, as a copy desk edits wire copy"),
		item("rewritten-words", all.RewrittenWords, "rewritten", "The same sentences said in other words: synonyms, reordered clauses, merged or condensed sentences"),
		item("families", len(o.IAnalysis.report.Families), "recurring passages", ""),
	)
}
