package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/wirediff/wirediff/app/workspace"
)

// Journey 29: a save the browser refuses half way, the quota exceeded at
// an article's record after the index was put, says so and keeps
// everything on screen, and leaves the earlier save whole: a reload
// shows it, with no article missing. Once with one record refused in the
// save's first batch, once in a later batch of a 120-article import.
func TestASaveRefusedHalfWayLeavesTheEarlierSaveWhole(t *testing.T) {
	var many workspace.Workspace
	for i := range 120 {
		many.Add(fmt.Sprintf("Imported %d", i+1), "", wikinews(t, "wn2019_0040.txt")[i%3])
	}
	data, err := workspace.Marshal(many)
	if err != nil {
		t.Fatal(err)
	}
	path := writeFile(t, "many.json", string(data))
	for _, tc := range []struct {
		name   string
		refuse int // the article record put that is refused, counted from 1
		change func(s *session)
		shown  int // articles on screen after the refused save
	}{
		{"an added article", 1, func(s *session) {
			s.addArticle("Written to a full disk", "", wikinews(t, "wn2019_0070.txt")[0])
		}, 7},
		{"an import's later batch", 60, func(s *session) {
			s.do("import 120 articles", chromedp.SetUploadFiles(chromedp.CSS("#import-workspace"), []string{path}))
			s.waitFor("the 120 imported articles listed", `+$("#articles-heading .count").textContent === 120`, time.Minute)
		}, 120},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, 2*time.Minute)
			s.open("/")
			s.waitReady()
			s.addArticle("Saved before", "", wikinews(t, "wn2019_0060.txt")[0])
			time.Sleep(time.Second) // its save
			before := s.articleIDs()
			eval[bool](s, `(() => {
				const put = IDBObjectStore.prototype.put;
				let records = 0;
				IDBObjectStore.prototype.put = function (value, key) {
					if (this.name === "articles" && ++records === `+itoa(tc.refuse)+`)
						throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
					return put.call(this, value, key);
				};
				return true;
			})()`)
			tc.change(s)
			s.waitFor("an error in #status", `$("#status").dataset.kind === "error"`, 30*time.Second)
			if _, msg := s.status(); !strings.Contains(msg, "storage for this page is full") {
				s.errorf("#status says %q; want it to say the browser's storage is full", msg)
			}
			if n := eval[int](s, `+$("#articles-heading .count").textContent`); n != tc.shown {
				s.errorf("after the refused save the list shows %d articles, want the %d on screen", n, tc.shown)
			}
			s.do("reload", chromedp.Reload())
			s.waitReady()
			if after := s.articleIDs(); strings.Join(after, ",") != strings.Join(before, ",") {
				s.errorf("after the reload the list shows %v, want the earlier save's %v", after, before)
			}
			if kind, text := s.status(); kind == "error" {
				s.errorf("after the reload the page says: %s", text)
			}
		})
	}
}
