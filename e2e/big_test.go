package e2e

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/wirediff/wirediff/app/workspace"
)

// bigWorkspace builds n articles from the Wikinews corpus: the 171
// articles as published, then rewrites that each splice paragraphs of two
// of them with copy-desk edits, so the set has a newsroom's mix of unique
// text and reuse. It returns the workspace file an import reads.
func bigWorkspace(t *testing.T, n int) []byte {
	t.Helper()
	var index []struct{ File, Title string }
	b, err := os.ReadFile(filepath.Join("..", "testdata", "wikinews", "index.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &index); err != nil {
		t.Fatal(err)
	}
	texts := make([]string, len(index))
	for i, a := range index {
		b, err := os.ReadFile(filepath.Join("..", "testdata", "wikinews", a.File))
		if err != nil {
			t.Fatal(err)
		}
		texts[i] = string(b)
	}
	desk := strings.NewReplacer(" said ", " told reporters ", "\u201c", "\"", "\u201d", "\"", " -- ", " \u2014 ")
	var w workspace.Workspace
	for i := 0; i < n; i++ {
		k := i % len(index)
		if i < len(index) {
			w.Add(index[k].Title, "Wikinews", texts[k])
			continue
		}
		p := wikinews(t, index[(i*7)%len(index)].File)
		q := wikinews(t, index[(i*13+5)%len(index)].File)
		text := strings.Join([]string{q[0], desk.Replace(p[1]), q[1], desk.Replace(p[0]), q[2]}, "\n\n")
		w.Add(fmt.Sprintf("Desk rewrite %d", i), "Test Wire", text)
	}
	data, err := workspace.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// Journey 7: 300 articles imported as a workspace file. A progress
// indicator appears and advances, a click on another control (deleting an
// article) is handled while the analysis runs, and the result appears.
func TestBigInputShowsProgressAndStaysResponsive(t *testing.T) {
	s := start(t, 4*time.Minute)
	data := bigWorkspace(t, 300)
	path := writeFile(t, "newsroom-day.json", string(data))
	s.open("/")
	s.waitReady()

	// Sample the progress bar every 10 ms from a timer: the samples exist
	// only if the page keeps running its event loop during the analysis.
	eval[bool](s, `(() => {
		window.__progress = [];
		window.__clicks = [];
		setInterval(() => {
			const p = $("#progress");
			if (!p || !visible(p)) return;
			const v = p.tagName === "PROGRESS" ? p.value : +p.getAttribute("aria-valuenow");
			if (__progress[__progress.length - 1] !== v) __progress.push(v);
		}, 10);
		document.addEventListener("click", () => __clicks.push(`+busy+`), true);
		return true;
	})()`)

	s.do("import the workspace", chromedp.SetUploadFiles(chromedp.CSS("#import-workspace"), []string{path}))
	// The list shows a page of them; its heading counts them all.
	const count = `+$("#articles-heading .count").textContent`
	s.waitFor("the 300 imported articles", count+` === 300`, 60*time.Second)
	s.waitFor("the progress indicator to advance", `__progress.length >= 2 && `+busy, 60*time.Second)

	// Delete an article while the analysis runs: the click must be taken
	// at once, and the analysis start again without it.
	victim := eval[string](s, `$$("#article-list [data-article-id]")[1].dataset.articleId`)
	s.click(`#article-list [data-article-id="` + victim + `"] [data-action="delete"]`)
	clicks := eval[[]bool](s, `__clicks`)
	if len(clicks) == 0 || !clicks[len(clicks)-1] {
		s.fail("the click on delete came after the analysis had ended (clicks seen while analysing: %v); the journey needs a longer analysis", clicks)
	}
	s.waitFor("the deleted article to leave the list", count+` === 299 && !$('#article-list [data-article-id="`+victim+`"]')`, 10*time.Second)
	if eval[bool](s, busy) {
		s.screenshot("analysing")
	}
	progress := eval[[]float64](s, `__progress`)
	advanced := false
	for i := 1; i < len(progress); i++ {
		if progress[i] > progress[i-1] {
			advanced = true
		}
	}
	if !advanced {
		s.fail("the progress indicator never advanced: %v", progress)
	}

	s.waitFor("the analysis of 299 articles to finish", "!"+busy, 3*time.Minute)
	if eval[bool](s, `visible($("#progress"))`) {
		s.fail("the progress indicator is still shown after the analysis")
	}
	s.checkReusedBars(299)
	pairs := s.pairs()
	if len(pairs) == 0 {
		s.fail("the analysis of 299 articles shows no pair, though the rewrites copy paragraphs")
	}
	for _, p := range pairs {
		if strings.HasPrefix(p.Key, victim+"/") || strings.HasSuffix(p.Key, "/"+victim) {
			s.fail("the deleted article %s is still in pair %s", victim, p.Key)
		}
	}
	checkPages(s, "Articles", "#article-pages", "#article-list [data-article-id]", "#articles-heading", 299, 50)
	allPairs := eval[int](s, `+norm($("#overview [data-stat=pairs] dd").textContent).replace(/,/g, "")`)
	if allPairs > 100 {
		checkPages(s, "Pairs", "#pair-pages", "#overview [data-pair]", "#pairs-heading", allPairs, 100)
	}
	t.Logf("progress samples %v; %d pairs, %d on the first page", progress, allPairs, len(pairs))
	s.screenshot("result")
}

// checkPages expects a long list (what: "Articles" or "Pairs") to show
// per items at a time, its pager's Next the next per from the top, its
// heading in sight, and Previous the first again.
func checkPages(s *session, what, pager, items, heading string, total, per int) {
	s.t.Helper()
	page := func() []string {
		return eval[[]string](s, `$$(`+jsString(items)+`).map(e => e.dataset.articleId || e.dataset.pair)`)
	}
	// A new page is drawn a few entries at a time: wait for all of it.
	count := `$$(` + jsString(items) + `).length === `
	s.waitFor("a page of "+items, count+itoa(per), 10*time.Second)
	first := page()
	if len(first) != per {
		s.fail("%s shows %d items of %d, want a page of %d", items, len(first), total, per)
	}
	s.do("scroll to "+pager, chromedp.ScrollIntoView(chromedp.CSS(pager)))
	s.click(pager + ` [data-page="next"]`)
	s.waitFor("the second page of "+items, `norm($(`+jsString(pager+" .pager-where")+`).textContent).startsWith(`+jsString(what+" "+itoa(per+1)+"–")+`)`, 10*time.Second)
	// Within a pixel: the page scrolls by whole pixels and lays out in
	// fractions, so a heading scrolled to the top can sit at -0.5.
	s.waitFor(heading+" in sight", `(() => { const r = $(`+jsString(heading)+`).getBoundingClientRect(); return r.top >= -1 && r.bottom <= innerHeight + 1; })()`, 5*time.Second)
	s.waitFor("the second page of "+items+" drawn", count+itoa(min(per, total-per)), 10*time.Second)
	second := page()
	if len(second) != min(per, total-per) || second[0] == first[0] {
		s.fail("the second page of %s shows %q, want the %d after %q", items, second, min(per, total-per), first)
	}
	s.click(pager + ` [data-page="previous"]`)
	s.waitFor("the first page of "+items+" again", `$$(`+jsString(items)+`)[0] && ($$(`+jsString(items)+`)[0].dataset.articleId || $$(`+jsString(items)+`)[0].dataset.pair) === `+jsString(first[0]), 10*time.Second)
}
