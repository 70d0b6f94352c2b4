package ui

import (
	"fmt"
	"github.com/wirediff/wirediff/app/export"
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
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
	// IPair is what the analysis found for them; nil when they share
	// nothing or no analysis of them has finished.
	IPair *reuse.Pair
	// IPending says an analysis of the articles on screen is running or
	// has not finished.
	IPending bool

	hideCosmetic  bool
	hideRewritten bool
	columns       bool   // the passages beside the texts, not under them
	active        int    // 1 + index of the passage last clicked; 0 for none
	scrolledFor   string // the pair whose texts were brought to their first passage
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

// OnMount brings both texts to their first shared passage.
func (p *pairView) OnMount(ctx app.Context) {
	p.showFirstPassages(ctx)
}

// OnUpdate forgets the active passage when another pair opens, and brings
// the new pair's texts to their first shared passage.
func (p *pairView) OnUpdate(ctx app.Context) {
	if p.active > len(p.passages()) {
		p.active = 0
	}
	p.showFirstPassages(ctx)
}

// showFirstPassages scrolls each text to its first highlight, once per
// pair: the reader sees matched text at once, not a byline.
func (p *pairView) showFirstPassages(ctx app.Context) {
	key := p.IA.ID + "/" + p.IB.ID
	if p.IPair == nil || len(p.IPair.Passages) == 0 || key == p.scrolledFor {
		return
	}
	p.scrolledFor = key
	ctx.Defer(func(app.Context) {
		scrollToFirstMark("side-a")
		scrollToFirstMark("side-b")
	})
}

func (p *pairView) passages() []reuse.Passage {
	if p.IPair == nil {
		return nil
	}
	return p.IPair.Passages
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
	section := app.Section().ID("pair-view").Class("view").Aria("labelledby", "view-heading")
	if p.hideCosmetic {
		section = section.Class("hide-cosmetic")
	}
	if p.columns {
		section = section.Class("columns")
	}
	if p.IPending {
		section = section.Class("stale").Aria("busy", true)
	}
	return section.Body(
		app.Nav().Class("crumbs").Aria("label", "Breadcrumb").Body(
			app.A().ID("back-to-overview").Href("#overview").Text("← Overview"),
		),
		app.H2().ID("view-heading").TabIndex(-1).Body(
			app.Span().Class("pair-title").Dir("auto").Text(titleOf(p.IA)),
			app.Span().Class("pair-and").Text("and"),
			app.Span().Class("pair-title").Dir("auto").Text(titleOf(p.IB)),
		),
		app.P().Class("pair-summary").Body(p.summary()...),
		app.Div().Class("pair-controls").Body(
			app.Div().Class("toggles").Body(
				app.Div().Class("toggle").Body(
					app.Input().ID("toggle-cosmetic").Type("checkbox").
						Checked(!p.hideCosmetic).
						OnChange(p.onToggleCosmetic),
					app.Label().For("toggle-cosmetic").Text("Show cosmetic differences (quotes, dashes, case)"),
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
		app.Div().Class("pair-body").Body(
			app.Div().Class("sides").Body(
				p.renderSide("a", p.IA, passages),
				p.renderSide("b", p.IB, passages),
			),
			p.renderDiffs(passages, hidden),
		),
	)
}

// renderDiffs lists each shown passage's word diff, under the texts or
// beside them.
func (p *pairView) renderDiffs(passages []reuse.Passage, hidden int) app.UI {
	return app.Section().ID("passage-diffs").Class("diffs").Aria("labelledby", "diffs-heading").Body(
		app.H3().ID("diffs-heading").Text("Word-level edits, passage by passage"),
		app.If(len(passages) == 0, func() app.UI {
			return app.P().Class("empty").Text("No shared passages to show.")
		}),
		app.If(hidden > 0, func() app.UI {
			return app.P().ID("rewritten-hidden").Class("note").
				Text(export.Plural(hidden, "rewritten passage is", "rewritten passages are") + " hidden: tick “Show rewritten passages” to see them.")
		}),
		app.Range(passages).Slice(func(n int) app.UI {
			if !p.shows(passages[n]) {
				return nil
			}
			return p.renderDiff(n, passages[n])
		}),
	)
}

// renderFigures defines every figure the pages show, for a reader who
// cannot hover a tooltip: a short legend, folded.
func renderFigures() app.UI {
	defs := []string{defSharedWords, defSimilar, defWords, defIdentical, defSentence, defReused}
	return app.Details().ID("figures").Class("figures").Body(
		app.Summary().Text("What the figures mean"),
		app.Dl().Body(
			app.Range(defs).Slice(func(i int) app.UI {
				term, def, _ := strings.Cut(defs[i], ": ")
				return app.Div().Class("figure-def").Body(
					app.Dt().Text(term),
					app.Dd().Text(def),
				)
			}),
		),
	)
}

// figure is a number with what it means as its tooltip.
func figure(text, def string) app.UI {
	return app.Span().Class("figure").Title(def).Text(text)
}

func (p *pairView) summary() []app.UI {
	switch {
	case p.IPair != nil && p.IPending:
		return append([]app.UI{app.Text("Updating the analysis… ")}, pairStats(p.IPair)...)
	case p.IPair != nil:
		return pairStats(p.IPair)
	case p.IPending:
		return []app.UI{app.Text("Analysing the articles…")}
	}
	return []app.UI{app.Text("These two articles share no passage of eight words or more.")}
}

// pairStats sums a pair up, each figure with what it means as its
// tooltip.
func pairStats(pair *reuse.Pair) []app.UI {
	quotes, rewritten := 0, 0
	for _, ps := range pair.Passages {
		if ps.Quote {
			quotes++
		}
		if ps.Kind == reuse.Rewritten {
			rewritten++
		}
	}
	out := []app.UI{
		figure(export.Plural(pair.SharedWords, "shared word", "shared words"), defSharedWords),
		app.Text(" in " + export.Plural(len(pair.Passages), "passage", "passages")),
	}
	if rewritten > 0 {
		out = append(out, app.Text(fmt.Sprintf(" · %s copied, %s rewritten in %s",
			export.Thousands(pair.SharedWords-pair.RewrittenWords), export.Thousands(pair.RewrittenWords),
			export.Plural(rewritten, "passage", "passages"))))
	}
	out = append(out, app.Text(" · "), figure(export.Percent(pair.Similarity)+" similar", defSimilar))
	if quotes > 0 {
		out = append(out, app.Text(" · "+export.Plural(quotes, "quotation", "quotations")))
	}
	return out
}

// whereIs names the text of one side, "a" or "b", in words true in every
// layout: "the left text" where the texts stand side by side, "the first
// text, above" where they are stacked (a narrow window, or the passages
// beside the texts). The stylesheet shows one of the two; the article's
// title follows, so the words never depend on the layout alone.
func whereIs(side string, art workspace.Article) app.UI {
	wide, stacked := "the left text", "the first text, above"
	if side == "b" {
		wide, stacked = "the right text", "the second text, below"
	}
	return app.Span().Class("where").Body(
		app.Span().Class("where-wide").Text(wide),
		app.Span().Class("where-stacked").Text(stacked),
		app.Text(", "),
		app.Span().Class("where-title").Dir("auto").Text(titleOf(art)),
	)
}

// sideLabel names a side for assistive technology, which has no layout:
// "First text" and "Second text".
func sideLabel(side string) string {
	if side == "b" {
		return "Second text"
	}
	return "First text"
}

// renderSide shows one article in full with its passages highlighted.
// side is "a" or "b"; a passage's highlight has the ID "<side>-p<n>".
func (p *pairView) renderSide(side string, art workspace.Article, passages []reuse.Passage) app.UI {
	other := "b"
	if side == "b" {
		other = "a"
	}
	spanOf := func(ps reuse.Passage) reuse.Span {
		if side == "a" {
			return ps.A
		}
		return ps.B
	}
	order := make([]int, len(passages))
	for i := range order {
		order[i] = i
	}
	if side == "b" {
		slices.SortStableFunc(order, func(i, j int) int {
			return passages[i].B.Start - passages[j].B.Start
		})
	}

	text := art.Text
	var b blocks
	b.long = len(text) > 2*blockBytes
	cursor := 0
	for _, n := range order {
		if !p.shows(passages[n]) {
			continue // hidden: plain text
		}
		sp := spanOf(passages[n])
		if sp.Start < cursor || sp.End > len(text) || sp.Start >= sp.End {
			continue // overlapping or out of range: leave it unhighlighted
		}
		if sp.Start > cursor {
			b.text(text[cursor:sp.Start])
		}
		b.add(p.renderMark(side, other, n, passages[n], text[sp.Start:sp.End]), sp.End-sp.Start)
		cursor = sp.End
	}
	if cursor < len(text) {
		b.text(text[cursor:])
	}
	nodes := b.done()

	label := sideLabel(side)
	return app.Article().Class("side").Aria("label", label).Body(
		app.Header().Class("side-header").Body(
			app.H3().Class("side-title").Dir("auto").Text(titleOf(art)),
			app.If(art.Source != "", func() app.UI {
				return app.P().Class("side-source").Dir("auto").Text(art.Source)
			}),
		),
		app.Div().ID("side-"+side).Class("side-text").
			Dir("auto").
			TabIndex(0).
			Role("region").
			Aria("label", label+": "+titleOf(art)).
			Body(nodes...),
	)
}

// blockBytes is about how much text a block of a long article holds. The
// browser lays out a long text's blocks only when they come into sight
// (content-visibility in the stylesheet): laid out whole, a 5 MB article
// holds the page for seconds.
const blockBytes = 8 << 10

// blocks gathers a side's text and highlights; a long text goes into
// blocks cut after line breaks, so the lines read as in one text.
type blocks struct {
	long   bool // cut into blocks; a short text stays as it is
	out    []app.UI
	cur    []app.UI
	filled int // bytes in cur
}

// add appends a node of n bytes of text.
func (b *blocks) add(node app.UI, n int) {
	if !b.long {
		b.out = append(b.out, node)
		return
	}
	b.cur = append(b.cur, node)
	b.filled += n
}

// text appends plain text, closing a block after the first line break
// once it is full.
func (b *blocks) text(s string) {
	for b.long && b.filled+len(s) > blockBytes {
		from := max(blockBytes-b.filled, 0)
		i := strings.IndexByte(s[from:], '\n')
		if i < 0 {
			break
		}
		cut := from + i + 1
		b.add(app.Text(s[:cut]), cut)
		b.flush()
		s = s[cut:]
	}
	if s != "" {
		b.add(app.Text(s), len(s))
	}
}

func (b *blocks) flush() {
	if len(b.cur) > 0 {
		b.out = append(b.out, app.Div().Class("text-block").Body(b.cur...))
		b.cur, b.filled = nil, 0
	}
}

func (b *blocks) done() []app.UI {
	b.flush()
	return b.out
}

func (p *pairView) renderMark(side, other string, n int, ps reuse.Passage, text string) app.UI {
	number := strconv.Itoa(n + 1)
	title := "Passage " + number + ": show it in the other text"
	if ps.Kind == reuse.Rewritten {
		title = "Passage " + number + ", rewritten: show it in the other text"
	}
	mark := app.Mark().
		ID("%s-p%d", side, n).
		Class("passage", "pc"+strconv.Itoa(n%passageColours)).
		DataSet("passage", n).
		DataSet("label", number).
		TabIndex(0).
		Role("button").
		Title(title).
		OnClick(p.onPassage(other, n), app.EventScope(side, n)).
		OnKeyDown(p.onPassageKey(other, n), app.EventScope(side, n))
	if ps.Quote {
		mark = mark.Class("quote")
	}
	if ps.Kind == reuse.Rewritten {
		mark = mark.Class("rewritten")
	}
	if p.active == n+1 {
		mark = mark.Class("active")
	}
	return mark.Text(text)
}

func (p *pairView) renderDiff(n int, ps reuse.Passage) app.UI {
	number := strconv.Itoa(n + 1)
	rewritten := ps.Kind == reuse.Rewritten
	item := app.Article().ID("d-p%d", n).Class("diff").DataSet("diff", n)
	swatch := app.Span().Class("swatch", "pc"+strconv.Itoa(n%passageColours)).Aria("hidden", true)
	stats := []app.UI{
		figure(export.Plural(ps.Words, "word", "words"), defWords),
		app.Text(" · "),
		figure(export.Percent(ps.Identity)+" identical", defIdentical),
	}
	var body app.UI = app.Raw(diffHTML(p.IA.Text, p.IB.Text, ps.Edits, bothSides))
	if rewritten {
		item = item.Class("rewritten")
		swatch = swatch.Class("rewritten")
		if len(ps.Sentences) > 0 {
			stats = append(stats, app.Text(" · "+export.Plural(len(ps.Sentences), "sentence pair", "sentence pairs")))
			body = p.renderSentences(ps)
		}
	}
	if p.active == n+1 {
		item = item.Class("active")
	}
	return item.Body(
		app.Header().Class("diff-header").Body(
			swatch.Text(number),
			app.H4().Class("diff-title").Text("Passage "+number),
			app.If(rewritten, func() app.UI {
				return app.Span().Class("badge", "rewritten-badge").
					Title("The same sentences said in other words: synonyms, reordered clauses, merged or condensed sentences").
					Text("rewritten")
			}),
			app.Span().Class("diff-stats").Body(stats...),
			app.If(ps.Quote, func() app.UI {
				return app.Span().Class("badge", "quote-badge").
					Title("Mostly inside quotation marks: shared quotes are expected in news").
					Text("quotation")
			}),
			app.Button().Type("button").Class("button", "small", "quiet").
				OnClick(p.onShowBoth(n), app.EventScope(n)).
				Text("Show in both texts"),
		),
		p.renderDiffSides(),
		body,
	)
}

// renderDiffSides names the article on each side of a diff card, and how
// its own words are marked: the first text's struck through, the second
// text's underlined. Over a rewritten passage's sentence pairs the two
// names head their columns.
func (p *pairView) renderDiffSides() app.UI {
	side := func(key string, art workspace.Article) app.UI {
		var mark app.UI = app.Del().Class("side-key").Text("struck through")
		if key == "b" {
			mark = app.Ins().Class("side-key").Text("underlined")
		}
		return app.P().Class("diff-side").DataSet("side", key).Body(
			mark,
			app.Text(" only in "),
			app.Cite().Class("diff-side-title").Dir("auto").Text(titleOf(art)),
			app.If(art.Source != "", func() app.UI {
				return app.Span().Class("diff-side-source").Dir("auto").Text(art.Source)
			}),
		)
	}
	return app.Div().Class("diff-sides").Body(side("a", p.IA), side("b", p.IB))
}

// renderSentences shows a rewritten passage's sentence pairs side by
// side, each side with its own words marked (the first text's struck
// through, the second text's underlined), and the whole passage's word
// diff folded under them: for a rewrite it is mostly deletions and
// insertions, hard to read but complete.
func (p *pairView) renderSentences(ps reuse.Passage) app.UI {
	a, b := p.IA.Text, p.IB.Text
	return app.Div().Class("sentences").Body(
		app.Ol().Class("sentence-pairs").Body(
			app.Range(ps.Sentences).Slice(func(j int) app.UI {
				sp := ps.Sentences[j]
				similarity := min(max(sp.Similarity, 0), 1)
				return app.Li().Class("sentence-pair").DataSet("sentence", j).Body(
					app.P().Class("sentence-head").Body(
						app.Span().Class("sentence-number").Text(fmt.Sprintf("Sentence pair %d", j+1)),
						app.Span().Class("sentence-similarity", "figure").
							Title(defSentence).
							Text(export.Percent(similarity)+" similar"),
					),
					app.Div().Class("sentence-sides").Body(
						app.Div().Class("sentence-side").Dir("auto").Role("group").Aria("label", sideLabel("a")+": "+titleOf(p.IA)).
							Body(app.Raw(diffHTML(a, b, sp.Edits, sideA))),
						app.Div().Class("sentence-side").Dir("auto").Role("group").Aria("label", sideLabel("b")+": "+titleOf(p.IB)).
							Body(app.Raw(diffHTML(a, b, sp.Edits, sideB))),
					),
				)
			}),
		),
		app.Details().Class("whole-diff").Body(
			app.Summary().Text("The whole passage, word by word"),
			app.Raw(diffHTML(a, b, ps.Edits, bothSides)),
		),
	)
}

// onPassage shows a passage in the other text and moves the keyboard
// focus there, so Enter goes back and forth between the two.
func (p *pairView) onPassage(other string, n int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.active = n + 1
		twin := fmt.Sprintf("%s-p%d", other, n)
		scrollIntoView(twin)
		focusByID(twin)
	}
}

func (p *pairView) onPassageKey(other string, n int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		switch e.Get("key").String() {
		case "Enter", " ":
			e.PreventDefault()
			p.onPassage(other, n)(ctx, e)
		default:
			ctx.PreventUpdate()
		}
	}
}

func (p *pairView) onShowBoth(n int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		p.active = n + 1
		scrollIntoView(fmt.Sprintf("a-p%d", n))
		scrollIntoView(fmt.Sprintf("b-p%d", n))
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
