package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Journey 30: on the demo's UPI pair a copied passage is set aside as
// boilerplate; the overview's "Set aside" lists it as marked, with the
// text under "Marked by you"; a reload keeps the mark; "Unmark" compares
// it again.
func TestAPassageSetAsideAsBoilerplateIsListedKeptAndUnmarked(t *testing.T) {
	s := start(t, 5*time.Minute)
	s.open("/")
	s.waitReady()
	upi1 := s.articleID("Tillerson says Putin meeting") // seed 001
	upi2 := s.articleID("April 12 (UPI)")               // seed 002
	eval[bool](s, `(location.hash = "#pair/`+upi1+`/`+upi2+`", true)`)
	s.waitPairView(upi1 + "/" + upi2)
	summary := func() string { return eval[string](s, `norm($("#pair-view .pair-summary").textContent)`) }
	before, sideA := summary(), s.sideText("a")
	button := `#passage-diffs .diff:not(.rewritten) .set-aside-button`
	if n := eval[int](s, `$$("`+button+`").length`); n == 0 {
		s.fail("no copied passage card offers “Set aside as boilerplate”")
	}
	s.screenshot("pair-before")

	s.click(button)
	s.waitFor("the notice to say what was set aside, with Undo",
		`norm($("#status").textContent).startsWith("Set aside “") && visible($("#undo")) && !`+busy, 60*time.Second)
	s.waitPairView(upi1 + "/" + upi2)
	after := summary()
	if after == before {
		s.errorf("the UPI pair reads %q after a passage was set aside, as before", after)
	}
	s.screenshot("pair-after")

	eval[bool](s, `(location.hash = "#overview", true)`)
	listed := `visible($("#marked-list")) && $$("#marked-list .marked-item").length === 1 && $$('#set-aside-list [data-reason="marked"]').length > 0`
	s.waitFor("the overview to list the text as marked", listed, 30*time.Second)
	marked := eval[string](s, `norm($("#marked-list .marked-item blockquote").textContent)`)
	words := strings.Fields(marked)
	if len(words) < 5 || !strings.Contains(sideA, strings.Join(words[:5], " ")) {
		s.errorf("the marked text %q is not from the pair's first text", marked)
	}
	s.screenshot("set-aside-marked")

	s.do("reload", chromedp.Reload())
	s.waitReady()
	s.waitFor("the mark to survive the reload", listed, 30*time.Second)

	s.click(`#marked-list .unmark`)
	s.waitFor("the notice to say it is compared again, and the mark gone",
		`norm($("#status").textContent).startsWith("Unmarked “") && !`+busy+` && !$("#marked-list") && $$('#set-aside-list [data-reason="marked"]').length === 0`, 60*time.Second)
	eval[bool](s, `(location.hash = "#pair/`+upi1+`/`+upi2+`", true)`)
	s.waitPairView(upi1 + "/" + upi2)
	if got := summary(); got != before {
		s.errorf("after Unmark the UPI pair reads %q, want %q as before", got, before)
	}
	s.screenshot("unmarked")
}
