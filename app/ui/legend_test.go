package ui

import (
	"github.com/wirediff/wirediff/app/session"
	"os"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// readCSS reads the stylesheet.
func readCSS(t *testing.T) (string, error) {
	t.Helper()
	data, err := os.ReadFile("../../web/wirediff.css")
	return string(data), err
}

// mediaBlocks returns the bodies of the stylesheet's @media blocks with
// the given condition, such as "(max-width: 760px)".
func mediaBlocks(t *testing.T, condition string) []string {
	t.Helper()
	data, err := os.ReadFile("../../web/wirediff.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(data)
	var out []string
	head := "@media " + condition + " {"
	for i := strings.Index(css, head); i >= 0; {
		from := i + len(head)
		depth, end := 1, from
		for ; end < len(css) && depth > 0; end++ {
			switch css[end] {
			case '{':
				depth++
			case '}':
				depth--
			}
		}
		out = append(out, css[from:end-1])
		next := strings.Index(css[end:], head)
		if next < 0 {
			break
		}
		i = end + next
	}
	return out
}

// declares reports whether a block of rules sets prop to value for a
// selector list that names sel.
func declares(block, sel, prop, value string) bool {
	block = regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(block, "")
	rule := regexp.MustCompile(`([^{}]+)\{([^{}]*)\}`)
	for _, m := range rule.FindAllStringSubmatch(block, -1) {
		named := false
		for _, s := range strings.Split(m[1], ",") {
			if strings.TrimSpace(s) == sel {
				named = true
			}
		}
		if named && regexp.MustCompile(`(^|;)\s*`+regexp.QuoteMeta(prop)+`:\s*`+regexp.QuoteMeta(value)+`\s*(;|$)`).MatchString(strings.TrimSpace(m[2])) {
			return true
		}
	}
	return false
}

func TestTheLegendNamesEachTextTrulyInEveryLayout(t *testing.T) {
	a, b, pair := upiPair(t)
	pv := newPairView().Articles(a, b).Pair(pair)
	mount(t, pv)
	doc := page(t, pv)

	// Whichever of the two wordings shows, the article's title follows.
	tests := []struct {
		name           string
		legend         string // data-legend of the entry
		wide, stacked  string
		title          string
		assistiveLabel string // the aria-label of the text it names
		text           string // that text's id
	}{
		{"deletions are only in the left text beside the other, the first text above it when stacked",
			"deleted", "the left text", "the first text, above", session.Title(a), "First text: " + session.Title(a), "side-a"},
		{"insertions are only in the right text beside the other, the second text below it when stacked",
			"inserted", "the right text", "the second text, below", session.Title(b), "Second text: " + session.Title(b), "side-b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			entries := findAll(doc, func(n *html.Node) bool { return attr(n, "data-legend") == tt.legend })
			if len(entries) != 1 {
				t.Fatalf("%d legend entries %q, want 1", len(entries), tt.legend)
			}
			one := func(class string) string {
				found := findAll(entries[0], func(n *html.Node) bool { return hasClass(n, class) })
				if len(found) != 1 {
					t.Fatalf("%d .%s in the %s entry, want 1", len(found), class, tt.legend)
				}
				return squash(textOf(found[0]))
			}
			if got := one("where-wide"); got != tt.wide {
				t.Errorf(".where-wide reads %q, want %q", got, tt.wide)
			}
			if got := one("where-stacked"); got != tt.stacked {
				t.Errorf(".where-stacked reads %q, want %q", got, tt.stacked)
			}
			if got := one("where-title"); got != tt.title {
				t.Errorf(".where-title reads %q, want %q", got, tt.title)
			}
			// Assistive technology has no layout: no left or right.
			if got := attr(byID(doc, tt.text), "aria-label"); got != tt.assistiveLabel {
				t.Errorf("#%s is labelled %q, want %q", tt.text, got, tt.assistiveLabel)
			}
		})
	}

	// The stylesheet shows the stacked wording exactly where it stacks the
	// texts, and the side-by-side wording elsewhere.
	css, err := os.ReadFile("../../web/wirediff.css")
	if err != nil {
		t.Fatal(err)
	}
	if !declares(string(css), ".where-stacked", "display", "none") {
		t.Error("the stylesheet does not hide .where-stacked by default")
	}
	stacked := false
	for _, block := range mediaBlocks(t, "(max-width: 760px)") {
		if declares(block, ".sides", "grid-template-columns", "minmax(0, 1fr)") {
			stacked = true
			if !declares(block, ".where-wide", "display", "none") || !declares(block, ".where-stacked", "display", "inline") {
				t.Errorf("where .sides stacks the texts, the legend keeps saying left and right:\n%s", block)
			}
		}
	}
	if !stacked {
		t.Error("no @media (max-width: 760px) block stacks .sides")
	}
}
