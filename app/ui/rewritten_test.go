package ui

import (
	"github.com/wirediff/wirediff/app/export"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
	"github.com/wirediff/wirediff/internal/fixture"
	"golang.org/x/net/html"
)

// rewrittenPair is the fixture's two articles, a copied passage (0) and a
// rewritten one (1) with two sentence pairs.
func rewrittenPair() (ws workspace.Workspace, pair *reuse.Pair, report *reuse.Report) {
	docs, report := fixture.Rewritten()
	for i, d := range docs {
		ws.Articles = append(ws.Articles, workspace.Article{ID: "a" + strconv.Itoa(i+1), Title: d.Name, Text: d.Text})
	}
	return ws, &report.Pairs[0], report
}

func hasClass(n *html.Node, c string) bool {
	return n != nil && strings.Contains(" "+attr(n, "class")+" ", " "+c+" ")
}

func TestARewrittenPassageIsStripedAndShowsItsSentencePairs(t *testing.T) {
	ws, pair, _ := rewrittenPair()
	a, b := ws.Articles[0], ws.Articles[1]
	pv := newPairView().Articles(a, b).Pair(pair)
	mount(t, pv)
	doc := page(t, pv)

	// In both texts the rewritten passage has its own class (the
	// stylesheet stripes it), the copied one does not.
	for _, side := range []string{"a", "b"} {
		copied, rewritten := byID(doc, side+"-p0"), byID(doc, side+"-p1")
		if copied == nil || rewritten == nil {
			t.Fatalf("side %s does not highlight both passages", side)
		}
		if hasClass(copied, "rewritten") || !hasClass(rewritten, "rewritten") {
			t.Errorf("side %s: classes %q (copied) and %q (rewritten)", side, attr(copied, "class"), attr(rewritten, "class"))
		}
		if !strings.Contains(attr(rewritten, "title"), "rewritten") {
			t.Errorf("side %s: the rewritten passage's title %q does not say so", side, attr(rewritten, "title"))
		}
	}

	// Its card says "rewritten" and shows each sentence pair side by
	// side, each side with its own words marked.
	copiedCard, card := byID(doc, "d-p0"), byID(doc, "d-p1")
	if hasClass(copiedCard, "rewritten") || !hasClass(card, "rewritten") {
		t.Fatalf("cards have classes %q and %q", attr(copiedCard, "class"), attr(card, "class"))
	}
	if n := len(withAttr(copiedCard, "data-sentence")); n != 0 {
		t.Errorf("the copied passage's card shows %d sentence pairs", n)
	}
	badges := findAll(card, func(n *html.Node) bool { return hasClass(n, "rewritten-badge") })
	if len(badges) != 1 || squash(textOf(badges[0])) != "rewritten" {
		t.Error("the rewritten passage's card has no “rewritten” badge")
	}
	ps := pair.Passages[1]
	pairs := withAttr(card, "data-sentence")
	if len(pairs) != len(ps.Sentences) {
		t.Fatalf("%d sentence pairs shown, want %d", len(pairs), len(ps.Sentences))
	}
	for j, el := range pairs {
		sp := ps.Sentences[j]
		if want := export.Percent(sp.Similarity) + " similar"; !strings.Contains(squash(textOf(el)), want) {
			t.Errorf("sentence pair %d lacks %q", j+1, want)
		}
		sides := findAll(el, func(n *html.Node) bool { return hasClass(n, "sentence-side") })
		if len(sides) != 2 {
			t.Fatalf("sentence pair %d has %d sides", j+1, len(sides))
		}
		if got, want := squash(textOf(sides[0])), squash(a.Text[sp.A.Start:sp.A.End]); got != want {
			t.Errorf("sentence pair %d, left: %q, want %q", j+1, got, want)
		}
		if got, want := squash(textOf(sides[1])), squash(b.Text[sp.B.Start:sp.B.End]); got != want {
			t.Errorf("sentence pair %d, right: %q, want %q", j+1, got, want)
		}
		is := func(tag string) func(*html.Node) bool { return func(n *html.Node) bool { return n.Data == tag } }
		if len(findAll(sides[0], is("del"))) == 0 || len(findAll(sides[0], is("ins"))) != 0 ||
			len(findAll(sides[1], is("ins"))) == 0 || len(findAll(sides[1], is("del"))) != 0 {
			t.Errorf("sentence pair %d: want deletions on the left and insertions on the right", j+1)
		}
	}
	// The whole passage's diff is folded under the sentence pairs.
	whole := findAll(card, func(n *html.Node) bool { return n.Data == "details" })
	if len(whole) != 1 || len(findAll(whole[0], func(n *html.Node) bool { return n.Data == "del" })) == 0 {
		t.Error("no folded word diff of the whole rewritten passage")
	}

	// The legend explains both kinds in plain words.
	legend := squash(textOf(findAll(doc, func(n *html.Node) bool { return hasClass(n, "legend") })[0]))
	for _, want := range []string{
		"copied the same words in the same order, as a copy desk edits wire copy",
		"rewritten the same sentences said in other words: synonyms, reordered clauses, merged or condensed sentences",
	} {
		if !strings.Contains(legend, want) {
			t.Errorf("legend %q lacks %q", legend, want)
		}
	}
	if got := squash(textOf(doc)); !strings.Contains(got, "11 copied, 7 rewritten in 1 passage") {
		t.Errorf("the pair's summary does not split the shared words by kind")
	}
}

func TestTheRewrittenToggleHidesRewrittenPassages(t *testing.T) {
	ws, pair, _ := rewrittenPair()
	a, b := ws.Articles[0], ws.Articles[1]
	toggle := func(checked bool) app.UI {
		return app.Input().ID("toggle-rewritten").Type("checkbox").Checked(checked).
			OnChange(func(app.Context, app.Event) {})
	}

	shown := newPairView().Articles(a, b).Pair(pair)
	mount(t, shown)
	if err := app.Match(toggle(true), shown, 0, 3, 0, 1, 0); err != nil {
		t.Fatal(err)
	}
	if doc := page(t, shown); byID(doc, "a-p1") == nil || byID(doc, "d-p1") == nil || byID(doc, "rewritten-hidden") != nil {
		t.Fatal("rewritten passages are hidden by default")
	}

	hidden := newPairView().Articles(a, b).Pair(pair)
	hidden.hideRewritten = true
	mount(t, hidden)
	if err := app.Match(toggle(false), hidden, 0, 3, 0, 1, 0); err != nil {
		t.Fatal(err)
	}
	doc := page(t, hidden)
	for _, id := range []string{"a-p1", "b-p1", "d-p1"} {
		if byID(doc, id) != nil {
			t.Errorf("#%s is shown though rewritten passages are hidden", id)
		}
	}
	for _, id := range []string{"a-p0", "b-p0", "d-p0"} {
		if byID(doc, id) == nil {
			t.Errorf("#%s, of the copied passage, is gone too", id)
		}
	}
	for _, id := range []string{"side-a", "side-b", "passage-diffs"} {
		if n := len(findAll(byID(doc, id), func(n *html.Node) bool { return hasClass(n, "rewritten") })); n != 0 {
			t.Errorf("#%s: %d elements still marked rewritten", id, n)
		}
	}
	// The texts are still whole, and the page says what is hidden.
	nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
	if nospace(textOf(byID(doc, "side-a"))) != nospace(a.Text) || nospace(textOf(byID(doc, "side-b"))) != nospace(b.Text) {
		t.Error("hiding rewritten passages lost text")
	}
	if note := byID(doc, "rewritten-hidden"); note == nil || !strings.Contains(textOf(note), "1 rewritten passage is hidden") {
		t.Error("no note that a rewritten passage is hidden")
	}
}

func TestTheOverviewCountsCopiedAndRewrittenWords(t *testing.T) {
	ws, pair, report := rewrittenPair()
	ov := newOverview().Articles(ws.Articles).Analysis(newSnapshot(ws).finish(report))
	mount(t, ov)
	doc := page(t, ov)

	stat := func(id string) string {
		for _, n := range withAttr(doc, "data-stat") {
			if attr(n, "data-stat") == id {
				return squash(textOf(findAll(n, func(n *html.Node) bool { return n.Data == "dd" })[0]))
			}
		}
		t.Fatalf("no %s count", id)
		return ""
	}
	for id, want := range map[string]int{
		"shared-words":    pair.SharedWords,
		"copied-words":    pair.SharedWords - pair.RewrittenWords,
		"rewritten-words": pair.RewrittenWords,
	} {
		if got := stat(id); got != strconv.Itoa(want) {
			t.Errorf("%s: %s, want %d", id, got, want)
		}
	}

	links := withAttr(doc, "data-pair")
	if len(links) != 1 {
		t.Fatalf("%d pairs listed, want 1", len(links))
	}
	if got := attr(links[0], "data-rewritten-words"); got != strconv.Itoa(pair.RewrittenWords) {
		t.Errorf("the pair's data-rewritten-words is %q, want %d", got, pair.RewrittenWords)
	}
	if got := squash(textOf(links[0])); !strings.Contains(got, "18 shared words (11 copied, 7 rewritten)") {
		t.Errorf("the pair reads %q: no copied and rewritten words", got)
	}
}

func TestTheTextsAreLaidOutAgainOnlyWhenWhatTheyShowChanges(t *testing.T) {
	ws, pair, _ := rewrittenPair()
	a, b := ws.Articles[0], ws.Articles[1]
	marked := func(l *sideLayouts, n int) bool {
		for _, runs := range l.runs {
			for _, run := range runs {
				for _, m := range run.Marks {
					if m.N == n {
						return true
					}
				}
			}
		}
		return false
	}
	again := *pair // the same pair from a new analysis
	for _, tc := range []struct {
		name      string
		change    func(p *pairView)
		newRuns   bool
		rewritten bool // passage 1, the rewritten one, is highlighted
	}{
		{"a render with nothing changed keeps the runs", func(*pairView) {}, false, true},
		{"hiding rewritten passages takes their highlights away", func(p *pairView) { p.hideRewritten = true }, true, false},
		{"a new analysis of the pair lays the texts out anew", func(p *pairView) { p.IPair = &again }, true, true},
		{"a changed text lays the texts out anew", func(p *pairView) { p.IA.Text += " " }, true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pv := newPairView().Articles(a, b).Pair(pair)
			before := pv.layouts().runs
			tc.change(pv)
			after := pv.layouts()
			if got := &after.runs[0][0] != &before[0][0]; got != tc.newRuns {
				t.Errorf("new runs: %v, want %v", got, tc.newRuns)
			}
			if got := marked(after, 1); got != tc.rewritten {
				t.Errorf("the rewritten passage highlighted: %v, want %v", got, tc.rewritten)
			}
			if !marked(after, 0) {
				t.Error("the copied passage is not highlighted")
			}
		})
	}
}
