package ui

import (
	"fmt"
	"github.com/wirediff/wirediff/app/session"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

// manyArticles is n short articles, a1 to an.
func manyArticles(n int) workspace.Workspace {
	var ws workspace.Workspace
	for i := range n {
		ws.Add(fmt.Sprintf("Article number %d", i+1), "", fmt.Sprintf("Text of article %d.", i+1))
	}
	return ws
}

// pagerText is what a pager says of where the page is.
func pagerText(doc *html.Node, id string) string {
	p := byID(doc, id)
	if p == nil {
		return ""
	}
	return squash(textOf(findAll(p, func(n *html.Node) bool { return hasClass(n, "pager-where") })[0]))
}

func TestLongListsShowOnePageAtATime(t *testing.T) {
	ws := manyArticles(250)
	an := newSnapshot(ws).finish(&reuse.Report{})
	var pairs []*reuse.Pair
	titles := map[string]string{}
	for i := range 250 {
		titles[ws.Articles[i].ID] = ws.Articles[i].Title
		pairs = append(pairs, &reuse.Pair{A: 0, B: i, SharedWords: 250 - i})
	}
	tests := []struct {
		name  string
		list  func(page int) app.Composer
		items string // the attribute each item has
		pager string // the pager's ID
		what  string
		per   int // items a page
	}{
		{"the overview's pairs", func(page int) app.Composer {
			l := newPairList().Pairs(an, pairs, titles)
			l.page = page
			return l
		}, "data-pair", "pair-pages", "Pairs", 100},
		{"the articles", func(page int) app.Composer {
			l := newArticleList().Articles(ws.Articles)
			l.page = page
			return l
		}, "data-article-id", "article-pages", "Articles", 50},
		{"the overview's reused shares", func(page int) app.Composer {
			r := newReuseBars().Shares(an, titles)
			r.page = page
			return r
		}, "data-reused", "reuse-pages", "Articles", 100},
	}
	type pageCase struct {
		page   int
		first  int // 1-based number of the first item shown
		shown  int
		where  string
		before bool // "Previous" is enabled
		after  bool // "Next" is enabled
	}
	pagesOf := map[int][]pageCase{
		100: {
			{0, 1, 100, "1–100 of 250", false, true},
			{1, 101, 100, "101–200 of 250", true, true},
			{2, 201, 50, "201–250 of 250", true, false},
			{7, 201, 50, "201–250 of 250", true, false}, // past the end: the last page
		},
		50: {
			{0, 1, 50, "1–50 of 250", false, true},
			{1, 51, 50, "51–100 of 250", true, true},
			{4, 201, 50, "201–250 of 250", true, false},
			{9, 201, 50, "201–250 of 250", true, false}, // past the end: the last page
		},
	}
	for _, tt := range tests {
		for _, pg := range pagesOf[tt.per] {
			t.Run(fmt.Sprintf("%s, page %d", tt.name, pg.page+1), func(t *testing.T) {
				c := tt.list(pg.page)
				mount(t, c)
				doc := page(t, c)
				items := withAttr(doc, tt.items)
				if len(items) != pg.shown {
					t.Fatalf("%d items shown, want %d", len(items), pg.shown)
				}
				if got := pagerText(doc, tt.pager); got != tt.what+" "+pg.where {
					t.Errorf("the pager says %q, want %q", got, tt.what+" "+pg.where)
				}
				for _, b := range withAttr(byID(doc, tt.pager), "data-page") {
					want := pg.before
					if attr(b, "data-page") == "next" {
						want = pg.after
					}
					if disabled(b) == want {
						t.Errorf("%q is disabled %v", squash(textOf(b)), disabled(b))
					}
				}
				if tt.items == "data-reused" {
					// Equal shares keep the articles' order.
					if got := attr(items[0], "data-reused"); got != fmt.Sprintf("a%d", pg.first) {
						t.Errorf("the page starts with the share of %s, want a%d", got, pg.first)
					}
					return
				}
				// Each item keeps its number in the whole list, which the
				// style sheet draws from an attribute.
				number := "data-number"
				if tt.items == "data-pair" {
					number = "data-rank"
					if got := attr(byID(doc, "pair-list"), "start"); got != strconv.Itoa(pg.first) {
						t.Errorf("the page's list starts at %s, want %d", got, pg.first)
					}
				}
				for i, item := range items {
					if got := attr(item, number); got != strconv.Itoa(pg.first+i) {
						t.Fatalf("item %d of the page is numbered %s, want %d", i+1, got, pg.first+i)
					}
				}
			})
		}
	}
}

func TestAShortListHasNoPager(t *testing.T) {
	l := newArticleList().Articles(manyArticles(articlesPerPage).Articles)
	mount(t, l)
	if doc := page(t, l); byID(doc, "article-pages") != nil || len(withAttr(doc, "data-article-id")) != articlesPerPage {
		t.Error("a list of one page is paged")
	}
}

func TestAfterARemovalTheListShowsThePageWithTheFocusedArticle(t *testing.T) {
	h := startWith(t, manyArticles(150))
	doc := h.page()
	if ids := articleIDs(doc); len(ids) != 50 || ids[0] != "a1" {
		t.Fatalf("the list shows %d articles from %v", len(ids), ids[:1])
	}
	// a120 is on the third page: after its removal the focus goes to
	// a121's Delete button, which must be on the page shown.
	h.do(actionDelete, "a120")
	doc = h.page()
	ids := articleIDs(doc)
	if len(ids) != 49 || ids[0] != "a101" || byID(doc, "delete-a121") == nil {
		t.Errorf("after deleting a120 the list shows %d articles from %v; want the third page, with a121", len(ids), ids[:min(1, len(ids))])
	}
	if got := pagerText(doc, "article-pages"); got != "Articles 101–149 of 149" {
		t.Errorf("the pager says %q", got)
	}
	// An article added goes last: the list shows it.
	h.click(h.probe.app.onRestoreDemo)
	h.do(actionAdd, session.Paste{Title: "Added", Text: copied(t)})
	if ids := articleIDs(h.page()); strings.Join(ids, ",") != "a1,a2,a3,a4,a5,a6" {
		t.Errorf("after a restore and an add the list shows %v", ids)
	}
}

func TestANewAnalysisListsItsPairsFromTheFirstPage(t *testing.T) {
	ws := manyArticles(3)
	an := newSnapshot(ws).finish(&reuse.Report{})
	l := newPairList().Pairs(an, nil, map[string]string{"a1": "One"})
	mount(t, l)
	l.page = 2
	tests := []struct {
		name     string
		analysis *analysis
		titles   map[string]string
		page     int
	}{
		{"a rename keeps the page", an, map[string]string{"a1": "Renamed"}, 2},
		{"a new analysis starts from the first page", newSnapshot(ws).finish(&reuse.Report{}), map[string]string{"a1": "Renamed"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l.IAnalysis, l.ITitles = tt.analysis, tt.titles
			l.OnUpdate(app.Context{})
			if l.page != tt.page {
				t.Errorf("page %d, want %d", l.page+1, tt.page+1)
			}
		})
	}
}

func TestANewPageOfArticlesIsDrawnAFewEntriesARender(t *testing.T) {
	e := app.NewTestEngine()
	l := newArticleList().Articles(manyArticles(120).Articles)
	if err := e.Load(l); err != nil {
		t.Fatal(err)
	}
	if got := len(withAttr(page(t, l), "data-article-id")); got != entriesAtOnce {
		t.Errorf("the first render draws %d entries, want %d", got, entriesAtOnce)
	}
	e.ConsumeAll()
	if got := articleIDs(page(t, l)); len(got) != articlesPerPage || got[0] != "a1" || got[len(got)-1] != "a50" {
		t.Errorf("once drawn the page shows %d entries from %v, want a1 to a50", len(got), got[:min(1, len(got))])
	}
}
