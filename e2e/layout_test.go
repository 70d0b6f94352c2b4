package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Journey 12: the pair view in a laptop's window, 1366×900, and a phone's,
// 400×800. Each diff card names the articles on its two sides; "Show the
// passages beside the texts" brings the first diff card into the window
// beside the texts; the legend calls the texts left and right only where
// they stand side by side, first and second where they are stacked.
func TestThePairViewNamesItsSidesTrulyInEveryLayout(t *testing.T) {
	s := start(t, 2*time.Minute)
	s.do("a laptop's window", chromedp.EmulateViewport(1366, 900))
	s.open("/")
	s.waitReady()
	key := s.pairs()[0].Key
	s.openPair(key)

	titles := eval[[]string](s, `$$("#pair-view .side-title").map(e => norm(e.textContent))`)
	cards := eval[[][]string](s, `$$("#passage-diffs .diff").map(d => $$(".diff-side-title", d).map(e => norm(e.textContent)))`)
	if len(titles) != 2 || len(cards) == 0 {
		s.fail("%d side titles and %d diff cards", len(titles), len(cards))
	}
	for i, c := range cards {
		if len(c) != 2 || c[0] != titles[0] || c[1] != titles[1] {
			s.errorf("diff card %d names its sides %q, want %q", i+1, c, titles)
		}
	}

	// A layout is which of the legend's two wordings shows, whether the
	// texts stand side by side, and where the first diff card starts once
	// the pair view's heading is at the top.
	type layout struct {
		Wide, Stacked, SideBySide bool
		DiffTop, Height           float64
	}
	const measure = `(() => {
		const a = $("#side-a").closest(".side").getBoundingClientRect(), b = $("#side-b").closest(".side").getBoundingClientRect();
		$("#view-heading").scrollIntoView();
		return {
			Wide: $$(".legend .where-wide").every(visible),
			Stacked: $$(".legend .where-stacked").every(visible),
			SideBySide: Math.abs(a.top - b.top) < 1,
			DiffTop: $("#passage-diffs .diff").getBoundingClientRect().top,
			Height: innerHeight,
		};
	})()`
	check := func(what string, l layout, sideBySide bool) {
		t.Helper()
		if l.SideBySide != sideBySide || l.Wide != sideBySide || l.Stacked == sideBySide {
			s.errorf("%s: texts side by side %v, legend shows left/right %v and first/second %v", what, l.SideBySide, l.Wide, l.Stacked)
		}
	}
	under := eval[layout](s, measure)
	check("the diffs under the texts", under, true)

	s.click("#toggle-columns")
	s.waitFor("the passages beside the texts", `$("#pair-view").classList.contains("columns")`, 5*time.Second)
	beside := eval[layout](s, measure)
	check("the diffs beside the texts", beside, false)
	if beside.DiffTop >= beside.Height {
		s.errorf("beside the texts, the first diff card starts at %.0fpx, below the %.0fpx window", beside.DiffTop, beside.Height)
	}
	t.Logf("the first diff card starts at %.0fpx under the texts, %.0fpx beside them, in a %.0fpx window", under.DiffTop, beside.DiffTop, beside.Height)
	s.screenshot("beside")

	s.do("a phone's window", chromedp.EmulateViewport(400, 800))
	s.waitFor("the texts stacked", `$("#side-b").closest(".side").getBoundingClientRect().top >= $("#side-a").closest(".side").getBoundingClientRect().bottom`, 5*time.Second)
	check("a phone's window", eval[layout](s, measure), false)
	if eval[bool](s, `visible($("#toggle-columns"))`) {
		s.errorf("the columns toggle shows where there is no room for two columns")
	}
	if w := eval[int](s, `document.documentElement.scrollWidth - innerWidth`); w > 0 {
		s.errorf("the pair view is %dpx wider than the window", w)
	}
}
