package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
)

// A result of 1,000 articles is some 3,000 elements, which go-app builds
// through syscall/js one call at a time: drawn in one render they held
// the page's only thread for a quarter to half a second, when the result
// arrived and each time the user came back from a pair. The overview
// draws a new result a slice at a time instead, the browser given the
// thread between slices: first the summary and the first stories, then
// the rest in order, down the page.
const (
	firstElements = 150 // about what the first render of a result builds
	moreElements  = 250 // about what each later render adds
)

// What one entry costs, in elements, about: what the lists build for it.
const (
	storyElements        = 12 // a story card without its copies
	storyMemberElements  = 14 // a copy, with its kept bar
	pairElements         = 14
	barElements          = 5
	familyElements       = 5  // a passage in three or more articles, without its articles
	familyMemberElements = 2  // an article of it
	matrixElements       = 20 // the heat map's card, key and head row, without its columns
	setAsideElements     = 8
)

// drawLimits says how much of the result a render of the overview draws:
// the first stories, pairs and reused shares of each list's page, the
// first rows of the heat map, and whether the heat map and the last
// sections are drawn yet. A zero limit draws every entry.
type drawLimits struct {
	stories, pairs, matrixRows, bars, families, setAsideItems int
	matrix                                                    bool
	rest                                                      bool // the families' section is drawn
	setAside                                                  bool // the set-aside section is drawn
	done                                                      bool // the whole result is drawn
}

// limits gives what a budget of elements draws, in the order of the page.
func (o *overview) limits(budget int, titles map[string]string, pairs []*reuse.Pair) drawLimits {
	an := o.IAnalysis
	var l drawLimits
	take := func(cost int) bool {
		if budget < cost {
			return false
		}
		budget -= cost
		return true
	}
	// takeList takes a list of n entries of the given costs: in one go if
	// they come to at most most elements, else an entry at a time while
	// the budget lasts. It returns how many it took one by one (0 for all
	// in one go) and whether it took them all.
	takeList := func(n, most int, cost func(i int) int) (taken int, all bool) {
		total := 0
		for i := range n {
			total += cost(i)
		}
		if total <= most {
			return 0, take(total)
		}
		for i := range n {
			if !take(cost(i)) {
				return taken, false
			}
			taken++
		}
		return 0, true
	}
	stories := an.report.Stories[:min(len(an.report.Stories), storiesPerPage)]
	for _, st := range stories {
		if !take(storyElements + storyMemberElements*min(len(st.Members), membersShown)) {
			return l
		}
		l.stories++
	}
	for range pairs[:min(len(pairs), pairsPerPage)] {
		if !take(pairElements) {
			return l
		}
		l.pairs++
	}
	// The heat map comes with its first row: a limit of no rows would
	// draw them all.
	n := min(len(titles), matrixSize)
	row := 2*n + 3 // its heading, and a cell and a link a column
	if !take(matrixElements + n + row) {
		return l
	}
	l.matrix, l.matrixRows = true, 1
	for range n - 1 {
		if !take(row) {
			return l
		}
		l.matrixRows++
	}
	for range min(len(titles), barsPerPage) {
		if !take(barElements) {
			return l
		}
		l.bars++
	}
	// The families in one slice, or a few at a time if they are more than
	// two slices' worth (one that recurs in many articles is dozens of
	// elements): each slice renders the whole overview again.
	families := an.report.Families[:min(len(an.report.Families), familiesShown)]
	var all bool
	l.families, all = takeList(len(families), 2*moreElements, func(i int) int {
		return familyElements + familyMemberElements*min(len(families[i].Members), familyMembersShown)
	})
	if !all {
		l.rest = l.families > 0
		return l
	}
	l.rest = true
	// The texts set aside likewise: fifty of them, each with its
	// excerpt, made a slice of 40 to 50 ms of processor time.
	items := min(len(an.report.SetAside), setAsideShown)
	l.setAsideItems, all = takeList(items, moreElements, func(int) int { return setAsideElements })
	if !all {
		l.setAside = l.setAsideItems > 0
		return l
	}
	return drawLimits{matrix: true, rest: true, setAside: true, done: true}
}

// drawMore draws the next slice of the result once the browser has had
// the thread, until the whole result is drawn; then it reports the
// result drawn (App keeps the main area busy until then).
func (o *overview) drawMore(ctx app.Context) {
	if !o.showsResult() {
		return
	}
	if o.drawnFor != o.IAnalysis {
		o.drawnFor, o.budget, o.complete = o.IAnalysis, firstElements, false
	}
	if o.complete || o.drawing {
		return
	}
	titles, pairs := o.onScreen()
	if o.limits(o.budget, titles, pairs).done {
		o.complete = true
		ctx.NewActionWithValue(actionDrawn, o.IAnalysis)
		return
	}
	o.drawing = true
	afterBreath(ctx, func(ctx app.Context) {
		o.drawing = false
		o.budget += moreElements
		o.drawMore(ctx)
	})
}

// drawnLimits is what this render draws.
func (o *overview) drawnLimits(titles map[string]string, pairs []*reuse.Pair) drawLimits {
	if o.complete && o.drawnFor == o.IAnalysis {
		return drawLimits{matrix: true, rest: true, setAside: true, done: true}
	}
	budget := o.budget
	if o.drawnFor != o.IAnalysis {
		budget = firstElements
	}
	return o.limits(budget, titles, pairs)
}

// showsResult reports that the overview shows a result: two articles or
// more, analysed, the analysis of these very articles.
func (o *overview) showsResult() bool {
	return showsResult(len(o.IArticles), o.IAnalysis, o.IAnalysing, o.IStale)
}

// showsResult is the one rule for when the overview shows a result, for
// the overview and for App, which keeps the main area busy until it is
// drawn.
func showsResult(articles int, an *analysis, analysing, stale bool) bool {
	return articles >= 2 && an != nil && !analysing && !stale
}

// onScreen is the titles on screen by article ID and the pairs of the
// result between them, kept while the articles and the analysis stay
// the same: every slice of drawing renders the overview again, and
// children compare their inputs with the last ones (the same map is
// equal at once).
func (o *overview) onScreen() (map[string]string, []*reuse.Pair) {
	if o.IAnalysis == nil {
		return nil, nil
	}
	if o.titlesFor != o.IAnalysis || !sameArticles(o.titlesOf, o.IArticles) {
		o.titlesFor, o.titlesOf = o.IAnalysis, o.IArticles
		o.titles = o.titlesNow()
		o.pairsNow = o.pairs(o.titles)
	}
	return o.titles, o.pairsNow
}

// sameArticles reports that two lists are the same list: the session
// never changes a list it handed out, so a change makes a new one.
func sameArticles(a, b []workspace.Article) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// drawEnd is where the entries drawn of a page from start to end stop,
// limit entries at most (0: all of them).
func drawEnd(start, end, limit int) int {
	if limit > 0 {
		return min(end, start+limit)
	}
	return end
}
