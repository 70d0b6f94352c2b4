package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
)

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
			app.H3().Class("side-title").Dir("auto").Text(session.Title(art)),
			app.If(art.Source != "", func() app.UI {
				return app.P().Class("side-source").Dir("auto").Text(art.Source)
			}),
		),
		app.Div().ID("side-"+side).Class("side-text").
			Dir("auto").
			TabIndex(0).
			Role("region").
			Aria("label", label+": "+session.Title(art)).
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
