package ui

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

// upiPair analyses the demo and returns seeds 001 and 002 (a2, a3) with
// what the engine found for them.
func upiPair(t *testing.T) (a, b workspace.Article, pair *reuse.Pair) {
	t.Helper()
	demo := workspace.Demo()
	report, err := reuse.Analyze(context.Background(), demo.Documents(), reuse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range report.Pairs {
		if p := &report.Pairs[i]; p.A == 1 && p.B == 2 {
			return demo.Articles[1], demo.Articles[2], p
		}
	}
	t.Fatal("the engine found nothing shared by seeds 001 and 002")
	return
}

func mount(t *testing.T, c app.Composer) {
	t.Helper()
	e := app.NewTestEngine()
	if err := e.Load(c); err != nil {
		t.Fatal(err)
	}
	e.ConsumeAll()
}

func TestPairViewHighlightsEachPassageOnBothSides(t *testing.T) {
	a, b, pair := upiPair(t)
	pv := newPairView().Articles(a, b).Pair(pair)
	mount(t, pv)
	doc := page(t, pv)

	for side, art := range map[string]workspace.Article{"side-a": a, "side-b": b} {
		marks := withAttr(byID(doc, side), "data-passage")
		if len(marks) != len(pair.Passages) {
			t.Fatalf("%s highlights %d passages, want %d", side, len(marks), len(pair.Passages))
		}
		for _, m := range marks {
			n, err := strconv.Atoi(attr(m, "data-passage"))
			if err != nil || n < 0 || n >= len(pair.Passages) {
				t.Fatalf("%s: bad data-passage %q", side, attr(m, "data-passage"))
			}
			sp := pair.Passages[n].A
			if side == "side-b" {
				sp = pair.Passages[n].B
			}
			if got, want := squash(textOf(m)), squash(art.Text[sp.Start:sp.End]); got != want {
				t.Errorf("%s passage %d reads %q, want %q", side, n, got, want)
			}
			// The same colour on both sides.
			if !strings.Contains(attr(m, "class"), "pc"+strconv.Itoa(n%passageColours)) {
				t.Errorf("%s passage %d has classes %q", side, n, attr(m, "class"))
			}
		}
		// Both full texts are there, highlighted or not. (go-app's
		// encoder indents between elements, so compare without spaces.)
		nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if got, want := nospace(textOf(byID(doc, side))), nospace(art.Text); got != want {
			t.Errorf("%s does not hold the full text", side)
		}
	}
}

func TestPairViewShowsTheWordEditsOfEachPassage(t *testing.T) {
	a, b, pair := upiPair(t)
	pv := newPairView().Articles(a, b).Pair(pair)
	mount(t, pv)
	doc := page(t, pv)

	diffs := withAttr(byID(doc, "passage-diffs"), "data-diff")
	if len(diffs) != len(pair.Passages) {
		t.Fatalf("%d diffs, want one per passage (%d)", len(diffs), len(pair.Passages))
	}
	tagText := func(n *html.Node, tag string) []string {
		var out []string
		for _, e := range findAll(n, func(n *html.Node) bool { return n.Data == tag }) {
			out = append(out, squash(textOf(e)))
		}
		return out
	}
	var dels, inss []string
	cosmetic := 0
	for _, d := range diffs {
		dels = append(dels, tagText(d, "del")...)
		inss = append(inss, tagText(d, "ins")...)
		cosmetic += len(findAll(d, func(n *html.Node) bool { return attr(n, "class") == "cosmetic" }))
	}
	all := func(s []string) string { return strings.Join(s, " | ") }
	// Seed 001 (left) says "prevent more U.S. bombings", 002 (right)
	// "prevent further U.S. bombings".
	if !strings.Contains(all(dels), "more") {
		t.Errorf("deletions %q lack %q", all(dels), "more")
	}
	if !strings.Contains(all(inss), "further") {
		t.Errorf("insertions %q lack %q", all(inss), "further")
	}
	if cosmetic == 0 {
		t.Error("no cosmetic runs marked, though 001 and 002 differ in quotes and dashes")
	}
}

func TestTheCosmeticToggleHidesTypographicDifferences(t *testing.T) {
	a, b, pair := upiPair(t)
	shown := newPairView().Articles(a, b).Pair(pair)
	mount(t, shown)
	// The toggle is a checkbox, checked: cosmetic differences show.
	err := app.Match(app.Input().ID("toggle-cosmetic").Type("checkbox").Checked(true).
		OnChange(func(app.Context, app.Event) {}), shown, 0, 3, 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if cls := attr(byID(page(t, shown), "pair-view"), "class"); strings.Contains(cls, "hide-cosmetic") {
		t.Errorf("cosmetic differences hidden by default: %q", cls)
	}

	hidden := newPairView().Articles(a, b).Pair(pair)
	hidden.hideCosmetic = true
	mount(t, hidden)
	err = app.Match(app.Input().ID("toggle-cosmetic").Type("checkbox").Checked(false).
		OnChange(func(app.Context, app.Event) {}), hidden, 0, 3, 0, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if cls := attr(byID(page(t, hidden), "pair-view"), "class"); !strings.Contains(cls, "hide-cosmetic") {
		t.Errorf("unchecked toggle leaves classes %q: the stylesheet hides .cosmetic under .hide-cosmetic", cls)
	}
}

func TestAPairWithNothingSharedSaysSo(t *testing.T) {
	demo := workspace.Demo()
	pv := newPairView().Articles(demo.Articles[3], demo.Articles[4])
	mount(t, pv)
	doc := page(t, pv)
	if n := len(withAttr(doc, "data-passage")); n != 0 {
		t.Errorf("%d passages highlighted", n)
	}
	if got := squash(textOf(doc)); !strings.Contains(got, "share no passage") {
		t.Errorf("no plain statement that nothing is shared in %q", got[:min(len(got), 200)])
	}
}

func TestALongTextIsLaidOutInBlocksCutAtLineBreaks(t *testing.T) {
	var paras []string
	for i := 0; len(strings.Join(paras, "\n\n")) < 6*blockBytes; i++ {
		paras = append(paras, fmt.Sprintf("Paragraph %d of a long wire story, long enough to wrap over a few lines in the pair view, as agency copy does.", i))
	}
	shared := "The minister said the talks would resume on Monday after both sides had consulted their governments at home."
	mid := len(paras) / 2
	paras[mid] = "In the middle: " + shared + " More follows."
	a := workspace.Article{ID: "a1", Title: "Long", Text: strings.Join(paras, "\n\n")}
	b := workspace.Article{ID: "a2", Title: "Short", Text: "A short story.\n" + shared}
	sa := strings.Index(a.Text, shared)
	sb := strings.Index(b.Text, shared)
	ps := reuse.Passage{
		A: reuse.Span{Start: sa, End: sa + len(shared)}, B: reuse.Span{Start: sb, End: sb + len(shared)},
		Words: 18, Identity: 1,
		Edits: []reuse.Edit{{Op: reuse.Equal, A: reuse.Span{Start: sa, End: sa + len(shared)}, B: reuse.Span{Start: sb, End: sb + len(shared)}}},
	}
	pv := newPairView().Articles(a, b).Pair(&reuse.Pair{A: 0, B: 1, SharedWords: 18, Passages: []reuse.Passage{ps}})
	mount(t, pv)
	doc := page(t, pv)

	isBlock := func(n *html.Node) bool { return strings.Contains(attr(n, "class"), "text-block") }
	if n := len(findAll(byID(doc, "side-b"), isBlock)); n != 0 {
		t.Errorf("the short text is cut into %d blocks, want none", n)
	}
	blocks := findAll(byID(doc, "side-a"), isBlock)
	if len(blocks) < 3 {
		t.Fatalf("a text of %d bytes is in %d blocks, want it cut about every %d bytes", len(a.Text), len(blocks), blockBytes)
	}
	// Every block ends at a line break of the text, and together they
	// hold all of it. (Compared without white space: go-app's encoder
	// indents.)
	nospace := func(s string) string { return strings.Join(strings.Fields(s), "") }
	var all strings.Builder
	pos := 0 // in a.Text, after the text of the blocks so far
	for i, blk := range blocks {
		want := nospace(textOf(blk))
		all.WriteString(want)
		for k := 0; k < len(want); pos++ {
			if !unicode.IsSpace(rune(a.Text[pos])) {
				k++
			}
		}
		gap := a.Text[pos:]
		gap = gap[:len(gap)-len(strings.TrimLeftFunc(gap, unicode.IsSpace))]
		if i < len(blocks)-1 && !strings.Contains(gap, "\n") {
			t.Errorf("block %d ends inside a line, before %q", i+1, a.Text[pos:min(pos+30, len(a.Text))])
		}
	}
	if all.String() != nospace(a.Text) {
		t.Error("the blocks do not hold the whole text")
	}
	marks := withAttr(byID(doc, "side-a"), "data-passage")
	if len(marks) != 1 || squash(textOf(marks[0])) != shared {
		t.Errorf("the long text highlights %d passages, want the shared sentence", len(marks))
	}
}

// pairHolder shows the pair view of two articles it can change, as App
// does when the URL names another pair.
type pairHolder struct {
	app.Compo
	a, b workspace.Article
	pair *reuse.Pair
	ctx  app.Context
}

func (h *pairHolder) OnPreRender(ctx app.Context) { h.ctx = ctx }
func (h *pairHolder) Render() app.UI              { return newPairView().Articles(h.a, h.b).Pair(h.pair) }

func TestAPairOpensWithItsFrameFirstThenItsTextsThenItsCards(t *testing.T) {
	a, b, pair := upiPair(t)
	c, d, long := longPair(30)
	holder := &pairHolder{a: a, b: b, pair: pair}
	e := app.NewTestEngine()
	if err := e.Load(holder); err != nil {
		t.Fatal(err)
	}
	// opened checks the view of the pair whose first text is first: its
	// frame only, its texts too (both busy), or the whole view.
	const (
		frame = iota
		texts
		whole
	)
	opened := func(step string, first workspace.Article, stage int) {
		t.Helper()
		doc := page(t, holder)
		view := byID(doc, "pair-view")
		heading := squash(textOf(byID(doc, "view-heading")))
		if view == nil || !strings.Contains(heading, first.Title) {
			t.Fatalf("%s: the heading reads %q, want the pair of %q", step, heading, first.Title)
		}
		sideA, cards := byID(doc, "side-a"), byID(doc, "passage-diffs")
		switch {
		case stage == frame && (sideA != nil || cards != nil || byID(doc, "pair-opening") == nil || !busy(view)):
			t.Errorf("%s: want the frame alone, aria-busy, saying the texts come; texts %v, cards %v, busy %v", step, sideA != nil, cards != nil, busy(view))
		case stage == texts && (sideA == nil || cards != nil || byID(doc, "cards-opening") == nil || !busy(view)):
			t.Errorf("%s: want the texts, aria-busy, saying the cards come; texts %v, cards %v, busy %v", step, sideA != nil, cards != nil, busy(view))
		case stage == whole && (sideA == nil || cards == nil || byID(doc, "pair-opening") != nil || byID(doc, "cards-opening") != nil || busy(view)):
			t.Errorf("%s: want the texts and cards, not busy; texts %v, cards %v, busy %v", step, sideA != nil, cards != nil, busy(view))
		case stage != frame && !strings.Contains(squash(textOf(sideA)), squash(first.Text[:40])):
			t.Errorf("%s: the first text is not %q's", step, first.Title)
		}
	}
	// untilTexts runs the page's work until the texts show.
	untilTexts := func() {
		t.Helper()
		for range 20 {
			e.ConsumeNext()
			if byID(page(t, holder), "side-a") != nil {
				return
			}
		}
		t.Fatal("the texts never showed")
	}
	opened("the first render", a, frame)
	untilTexts()
	opened("after a pause", a, texts)
	e.ConsumeAll()
	opened("after another pause", a, whole)

	// Another pair in the same view: its frame first again, never the
	// last pair's texts under its heading.
	holder.ctx.Dispatch(func(app.Context) { holder.a, holder.b, holder.pair = c, d, long })
	e.ConsumeNext()
	opened("another pair's first render", c, frame)
	untilTexts()
	opened("another pair after a pause", c, texts)
	e.ConsumeAll()
	opened("another pair after another pause", c, whole)
}
