package ui

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

// demoAnalysis analyses the demo natively, as the worker would.
func demoAnalysis(t *testing.T) (workspace.Workspace, *analysis) {
	t.Helper()
	ws := workspace.Demo()
	report, err := reuse.Analyze(context.Background(), ws.Documents(), reuse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return ws, newSnapshot(ws).finish(report)
}

func byClass(n *html.Node, c string) []*html.Node {
	return findAll(n, func(n *html.Node) bool { return hasClass(n, c) })
}

func textsOf(ns []*html.Node) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = squash(textOf(n))
	}
	return out
}

// storyOf finds the story card whose origin has the given title.
func storyOf(t *testing.T, doc *html.Node, origin string) *html.Node {
	t.Helper()
	for _, st := range byClass(doc, "story") {
		if got := textsOf(byClass(st, "story-title")); len(got) == 1 && got[0] == origin {
			return st
		}
	}
	t.Fatalf("no story has the origin %q", origin)
	return nil
}

func TestTheDemosOverviewLeadsWithTheUPIStory(t *testing.T) {
	ws, an := demoAnalysis(t)
	ov := newOverview().Articles(ws.Articles).Analysis(an)
	mount(t, ov)
	doc := page(t, ov)
	out := app.HTMLString(ov)
	if s, p := strings.Index(out, `id="stories"`), strings.Index(out, `id="pair-list"`); s < 0 || p < 0 || s > p {
		t.Fatalf("the stories (at %d) do not come before the pair list (at %d)", s, p)
	}
	upi := storyOf(t, doc, ws.Articles[1].Title)
	rule := byClass(upi, "story-rule")[0]
	if attr(rule, "data-rule") != "most-complete" || len(byClass(rule, "guess-badge")) != 1 {
		t.Errorf("the origin's rule is %q, %q: want most-complete, shown as a guess", attr(rule, "data-rule"), squash(textOf(rule)))
	}
	if got := squash(textOf(byClass(upi, "story-credit")[0])); !strings.Contains(got, "names UPI") {
		t.Errorf("the credit line says %q, want it to name UPI", got)
	}
	if got := textsOf(byClass(upi, "story-where")); len(got) != 1 || got[0] != "UPI · time unknown" {
		t.Errorf("the origin's outlet and time read %q", got)
	}
	links := withAttr(upi, "data-member")
	if len(links) != 1 || attr(links[0], "data-member") != "a3" || attr(links[0], "href") != "#pair/a2/a3" {
		t.Fatalf("the UPI story's copies are %v, want a3 linking to #pair/a2/a3", textsOf(links))
	}
	if got := textsOf(byClass(links[0], "member-credit")); len(got) != 1 || got[0] != "credits the origin" {
		t.Errorf("the copy's credit reads %q, want it in words", got)
	}
	cells, kept := 0, 0
	for run := byClass(links[0], "kept-bar")[0].FirstChild; run != nil; run = run.NextSibling {
		if run.Type != html.ElementNode {
			continue
		}
		var n int
		fmt.Sscanf(strings.Fields(attr(run, "class"))[1], "w%d", &n)
		cells += n
		if hasClass(run, "kept") {
			kept += n
		}
	}
	if cells != keptCells || kept == 0 || kept == cells {
		t.Errorf("the kept bar has %d of %d cells kept, want some of %d", kept, cells, keptCells)
	}
	// A copy the origin's outlet does not name is not credited, in words.
	story003 := storyOf(t, doc, ws.Articles[3].Title)
	if got := textsOf(byClass(story003, "member-credit")); len(got) != 2 || got[0] != "no credit" || got[1] != "no credit" {
		t.Errorf("the copies of seed 003's story read %q, want no credit twice", got)
	}
}

// storyReport is n articles and a report of one story: a1 the origin and
// the others its copies, each with the given time and reused share.
func storyReport(n int, rule reuse.OriginRule, times []time.Time, reused []float64) (workspace.Workspace, *analysis) {
	ws := manyArticles(n)
	r := &reuse.Report{Documents: make([]reuse.DocumentSummary, n)}
	st := reuse.Story{Origin: 0, OriginRule: rule, Credit: []string{"UPI"}}
	for i := range n {
		if i < len(times) {
			r.Documents[i].Published = times[i]
		}
		if i == 0 {
			continue
		}
		share := 0.5
		if i < len(reused) {
			share = reused[i]
		}
		r.Pairs = append(r.Pairs, reuse.Pair{A: 0, B: i, Passages: []reuse.Passage{{A: reuse.Span{Start: 0, End: 5}}}})
		st.Members = append(st.Members, reuse.StoryMember{Doc: i, Reused: share, Credited: i%2 == 0, Pair: len(r.Pairs) - 1})
	}
	r.Stories = []reuse.Story{st}
	return ws, newSnapshot(ws).finish(r)
}

func TestAStoryLinksThePairsOfCopiesThatShareTextTheOriginLacks(t *testing.T) {
	ws, an := storyReport(4, reuse.MostComplete, nil, nil)
	an.report.Pairs = append(an.report.Pairs, reuse.Pair{A: 2, B: 3})
	an.report.Stories[0].MemberPairs = []int{len(an.report.Pairs) - 1}
	c := newStoryCard().Story(an, 0, titlesOf(ws))
	mount(t, c)
	links := withAttr(page(t, c), "data-member-pair")
	if len(links) != 1 || attr(links[0], "href") != "#pair/a3/a4" {
		t.Fatalf("the pairs of copies link to %v, want #pair/a3/a4", textsOf(links))
	}
	_, plain := storyReport(4, reuse.MostComplete, nil, nil)
	c = newStoryCard().Story(plain, 0, titlesOf(ws))
	mount(t, c)
	if got := byClass(page(t, c), "story-member-pairs"); len(got) != 0 {
		t.Error("a story without pairs of copies lists some")
	}
}

func titlesOf(ws workspace.Workspace) map[string]string {
	m := map[string]string{}
	for _, a := range ws.Articles {
		m[a.ID] = a.Title
	}
	return m
}

func TestAStorysCopiesComeInOrderOfPublicationElseByTheShareTheyCarry(t *testing.T) {
	at := func(h int) time.Time { return time.Date(2017, 4, 12, h, 0, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		rule  reuse.OriginRule
		times []time.Time
		want  []string
		guess bool
	}{
		{"every copy has a time: in order of publication, the origin the earliest", reuse.Earliest,
			[]time.Time{at(9), at(10), at(12), at(11)}, []string{"a2", "a4", "a3"}, false},
		{"one copy's time is unknown: by share, most first, the origin a guess", reuse.MostComplete,
			[]time.Time{at(9), at(10), at(12)}, []string{"a3", "a4", "a2"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws, an := storyReport(4, tt.rule, tt.times, []float64{0, 0.5, 0.9, 0.7})
			c := newStoryCard().Story(an, 0, titlesOf(ws))
			mount(t, c)
			doc := page(t, c)
			var got []string
			for _, l := range withAttr(doc, "data-member") {
				got = append(got, attr(l, "data-member"))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("copies in the order %v, want %v", got, tt.want)
			}
			if g := len(byClass(doc, "guess-badge")) == 1; g != tt.guess {
				t.Errorf("shown as a guess: %v, want %v", g, tt.guess)
			}
			if tt.rule == reuse.Earliest && !strings.Contains(squash(textOf(byClass(doc, "story-where")[0])), "2017-04-12 09:00 UTC") {
				t.Errorf("the origin's time is not shown: %q", squash(textOf(byClass(doc, "story-where")[0])))
			}
		})
	}
}

func TestABigStoryShowsItsFirstCopiesThenAllOfThemByPage(t *testing.T) {
	ws, an := storyReport(121, reuse.MostComplete, nil, nil)
	tests := []struct {
		name    string
		showAll bool
		page    int
		shown   int
		pager   string
		button  string
	}{
		{"folded: the first five and a button for all", false, 0, 5, "", "Show all 120 copies"},
		{"all shown: the first page", true, 0, 50, "Copies 1–50 of 120", "Show the first 5"},
		{"all shown: the last page", true, 2, 20, "Copies 101–120 of 120", "Show the first 5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newStoryCard().Story(an, 0, titlesOf(ws))
			c.showAll, c.page = tt.showAll, tt.page
			mount(t, c)
			doc := page(t, c)
			if got := len(withAttr(doc, "data-member")); got != tt.shown {
				t.Errorf("%d copies shown, want %d", got, tt.shown)
			}
			if got := pagerText(doc, "story-0-pages"); got != tt.pager {
				t.Errorf("the pager says %q, want %q", got, tt.pager)
			}
			if got := textsOf(byClass(doc, "story-all")); len(got) != 1 || got[0] != tt.button {
				t.Errorf("the button reads %q, want %q", got, tt.button)
			}
		})
	}
}

func TestStoriesAreListedTwentyAPage(t *testing.T) {
	ws := manyArticles(90)
	r := &reuse.Report{Documents: make([]reuse.DocumentSummary, 90)}
	for i := range 45 {
		r.Pairs = append(r.Pairs, reuse.Pair{A: 2 * i, B: 2*i + 1})
		r.Stories = append(r.Stories, reuse.Story{Origin: 2 * i, OriginRule: reuse.MostComplete,
			Members: []reuse.StoryMember{{Doc: 2*i + 1, Reused: 1, Pair: i}}})
	}
	an := newSnapshot(ws).finish(r)
	for _, tt := range []struct {
		page, shown int
		where       string
	}{{0, 20, "Stories 1–20 of 45"}, {2, 5, "Stories 41–45 of 45"}} {
		t.Run(tt.where, func(t *testing.T) {
			l := newStoryList().Stories(an, titlesOf(ws))
			l.page = tt.page
			mount(t, l)
			doc := page(t, l)
			if got := len(byClass(doc, "story")); got != tt.shown {
				t.Errorf("%d stories shown, want %d", got, tt.shown)
			}
			if got := pagerText(doc, "story-pages"); got != tt.where {
				t.Errorf("the pager says %q, want %q", got, tt.where)
			}
		})
	}
}

func TestAKeptBarMarksTheCellsThePassagesCover(t *testing.T) {
	tests := []struct {
		name  string
		spans []reuse.Span
		want  string
	}{
		{"nothing kept", nil, "[{false 4}]"},
		{"the first half", []reuse.Span{{Start: 0, End: 50}}, "[{true 2} {false 2}]"},
		{"a passage inside the third cell", []reuse.Span{{Start: 60, End: 61}}, "[{false 2} {true 1} {false 1}]"},
		{"two passages, the first and the last cell", []reuse.Span{{Start: 0, End: 10}, {Start: 90, End: 100}}, "[{true 1} {false 2} {true 1}]"},
		{"all of it", []reuse.Span{{Start: 0, End: 100}}, "[{true 4}]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := fmt.Sprint(keptRuns(100, tt.spans, 4)); got != tt.want {
				t.Errorf("runs %s, want %s", got, tt.want)
			}
		})
	}
	if keptRuns(0, nil, 4) != nil {
		t.Error("an empty origin has a bar")
	}
}

func TestTextSetAsideIsListedWithWhyInHowManyArticlesAndAnExample(t *testing.T) {
	ws := workspace.Workspace{}
	ws.Add("One", "Daily Bugle", "Story one. Sign up for our newsletter today.")
	ws.Add("Two", "Daily Bugle", "Story two.")
	r := &reuse.Report{Documents: make([]reuse.DocumentSummary, 2), SetAside: []reuse.SetAside{
		{Reason: "source", Source: "Daily Bugle", Docs: 3, Example: reuse.Member{Doc: 0, Span: reuse.Span{Start: 11, End: 44}}},
		{Reason: "marked", Docs: 2, Example: reuse.Member{Doc: 0, Span: reuse.Span{Start: 0, End: 10}}},
		{Reason: "widespread", Docs: 190, Example: reuse.Member{Doc: 1, Span: reuse.Span{Start: 0, End: 10}}},
	}}
	doc := page(t, renderSetAside(newSnapshot(ws).finish(r), titlesOf(ws), 0, nil, nil))
	want := []string{
		"Repeated by Daily Bugle across its own articles, in 3 articles. Sign up for our newsletter today. For example in One",
		"Marked as boilerplate; in 2 articles. Story one. For example in One",
		"In nearly every article (190 articles): too common to tell copies apart. Story two. For example in Two",
	}
	if got := textsOf(byClass(doc, "set-aside-item")); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("set aside:\n%q\nwant\n%q", got, want)
	}
	empty := page(t, renderSetAside(newSnapshot(ws).finish(&reuse.Report{}), nil, 0, nil, nil))
	if got := squash(textOf(byID(empty, "set-aside"))); !strings.Contains(got, "Nothing was set aside") {
		t.Errorf("with nothing set aside the section reads %q", got)
	}
}
