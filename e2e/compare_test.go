package e2e

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/wirediff/wirediff/app/workspace"
)

// Journey 31: two long articles that no story holds (some 30,000 words
// each, drawn at random from the Wikinews vocabulary, sharing no
// passage) are compared when their pair opens, in the engine's worker:
// the pair view says it compared them on request, the page never says
// it compared them on its own thread, and the page's longest task while
// they are compared is logged, not asserted (see "Architecture" in the
// README).
func TestALongPairNoStoryHoldsIsComparedInTheWorker(t *testing.T) {
	vocab := vocabulary(t)
	rng := rand.New(rand.NewPCG(31, 30_000))
	var w workspace.Workspace
	w.Add("The long report", "Wire A", strings.Join(paragraphs(rng, vocab, 330), "\n\n"))
	w.Add("Another long report", "Paper B", strings.Join(paragraphs(rng, vocab, 330), "\n\n"))
	data, err := workspace.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "two-unrelated-articles.json", string(data))
	s := start(t, 4*time.Minute)
	s.open("/")
	s.waitReady()
	s.do("import the workspace", chromedp.SetUploadFiles(chromedp.CSS("#import-workspace"), []string{path}))
	s.waitFor("the two imported articles", `+$("#articles-heading .count").textContent === 2`, time.Minute)
	s.waitFor("the analysis of the two articles to finish", "!"+busy, 2*time.Minute)
	s.waitReady()
	if pairs := s.pairs(); len(pairs) != 0 {
		s.fail("the analysis pairs the two articles (%v); the journey needs a pair no story holds", pairs)
	}
	ids := s.articleIDs()
	if len(ids) != 2 {
		s.fail("the list shows %d articles, want 2", len(ids))
	}
	time.Sleep(time.Second) // the save after the import
	s.reportPhases("two long articles compared on request")
	s.markPhase("comparing on request")
	eval[bool](s, `(location.hash = "#pair/`+ids[0]+`/`+ids[1]+`", true)`)
	s.waitFor("the pair view to say it compared them on request",
		`visible($("#pair-view")) && norm($("#pair-view .pair-summary").textContent).startsWith("Compared on request")`, 2*time.Minute)
	s.markPhase("compared")
	time.Sleep(time.Second)
	if lines := s.consoleLines(); slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, "on the page") }) {
		s.fail("the pair was compared on the page's thread, not in the engine's worker: %q", lines)
	}
	t.Logf("the two articles on request: %s", eval[string](s, `norm($("#pair-view .pair-summary").textContent)`))
}
