package ui

import (
	"slices"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"golang.org/x/net/html"
)

// bigResult is 300 articles in 30 stories of ten (an origin and nine
// copies, each copy paired with its origin), with families and texts set
// aside: more than a page of every list.
func bigResult() (*overview, *analysis) {
	ws := manyArticles(300)
	r := &reuse.Report{Documents: make([]reuse.DocumentSummary, 300)}
	for s := range 30 {
		origin := s * 10
		st := reuse.Story{Origin: origin, OriginRule: reuse.MostComplete}
		for m := origin + 1; m < origin+10; m++ {
			r.Pairs = append(r.Pairs, reuse.Pair{A: origin, B: m, SharedWords: 300 - m, Passages: []reuse.Passage{{A: reuse.Span{Start: 0, End: 5}, B: reuse.Span{Start: 0, End: 5}}}})
			st.Members = append(st.Members, reuse.StoryMember{Doc: m, Reused: 0.5, Pair: len(r.Pairs) - 1})
			r.Documents[m].Reused = 0.5
		}
		r.Stories = append(r.Stories, st)
	}
	// Sixty families, each in forty articles: more than the overview
	// lists, and more articles each than it names.
	for f := range 60 {
		var fam reuse.Family
		for m := range 40 {
			fam.Members = append(fam.Members, reuse.Member{Doc: (f + m*7) % 300})
		}
		r.Families = append(r.Families, fam)
	}
	// Sixty texts set aside: more than the overview lists.
	for d := range 60 {
		r.SetAside = append(r.SetAside, reuse.SetAside{Reason: "widespread", Docs: 280 - d, Example: reuse.Member{Doc: d, Span: reuse.Span{Start: 0, End: 4}}})
	}
	an := newSnapshot(ws).finish(r)
	return newOverview().Articles(ws.Articles).Analysis(an), an
}

// elements counts the elements under n.
func elements(n *html.Node) int {
	return len(findAll(n, func(*html.Node) bool { return true }))
}

func TestTheOverviewDrawsABigResultASliceAtATimeStoriesFirst(t *testing.T) {
	ov, _ := bigResult()
	e := app.NewTestEngine()
	if err := e.Load(ov); err != nil {
		t.Fatal(err)
	}
	type frame struct{ elements, stories, pairs, bars, families, setAside int }
	look := func() frame {
		doc := page(t, ov)
		return frame{
			elements: elements(doc),
			stories:  len(byClass(doc, "story")),
			pairs:    len(withAttr(doc, "data-pair")),
			bars:     len(withAttr(doc, "data-reused")),
			families: len(withAttr(doc, "data-family")),
			setAside: len(byClass(doc, "set-aside-item")),
		}
	}
	frames := []frame{look()}
	for range 100 {
		if ov.complete {
			break
		}
		e.ConsumeNext()
		frames = append(frames, look())
	}
	first, last := frames[0], frames[len(frames)-1]
	if first.stories == 0 || first.stories >= storiesPerPage || first.pairs > 0 || first.bars > 0 {
		t.Errorf("the first render drew %+v; want some of the first stories and nothing below them", first)
	}
	if len(frames) < 4 {
		t.Errorf("the result was drawn in %d renders, want it spread over several", len(frames))
	}
	for i := 1; i < len(frames); i++ {
		prev, f := frames[i-1], frames[i]
		if added := f.elements - prev.elements; added > 2*moreElements {
			t.Errorf("render %d added %d elements, want at most about %d: %+v then %+v", i, added, moreElements, prev, f)
		}
		if f.pairs > 0 && f.stories < storiesPerPage {
			t.Errorf("render %d drew %d pairs before the page's %d stories (%d drawn)", i, f.pairs, storiesPerPage, f.stories)
		}
	}
	if !slices.ContainsFunc(frames, func(f frame) bool { return f.setAside > 0 && f.setAside < setAsideShown }) {
		t.Errorf("the %d texts set aside that the overview lists came in one render, want them in slices: %+v", setAsideShown, frames)
	}
	want := frame{elements: last.elements, stories: storiesPerPage, pairs: pairsPerPage, bars: barsPerPage, families: familiesShown, setAside: setAsideShown}
	if !ov.complete || last != want {
		t.Errorf("at the end (complete %v) the overview shows %+v, want %+v", ov.complete, last, want)
	}
}
