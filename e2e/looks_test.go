package e2e

import (
	"context"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// scheme makes the page's prefers-color-scheme "light" or "dark".
func (s *session) scheme(value string) {
	s.t.Helper()
	s.do("prefer the "+value+" colour scheme", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{
			Features: []*emulation.MediaFeature{{Name: "prefers-color-scheme", Value: value}},
		})
		return err
	}))
}

// heatMap is what the overview's heat map shows, as the browser paints
// it: the card's colour, the key's shades from fewer to more, and the
// colour of the cells of the pair that shares the most.
type heatMap struct {
	Note   string      `json:"note"`
	Key    string      `json:"key"`
	Card   []float64   `json:"card"`
	Shades [][]float64 `json:"shades"`
	Top    [][]float64 `json:"top"`
}

// luminance is the WCAG relative luminance of an sRGB colour.
func luminance(rgb []float64) float64 {
	l := 0.0
	for i, w := range []float64{0.2126, 0.7152, 0.0722} {
		c := rgb[i] / 255
		if c <= 0.03928 {
			c /= 12.92
		} else {
			c = math.Pow((c+0.055)/1.055, 2.4)
		}
		l += w * c
	}
	return l
}

func contrast(x, y []float64) float64 {
	lx, ly := luminance(x), luminance(y)
	return (max(lx, ly) + 0.05) / (min(lx, ly) + 0.05)
}

// Journey: in the light and the dark theme the heat map's key runs from
// fewer to more shared words in the shades the cells use, each shade
// stands out more from the card than the one before, and the pair that
// shares the most has the last shade. The note claims nothing one theme
// would contradict ("darker is more" is false in the dark one).
func TestTheHeatMapAndItsKeyAgreeInBothThemes(t *testing.T) {
	for _, theme := range []string{"light", "dark"} {
		t.Run(theme, func(t *testing.T) {
			s := start(t, 2*time.Minute)
			s.scheme(theme)
			s.open("/")
			s.waitReady()
			top := s.pairs()[0].Key
			a, b, _ := strings.Cut(top, "/")
			m := eval[heatMap](s, `(() => {
				const rgb = (el) => getComputedStyle(el).backgroundColor.match(/[\d.]+/g).slice(0, 3).map(Number);
				return {
					note: norm($("#matrix-note").textContent),
					key: norm($("#heat-key").textContent),
					card: rgb($(".card.matrix")),
					shades: $$("#heat-key .heat-swatch").map(rgb),
					top: $$('.heatmap td a[href="#pair/`+a+`/`+b+`"], .heatmap td a[href="#pair/`+b+`/`+a+`"]').map(e => rgb(e.parentElement)),
				};
			})()`)
			s.do("scroll to the heat map", chromedp.ScrollIntoView(chromedp.CSS("#matrix-heading")))
			s.screenshot("heat-map")

			if dark := eval[bool](s, `matchMedia("(prefers-color-scheme: dark)").matches`); dark != (theme == "dark") {
				s.fail("the page does not prefer the %s scheme", theme)
			}
			for _, claim := range []string{"darker", "lighter"} {
				if strings.Contains(m.Note, claim) {
					s.errorf("the note says %q, true in one theme only: %q", claim, m.Note)
				}
			}
			if !strings.HasPrefix(m.Key, "fewer") || !strings.Contains(m.Key, "more") {
				s.errorf("the key reads %q, want it to run from fewer to more", m.Key)
			}
			if len(m.Shades) != 9 {
				s.fail("the key shows %d shades, want 9", len(m.Shades))
			}
			prev := 1.0
			for i, shade := range m.Shades {
				c := contrast(shade, m.Card)
				t.Logf("%s theme: shade %d %v contrasts %.2f with the card %v", theme, i+1, shade, c, m.Card)
				if c <= prev {
					s.errorf("shade %d %v stands out less from the card %v (%.2f) than the shade before it (%.2f)", i+1, shade, m.Card, c, prev)
				}
				prev = c
			}
			last := m.Shades[len(m.Shades)-1]
			if len(m.Top) != 2 {
				s.fail("the heat map has %d cells for the top pair %s, want 2", len(m.Top), top)
			}
			for _, cell := range m.Top {
				if contrast(cell, last) > 1.01 {
					s.errorf("the top pair's cell is %v, the key's last shade %v", cell, last)
				}
			}
		})
	}
}

// Arabic paragraphs for the right-to-left journey: the first two are
// shared, the last two each article's own.
var arabic = []string{
	"قال وزير الخارجية الروسي سيرغي لافروف يوم الأربعاء إن موسكو مستعدة لبحث جميع القضايا العالقة مع واشنطن بما في ذلك الأزمة السورية والتعاون في مكافحة الإرهاب الدولي.",
	"وأضاف لافروف في مؤتمر صحفي مشترك مع نظيره الأمريكي أن العلاقات بين البلدين تمر بمرحلة صعبة لكنها ليست ميؤوسا منها وأن الحوار هو السبيل الوحيد لتجاوز الخلافات.",
	"وصل وزير الخارجية الأمريكي إلى العاصمة الروسية مساء الثلاثاء في أول زيارة له منذ توليه منصبه، وسط توتر متصاعد بين البلدين.",
	"ويرى محللون أن الزيارة قد تمهد لقمة بين الرئيسين في وقت لاحق من هذا العام إذا نجحت المحادثات في تضييق هوة الخلاف.",
}

// Journey: two Arabic articles, one titled in Hebrew, read right to left
// wherever their text shows: the list, the overview, the pair view's
// titles, texts and word edits, and the notice that quotes a title.
func TestArabicAndHebrewTextReadsRightToLeft(t *testing.T) {
	s := start(t, 2*time.Minute)
	s.open("/")
	s.waitReady()
	first := s.addArticle("لافروف: موسكو مستعدة للحوار مع واشنطن", "الجزيرة", arabic[2]+"\n\n"+arabic[0]+"\n\n"+arabic[1])
	second := s.addArticle("לברוב: מוסקבה מוכנה לדיאלוג", "הארץ", arabic[3]+"\n\n"+arabic[0]+"\n\n"+arabic[1])
	if _, msg := s.status(); !strings.Contains(msg, "Added “לברוב") {
		s.errorf("the notice says %q, want it to name the Hebrew title", msg)
	}

	type dir struct {
		What string `json:"what"`
		Dir  string `json:"dir"`
	}
	check := func(where, expr string) {
		t.Helper()
		for _, d := range eval[[]dir](s, expr) {
			if d.Dir != "rtl" {
				s.errorf("%s: %s is laid out %s, want rtl", where, d.What, d.Dir)
			}
		}
	}
	const dirOf = `const dirOf = (what, el) => ({what, dir: el ? getComputedStyle(el).direction : "missing"});`
	check("the list and the notice", `(() => { `+dirOf+` return [
		dirOf("the first title", $('#article-list [data-article-id="`+first+`"] .article-title')),
		dirOf("the second title", $('#article-list [data-article-id="`+second+`"] .article-title')),
		dirOf("the second source", $('#article-list [data-article-id="`+second+`"] .article-source')),
		dirOf("the title quoted in the notice", $("#status .status-text [dir]")),
	]; })()`)
	if d := eval[string](s, `getComputedStyle($("#status .status-text")).direction`); d != "ltr" {
		s.errorf("the notice, in English, is laid out %s", d)
	}

	key, ok := s.findPair(first, second)
	if !ok {
		s.fail("no pair of the two Arabic articles: %v", s.pairs())
	}
	check("the overview", `(() => { `+dirOf+` return $$('#overview [data-pair="`+key+`"] .pair-title').map(e => dirOf("a pair's title", e)); })()`)
	s.openPair(key)
	check("the pair view", `(() => { `+dirOf+` return [
		...$$("#view-heading .pair-title").map(e => dirOf("the heading's title", e)),
		dirOf("the left text", $("#side-a")),
		dirOf("the right text", $("#side-b")),
		dirOf("the left source", $$(".side-source")[0]),
		...$$("#passage-diffs .diff-text").map(e => dirOf("a word diff", e)),
	]; })()`)
	// Laid out right to left, a line of the text starts at the right.
	if gap := eval[float64](s, `(() => {
		const box = $("#side-a"), r = document.createRange();
		r.setStart(box.querySelector("mark").firstChild, 0); r.setEnd(box.querySelector("mark").firstChild, 1);
		const padding = parseFloat(getComputedStyle(box).paddingRight);
		return box.getBoundingClientRect().right - padding - r.getBoundingClientRect().right;
	})()`); gap > 40 {
		s.errorf("the first passage's first letter is %.0fpx from the text's right edge, want it at the right", gap)
	}
	s.screenshot("pair")
}

// Journey: "Rename" edits an article's title and its source, which the
// list shows and a reload keeps; with every article cleared away, the
// exports are disabled and say why.
func TestRenamingEditsTheTitleAndTheSource(t *testing.T) {
	s := start(t, 2*time.Minute)
	s.open("/")
	s.waitReady()
	id := s.articleID("April 12 (UPI)")
	entry := `#article-list [data-article-id="` + id + `"]`
	s.click(entry + ` [data-action="rename"]`)
	s.waitFor("the rename fields", `visible($("#rename-`+id+`")) && visible($("#rename-source-`+id+`"))`, 5*time.Second)
	s.waitFor("the focus in the title field", `document.activeElement.id === "rename-`+id+`"`, 5*time.Second)
	s.screenshot("editing")
	s.typeInto("#rename-"+id, "UPI wire on Tillerson")
	s.typeInto("#rename-source-"+id, "United Press International")
	s.do("press Enter", chromedp.KeyEvent("\r"))
	s.waitFor("the new title and source in the list",
		`norm($(`+jsString(entry)+`).textContent).includes("UPI wire on Tillerson") && norm($(`+jsString(entry)+`).textContent).includes("United Press International ·")`, 5*time.Second)
	if _, msg := s.status(); !strings.Contains(msg, "Renamed to “UPI wire on Tillerson”") || !strings.Contains(msg, "is now “United Press International”") {
		s.errorf("the notice says %q", msg)
	}
	s.waitFor("the focus back on the Rename button", `document.activeElement.dataset.action === "rename"`, 5*time.Second)

	time.Sleep(300 * time.Millisecond) // the save waits 50 ms
	s.open("/#overview")
	s.waitReady()
	if got := eval[string](s, `norm($(`+jsString(entry)+`).textContent)`); !strings.Contains(got, "UPI wire on Tillerson") || !strings.Contains(got, "United Press International") {
		s.errorf("after a reload the list shows %q", got)
	}

	s.click("#clear-all")
	s.waitFor("an empty list", `$$("#article-list [data-article-id]").length === 0`, 10*time.Second)
	s.waitReady()
	s.waitFor("the focus on Undo, with no article left", `document.activeElement === $("#undo")`, 5*time.Second)
	type button struct {
		ID       string `json:"id"`
		Disabled bool   `json:"disabled"`
		Title    string `json:"title"`
	}
	for _, b := range eval[[]button](s, `$$(".toolbar button[id^='export-']").map(b => ({id: b.id, disabled: b.disabled, title: b.title}))`) {
		if !b.Disabled || !strings.Contains(b.Title, "add") && !strings.Contains(b.Title, "no articles") {
			s.errorf("with no articles #%s is disabled=%v, titled %q", b.ID, b.Disabled, b.Title)
		}
	}
	s.screenshot("empty")

	// The overview's "Paste an article" asks the form to take the focus.
	s.click("#start-paste")
	s.waitFor("the focus in the form's text field", `document.activeElement === $("#article-text")`, 5*time.Second)
}
