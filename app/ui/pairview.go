package ui

import (
	"slices"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
)

// passageColours is how many highlight colours the stylesheet defines
// (.pc0 to .pc5); passages cycle through them, numbered as well, so colour
// is never the only cue.
const passageColours = 6

// pairView shows two articles side by side with the passages they share
// highlighted in matching colours, and each passage's word-level edits.
// A rewritten passage is striped, not only coloured, and its card shows
// its sentence pairs side by side.
type pairView struct {
	app.Compo

	// IA and IB are the two articles, in the report's order.
	IA, IB workspace.Article
	// IPair is what the analysis found for them; nil when it did not
	// align them (not a story's pair) or no analysis of them has
	// finished, and then the view compares them itself (paircompare.go).
	IPair *reuse.Pair
	// IPending says an analysis of the articles on screen is running or
	// has not finished.
	IPending bool

	hideCosmetic  bool
	hideRewritten bool
	columns       bool   // the passages beside the texts, not under them
	active        int    // 1 + index of the passage last clicked; 0 for none
	cardPage      int    // the page of passage cards shown, from 0
	pairKey       string // the pair the active passage and the card page are of
	compare       compareState
	laid          sideLayouts // the texts' runs, kept between renders
	bodyFor       string      // the pair whose texts are drawn (opening)
	cardsFor      string      // the pair whose passage cards are drawn too
	opening       bool        // their first renders are on their way
}

func newPairView() *pairView { return &pairView{} }

// Articles passes the two articles.
func (p *pairView) Articles(a, b workspace.Article) *pairView {
	p.IA, p.IB = a, b
	return p
}

// Pair passes the analysis of the two articles.
func (p *pairView) Pair(v *reuse.Pair) *pairView { p.IPair = v; return p }

// Pending marks the analysis as running.
func (p *pairView) Pending(v bool) *pairView { p.IPending = v; return p }

// OnPreRender takes the requests natively too (tests), where go-app
// calls no OnMount.
func (p *pairView) OnPreRender(ctx app.Context) { p.OnMount(ctx) }

// OnMount takes requests to show the view (focus its heading) and the
// texts' reports of a passage clicked.
func (p *pairView) OnMount(ctx app.Context) {
	ctx.Handle(actionShowView, p.onShowView)
	ctx.Handle(actionPassageClicked, p.onPassage)
	p.OnUpdate(ctx)
}

func (p *pairView) onShowView(ctx app.Context, act app.Action) {
	ctx.PreventUpdate()
	// The request comes once the page shows the view.
	scroll, _ := act.Value.(bool)
	focusHeading(scroll)
}

// OnUpdate forgets the active passage and the card page when another
// pair opens, draws its body after its frame, and compares the two
// articles if the analysis did not.
func (p *pairView) OnUpdate(ctx app.Context) {
	if key := p.key(); key != p.pairKey {
		p.pairKey, p.active, p.cardPage = key, 0, 0
	}
	if p.active > len(p.passages()) {
		p.active = 0
	}
	p.openBody(ctx)
	p.compareOnRequest(ctx)
}

// openBody draws the pair's texts once the browser has had the thread,
// and their passage cards after another pause. A pair opens with its
// frame first (the heading, which takes the keyboard focus, the summary
// and the controls): in one render with the texts and the cards, and
// with the overview taken down in the same task, opening a pair held the
// page for over 100 ms; the texts and the cards of two long articles in
// one render took 70 to 90 ms of processor time.
func (p *pairView) openBody(ctx app.Context) {
	if p.cardsFor == p.key() || p.opening {
		return
	}
	p.opening = true
	afterBreath(ctx, func(ctx app.Context) {
		p.bodyFor = p.key()
		afterBreath(ctx, func(ctx app.Context) {
			p.opening = false
			if p.bodyFor == p.key() {
				p.cardsFor = p.bodyFor
			}
			p.openBody(ctx) // another pair opened meanwhile
		})
	})
}

// key names the pair shown.
func (p *pairView) key() string { return p.IA.ID + "/" + p.IB.ID }

func (p *pairView) passages() []reuse.Passage {
	if pair := p.pair(); pair != nil {
		return pair.Passages
	}
	return nil
}

// shows reports whether a passage is shown: rewritten ones can be hidden.
func (p *pairView) shows(ps reuse.Passage) bool {
	return !p.hideRewritten || ps.Kind != reuse.Rewritten
}

func (p *pairView) Render() app.UI {
	passages := p.passages()
	hidden := 0
	for _, ps := range passages {
		if !p.shows(ps) {
			hidden++
		}
	}
	// data-pair names the pair shown, as the pair lists' links do.
	section := app.Section().ID("pair-view").Class("view").Aria("labelledby", "view-heading").DataSet("pair", p.key())
	if p.hideCosmetic {
		section = section.Class("hide-cosmetic")
	}
	if p.columns {
		section = section.Class("columns")
	}
	if p.IPending {
		section = section.Class("stale")
	}
	opened := p.bodyFor == p.key()
	if p.IPending || !opened || p.cardsFor != p.key() {
		section = section.Aria("busy", true)
	}
	return section.Body(
		app.Nav().Class("crumbs").Aria("label", "Breadcrumb").Body(
			app.A().ID("back-to-overview").Href("#overview").Text("← Overview"),
		),
		app.H2().ID("view-heading").TabIndex(-1).Body(
			app.Span().Class("pair-title").Dir("auto").Text(session.Title(p.IA)),
			app.Span().Class("pair-and").Text("and"),
			app.Span().Class("pair-title").Dir("auto").Text(session.Title(p.IB)),
		),
		app.P().Class("pair-summary").Body(p.summary()...),
		app.Div().Class("pair-controls").Body(
			app.Div().Class("toggles").Body(
				app.Div().Class("toggle").Body(
					app.Input().ID("toggle-cosmetic").Type("checkbox").
						Checked(!p.hideCosmetic).
						OnChange(p.onToggleCosmetic),
					app.Label().For("toggle-cosmetic").Text("Show cosmetic differences (quotes, dashes, commas, case)"),
				),
				app.Div().Class("toggle").Body(
					app.Input().ID("toggle-rewritten").Type("checkbox").
						Checked(!p.hideRewritten).
						OnChange(p.onToggleRewritten),
					app.Label().For("toggle-rewritten").Text("Show rewritten passages (said in other words)"),
				),
				app.Div().Class("toggle", "toggle-columns").Body(
					app.Input().ID("toggle-columns").Type("checkbox").
						Checked(p.columns).
						OnChange(p.onToggleColumns),
					app.Label().For("toggle-columns").Text("Show the passages beside the texts"),
				),
			),
			app.Ul().Class("legend").Aria("label", "Legend").Body(
				app.Li().Class("kind").Body(
					app.Span().Class("kind-sample", "copied").Text("copied"),
					app.Text(" the same words in the same order, as a copy desk edits wire copy"),
				),
				app.Li().Class("kind").Body(
					app.Span().Class("kind-sample", "rewritten").Text("rewritten"),
					app.Text(" the same sentences said in other words: synonyms, reordered clauses, merged or condensed sentences"),
				),
				app.Li().DataSet("legend", "deleted").Body(app.Del().Text("deleted"), app.Text(" only in "), whereIs("a", p.IA)),
				app.Li().DataSet("legend", "inserted").Body(app.Ins().Text("inserted"), app.Text(" only in "), whereIs("b", p.IB)),
				app.Li().Body(app.Span().Class("cosmetic-sample").Text("“cosmetic”"), app.Text(" typography only")),
				app.Li().Body(app.Span().Class("quote-sample").Text("quotation"), app.Text(" mostly inside quotation marks")),
			),
			renderFigures(),
		),
		p.renderBody(opened, passages, hidden),
	)
}

// renderBody is the two texts and the passage cards, or, until each is
// drawn, a line saying it comes.
func (p *pairView) renderBody(opened bool, passages []reuse.Passage, hidden int) app.UI {
	if !opened {
		return app.Div().Class("pair-body").Body(
			app.P().ID("pair-opening").Class("empty").Text("Opening the two texts…"),
		)
	}
	l := p.layouts()
	var cards app.UI = app.P().ID("cards-opening").Class("empty").Text("Drawing the passages’ word-level edits…")
	if p.cardsFor == p.key() {
		cards = p.renderDiffs(passages, hidden)
	}
	return app.Div().Class("pair-body").Body(
		app.Div().Class("sides").Body(
			p.renderSide("a", p.IA, l.runs[0], l.long[0]),
			p.renderSide("b", p.IB, l.runs[1], l.long[1]),
		),
		cards,
	)
}

// onPassage shows a clicked passage in the other text and moves the
// keyboard focus there, so Enter goes back and forth between the two;
// its card's page shows.
func (p *pairView) onPassage(ctx app.Context, act app.Action) {
	c, _ := act.Value.(passageClicked)
	if c.n < 0 || c.n >= len(p.passages()) {
		ctx.PreventUpdate()
		return
	}
	p.activate(c.n)
	other := "b"
	if c.side == "b" {
		other = "a"
	}
	ctx.NewActionWithValue(actionRevealPassage, revealPassage{side: other, n: c.n, focus: true})
}

// activate marks passage n as the one the reader follows, and shows the
// page of cards that holds its card.
func (p *pairView) activate(n int) {
	p.active = n + 1
	if i := slices.Index(p.shownPassages(), n); i >= 0 {
		p.cardPage = i / cardsPerPage
	}
}

func (p *pairView) onShowBoth(n int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.activate(n)
		ctx.NewActionWithValue(actionRevealPassage, revealPassage{side: "a", n: n})
		ctx.NewActionWithValue(actionRevealPassage, revealPassage{side: "b", n: n})
	}
}

func (p *pairView) onToggleCosmetic(ctx app.Context, e app.Event) {
	p.hideCosmetic = !ctx.JSSrc().Get("checked").Bool()
}

func (p *pairView) onToggleColumns(ctx app.Context, e app.Event) {
	p.columns = ctx.JSSrc().Get("checked").Bool()
}

func (p *pairView) onToggleRewritten(ctx app.Context, e app.Event) {
	p.hideRewritten = !ctx.JSSrc().Get("checked").Bool()
	if ps := p.passages(); p.active > 0 && p.active <= len(ps) && !p.shows(ps[p.active-1]) {
		p.active = 0
	}
}
