package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Journey 20: a news page dropped on the app is read as a reader mode reads
// it. Its title, outlet, time and URL come from its metadata; its
// navigation, cookie notice, sidebar and footer are not part of the
// text; and all four can be edited afterwards, an unreadable time being
// refused beside its field, across a reload.
func TestADroppedPageGivesItsMetadataAndOnlyItsArticle(t *testing.T) {
	s := start(t, 2*time.Minute)
	s.open("/")
	s.waitReady()

	upi := seed(t, "001")
	filler := wikinews(t, "wn2019_0020.txt")
	page := `<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Russia and US agree on sarin inquiry | Metro Herald</title>
<meta property="og:site_name" content="Metro Herald">
<meta property="article:published_time" content="2017-04-12T19:30:00+03:00">
<link rel="canonical" href="https://herald.example/world/sarin-inquiry">
</head><body>
<nav><a href="/">NAV-MARKER Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookie-consent">We use cookies (COOKIE-MARKER) to improve the site. <button>Accept all</button></div>
<article><h1>Russia and US agree on sarin inquiry</h1>
<p>` + paragraph(t, upi, sarinParagraph) + `</p>
<p>` + filler[0] + `</p>
<p>` + paragraph(t, upi, warnParagraph) + `</p>
</article>
<aside><h2>Most read</h2><ol><li><a href="/a">ASIDE-MARKER storm</a></li></ol></aside>
<footer>FOOTER-MARKER © Metro Herald</footer>
</body></html>`

	before := s.articleIDs()
	seed001 := s.articleID("Tillerson says Putin meeting")
	s.dropFiles("#drop-zone", writeFile(t, "saved-page.html", page))
	s.waitFor("the dropped page in #article-list", `$$("#article-list [data-article-id]").length === `+itoa(len(before)+1), 20*time.Second)
	s.waitReady()
	id := s.newID(before)
	entry := `#article-list [data-article-id="` + id + `"]`

	type shown struct {
		Text     string `json:"text"`
		DateTime string `json:"datetime"`
		Href     string `json:"href"`
	}
	read := func() shown {
		return eval[shown](s, `(() => { const e = $(`+jsString(entry)+`), t = $("time", e), a = $("a.article-url", e);
			return {text: norm(e.textContent), datetime: t ? t.getAttribute("datetime") : "", href: a ? a.href : ""}; })()`)
	}
	got := read()
	if !strings.Contains(got.Text, "Russia and US agree on sarin inquiry") || strings.Contains(got.Text, "saved-page") ||
		!strings.Contains(got.Text, "Metro Herald · 2017-04-12 · page ·") ||
		got.DateTime != "2017-04-12T19:30:00+03:00" || got.Href != "https://herald.example/world/sarin-inquiry" {
		s.fail("the dropped page's entry shows %+v, want its title, outlet, time and canonical URL", got)
	}
	if _, msg := s.status(); !strings.Contains(msg, "saved-page.html: left out as not part of the article: navigation, cookie notice, sidebar and footer.") {
		s.errorf("the notice says %q, want it to name what was left out", msg)
	}
	s.screenshot("list")

	key, ok := s.findPair(seed001, id)
	if !ok {
		s.fail("no pair of the dropped page %s with seed 001: %v", id, s.pairs())
	}
	s.openPair(key)
	side := "b"
	if strings.HasPrefix(key, id+"/") {
		side = "a"
	}
	text := s.sideText(side)
	if !strings.HasPrefix(text, "Russia and US agree on sarin inquiry") || !strings.Contains(text, "both sides agreed") {
		s.fail("the page's text is not its article: %q", text)
	}
	for _, bad := range []string{"NAV-MARKER", "COOKIE-MARKER", "Accept all", "ASIDE-MARKER", "Most read", "FOOTER-MARKER"} {
		if strings.Contains(text, bad) {
			s.errorf("the page's text holds %q, which is not the article", bad)
		}
	}
	s.screenshot("pair")
	s.open("/#overview")
	s.waitReady()

	s.click(entry + ` [data-action="rename"]`)
	s.waitFor("the edit fields", `visible($("#rename-published-`+id+`")) && visible($("#rename-url-`+id+`"))`, 15*time.Second)
	if v := eval[[]string](s, `["rename-", "rename-source-", "rename-published-", "rename-url-"].map(p => $("#" + p + `+jsString(id)+`).value)`); strings.Join(v, "|") !=
		"Russia and US agree on sarin inquiry|Metro Herald|2017-04-12T19:30:00+03:00|https://herald.example/world/sarin-inquiry" {
		s.errorf("the edit fields hold %q", v)
	}
	s.typeInto("#rename-published-"+id, "someday")
	s.do("press Enter", chromedp.KeyEvent("\r"))
	s.waitFor("the reason the time cannot be saved", `visible($("#rename-error-`+id+`")) && $("#rename-published-`+id+`").getAttribute("aria-invalid") === "true" && document.activeElement.id === "rename-published-`+id+`"`, 15*time.Second)
	if msg := eval[string](s, `norm($("#rename-error-`+id+`").textContent)`); !strings.Contains(msg, `"someday" is not a date or time wirediff reads`) {
		s.errorf("the edit form says %q", msg)
	}
	s.screenshot("bad-time")
	s.typeInto("#rename-published-"+id, "2017-04-13 08:00")
	s.typeInto("#rename-url-"+id, "https://herald.example/world/sarin-inquiry-updated")
	// Save by its button: chromedp sends Enter as separate key events, and
	// the one after the save would land on the Edit button that takes the
	// focus back, opening the form again.
	s.click(entry + ` [data-action="save"]`)
	s.waitFor("the new time and URL in the list",
		`$(`+jsString(entry)+` + " time") && $(`+jsString(entry)+` + " time").getAttribute("datetime") === "2017-04-13T08:00:00Z" && $(`+jsString(entry)+` + " a.article-url").href.endsWith("-updated")`, 15*time.Second)
	if _, msg := s.status(); !strings.Contains(msg, "is now 2017-04-13T08:00:00Z") || !strings.Contains(msg, "is now https://herald.example/world/sarin-inquiry-updated") {
		s.errorf("the notice says %q", msg)
	}

	time.Sleep(300 * time.Millisecond) // the save waits 50 ms
	s.open("/#overview")
	s.waitReady()
	if got := read(); got.DateTime != "2017-04-13T08:00:00Z" || got.Href != "https://herald.example/world/sarin-inquiry-updated" || !strings.Contains(got.Text, "Metro Herald") {
		s.errorf("after a reload the entry shows %+v", got)
	}
	s.screenshot("edited")
}
