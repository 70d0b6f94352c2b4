package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

// longPair is two articles of n paragraphs that share every third one,
// and the pair the analysis would report: one passage a shared paragraph.
func longPair(n int) (a, b workspace.Article, pair *reuse.Pair) {
	var pa, pb []string
	for i := range n {
		pa = append(pa, fmt.Sprintf("Paragraph %d of the wire story, long enough to fill a few lines of the pair view as agency copy does, with words of its own: %d.", i, i*7))
		pb = append(pb, fmt.Sprintf("Paragraph %d of the paper's own story, which only this one tells, at a length like the other's, for the sake of the test: %d.", i, i*11))
		if i%3 == 0 {
			pb[i] = pa[i]
		}
	}
	a = workspace.Article{ID: "a1", Title: "Wire", Text: strings.Join(pa, "\n\n")}
	b = workspace.Article{ID: "a2", Title: "Paper", Text: strings.Join(pb, "\n\n")}
	pair = &reuse.Pair{A: 0, B: 1}
	for i := 0; i < n; i += 3 {
		sa, sb := strings.Index(a.Text, pa[i]), strings.Index(b.Text, pa[i])
		span := func(at int) reuse.Span { return reuse.Span{Start: at, End: at + len(pa[i])} }
		pair.Passages = append(pair.Passages, reuse.Passage{A: span(sa), B: span(sb), Words: 25, Identity: 1,
			Edits: []reuse.Edit{{Op: reuse.Equal, A: span(sa), B: span(sb)}}})
	}
	return a, b, pair
}

func TestALongTextIsDrawnAFewBlocksARenderUntilWhole(t *testing.T) {
	a, b, pair := longPair(1200)
	pv := newPairView().Articles(a, b).Pair(pair)
	e := app.NewTestEngine()
	if err := e.Load(pv); err != nil {
		t.Fatal(err)
	}
	isBlock := func(n *html.Node) bool { return strings.Contains(attr(n, "class"), "text-block") }
	runs, long := layoutSide(a.Text, "a", pair.Passages, pv.shows)
	if !long || len(runs) <= blocksAtOnce {
		t.Fatalf("the test text is %d blocks, want more than %d", len(runs), blocksAtOnce)
	}
	// The pair's frame comes first (TestAPairOpensWithItsFrameFirst),
	// then the texts' first blocks.
	doc := page(t, pv)
	for range 10 {
		if byID(doc, "side-a") != nil {
			break
		}
		e.ConsumeNext()
		doc = page(t, pv)
	}
	side := byID(doc, "side-a")
	if side == nil {
		t.Fatal("the first text did not show in 10 renders")
	}
	if got := len(findAll(side, isBlock)); got != blocksAtOnce || !busy(side) {
		t.Errorf("first render of the text: %d blocks, aria-busy %q; want the first %d, busy", got, attr(side, "aria-busy"), blocksAtOnce)
	}
	e.ConsumeAll()
	doc = page(t, pv)
	for _, id := range []string{"side-a", "side-b"} {
		side := byID(doc, id)
		if busy(side) {
			t.Errorf("%s is still aria-busy once drawn", id)
		}
		if got := len(withAttr(side, "data-passage")); got != len(pair.Passages) {
			t.Errorf("%s highlights %d passages once drawn, want %d", id, got, len(pair.Passages))
		}
	}
	if got := len(findAll(byID(doc, "side-a"), isBlock)); got != len(runs) {
		t.Errorf("%d blocks once drawn, want %d", got, len(runs))
	}
	nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if nospace(textOf(byID(doc, "side-b"))) != nospace(b.Text) {
		t.Error("the second text is not whole once drawn")
	}
}

func TestTheCardsShowTenPassagesAPageAndFollowThePassageClicked(t *testing.T) {
	a, b, pair := longPair(75) // 25 passages
	for _, tc := range []struct {
		name       string
		clicked    int // index of the passage clicked; -1 for none
		wantPager  string
		wantFirst  string
		wantActive string
	}{
		{"none clicked", -1, "Passages 1–10 of 25", "d-p0", ""},
		{"the 23rd clicked", 22, "Passages 21–25 of 25", "d-p20", "d-p22"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pv := newPairView().Articles(a, b).Pair(pair)
			pv.pairKey = "a1/a2" // opened already: clicking keeps the pair
			if tc.clicked >= 0 {
				pv.activate(tc.clicked)
			}
			mount(t, pv)
			doc := page(t, pv)
			cards := withAttr(byID(doc, "passage-diffs"), "data-diff")
			if len(cards) == 0 || len(cards) > cardsPerPage || attr(cards[0], "id") != tc.wantFirst {
				t.Fatalf("%d cards, the first %q; want at most %d from %s", len(cards), attr(cards[0], "id"), cardsPerPage, tc.wantFirst)
			}
			if got := squash(textOf(byID(doc, "passage-pages"))); !strings.Contains(got, tc.wantPager) {
				t.Errorf("the pager says %q, want %q", got, tc.wantPager)
			}
			if tc.wantActive != "" && !strings.Contains(attr(byID(doc, tc.wantActive), "class"), "active") {
				t.Errorf("the clicked passage's card %s is not marked active", tc.wantActive)
			}
		})
	}
}
