package ui

import (
	"cmp"
	"slices"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
)

const (
	membersShown   = 5  // copies a story shows before "Show all"
	membersPerPage = 50 // copies a page once all are shown
	keptCells      = 40 // cells of a copy's bar over the origin's length
	publishedTime  = "2006-01-02 15:04 MST"
)

// storyCard is one story: its origin, which rule chose it, and its
// copies in order of publication (else by the share they carry), each a
// link to its pair with the origin.
type storyCard struct {
	app.Compo

	// IAnalysis is the analysis the story comes from.
	IAnalysis *analysis
	// IIndex is the story's index in the report's stories.
	IIndex int
	// ITitles are the titles on screen, by article ID.
	ITitles map[string]string

	showAll  bool         // every copy, paged, not the first membersShown
	page     int          // the page of copies shown, from 0
	shownFor *reuse.Story // the story the two above are of
}

func newStoryCard() *storyCard { return &storyCard{} }

// Story passes the story, by index into an analysis, and the titles on
// screen.
func (c *storyCard) Story(an *analysis, i int, titles map[string]string) *storyCard {
	c.IAnalysis, c.IIndex, c.ITitles = an, i, titles
	return c
}

func (c *storyCard) story() *reuse.Story {
	stories := c.IAnalysis.report.Stories
	if c.IIndex < 0 || c.IIndex >= len(stories) {
		return nil
	}
	return &stories[c.IIndex]
}

// OnUpdate folds the copies again when the card shows another story: the
// list reuses its cards from page to page.
func (c *storyCard) OnUpdate(ctx app.Context) {
	if st := c.story(); st != c.shownFor {
		c.showAll, c.page, c.shownFor = false, 0, st
	}
}

func (c *storyCard) Render() app.UI {
	st := c.story()
	if st == nil {
		return app.Li()
	}
	an := c.IAnalysis
	originID := an.id(st.Origin)
	rule, guess := export.OriginRuleText(st.OriginRule)
	members := c.ordered(st)
	shown, pager := members, app.UI(nil)
	switch {
	case c.showAll:
		start, end, page := pageBounds(c.page, membersPerPage, len(members))
		shown = members[start:end]
		pager = renderPager("story-"+strconv.Itoa(c.IIndex)+"-pages", "Copies", page, membersPerPage, len(members), c.onPage)
	case len(members) > membersShown:
		shown = members[:membersShown]
	}
	return app.Li().Class("story").DataSet("story", c.IIndex).Body(
		app.H4().Class("story-origin").Body(
			app.Span().Class("story-title").Dir("auto").Text(c.ITitles[originID]),
			app.Span().Class("story-count").Text(" · "+membersText(st)),
		),
		app.P().Class("story-meta").Body(c.where("story-where", st.Origin)),
		app.P().Class("story-rule").DataSet("rule", string(st.OriginRule)).Body(
			app.If(guess, func() app.UI { return app.Span().Class("badge", "guess-badge").Text("a guess") }),
			app.Text(" "+rule),
		),
		app.P().Class("story-credit").Body(creditText(st)...),
		app.Ol().Class("story-members").Body(
			app.Range(shown).Slice(func(i int) app.UI { return c.renderMember(st, shown[i]) }),
		),
		app.If(len(members) > membersShown, func() app.UI {
			label := "Show all " + export.Plural(len(members), "copy", "copies")
			if c.showAll {
				label = "Show the first " + strconv.Itoa(membersShown)
			}
			return app.Button().Type("button").Class("button", "small", "quiet", "story-all").
				Aria("expanded", c.showAll).
				OnClick(c.onShowAll).
				Text(label)
		}),
		pager,
		renderMemberPairs(an, st, c.ITitles),
	)
}

// renderMember is one copy: a link to its pair with the origin, what
// share of the story it carries, whether it credits the origin (in
// words), and a bar of what it kept of the origin.
func (c *storyCard) renderMember(st *reuse.Story, m reuse.StoryMember) app.UI {
	an := c.IAnalysis
	originID, id := an.id(st.Origin), an.id(m.Doc)
	credit, creditClass := "no credit", "uncredited"
	if m.Credited {
		credit, creditClass = "credits the origin", "credited"
	}
	return app.Li().Class("story-member").Body(
		app.A().Class("member-link").Href(session.PairHref(originID, id)).
			DataSet("member", id).
			Title("Compare with the origin, "+c.ITitles[originID]).
			Body(
				app.Span().Class("member-title").Dir("auto").Text(c.ITitles[id]),
				c.where("member-where", m.Doc),
				app.Span().Class("member-reused", "figure").
					Title("The share of the story's text in the origin that this copy carries, copied or rewritten").
					Text(export.Percent(m.Reused)+" of the story"),
				app.Span().Class("member-credit", creditClass).Text(credit),
				c.renderKept(st, m),
			),
	)
}

// renderKept draws what a copy kept of the origin: the origin's length
// in keptCells cells, each marked where a passage of their pair lies.
func (c *storyCard) renderKept(st *reuse.Story, m reuse.StoryMember) app.UI {
	an := c.IAnalysis
	var spans []reuse.Span
	if m.Pair >= 0 && m.Pair < len(an.report.Pairs) {
		p := &an.report.Pairs[m.Pair]
		for _, ps := range p.Passages {
			if p.A == st.Origin {
				spans = append(spans, ps.A)
			} else {
				spans = append(spans, ps.B)
			}
		}
	}
	length := 0
	if st.Origin >= 0 && st.Origin < len(an.docs) {
		length = len(an.docs[st.Origin].Text)
	}
	runs := keptRuns(length, spans, keptCells)
	return app.Span().Class("kept-bar").Attr("role", "img").
		Aria("label", "Kept of the origin: "+export.Plural(len(spans), "passage", "passages")).
		Body(app.Range(runs).Slice(func(i int) app.UI {
			class := "gap"
			if runs[i].kept {
				class = "kept"
			}
			return app.Span().Class(class, "w"+strconv.Itoa(runs[i].cells))
		}))
}

// A keptRun is a run of cells of a kept bar, all kept or all not.
type keptRun struct {
	kept  bool
	cells int
}

// keptRuns splits length bytes into cells and marks each cell that a
// span overlaps, merged into runs.
func keptRuns(length int, spans []reuse.Span, cells int) []keptRun {
	if length <= 0 || cells <= 0 {
		return nil
	}
	var runs []keptRun
	for i := range cells {
		lo, hi := i*length/cells, (i+1)*length/cells
		kept := false
		for _, s := range spans {
			if s.Start < max(hi, lo+1) && s.End > lo {
				kept = true
				break
			}
		}
		if n := len(runs); n > 0 && runs[n-1].kept == kept {
			runs[n-1].cells++
		} else {
			runs = append(runs, keptRun{kept: kept, cells: 1})
		}
	}
	return runs
}

// ordered lists a story's copies in order of publication where every
// copy has a time, else by the share of the story they carry, most first.
func (c *storyCard) ordered(st *reuse.Story) []reuse.StoryMember {
	docs := c.IAnalysis.report.Documents
	members := make([]reuse.StoryMember, 0, len(st.Members))
	timed := true
	for _, m := range st.Members {
		if _, ok := c.ITitles[c.IAnalysis.id(m.Doc)]; !ok {
			continue // no longer on screen
		}
		members = append(members, m)
		if m.Doc >= len(docs) || docs[m.Doc].Published.IsZero() {
			timed = false
		}
	}
	slices.SortStableFunc(members, func(x, y reuse.StoryMember) int {
		if timed {
			return docs[x.Doc].Published.Compare(docs[y.Doc].Published)
		}
		return cmp.Compare(y.Reused, x.Reused)
	})
	return members
}

// where is a document's outlet, in its own direction, and publication
// time, where known.
func (c *storyCard) where(class string, doc int) app.UI {
	docs := c.IAnalysis.report.Documents
	source, when := "outlet unknown", "time unknown"
	if doc >= 0 && doc < len(docs) {
		if d := docs[doc]; d.Source != "" {
			source = d.Source
		}
		if d := docs[doc]; !d.Published.IsZero() {
			when = d.Published.Format(publishedTime)
		}
	}
	return app.Span().Class(class).Body(
		app.Span().Class("outlet").Dir("auto").Text(source),
		app.Text(" · "+when),
	)
}

func (c *storyCard) onShowAll(ctx app.Context, e app.Event) {
	c.showAll, c.page = !c.showAll, 0
}

func (c *storyCard) onPage(page int) app.EventHandler {
	return func(ctx app.Context, e app.Event) { c.page = page }
}
