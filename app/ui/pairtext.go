package ui

import (
	"slices"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
)

// blockBytes is about how much text a block of a long article holds. The
// browser lays out a long text's blocks only when they come into sight
// (content-visibility in the stylesheet): laid out whole, a 5 MB article
// holds the page for seconds. The page draws a long text a few blocks a
// render (sideText).
const blockBytes = 8 << 10

// A textRun is a stretch of one side's text, a block of a long text or
// the whole of a short one, with the passages highlighted in it.
type textRun struct {
	From, To int // byte offsets into the article's text
	Marks    []runMark
}

// A runMark is a passage highlighted in a run, its offsets into the
// article's text.
type runMark struct {
	N          int // the passage's index in the pair
	Start, End int
	Rewritten  bool
	Quote      bool
}

// sideLayouts are the two texts' runs (layoutSide), index 0 for "a" and
// 1 for "b", and what they were laid out from. The view renders again
// at every slice of drawing a text (go-app renders a component's
// ancestors with it), and new runs are new slices, which go-app compares
// with the last ones element by element before it sees nothing changed:
// for a pair of long articles that, and laying the texts out again, took
// tens of milliseconds a slice.
type sideLayouts struct {
	pair          *reuse.Pair
	a, b          string
	hideRewritten bool
	runs          [2][]textRun
	long          [2]bool
}

// layouts lays the two texts out, or gives the runs laid out last if the
// pair, its texts and the passages shown are the same.
func (p *pairView) layouts() *sideLayouts {
	l := &p.laid
	pair := p.pair()
	if l.runs[0] != nil && l.pair == pair && l.a == p.IA.Text && l.b == p.IB.Text && l.hideRewritten == p.hideRewritten {
		return l
	}
	passages := p.passages()
	*l = sideLayouts{pair: pair, a: p.IA.Text, b: p.IB.Text, hideRewritten: p.hideRewritten}
	l.runs[0], l.long[0] = layoutSide(p.IA.Text, "a", passages, p.shows)
	l.runs[1], l.long[1] = layoutSide(p.IB.Text, "b", passages, p.shows)
	return l
}

// renderSide shows one article in full with its passages highlighted,
// laid out in runs. side is "a" or "b"; a passage's highlight has the
// ID "<side>-p<n>".
func (p *pairView) renderSide(side string, art workspace.Article, runs []textRun, long bool) app.UI {
	label := sideLabel(side)
	return app.Article().Class("side").Aria("label", label).Body(
		app.Header().Class("side-header").Body(
			app.H3().Class("side-title").Dir("auto").Text(session.Title(art)),
			app.If(art.Source != "", func() app.UI {
				return app.P().Class("side-source").Dir("auto").Text(art.Source)
			}),
		),
		newSideText().
			Side(side, label+": "+session.Title(art)).
			Runs(p.IA.ID+"/"+p.IB.ID, art.Text, runs, long).
			Active(p.active),
	)
}

// layoutSide cuts a side's text into runs: a text longer than two blocks
// into blocks of about blockBytes, each cut after a line break so the
// lines read as in one text (long is then true), a shorter one into a
// single run. Passages hidden, overlapping an earlier one or out of
// range are not highlighted, and no passage is cut.
func layoutSide(text, side string, passages []reuse.Passage, shows func(reuse.Passage) bool) (runs []textRun, long bool) {
	order := make([]int, len(passages))
	for i := range order {
		order[i] = i
	}
	spanOf := func(n int) reuse.Span {
		if side == "a" {
			return passages[n].A
		}
		return passages[n].B
	}
	slices.SortStableFunc(order, func(i, j int) int { return spanOf(i).Start - spanOf(j).Start })

	long = len(text) > 2*blockBytes
	cur := textRun{}
	// plain takes the unhighlighted text up to end, closing a block after
	// the first line break once it is full.
	plain := func(from, end int) {
		for long && end-cur.From > blockBytes {
			at := max(cur.From+blockBytes, from)
			i := strings.IndexByte(text[at:end], '\n')
			if i < 0 {
				return
			}
			cur.To = at + i + 1
			runs = append(runs, cur)
			cur = textRun{From: cur.To}
		}
	}
	cursor := 0
	for _, n := range order {
		if !shows(passages[n]) {
			continue
		}
		sp := spanOf(n)
		if sp.Start < cursor || sp.End > len(text) || sp.Start >= sp.End {
			continue
		}
		plain(cursor, sp.Start)
		cur.Marks = append(cur.Marks, runMark{N: n, Start: sp.Start, End: sp.End,
			Rewritten: passages[n].Kind == reuse.Rewritten, Quote: passages[n].Quote})
		cursor = sp.End
	}
	plain(cursor, len(text))
	cur.To = len(text)
	return append(runs, cur), long
}

// runHTML is a run's text as HTML for app.Raw, in an element of class
// cls: plain text between its highlights. text holds the run's bytes, the
// article's from run.From on. go-app builds a node with a Go reference
// and a finalizer for every piece of text and every highlight, and a
// pair of long articles has thousands: the browser's parser builds them
// in a fraction of the time. Every byte of the article goes through
// export.EscapeText; the rest is the fixed markup below, numbers and
// words of ours, so no input can produce a tag or an attribute. A
// highlight takes its clicks and keys through the text's box (sideText),
// not handlers of its own.
func runHTML(cls, side, text string, run textRun, active int) string {
	var b strings.Builder
	b.Grow(len(text) + len(text)/16 + 220*len(run.Marks) + 32)
	b.WriteString(`<div class="` + cls + `">`)
	at := func(offset int) int { return offset - run.From }
	cursor := run.From
	for _, m := range run.Marks {
		b.WriteString(export.EscapeText(text[at(cursor):at(m.Start)]))
		writeMark(&b, side, m, text[at(m.Start):at(m.End)], active == m.N+1)
		cursor = m.End
	}
	b.WriteString(export.EscapeText(text[at(cursor):at(run.To)]))
	b.WriteString(`</div>`)
	return b.String()
}

// writeMark writes a passage's highlight: a <mark> with the ID
// "<side>-p<n>", focusable, that reads as a button.
func writeMark(b *strings.Builder, side string, m runMark, text string, active bool) {
	number := strconv.Itoa(m.N + 1)
	title := "Passage " + number + ": show it in the other text"
	class := "passage pc" + strconv.Itoa(m.N%passageColours)
	if m.Quote {
		class += " quote"
	}
	if m.Rewritten {
		title = "Passage " + number + ", rewritten: show it in the other text"
		class += " rewritten"
	}
	if active {
		class += " active"
	}
	b.WriteString(`<mark id="` + side + `-p` + strconv.Itoa(m.N) + `" class="` + class +
		`" data-passage="` + strconv.Itoa(m.N) + `" data-label="` + number +
		`" tabindex="0" role="button" title="` + title + `">`)
	b.WriteString(export.EscapeText(text))
	b.WriteString(`</mark>`)
}
