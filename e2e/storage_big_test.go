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

// How IndexedDB takes 1,000 records of 2 KB as Blobs and as byte arrays
// (the page keeps small records as byte arrays; see blobFrom in
// app/ui/storage_idb_js.go): the time to make the values, to put them
// and to commit them is logged, three times each, and each kind must
// read back as written.
func TestRecordsOfAThousandArticlesAsBlobsAndAsByteArrays(t *testing.T) {
	s := start(t, 2*time.Minute)
	s.open("/")
	s.waitReady()
	for range 3 {
		for _, kind := range []string{"Blobs", "byte arrays"} {
			got := eval[struct {
				Make, Put, Commit float64
				Read              int
			}](s, `(async () => {
				const n = 1000, size = 2000, blobs = `+map[string]string{"Blobs": "true", "byte arrays": "false"}[kind]+`;
				const db = await new Promise((ok) => { const r = indexedDB.open("wirediff"); r.onsuccess = () => ok(r.result); });
				const t0 = performance.now();
				const values = [];
				for (let i = 0; i < n; i++) { const a = new Uint8Array(size).fill(i % 251); values.push(blobs ? new Blob([a]) : a); }
				const t1 = performance.now();
				const tx = db.transaction("articles", "readwrite");
				for (let i = 0; i < n; i++) tx.objectStore("articles").put(values[i], "zz" + i);
				const t2 = performance.now();
				await new Promise((ok) => tx.oncomplete = ok);
				const t3 = performance.now();
				const back = await new Promise((ok) => {
					const r = db.transaction("articles").objectStore("articles").get("zz7");
					r.onsuccess = () => ok(r.result);
				});
				const bytes = new Uint8Array(back instanceof Blob ? await back.arrayBuffer() : back);
				const clean = db.transaction("articles", "readwrite");
				for (let i = 0; i < n; i++) clean.objectStore("articles").delete("zz" + i);
				await new Promise((ok) => clean.oncomplete = ok);
				db.close();
				return { Make: t1 - t0, Put: t2 - t1, Commit: t3 - t2, Read: bytes.length === size && bytes.every((b) => b === 7) ? bytes.length : -1 };
			})()`)
			t.Logf("1,000 records of 2 KB as %s: %.1f ms to make, %.1f ms to put, %.1f ms to commit", kind, got.Make, got.Put, got.Commit)
			if got.Read != 2000 {
				s.errorf("a record put as %s did not read back as written", kind)
			}
		}
	}
}
