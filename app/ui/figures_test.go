package ui

import (
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

func TestEachDiffCardNamesTheArticleOnEachSide(t *testing.T) {
	ws, pair, _ := rewrittenPair()
	a, b := ws.Articles[0], ws.Articles[1]
	a.Source, b.Source = "Wire service", "" // one side with a source, one without
	pv := newPairView().Articles(a, b).Pair(pair)
	mount(t, pv)
	doc := page(t, pv)

	cards := withAttr(byID(doc, "passage-diffs"), "data-diff")
	if len(cards) != len(pair.Passages) || len(cards) < 2 {
		t.Fatalf("%d diff cards, want one per passage (%d), a copied and a rewritten one", len(cards), len(pair.Passages))
	}
	tests := []struct {
		name   string
		side   string
		key    string // the element that shows how its words are marked
		title  string
		source string
	}{
		{"the first text's words are struck through, under its title and source", "a", "del", session.Title(a), "Wire service"},
		{"the second text's words are underlined, under its title alone when it has no source", "b", "ins", session.Title(b), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for i, card := range cards {
				sides := findAll(card, func(n *html.Node) bool { return attr(n, "data-side") == tt.side })
				if len(sides) != 1 {
					t.Fatalf("card %d names side %s %d times, want once", i, tt.side, len(sides))
				}
				s := sides[0]
				keys := findAll(s, func(n *html.Node) bool { return n.Data == tt.key })
				if len(keys) != 1 {
					t.Errorf("card %d, side %s: %d <%s> keys, want 1", i, tt.side, len(keys), tt.key)
				}
				titles := findAll(s, func(n *html.Node) bool { return hasClass(n, "diff-side-title") })
				if len(titles) != 1 || squash(textOf(titles[0])) != tt.title || attr(titles[0], "dir") != "auto" {
					t.Errorf("card %d, side %s: want the title %q in its own direction, got %q", i, tt.side, tt.title, squash(textOf(s)))
				}
				sources := findAll(s, func(n *html.Node) bool { return hasClass(n, "diff-side-source") })
				switch {
				case tt.source == "" && len(sources) != 0:
					t.Errorf("card %d, side %s names a source: %q", i, tt.side, squash(textOf(s)))
				case tt.source != "" && (len(sources) != 1 || squash(textOf(sources[0])) != tt.source):
					t.Errorf("card %d, side %s: want the source %q, got %q", i, tt.side, tt.source, squash(textOf(s)))
				}
			}
		})
	}
}

func TestEachFigureIsDefinedWhereItAppears(t *testing.T) {
	a, b, pair := upiPair(t)
	pv := newPairView().Articles(a, b).Pair(pair)
	mount(t, pv)
	pairDoc := page(t, pv)

	demo := workspace.Demo()
	result, err := analyse(t, demo)
	if err != nil {
		t.Fatal(err)
	}
	o := newOverview().Articles(demo.Articles).Analysis(result)
	mount(t, o)
	overviewDoc := page(t, o)
	l := newArticleList().Articles(demo.Articles).Analysis(result)
	mount(t, l)
	listDoc := page(t, l)

	// figures finds the elements under root whose text ends in suffix
	// and holds a number.
	figures := func(root *html.Node, suffix string) []*html.Node {
		return findAll(root, func(n *html.Node) bool {
			s := squash(textOf(n))
			return hasClass(n, "figure") && strings.HasSuffix(s, suffix) && strings.ContainsAny(s, "0123456789")
		})
	}
	tests := []struct {
		name   string
		root   *html.Node
		suffix string
		def    string
	}{
		{"a pair's shared words, in the pair view's summary", byID(pairDoc, "pair-view"), "shared words", defSharedWords},
		{"a pair's similarity, in the pair view's summary", byID(pairDoc, "pair-view"), "similar", defSimilar},
		{"a passage's words, on its diff card", byID(pairDoc, "passage-diffs"), "words", defWords},
		{"a passage's identity, on its diff card", byID(pairDoc, "passage-diffs"), "identical", defIdentical},
		{"a pair's shared words, in the overview's list", byID(overviewDoc, "pair-list"), "shared words", defSharedWords},
		{"a pair's similarity, in the overview's list", byID(overviewDoc, "pair-list"), "similar", defSimilar},
		{"an article's reused share, in the overview", byID(overviewDoc, "overview"), "%", defReused},
		{"an article's reused share, in the article list", listDoc, "reused", defReused},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := figures(tt.root, tt.suffix)
			if len(found) == 0 {
				t.Fatalf("no figure ending in %q", tt.suffix)
			}
			for _, n := range found {
				if got := attr(n, "title"); got != tt.def {
					t.Errorf("%q is titled %q, want %q", squash(textOf(n)), got, tt.def)
				}
			}
		})
	}

	// The pair view's legend defines each of them for a reader who cannot
	// hover: words, similar, identical, identity and reused.
	legend := byID(pairDoc, "figures")
	if legend == nil || legend.Data != "details" {
		t.Fatal("no #figures legend in the pair view")
	}
	var terms []string
	for _, dt := range findAll(legend, func(n *html.Node) bool { return n.Data == "dt" }) {
		terms = append(terms, squash(textOf(dt)))
	}
	text := squash(textOf(legend))
	for _, want := range []string{"Shared words", "Similar", "Words", "Identical", "Reused"} {
		if !strings.Contains(" "+strings.Join(terms, " | ")+" ", " "+want+" ") {
			t.Errorf("the legend's terms %q lack %q", terms, want)
		}
	}
	if !strings.Contains(text, "identity") {
		t.Errorf("the legend does not say what identity is: %q", text)
	}
}

func TestThePassagesCanBeShownBesideTheTexts(t *testing.T) {
	a, b, pair := upiPair(t)
	tests := []struct {
		name    string
		columns bool
	}{
		{"by default the passages' diffs are under the texts", false},
		{"ticked, the toggle puts them beside the texts", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pv := newPairView().Articles(a, b).Pair(pair)
			pv.columns = tt.columns
			mount(t, pv)
			err := app.Match(app.Input().ID("toggle-columns").Type("checkbox").Checked(tt.columns).
				OnChange(func(app.Context, app.Event) {}), pv, 0, 3, 0, 2, 0)
			if err != nil {
				t.Fatal(err)
			}
			doc := page(t, pv)
			if got := hasClass(byID(doc, "pair-view"), "columns"); got != tt.columns {
				t.Errorf("#pair-view has classes %q; the stylesheet lays out columns under .columns", attr(byID(doc, "pair-view"), "class"))
			}
			// The texts and the diffs share one container, which the
			// stylesheet makes two columns.
			bodies := findAll(doc, func(n *html.Node) bool { return hasClass(n, "pair-body") })
			if len(bodies) != 1 {
				t.Fatalf("%d .pair-body, want 1", len(bodies))
			}
			if byID(bodies[0], "side-a") == nil || byID(bodies[0], "side-b") == nil || byID(bodies[0], "passage-diffs") == nil {
				t.Error(".pair-body does not hold both texts and the diffs")
			}
		})
	}

	// Beside the texts, the texts are stacked: the legend says so.
	css, err := readCSS(t)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, block := range mediaBlocks(t, "(min-width: 761px)") {
		if declares(block, ".columns .pair-body", "display", "grid") {
			found = true
			if !declares(block, ".columns .sides", "grid-template-columns", "minmax(0, 1fr)") ||
				!declares(block, ".columns .where-wide", "display", "none") ||
				!declares(block, ".columns .where-stacked", "display", "inline") {
				t.Errorf("beside the diffs, the texts are not stacked or the legend still says left and right:\n%s", block)
			}
		}
	}
	if !found || !strings.Contains(css, ".toggle-columns { display: none; }") {
		t.Error("the stylesheet lays out no columns from 761px, or shows the toggle where it could do nothing")
	}
}
