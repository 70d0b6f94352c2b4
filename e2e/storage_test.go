package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/wirediff/wirediff/app/workspace"
)

// Journey 25: a workspace that an earlier version saved, as a string or
// as a byte array, still loads now that a save stores a Blob, and is
// kept by the next save.
func TestAWorkspaceSavedByAnEarlierVersionStillLoads(t *testing.T) {
	var w workspace.Workspace
	w.Add("Saved by an earlier version", "Wire A", wikinews(t, "wn2019_0040.txt")[0])
	data, err := workspace.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		value string // JavaScript making the saved value from json, a string
	}{
		{"a string", `json`},
		{"a byte array", `new TextEncoder().encode(json)`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, 2*time.Minute)
			s.open("/")
			s.waitReady()
			eval[bool](s, `(() => {
				const json = `+jsString(string(data))+`;
				const open = indexedDB.open("wirediff", 1);
				open.onsuccess = () => {
					const tx = open.result.transaction("workspace", "readwrite");
					tx.objectStore("workspace").put(`+tc.value+`, "current");
					tx.oncomplete = () => { window.__written = true; open.result.close(); };
				};
				return true;
			})()`)
			s.waitFor("the earlier version's save written", `window.__written === true`, 10*time.Second)
			const titles = `$$("#article-list [data-article-id] .article-title").map(e => norm(e.textContent))`
			s.do("reload", chromedp.Reload())
			s.waitReady()
			if got := eval[[]string](s, titles); strings.Join(got, "|") != "Saved by an earlier version" {
				s.fail("after the reload the list shows %q, want the one article the earlier version saved", got)
			}
			if kind, text := s.status(); kind == "error" {
				s.fail("after the reload the page says: %s", text)
			}
			// An edit saves the workspace the way this version does.
			s.addArticle("Added after it", "", wikinews(t, "wn2019_0070.txt")[0])
			time.Sleep(time.Second) // the save, which follows the edit
			s.do("reload", chromedp.Reload())
			s.waitReady()
			if got := eval[[]string](s, titles); strings.Join(got, "|") != "Saved by an earlier version|Added after it" {
				s.fail("after a save and a reload the list shows %q, want the earlier article and the one added", got)
			}
		})
	}
}
