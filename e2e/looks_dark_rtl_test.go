package e2e

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Journey: in the dark theme, as in the light one, every cell of the heat
// map wears the key's shade for its count: a pair that shares more words
// never wears a shade that stands out less than one that shares fewer, a
// pair that shares nothing stands out less than the key's first shade,
// and the number in every cell is legible on its shade. Beside the demo,
// an unrelated story and copies of its first 2, 4, 5, 6 and 7 paragraphs
// give pairs that share from a few dozen words to some 600, so most of
// the key's shades are in the map.
func TestEveryHeatMapCellWearsTheKeysShadeForItsCountInBothThemes(t *testing.T) {
	story := wikinews(t, "wn2019_0008.txt")[:8]
	for _, theme := range []string{"dark", "light"} {
		t.Run(theme, func(t *testing.T) {
			s := start(t, 3*time.Minute)
			s.scheme(theme)
			s.open("/")
			s.waitReady()
			s.addArticle("The story", "Wikinews", strings.Join(story, "\n\n"))
			for _, k := range []int{2, 4, 5, 6, 7} {
				s.addArticle("Its first "+strconv.Itoa(k)+" paragraphs", "Copy desk", strings.Join(story[:k], "\n\n"))
			}
			type cell struct {
				painted
				Label string `json:"label"`
			}
			m := eval[struct {
				Card   []float64 `json:"card"`
				Shades [][]float64
				Cells  []cell `json:"cells"`
			}](s, `(() => { `+colours+`
				return {
					card: paint($(".card.matrix")),
					Shades: $$("#heat-key .heat-swatch").map(paint),
					cells: $$(".heatmap td:not(.diag)").map(td => ({...colours(td.querySelector("a") || td), label: td.querySelector("a")?.title || ""})),
				};
			})()`)
			s.do("scroll to the heat map", chromedp.ScrollIntoView(chromedp.CSS("#matrix-heading")))
			s.screenshot("heat-map")
			if len(m.Shades) != 9 || len(m.Cells) != 11*10 {
				s.fail("the key has %d shades and the map %d cells, want 9 and 110", len(m.Shades), len(m.Cells))
			}

			shareRE := regexp.MustCompile(`share ([\d,]+) words?$`)
			type level struct {
				words, shade int
				label        string
			}
			var levels []level
			problems := map[string]bool{} // each said once, not for every cell
			problem := func(format string, args ...any) {
				if msg := fmt.Sprintf(format, args...); !problems[msg] {
					problems[msg] = true
					s.errorf("%s theme: %s", theme, msg)
				}
			}
			for _, c := range m.Cells {
				if c.Label == "" {
					// No link: the two share nothing.
					if nothing, first := contrast(c.BG, m.Card), contrast(m.Shades[0], m.Card); nothing >= first {
						problem("a cell of no shared words %v stands out from the card %v by %.2f, no less than the key's first shade %v (%.2f)", c.BG, m.Card, nothing, m.Shades[0], first)
					}
					continue
				}
				match := shareRE.FindStringSubmatch(c.Label)
				if match == nil {
					s.fail("a cell is labelled %q, want it to say how many words the pair shares", c.Label)
				}
				words, _ := strconv.Atoi(strings.ReplaceAll(match[1], ",", ""))
				shade := slices.IndexFunc(m.Shades, func(sh []float64) bool { return contrast(sh, c.BG) <= 1.01 })
				if shade < 0 {
					problem("a cell is %v, none of the key's shades %v", c.BG, m.Shades)
					continue
				}
				if got := contrast(c.FG, c.BG); got < legible {
					problem("the numbers in the cells of shade %d, %v on %v, contrast %.2f, want %.1f or more", shade+1, c.FG, c.BG, got, legible)
				}
				levels = append(levels, level{words, shade, c.Label})
			}
			slices.SortFunc(levels, func(x, y level) int { return x.words - y.words })
			used := map[int]bool{}
			for _, l := range levels {
				used[l.shade+1] = true
			}
			if len(used) < 6 {
				s.errorf("the map uses %d of the key's shades, %v, want 6 or more", len(used), used)
			}
			for i := 1; i < len(levels); i++ {
				x, y := levels[i-1], levels[i]
				if x.shade > y.shade || x.words == y.words && x.shade != y.shade {
					s.errorf("%q has shade %d of the key, %q shade %d", x.label, x.shade+1, y.label, y.shade+1)
				}
			}
			if top := levels[len(levels)-1]; top.shade != len(m.Shades)-1 {
				s.errorf("the pair that shares the most, %q, has shade %d, not the key's last", top.label, top.shade+1)
			}
			t.Logf("%s theme: %d cells with shared words in shades %v", theme, len(levels), used)
		})
	}
}

// Journey: after pasting Arabic articles, one under a Hebrew title, every
// block of their text reads right to left, its direction set by a dir
// attribute where it is shown: the list, the notice, the overview's
// pairs, heat map and bars, and in the pair view the heading, both texts,
// the diff cards' side names, a copied passage's word diff, a rewritten
// passage's sentence pairs and its whole diff.
func TestEveryBlockOfArabicAndHebrewTextReadsRightToLeft(t *testing.T) {
	s := start(t, 3*time.Minute)
	s.open("/")
	s.waitReady()
	wire, rewrite, copied := s.addArabicArticles()
	// Three titles in the list, the notice's, and more in the overview.
	s.checkRTL("the list and the overview", 8)
	s.screenshot("overview")

	for _, tt := range []struct {
		name, other string
		cards       string // what the diff cards must hold
	}{
		{"the rewritten pair", rewrite, "#passage-diffs .sentence-pair .sentence-side .diff-text"},
		{"the copied pair", copied, "#passage-diffs .diff > .diff-text"},
	} {
		s.do("go to the overview", chromedp.Evaluate[chromedp.Void](`location.hash = "#overview"`))
		s.waitFor("the overview", `visible($("#overview [data-pair]"))`, 10*time.Second)
		key, ok := s.findPair(wire, tt.other)
		if !ok {
			s.fail("%s: no pair of %s and %s in the overview: %v", tt.name, wire, tt.other, s.pairs())
		}
		s.openPair(key)
		if n := eval[int](s, `$$(`+jsString(tt.cards)+`).length`); n == 0 {
			s.fail("%s: the pair view shows no %s", tt.name, tt.cards)
		}
		// Both texts, the heading's two titles, both sides' names on
		// each card, and the word diffs.
		s.checkRTL(tt.name, 8)
		s.screenshot(strings.ReplaceAll(tt.name, " ", "-"))
	}
}

// passageEdits is what one passage's word diff marks: its deletions and
// insertions, and the two forms of its cosmetic runs.
type passageEdits struct {
	Del []string `json:"del"`
	Ins []string `json:"ins"`
	Was []string `json:"was"`
	Now []string `json:"now"`
}

// Journey: in the dark theme the diff cards' deletions, insertions and
// cosmetic differences are legible, and the HTML report the app exports
// marks, passage by passage, the same deletions, insertions and cosmetic
// runs as the diff cards of every pair, copied and rewritten, in English
// and in Arabic: one renderer behind both.
func TestTheDiffCardsAndTheExportedReportShowTheSameEditsInTheDarkTheme(t *testing.T) {
	s := start(t, 3*time.Minute)
	s.scheme("dark")
	s.open("/")
	s.waitReady()
	s.addArabicArticles()

	// The report the app would download, caught on its way to the link.
	s.do("catch the exported files", chromedp.Evaluate[chromedp.Void](`window.__exports = []; const objectURL = URL.createObjectURL;
		URL.createObjectURL = (blob) => { window.__exports.push(blob); return objectURL.call(URL, blob); };`))
	s.click("#export-html")
	s.waitFor("the HTML report", `window.__exports.length === 1`, 20*time.Second)
	type section struct {
		Title    string         `json:"title"`
		Passages []passageEdits `json:"passages"`
	}
	report := eval[[]section](s, `(async () => {
		const doc = new DOMParser().parseFromString(await window.__exports[0].text(), "text/html");
		const texts = (root, sel) => $$(sel, root).map(e => norm(e.textContent));
		return $$("section.pair", doc).map(sec => ({
			title: norm(sec.querySelector("h2").textContent),
			passages: $$("article.passage", sec).map(p => ({
				del: texts(p, "del"), ins: texts(p, "ins"),
				was: texts(p, ".side:nth-child(1) .cosmetic"), now: texts(p, ".side:nth-child(2) .cosmetic"),
			})),
		}));
	})()`)

	pairs := s.pairs()
	if len(pairs) < 6 || len(report) != len(pairs) {
		s.fail("the overview shows %d pairs and the report %d, want the same, 6 or more", len(pairs), len(report))
	}
	marks, rewritten := 0, 0
	const heading = `$$("#view-heading .pair-title").map(e => norm(e.textContent))`
	before := "[]"
	for i, p := range pairs {
		// As a link does, without loading the page again; the heading
		// changes with the rest of the view.
		s.do("go to the pair "+p.Key, chromedp.Evaluate[chromedp.Void](`location.hash = `+jsString("#pair/"+p.Key)))
		s.waitPairView(p.Key)
		s.waitFor("the heading of the pair "+p.Key, `JSON.stringify(`+heading+`) !== `+jsString(before), 10*time.Second)
		titles := eval[[]string](s, heading)
		before = eval[string](s, `JSON.stringify(`+heading+`)`)
		cards := eval[[]passageEdits](s, `(() => {
			const texts = (root, sel) => $$(sel, root).map(e => norm(e.textContent));
			return $$("#passage-diffs [data-diff]").map(d => ({
				del: texts(d, "del:not(.side-key)"), ins: texts(d, "ins:not(.side-key)"),
				was: texts(d, ".sentence-side:nth-child(1) .cosmetic-side, .cosmetic > .was"),
				now: texts(d, ".sentence-side:nth-child(2) .cosmetic-side, .cosmetic > .now"),
			}));
		})()`)
		rewritten += eval[int](s, `$$("#passage-diffs .sentence-pair").length`)
		if len(titles) != 2 {
			s.fail("pair %s: the heading names %q, want two titles", p.Key, titles)
		}
		want := titles[0] + " ↔ " + titles[1]
		k := slices.IndexFunc(report, func(r section) bool { return r.Title == want })
		if k < 0 {
			s.errorf("the report has no pair titled %q", want)
			continue
		}
		got := report[k].Passages
		if len(got) != len(cards) {
			s.errorf("%s: the report shows %d passages, the pair view %d", want, len(got), len(cards))
			continue
		}
		for n := range cards {
			c, r := cards[n], got[n]
			for _, part := range []struct {
				name       string
				card, from []string
			}{{"deletions", c.Del, r.Del}, {"insertions", c.Ins, r.Ins}, {"cosmetic runs in the first text", c.Was, r.Was}, {"cosmetic runs in the second text", c.Now, r.Now}} {
				marks += len(part.card)
				if !slices.Equal(part.card, part.from) {
					s.errorf("%s, passage %d: the diff card's %s are %q, the report's %q", want, n+1, part.name, part.card, part.from)
				}
			}
		}

		if i == 0 {
			// The top pair has deletions, insertions and cosmetic runs:
			// each must read on the card in the dark theme.
			for _, c := range eval[[]painted](s, `(() => { `+colours+`
				return $$("#passage-diffs del:not(.side-key), #passage-diffs ins:not(.side-key), #passage-diffs .cosmetic > .was, #passage-diffs .cosmetic > .now").map(colours);
			})()`) {
				if got := contrast(c.FG, c.BG); got < legible {
					s.errorf("on the top pair's cards %s, %v on %v, contrasts %.2f, want %.1f or more", c.What, c.FG, c.BG, got, legible)
				}
			}
			s.do("scroll to the diffs", chromedp.ScrollIntoView(chromedp.CSS("#passage-diffs")))
			s.screenshot("top-pair")
		}
	}
	if marks < 20 || rewritten == 0 {
		s.errorf("compared %d marks and %d sentence pairs, want the demo's many and the Arabic rewrite's", marks, rewritten)
	}
	t.Logf("%d pairs, %d marks and %d sentence pairs alike in the pair view and the report", len(pairs), marks, rewritten)
}
