package e2e

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/wirediff/wirediff/app/workspace"
)

// vocabulary is every distinct word of the Wikinews test articles.
func vocabulary(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", "wikinews", "wn2019_*.txt"))
	if err != nil || len(files) == 0 {
		t.Fatalf("the Wikinews test articles: %v %v", files, err)
	}
	seen := map[string]bool{}
	var words []string
	word := regexp.MustCompile(`[A-Za-z]{2,}`)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range word.FindAllString(string(b), -1) {
			if w = strings.ToLower(w); !seen[w] {
				seen[w] = true
				words = append(words, w)
			}
		}
	}
	return words
}

// paragraphs makes n paragraphs of 60 to 120 words drawn at random from
// vocab, in sentences, so that no run of four words recurs by chance.
func paragraphs(rng *rand.Rand, vocab []string, n int) []string {
	out := make([]string, n)
	for i := range out {
		var b strings.Builder
		words, sentence := 60+rng.IntN(61), 0
		for w := 0; w < words; w++ {
			word := vocab[rng.IntN(len(vocab))]
			if sentence == 0 {
				word = strings.ToUpper(word[:1]) + word[1:]
				sentence = 10 + rng.IntN(11)
			}
			b.WriteString(word)
			if sentence--; sentence == 0 || w == words-1 {
				b.WriteString(".")
			}
			if w < words-1 {
				b.WriteString(" ")
			}
		}
		out[i] = b.String()
	}
	return out
}

// bigPair builds two articles of about 200,000 words each that share
// every third paragraph of the first, in order, one in four of them with
// a copy desk's edit; it returns them and how many paragraphs they share.
func bigPair(t *testing.T) (a, b string, shared int) {
	t.Helper()
	vocab := vocabulary(t)
	rng := rand.New(rand.NewPCG(8, 200_000))
	const n = 2200 // paragraphs of 90 words on average
	pa := paragraphs(rng, vocab, n)
	pb := paragraphs(rng, vocab, n)
	for i := 0; i < n; i += 3 {
		p := pa[i]
		if i%4 == 0 {
			// The desk changes a word in the middle: a passage with an edit.
			words := strings.Fields(p)
			words[len(words)/2] = "reportedly"
			p = strings.Join(words, " ")
		}
		pb[i] = p
		shared++
	}
	return strings.Join(pa, "\n\n"), strings.Join(pb, "\n\n"), shared
}

// Journey 23: the pair of two articles of 200,000 words each that share
// hundreds of passages is opened, a passage near the end of the first
// text is followed to the second, and the overview is shown again. The
// page's longest main-thread task in each phase, the CPU time of each
// phase's longest task by CPU time and the time the pair takes to show
// are logged, not asserted (see "Architecture" in the
// README); the journey asserts what the reader relies on: every passage
// is highlighted in both texts, and following one leads to its twin.
func TestTheBigPairOpensWithItsPassages(t *testing.T) {
	a, b, shared := bigPair(t)
	var w workspace.Workspace
	w.Add("The long report", "Wire A", a)
	w.Add("The long rewrite", "Paper B", b)
	data, err := workspace.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "two-long-articles.json", string(data))
	s := start(t, 8*time.Minute)
	s.open("/")
	s.waitReady()
	time.Sleep(3 * time.Second) // a reader choosing a file; the page warms up
	s.reportPhases(fmt.Sprintf("the pair of two articles of %d and %d words", len(strings.Fields(a)), len(strings.Fields(b))))

	s.markPhase("importing the two articles")
	s.do("import the workspace", chromedp.SetUploadFiles(chromedp.CSS("#import-workspace"), []string{path}))
	s.waitFor("the two imported articles", `+$("#articles-heading .count").textContent === 2`, time.Minute)
	s.waitFor("the analysis of the two articles to finish", `!`+busy+` && $$("#overview [data-pair]").length > 0`, 5*time.Minute)
	pairs := s.pairs()
	if len(pairs) != 1 {
		s.fail("the overview shows %d pairs of the two long articles, want 1", len(pairs))
	}
	time.Sleep(2 * time.Second) // the result's own tasks, and the save after it

	s.markPhase("opening the pair")
	opened := time.Now()
	s.openPair(pairs[0].Key)
	first := time.Since(opened)
	s.waitFor("the pair view drawn whole", `!$("#pair-view[aria-busy=true], #pair-view [aria-busy=true]")`, 2*time.Minute)
	whole := time.Since(opened)
	t.Logf("the pair's first passages showed after %.1f s, the whole view after %.1f s", first.Seconds(), whole.Seconds())

	sides := eval[[2][]string](s, `["a", "b"].map(side => [...new Set($$("#side-" + side + " [data-passage]").map(e => e.dataset.passage))])`)
	if len(sides[0]) < shared/2 || len(sides[0]) != len(sides[1]) {
		s.fail("the texts highlight %d and %d passages, want the same number, at least %d (the articles share %d paragraphs)", len(sides[0]), len(sides[1]), shared/2, shared)
	}
	inB := map[string]bool{}
	for _, n := range sides[1] {
		inB[n] = true
	}
	for _, n := range sides[0] {
		if !inB[n] {
			s.fail("passage %s is highlighted in the first text only", n)
		}
	}
	t.Logf("%d passages highlighted in both texts (%d paragraphs shared)", len(sides[0]), shared)
	time.Sleep(time.Second)

	// The reader follows the last passage of the first text to the second.
	last := sides[0][len(sides[0])-1]
	s.markPhase("following the last passage")
	s.do("press Enter on the last passage", chromedp.Focus(chromedp.CSS("#a-p"+last)), chromedp.KeyEvent("\r"))
	s.waitTwinInSight("b", last)
	time.Sleep(time.Second)

	s.markPhase("back to the overview")
	s.do("go back", chromedp.NavigateBack())
	s.waitFor("the overview", `visible($("#overview")) && $$("#overview [data-pair]").length > 0`, time.Minute)
	time.Sleep(time.Second)
	s.markPhase("end")
}

// Journey 24: an article of 5 MB is pasted and added, then a 5 MB web
// page is dropped, with a keystroke in the form after each. The longest
// main-thread task in each phase, the CPU time of the longest by CPU time
// (Chromium's trace) and the time to each result are logged, not asserted; the journey asserts that each article is added
// under its title and analysed, and that the paste pairs with the demo
// article it quotes.
func TestFiveMegabytesPastedAndDroppedAreAdded(t *testing.T) {
	vocab := vocabulary(t)
	rng := rand.New(rand.NewPCG(5, 5<<20))
	quoted := paragraph(t, seed(t, "001"), sarinParagraph)
	var paste []string
	for size := 0; size < 5<<20; {
		ps := paragraphs(rng, vocab, 100)
		paste = append(paste, ps...)
		size += len(strings.Join(ps, "\n\n")) + 2
	}
	paste = append(paste[:len(paste)/2], append([]string{quoted}, paste[len(paste)/2:]...)...)
	pasted := strings.Join(paste, "\n\n")
	var page strings.Builder
	page.WriteString("<!doctype html><html><head><title>Five megabytes of page</title></head><body><nav><a href=\"/\">Home</a></nav><article>")
	for size := 0; size < 5<<20; {
		for _, p := range paragraphs(rng, vocab, 100) {
			page.WriteString("<p>" + p + "</p>\n")
		}
		size = page.Len()
	}
	page.WriteString("</article></body></html>")
	file := writeFile(t, "five-megabytes.html", page.String())

	s := start(t, 8*time.Minute)
	s.open("/")
	s.waitReady()
	s.reportPhases(fmt.Sprintf("a %.1f MB paste and a %.1f MB file", float64(len(pasted))/(1<<20), float64(page.Len())/(1<<20)))
	before := s.articleIDs()
	s.typeInto("#article-title", "Five megabytes of wire")
	// Inserted as one edit, as a paste is: typed, 5 MB take the
	// browser's text field minutes.
	if n := eval[int](s, `(() => { const el = $("#article-text"); el.focus(); el.value = `+jsString(pasted)+`; el.dispatchEvent(new Event("input", {bubbles: true})); return el.value.length; })()`); n != len([]rune(pasted)) && n != len(pasted) {
		s.fail("the text field holds %d characters after the paste, want %d bytes' worth", n, len(pasted))
	}
	time.Sleep(time.Second)

	s.markPhase("adding the 5 MB paste")
	clicked := time.Now()
	s.click("#add-article")
	s.waitFor("the pasted article in the list", fmt.Sprintf(`$$("#article-list [data-article-id]").length === %d`, len(before)+1), time.Minute)
	s.typeKeys("#article-source", "wire")
	s.waitFor("the analysis with the paste", `!`+busy, 5*time.Minute)
	t.Logf("the paste's result after %.1f s", time.Since(clicked).Seconds())
	if kind, text := s.status(); kind == "error" {
		s.fail("adding the paste failed: %s", text)
	}
	id := s.newID(before)
	if got := eval[string](s, `norm($('#article-list [data-article-id="`+id+`"]').textContent)`); !strings.Contains(got, "Five megabytes of wire") {
		s.fail("the pasted article's entry reads %q, want its title", got)
	}
	if eval[string](s, `$("#article-text").value`) != "" {
		s.fail("the text field still holds the paste after it was added")
	}
	found := false
	for _, p := range s.pairs() {
		found = found || strings.Contains("/"+p.Key+"/", "/"+id+"/")
	}
	if !found {
		s.fail("the pasted article pairs with no demo article, though it quotes one")
	}
	time.Sleep(2 * time.Second)

	s.markPhase("dropping the 5 MB page")
	before = s.articleIDs()
	dropped := time.Now()
	s.dropFiles("#drop-zone", file)
	s.waitFor("the dropped page in the list", fmt.Sprintf(`$$("#article-list [data-article-id]").length === %d`, len(before)+1), time.Minute)
	s.typeKeys("#article-source", " copy")
	s.waitFor("the analysis with the page", `!`+busy, 5*time.Minute)
	t.Logf("the dropped page's result after %.1f s", time.Since(dropped).Seconds())
	if kind, text := s.status(); kind == "error" {
		s.fail("adding the page failed: %s", text)
	}
	id = s.newID(before)
	if got := eval[string](s, `norm($('#article-list [data-article-id="`+id+`"]').textContent)`); !strings.Contains(got, "Five megabytes of page") {
		s.fail("the dropped page's entry reads %q, want the page's title", got)
	}
	time.Sleep(2 * time.Second)
	s.markPhase("end")
}

// twinState is where a passage's highlight is after it was followed from
// the other text.
type twinState struct {
	Focused bool    `json:"focused"`
	Top     float64 `json:"top"`    // the highlight's top, in the window
	Bottom  float64 `json:"bottom"` // and its bottom
	From    float64 `json:"from"`   // the part of the text box in the window: its top
	To      float64 `json:"to"`     // and its bottom
}

// waitTwinInSight waits until passage n of a side has the keyboard focus
// and shows in its text's box, inside the window.
func (s *session) waitTwinInSight(side, n string) {
	s.t.Helper()
	var last twinState
	var err error
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		last, err = tryEval[twinState](s.ctx, `(() => {
			const m = $("#`+side+`-p`+n+`"), box = $("#side-`+side+`");
			if (!m || !box) return {};
			const r = m.getBoundingClientRect(), v = box.getBoundingClientRect();
			return {focused: document.activeElement === m, top: r.top, bottom: r.bottom, from: Math.max(v.top, 0), to: Math.min(v.bottom, innerHeight)};
		})()`)
		if err == nil && last.Focused && last.Bottom > last.From && last.Top < last.To {
			return
		}
	}
	s.fail("passage %s of side %s is not focused and in sight after it was followed: %+v (%v)", n, side, last, err)
}
