package ui

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// blocksAtOnce is how many blocks of a long text go into one render: a
// pair of 200,000-word articles drawn whole (some 160 blocks a side, 700
// highlights) held the page's only thread for two seconds and more. The
// rest follow in renders of their own, each after a pause for the
// browser, and only this component renders again.
const blocksAtOnce = 6

// sideText is one text of the pair view, its passages highlighted. A long
// text is drawn a few blocks a render; the box is aria-busy until all
// of it is. A click or Enter on a highlight reports passageClicked; the
// component handles revealPassage itself: it draws the text up to the
// passage, brings it into sight and, if asked, focuses it.
type sideText struct {
	app.Compo

	// ISide is "a" or "b"; ILabel names the text for assistive technology.
	ISide, ILabel string
	// IKey names the pair shown: a new one is drawn from its first block
	// and brought to its first passage.
	IKey string
	// IText is the article's text, IRuns its layout (layoutSide), ILong
	// whether the runs are blocks of a long text.
	IText string
	IRuns []textRun
	ILong bool
	// IActive is 1 + the index of the passage last clicked; 0 for none.
	IActive int

	drawn       int    // runs drawn so far; at least blocksAtOnce are
	drawing     bool   // more runs are on their way
	drawnFor    string // the pair whose runs are drawn
	scrolledFor string // the pair whose text was brought to its first passage
}

func newSideText() *sideText { return &sideText{} }

// Side names the text: "a" or "b", and its label.
func (s *sideText) Side(side, label string) *sideText {
	s.ISide, s.ILabel = side, label
	return s
}

// Runs passes the pair's key, the text and its layout.
func (s *sideText) Runs(key, text string, runs []textRun, long bool) *sideText {
	s.IKey, s.IText, s.IRuns, s.ILong = key, text, runs, long
	return s
}

// Active marks the passage last clicked.
func (s *sideText) Active(n int) *sideText { s.IActive = n; return s }

// OnPreRender takes the requests natively too (tests), where go-app
// calls no OnMount.
func (s *sideText) OnPreRender(ctx app.Context) { s.OnMount(ctx) }

// OnMount takes requests to reveal a passage and starts drawing.
func (s *sideText) OnMount(ctx app.Context) {
	ctx.Handle(actionRevealPassage, s.onReveal)
	s.OnUpdate(ctx)
}

// OnUpdate draws a new pair from its first block.
func (s *sideText) OnUpdate(ctx app.Context) {
	if s.drawnFor != s.IKey {
		s.drawnFor, s.drawn = s.IKey, 0
	}
	s.drawMore(ctx)
	s.showFirstPassage(ctx)
}

// shown is how many runs are drawn.
func (s *sideText) shown() int { return min(len(s.IRuns), max(s.drawn, blocksAtOnce)) }

// drawMore adds the next blocks once the browser has had the thread,
// until the text is drawn.
func (s *sideText) drawMore(ctx app.Context) {
	if s.drawing || s.shown() >= len(s.IRuns) {
		return
	}
	s.drawing = true
	key := s.IKey
	afterBreath(ctx, func(ctx app.Context) {
		s.drawing = false
		if key == s.IKey {
			s.drawn = s.shown() + blocksAtOnce
		}
		s.drawMore(ctx)
		s.showFirstPassage(ctx)
	})
}

// showFirstPassage scrolls the text to its first highlight once it is
// drawn, once per pair: the reader sees matched text at once, not a
// byline.
func (s *sideText) showFirstPassage(ctx app.Context) {
	if s.scrolledFor == s.IKey {
		return
	}
	for i, run := range s.IRuns {
		if len(run.Marks) == 0 {
			continue
		}
		if i < s.shown() {
			s.scrolledFor = s.IKey
			id := "side-" + s.ISide
			// After a pause: finding where the passage is lays the page
			// out, which in the task that drew the text made it a long one.
			afterBreath(ctx, func(ctx app.Context) {
				ctx.PreventUpdate()
				scrollToFirstMark(id)
			})
		}
		return
	}
}

// revealPassage asks the text of one side to show a passage.
type revealPassage struct {
	side  string
	n     int  // the passage's index
	focus bool // move the keyboard focus to it too
}

func (s *sideText) onReveal(ctx app.Context, act app.Action) {
	r, _ := act.Value.(revealPassage)
	run := s.runOf(r.n)
	if r.side != s.ISide || run < 0 {
		ctx.PreventUpdate()
		return
	}
	// Drawn up to the passage in this render, not after the others.
	s.drawn = max(s.drawn, run+1)
	id := s.ISide + "-p" + strconv.Itoa(r.n)
	ctx.Defer(func(app.Context) {
		scrollIntoView(id)
		if r.focus {
			focusByID(id)
		}
	})
}

// runOf is the run that highlights passage n, or -1.
func (s *sideText) runOf(n int) int {
	for i, run := range s.IRuns {
		for _, m := range run.Marks {
			if m.N == n {
				return i
			}
		}
	}
	return -1
}

func (s *sideText) Render() app.UI {
	runs := s.IRuns[:s.shown()]
	box := app.Div().ID("side-"+s.ISide).Class("side-text").
		Dir("auto").
		TabIndex(0).
		Role("region").
		Aria("label", s.ILabel).
		Aria("busy", len(runs) < len(s.IRuns)).
		OnClick(s.onClick).
		OnKeyDown(s.onKey)
	activeRun := -1
	if s.IActive > 0 {
		activeRun = s.runOf(s.IActive - 1)
	}
	return box.Body(app.Range(runs).Slice(func(i int) app.UI {
		run := runs[i]
		active := 0
		if i == activeRun {
			active = s.IActive
		}
		return blockOf(s.ISide, s.ILong, s.IText, run).Active(active)
	}))
}

// onClick reports a click on a highlight.
func (s *sideText) onClick(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if n, ok := passageAt(e); ok {
		ctx.NewActionWithValue(actionPassageClicked, passageClicked{side: s.ISide, n: n})
	}
}

// onKey takes Enter and Space on a highlight as a click, and leaves other
// keys (scrolling the text) alone.
func (s *sideText) onKey(ctx app.Context, e app.Event) {
	ctx.PreventUpdate()
	if key := e.Get("key").String(); key != "Enter" && key != " " {
		return
	}
	if n, ok := passageAt(e); ok {
		e.PreventDefault()
		ctx.NewActionWithValue(actionPassageClicked, passageClicked{side: s.ISide, n: n})
	}
}

// passageClicked reports a click or Enter on a passage's highlight.
type passageClicked struct {
	side string
	n    int
}

// passageAt is the passage whose highlight an event happened in.
func passageAt(e app.Event) (int, bool) {
	target := e.Get("target")
	if !target.Truthy() || !target.Get("closest").Truthy() {
		return 0, false
	}
	mark := target.Call("closest", "mark[data-passage]")
	if !mark.Truthy() {
		return 0, false
	}
	n, err := strconv.Atoi(mark.Get("dataset").Get("passage").String())
	return n, err == nil
}
