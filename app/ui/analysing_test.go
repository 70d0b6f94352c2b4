package ui

import (
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

// staleFigures lists what of a result the overview shows: its counts,
// pairs, reused bars and recurring passages.
func staleFigures(overview *html.Node) []string {
	var out []string
	for _, key := range []string{"data-stat", "data-pair", "data-reused", "data-family"} {
		if n := len(withAttr(overview, key)); n > 0 {
			out = append(out, key)
		}
	}
	if n := len(findAll(overview, func(n *html.Node) bool { return hasClass(n, "family-text") })); n > 0 {
		out = append(out, "a family's passage")
	}
	return out
}

// busy reports aria-busy="true". go-app's HTML encoder writes a "true"
// attribute bare, as for a boolean attribute; in the browser go-app sets
// it to "true".
func busy(n *html.Node) bool {
	return n != nil && hasAttr(n, "aria-busy") && (attr(n, "aria-busy") == "" || attr(n, "aria-busy") == "true")
}

func TestTheOverviewShowsAnAnalysisInProgressNotAStaleOrEmptyResult(t *testing.T) {
	demo := workspace.Demo()
	demoResult, err := analyse(t, demo)
	if err != nil {
		t.Fatal(err)
	}
	// An import reuses the IDs a1, a2, … for other texts.
	imported, _, _ := rewrittenPair()
	importedResult, err := analyse(t, imported)
	if err != nil {
		t.Fatal(err)
	}
	added := demo
	added.Articles = append(append([]workspace.Article(nil), demo.Articles...),
		workspace.Article{ID: "a6", Title: "Desk copy", Text: copied(t)})

	tests := []struct {
		name      string
		articles  []workspace.Article
		result    *analysis
		analysing bool
		stale     bool
		busy      bool   // aria-busy="true" on #overview
		says      string // in #overview-state; "" for the result itself
	}{
		{"while a new workspace is analysed, the old one's counts and passages are gone",
			imported.Articles, demoResult, true, true, true, "Analysing 2 articles…"},
		{"while an added article is analysed, the result without it is gone too",
			added.Articles, demoResult, true, true, true, "Analysing 6 articles…"},
		{"before the first result, the overview says it is analysing",
			demo.Articles, nil, true, true, true, "Analysing 5 articles…"},
		{"once the new result arrives, it shows and the overview is no longer busy",
			imported.Articles, importedResult, false, false, false, ""},
		{"after an analysis that did not finish, no stale result shows and nothing is busy",
			imported.Articles, demoResult, false, true, false, "the analysis did not finish"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			o := newOverview().Articles(tt.articles).Analysis(tt.result).Stale(tt.stale).Analysing(tt.analysing)
			mount(t, o)
			ov := byID(page(t, o), "overview")
			if got := busy(ov); got != tt.busy {
				t.Errorf("aria-busy=%q, want busy %v", attr(ov, "aria-busy"), tt.busy)
			}
			state := byID(ov, "overview-state")
			if tt.says == "" {
				if state != nil {
					t.Errorf("the result is replaced by %q", squash(textOf(state)))
				}
				if len(withAttr(ov, "data-stat")) == 0 || len(withAttr(ov, "data-pair")) == 0 {
					t.Error("the new result's counts and pairs are not shown")
				}
				return
			}
			if state == nil || !strings.Contains(squash(textOf(state)), tt.says) {
				t.Errorf("#overview-state is missing or does not say %q", tt.says)
			}
			if shown := staleFigures(ov); len(shown) > 0 {
				t.Errorf("a result of other articles shows: %s", strings.Join(shown, ", "))
			}
		})
	}
}

func TestWhileAnImportedWorkspaceIsAnalysedThePageShowsOnlyProgress(t *testing.T) {
	imported, _, _ := rewrittenPair()
	data, err := workspace.Marshal(imported)
	if err != nil {
		t.Fatal(err)
	}
	type seen struct {
		busy     bool
		figures  []string
		state    string
		articles string // the summary's count of articles, once the result is drawn
	}
	var during []seen
	h := start(t, &MemoryStore{})
	h.steps(actionImport, session.File{Name: "other.json", Data: data}, func(doc *html.Node) {
		if !busy(byID(doc, "main")) {
			return
		}
		ov := byID(doc, "overview")
		s := seen{busy: busy(ov), figures: staleFigures(ov)}
		if state := byID(ov, "overview-state"); state != nil {
			s.state = squash(textOf(state))
		}
		for _, n := range withAttr(ov, "data-stat") {
			if attr(n, "data-stat") == "articles" {
				s.articles = squash(textOf(findAll(n, func(n *html.Node) bool { return n.Data == "dd" })[0]))
			}
		}
		during = append(during, s)
	})

	if len(during) == 0 {
		t.Fatal("the import started no analysis")
	}
	analysing := 0
	for _, s := range during {
		if !s.busy {
			// The main area stays busy while the overview draws the new
			// result, a slice at a time: only the new result may show.
			if s.articles != "2" {
				t.Errorf("while the result is drawn: the summary counts %q articles, want the 2 imported", s.articles)
			}
			continue
		}
		analysing++
		if len(s.figures) > 0 || !strings.Contains(s.state, "Analysing 2 articles") {
			t.Errorf("while analysing: shown %v, state %q; want only progress", s.figures, s.state)
		}
	}
	if analysing == 0 {
		t.Error("the overview never said the import was being analysed")
	}
	ov := byID(h.page(), "overview")
	if busy(ov) || len(withAttr(ov, "data-pair")) == 0 {
		t.Errorf("after the analysis: busy %v and %d pairs; want the result", busy(ov), len(withAttr(ov, "data-pair")))
	}
}
