package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
)

// storiesPerPage is how many stories the overview lists at a time; each
// shows its first membersShown copies, so a page stays a few hundred rows
// even at thousands of articles.
const storiesPerPage = 20

// storyList leads the overview: each story the analysis found, with its
// origin and its copies, a page at a time.
type storyList struct {
	app.Compo

	// IAnalysis is the analysis the stories come from.
	IAnalysis *analysis
	// ITitles are the titles on screen, by article ID.
	ITitles map[string]string
	// ILimit is how many entries of the page are drawn, the first ones;
	// 0 draws them all. The overview draws a new result a slice at a time.
	ILimit int

	page     int       // the page shown, from 0
	pagedFor *analysis // the analysis whose stories the page is of
}

func newStoryList() *storyList { return &storyList{} }

// Stories passes the analysis and the titles on screen.
func (l *storyList) Stories(an *analysis, titles map[string]string) *storyList {
	l.IAnalysis, l.ITitles = an, titles
	return l
}

// Limit draws only the first n stories of the page; 0 draws them all.
func (l *storyList) Limit(n int) *storyList { l.ILimit = n; return l }

// OnMount notes the analysis the first page is of.
func (l *storyList) OnMount(ctx app.Context) { l.pagedFor = l.IAnalysis }

// OnPreRender does the same natively (tests), where go-app calls no
// OnMount.
func (l *storyList) OnPreRender(ctx app.Context) { l.OnMount(ctx) }

// OnUpdate returns to the first page when a new analysis finds other
// stories; a rename keeps the page.
func (l *storyList) OnUpdate(ctx app.Context) {
	if l.IAnalysis != l.pagedFor {
		l.page, l.pagedFor = 0, l.IAnalysis
	}
}

func (l *storyList) Render() app.UI {
	stories := l.IAnalysis.report.Stories
	n := len(stories)
	start, end, page := pageBounds(l.page, storiesPerPage, n)
	return app.Section().ID("stories").Class("card", "stories").Aria("labelledby", "stories-heading").Body(
		app.H3().ID("stories-heading").Text("Stories"),
		app.P().Class("note").Text("A story is text that several articles carry: wire copy, a press release, a quote that did the rounds. Each copy is compared with the story's origin; open a copy to see what it kept, cut and changed."),
		app.If(n == 0, func() app.UI {
			return app.P().Class("empty").Text("No text is carried by two or more articles.")
		}),
		app.Ol().ID("story-list").Class("story-list").Attr("start", start+1).Body(
			app.Range(stories[start:drawEnd(start, end, l.ILimit)]).Slice(func(i int) app.UI {
				return newStoryCard().Story(l.IAnalysis, start+i, l.ITitles)
			}),
		),
		renderPager("story-pages", "Stories", page, storiesPerPage, n, l.onPage),
	)
}

func (l *storyList) onPage(page int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		l.page = page
		ctx.Defer(func(app.Context) { showListStart("story-list", "stories-heading") })
	}
}

// creditText says what a copy must name to credit the origin, each name
// in its own direction.
func creditText(st *reuse.Story) []app.UI {
	if len(st.Credit) == 0 {
		return []app.UI{app.Text("No source or agency of the origin is known, so no copy is counted as crediting it.")}
	}
	out := []app.UI{app.Text("A copy credits the origin when it names ")}
	for i, c := range st.Credit {
		switch {
		case i == 0:
		case i == len(st.Credit)-1:
			out = append(out, app.Text(" or "))
		default:
			out = append(out, app.Text(", "))
		}
		out = append(out, app.Span().Class("credit-name").Dir("auto").Text(c))
	}
	return append(out, app.Text("."))
}

// membersText counts a story's copies.
func membersText(st *reuse.Story) string {
	credited := 0
	for _, m := range st.Members {
		if m.Credited {
			credited++
		}
	}
	return export.Plural(len(st.Members), "copy", "copies") + ", " + export.Thousands(credited) + " credited"
}

// memberPairsShown is how many pairs of copies a story links to.
const memberPairsShown = 10

// renderMemberPairs links to the pairs of a story's copies that share
// text the origin lacks, such as an outlet copying another's rewrite.
func renderMemberPairs(an *analysis, st *reuse.Story, titles map[string]string) app.UI {
	var links []app.UI
	for _, k := range st.MemberPairs {
		if k < 0 || k >= len(an.report.Pairs) || len(links) == memberPairsShown {
			continue
		}
		p := &an.report.Pairs[k]
		a, b := an.id(p.A), an.id(p.B)
		if _, ok := titles[a]; !ok {
			continue
		}
		if _, ok := titles[b]; !ok {
			continue
		}
		links = append(links, app.Li().Body(
			app.A().Class("chip").Href(session.PairHref(a, b)).DataSet("member-pair", a+"/"+b).Body(
				app.Span().Dir("auto").Text(titles[a]),
				app.Text(" and "),
				app.Span().Dir("auto").Text(titles[b]),
			),
		))
	}
	if len(links) == 0 {
		return nil
	}
	return app.Div().Class("story-member-pairs").Body(
		app.P().Class("note").Text("Copies that share text the origin lacks, compared with each other:"),
		app.Ul().Class("family-members").Body(links...),
	)
}
