package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Journey 11: a workspace imported over the demo reuses its IDs (a1, a2,
// …) for other texts. While it is analysed the overview says so and is
// aria-busy; it never shows the demo's counts or passages, dimmed or
// not, nor "0 pairs", and the new result replaces the progress.
func TestAnImportedWorkspaceShowsItsAnalysisInProgressNotTheDemosResult(t *testing.T) {
	s := start(t, 2*time.Minute)
	path := writeFile(t, "other-desk.json", string(bigWorkspace(t, 40)))
	s.open("/")
	s.waitReady()

	// Record every state of #overview: a MutationObserver sees each
	// change the page makes, however quick the analysis.
	eval[bool](s, `(() => {
		window.__states = [];
		const record = () => {
			const o = $("#overview");
			if (!o) return;
			const st = {
				busy: o.getAttribute("aria-busy") || "",
				figures: $$("[data-stat], [data-pair], [data-reused], [data-family], .family-text", o).length,
				state: norm(($("#overview-state") || {}).textContent),
			};
			const last = __states[__states.length - 1];
			if (!last || last.busy !== st.busy || last.figures !== st.figures || last.state !== st.state) __states.push(st);
		};
		new MutationObserver(record).observe(document.body, {subtree: true, childList: true, attributes: true, characterData: true});
		record();
		return true;
	})()`)

	s.do("import the workspace", chromedp.SetUploadFiles(chromedp.CSS("#import-workspace"), []string{path}))
	s.waitFor("the 40 imported articles", `$$("#article-list [data-article-id]").length === 40`, 30*time.Second)
	s.waitFor("the analysis of the import to finish", "!"+busy+` && !$("#overview").hasAttribute("aria-busy")`, 60*time.Second)

	type state struct {
		Busy    string
		Figures int
		State   string
	}
	states := eval[[]state](s, `__states`)
	busy := 0
	for i, st := range states {
		switch {
		case i == 0:
			// The demo's result, before the import.
		case st.Busy == "true":
			busy++
			if st.Figures > 0 || !strings.Contains(st.State, "Analysing 40 articles") {
				s.errorf("while analysing, the overview shows %d figures and says %q; want only the analysis in progress", st.Figures, st.State)
			}
		case st.Busy != "":
			s.errorf("aria-busy=%q", st.Busy)
		case st.Figures > 0 && st.State == "":
			// A result; the last one is the import's, checked below.
		default:
			s.errorf("the overview shows %d figures and says %q, neither a result nor the analysis in progress", st.Figures, st.State)
		}
	}
	if busy == 0 {
		s.fail("the overview never said the import was being analysed: states %+v", states)
	}
	if got := eval[string](s, `norm($("#overview [data-stat=articles] dd").textContent)`); got != "40" {
		s.errorf("the result counts %q articles, want the 40 imported", got)
	}
	if n := eval[int](s, `$$("#overview [data-reused]").length`); n != 40 {
		s.errorf("the result has %d reused bars, want 40", n)
	}
	t.Logf("%d states of the overview, %d while analysing", len(states), busy)
}
