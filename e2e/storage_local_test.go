package e2e

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// Journey 28: in a browser without IndexedDB (some private modes) the
// records go to localStorage, a key each: an added article and the view
// are kept across a reload, and a change of view rewrites the index key
// alone.
func TestWithoutIndexedDBTheRecordsGoToLocalStorage(t *testing.T) {
	s := start(t, 2*time.Minute)
	s.do("take IndexedDB away", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `Object.defineProperty(self, "indexedDB", { value: undefined });`,
		})
		return err
	}))
	s.open("/")
	s.waitReady()
	upi := seed(t, "001")
	id := s.addArticle("Kept in localStorage", "", paragraph(t, upi, sarinParagraph)+"\n\n"+wikinews(t, "wn2019_0070.txt")[0])
	s.waitFor("the added article's key", `localStorage.getItem("wirediff.article.`+id+`") !== null`, 10*time.Second)
	before := s.articleIDs()

	// The test rewrites the first article's key itself: a change of view
	// must leave it so.
	const written = "Written by the test, not by the page"
	eval[bool](s, `(() => {
		const text = localStorage.getItem("wirediff.article.a1");
		const nl = text.indexOf("\n");
		const head = JSON.parse(text.slice(0, nl));
		head.title = `+jsString(written)+`;
		localStorage.setItem("wirediff.article.a1", JSON.stringify(head) + text.slice(nl));
		return true;
	})()`)
	key, ok := s.findPair(s.articleID("Tillerson says Putin meeting"), id)
	if !ok {
		s.fail("no pair of %s with seed 001: %v", id, s.pairs())
	}
	s.openPair(key)
	s.waitFor("the view saved", `(localStorage.getItem("wirediff.index") || "").includes(`+jsString(`"view":"/#pair/`+key+`"`)+`)`, 10*time.Second)

	s.do("reload", chromedp.Reload())
	s.waitReady()
	if after := s.articleIDs(); strings.Join(after, ",") != strings.Join(before, ",") {
		s.errorf("after a reload the list shows %v, want %v", after, before)
	}
	if title := eval[string](s, `norm($('#article-list [data-article-id="a1"] .article-title').textContent)`); title != written {
		s.errorf("after the reload a1 is titled %q, want %q as its key says: the change of view rewrote it", title, written)
	}
	if eval[bool](s, `!$("#pair-view")`) {
		s.errorf("after the reload the pair view %s is not shown", key)
	}
	if kind, text := s.status(); kind == "error" {
		s.errorf("after the reload the page says: %s", text)
	}
}
