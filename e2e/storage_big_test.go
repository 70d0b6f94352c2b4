package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Journey 27: 1,000 articles imported as a workspace file are saved a
// record each, and then a change of view, opening the top pair and going
// back, puts the index record alone; a reload brings back the 1,000. The
// records and bytes each save puts and the page's longest task in each
// phase are logged, not asserted (see "Architecture" in the README).
func TestABigWorkspaceIsSavedARecordAnArticleAndAViewChangeWritesTheIndex(t *testing.T) {
	data := bigWorkspace(t, 1000)
	path := writeFile(t, "newsroom-1000.json", string(data))
	s := start(t, 6*time.Minute)
	s.open("/")
	s.waitReady()
	s.logPuts()
	s.watchPhases()
	trace := s.traceTasks()

	s.markPhase("reading the import, and its save")
	s.do("import the workspace", chromedp.SetUploadFiles(chromedp.CSS("#import-workspace"), []string{path}))
	s.waitFor("the 1,000 imported articles listed", `+$("#articles-heading .count").textContent === 1000`, 2*time.Minute)
	s.waitFor("the analysis of 1,000 articles to finish", `!`+busy, 4*time.Minute)
	s.waitReady()
	time.Sleep(2 * time.Second) // the result's own tasks, and the end of the save
	imported := s.puts("the import")
	records, bytes := 0, 0
	for _, p := range imported {
		bytes += p.Bytes
		if p.Store == "articles" {
			records++
		}
	}
	s.t.Logf("the import's save: %d records put, %d of them articles', %d bytes", len(imported), records, bytes)
	if records != 1000 {
		s.errorf("the import's save put %d article records, want the 1,000 imported", records)
	}
	pairs := s.pairs()
	if len(pairs) == 0 {
		s.fail("the analysis of 1,000 articles shows no pair")
	}

	s.markPhase("opening the top pair")
	s.openPair(pairs[0].Key)
	s.indexOnly("opening the top pair of 1,000 articles", s.puts("opening the top pair"))
	s.markPhase("back to the overview")
	s.do("go back", chromedp.NavigateBack())
	s.waitFor("the overview", `visible($("#overview")) && $$("#overview [data-pair]").length > 0`, 30*time.Second)
	s.indexOnly("back to the overview of 1,000 articles", s.puts("going back"))
	time.Sleep(time.Second)
	s.markPhase("a reload, reading the 1,000 back")
	t.Logf("main thread, 1,000 articles imported and saved, then a view changed:\n%s", s.phaseReport())

	s.do("reload", chromedp.Reload())
	s.waitFor("the 1,000 articles listed after a reload", `!!$("#articles-heading .count") && +$("#articles-heading .count").textContent === 1000`, 2*time.Minute)
	s.waitReady()
	if kind, text := s.status(); kind == "error" {
		s.errorf("after the reload the page says: %s", text)
	}
	// The trace goes on across the reload: its last phase is the load.
	t.Logf("the same tasks' CPU time (Chromium's trace):\n%s", trace.report(s))
}
