package e2e

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/wirediff/wirediff/app/workspace"
)

// idbRecords is JavaScript giving a promise of what the page's IndexedDB
// holds: the index record's text ("" if none), whether an earlier
// version's whole workspace is still kept, and each article record's
// text by ID.
const idbRecords = `new Promise((resolve, reject) => {
	const open = indexedDB.open("wirediff");
	open.onerror = () => reject(open.error);
	open.onsuccess = async () => { try {
		const db = open.result;
		const text = (v) => v === undefined ? "" : v instanceof Blob ? v.text() :
			v instanceof Uint8Array ? new TextDecoder().decode(v) : String(v);
		const tx = db.transaction(["workspace", "articles"], "readonly");
		const get = (store, how, key) => new Promise((ok) => { const r = tx.objectStore(store)[how](key); r.onsuccess = () => ok(r.result); });
		const [index, whole, keys, values] = await Promise.all([
			get("workspace", "get", "index"), get("workspace", "get", "current"),
			get("articles", "getAllKeys"), get("articles", "getAll")]);
		const articles = {};
		for (let i = 0; i < keys.length; i++) articles[keys[i]] = await text(values[i]);
		db.close();
		resolve({ index: await text(index), whole: whole !== undefined, articles });
	} catch (e) { reject(e); } };
})`

// stored is what idbRecords gives.
type stored struct {
	Index    string            `json:"index"`
	Whole    bool              `json:"whole"`
	Articles map[string]string `json:"articles"`
}

func (s *session) stored() stored {
	s.t.Helper()
	return eval[stored](s, idbRecords)
}

// Journey 25: a workspace that an earlier version saved whole, as a
// string, a byte array or a Blob, in the database as that version made
// it, still loads; it is rewritten at once as this version keeps it, a
// record per article and an index, and an article added to it is kept
// across the next reload.
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
		{"a Blob", `new Blob([json])`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := start(t, 2*time.Minute)
			s.open("/")
			s.waitReady()
			// The page gives up its database when asked, so it can be made
			// anew as the earlier version (database version 1) left it.
			eval[bool](s, `(() => {
				const json = `+jsString(string(data))+`;
				const gone = indexedDB.deleteDatabase("wirediff");
				gone.onsuccess = () => {
					const open = indexedDB.open("wirediff", 1);
					open.onupgradeneeded = () => open.result.createObjectStore("workspace");
					open.onsuccess = () => {
						const tx = open.result.transaction("workspace", "readwrite");
						tx.objectStore("workspace").put(`+tc.value+`, "current");
						tx.oncomplete = () => { window.__written = true; open.result.close(); };
					};
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
			s.waitFor("the save rewritten as records", `(await `+idbRecords+`).index !== "" && !(await `+idbRecords+`).whole`, 10*time.Second)
			if got := s.stored(); len(got.Articles) != 1 || !strings.Contains(got.Articles["a1"], "Saved by an earlier version") {
				s.fail("after the load the articles' records are %v, want a1's", keys(got.Articles))
			}
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

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// logPuts makes the page log every record it puts: its object store, key
// and size in bytes, in window.__puts.
func (s *session) logPuts() {
	s.t.Helper()
	eval[bool](s, `(() => {
		window.__puts = [];
		const put = IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.put = function (value, key) {
			__puts.push({ store: this.name, key: String(key), bytes: value instanceof Blob ? value.size : value instanceof Uint8Array ? value.byteLength : String(value).length });
			return put.call(this, value, key);
		};
		return true;
	})()`)
}

// put is a record the page put, as logPuts logs it.
type put struct {
	Store string `json:"store"`
	Key   string `json:"key"`
	Bytes int    `json:"bytes"`
}

// puts waits for the save that follows a change, then returns the
// records it put and empties the log.
func (s *session) puts(change string) []put {
	s.t.Helper()
	s.waitFor("the save after "+change, `__puts.length > 0`, 30*time.Second)
	time.Sleep(500 * time.Millisecond) // the rest of the save, if any
	return eval[[]put](s, `__puts.splice(0)`)
}

// indexOnly fails the journey unless puts wrote the index record alone.
func (s *session) indexOnly(change string, puts []put) {
	s.t.Helper()
	bytes := 0
	for _, p := range puts {
		bytes += p.Bytes
	}
	s.t.Logf("%s: %d records put, %d bytes: %+v", change, len(puts), bytes, puts)
	if len(puts) != 1 || puts[0].Store != "workspace" || puts[0].Key != "index" {
		s.errorf("%s put %+v; want the index record alone", change, puts)
	}
}

// Journey 26: a change of view rewrites the index record alone, and an
// added article its record and the index. The test rewrites an article's
// record itself, with a title no save of the page writes: a view change
// leaves it so, and the reload that follows reads it back, with every
// article.
func TestAChangeOfViewRewritesOnlyTheIndex(t *testing.T) {
	s := start(t, 2*time.Minute)
	s.open("/")
	s.waitReady()
	s.logPuts()
	upi := seed(t, "001")
	id := s.addArticle("Kept in a record of its own", "", paragraph(t, upi, sarinParagraph)+"\n\n"+wikinews(t, "wn2019_0070.txt")[0])
	added := s.puts("an article added")
	keys := map[string]bool{}
	for _, p := range added {
		keys[p.Store+"/"+p.Key] = true
	}
	// The first save after the demo writes the demo's records too.
	if !keys["articles/"+id] || !keys["workspace/index"] {
		s.errorf("adding %s put %+v; want its record and the index", id, added)
	}
	s.waitReady()
	before := s.articleIDs()

	const written = "Written by the test, not by the page"
	eval[bool](s, `(async () => {
		const r = await `+idbRecords+`;
		const text = r.articles["a1"];
		const nl = text.indexOf("\n");
		const head = JSON.parse(text.slice(0, nl));
		head.title = `+jsString(written)+`;
		await new Promise((resolve, reject) => {
			const open = indexedDB.open("wirediff");
			open.onsuccess = () => {
				const tx = open.result.transaction("articles", "readwrite");
				tx.objectStore("articles").put(new Blob([JSON.stringify(head) + text.slice(nl)]), "a1");
				tx.oncomplete = () => { open.result.close(); resolve(); };
				tx.onerror = () => reject(tx.error);
			};
		});
		__puts.splice(0);
		return true;
	})()`)

	key, ok := s.findPair(s.articleID("Tillerson says Putin meeting"), id)
	if !ok {
		s.fail("no pair of %s with seed 001: %v", id, s.pairs())
	}
	s.openPair(key)
	s.indexOnly("opening a pair", s.puts("opening a pair"))
	got := s.stored()
	if !strings.Contains(got.Index, `"view":"/#pair/`+key+`"`) {
		s.errorf("after opening the pair the index is %.300s; want the pair's view in it", got.Index)
	}
	if !strings.Contains(got.Articles["a1"], written) {
		s.errorf("a change of view rewrote a1's record: %.200s", got.Articles["a1"])
	}
	s.do("go back", chromedp.NavigateBack())
	s.waitFor("the overview", `visible($("#overview"))`, 30*time.Second)
	s.indexOnly("going back to the overview", s.puts("going back"))

	s.do("reload", chromedp.Reload())
	s.waitReady()
	if after := s.articleIDs(); strings.Join(after, ",") != strings.Join(before, ",") {
		s.errorf("after the view changes and a reload the list shows %v, want %v", after, before)
	}
	if title := eval[string](s, `norm($('#article-list [data-article-id="a1"] .article-title').textContent)`); title != written {
		s.errorf("after the reload a1 is titled %q, want %q as its record says", title, written)
	}
	if kind, text := s.status(); kind == "error" {
		s.errorf("after the reload the page says: %s", text)
	}
}
