package e2e

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// responsiveness is what one analysis of a big workspace cost the page's
// main thread, in milliseconds of the page's clock. Its long tasks are in
// three phases: reading the import (until the analysis starts), the
// analysis, and showing the result (the task that puts it on screen, and
// the second after it).
type responsiveness struct {
	importing, analysing, showing []float64 // long tasks (over 50 ms), longest first
	click, key                    float64   // from the input to the first timer after the frame that follows its handling
	clickPaint, keyPaint          []float64 // from the input to that frame's paint (Event Timing; none under 16 ms)
	toResult                      float64   // from the import to the result on screen
	demo                          float64   // from the navigation to the demo's result on screen
}

func (r responsiveness) String() string {
	longest := func(tasks []float64) string {
		if len(tasks) == 0 {
			return "none"
		}
		return fmt.Sprintf("%.0f ms (%d over 100 ms)", tasks[0], len(slices.DeleteFunc(slices.Clone(tasks), func(d float64) bool { return d <= 100 })))
	}
	return fmt.Sprintf("longest main-thread task reading the import %s, during the analysis %s, showing the result %s; click painted %s after it (the first timer after %.0f ms), keystroke painted %s after it (%.0f ms); result %.1f s after the import; on the first visit, the demo's result %.0f ms after the navigation",
		longest(r.importing), longest(r.analysing), longest(r.showing), paintReport(r.clickPaint), r.click, paintReport(r.keyPaint), r.key, r.toResult/1000, r.demo)
}

// Journey 16: 1,000 articles imported as a workspace file are analysed
// in the engine's worker. A click and a keystroke during the analysis are
// answered, the result appears, and the page's longest tasks (a
// PerformanceObserver on 'longtask') are reported beside those of the
// same journey with Web Workers taken away, where the analysis runs on
// the page's thread as it did before the worker. The times are reported,
// not asserted: they depend on the machine.
func TestTheEngineWorkerKeepsThePageAnsweringDuringABigAnalysis(t *testing.T) {
	data := bigWorkspace(t, 1000)
	t.Logf("the workspace file is %d bytes", len(data))
	path := writeFile(t, "newsroom-1000.json", string(data))
	var onPage, inWorker responsiveness
	t.Run("without workers the page analyses on its own thread", func(t *testing.T) {
		onPage = analyseBig(t, path, false)
	})
	t.Run("with workers the engine runs in one", func(t *testing.T) {
		inWorker = analyseBig(t, path, true)
	})
	if t.Failed() {
		return
	}
	t.Logf("on the page: %v", onPage)
	t.Logf("in the worker: %v", inWorker)
}

// analyseBig imports the workspace at path, clicks and types during its
// analysis, and measures.
func analyseBig(t *testing.T, path string, workers bool) responsiveness {
	s := start(t, 6*time.Minute)
	// When the demo's result is first on screen, from the navigation.
	script := `window.__demo = 0;
		new MutationObserver(() => {
			const main = document.getElementById("main");
			if (!__demo && main && main.getAttribute("aria-busy") === "false" && document.querySelector("#overview [data-pair]")) __demo = performance.now();
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ["aria-busy"] });`
	if !workers {
		script += "\ndelete self.Worker;"
	}
	s.do("watch the page from its start", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: script})
		return err
	}))
	s.open("/")
	s.waitReady()
	demo := eval[float64](s, `__demo`)
	eval[bool](s, `(() => {
		window.__long = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) __long.push([e.startTime, e.duration]);
		}).observe({ type: "longtask" });
		window.__flips = [];
		new MutationObserver(() => __flips.push([performance.now(), $("#main").getAttribute("aria-busy") === "true"]))
			.observe($("#main"), { attributes: true, attributeFilter: ["aria-busy"] });
		// An input is answered when the frame after its handling is drawn.
		window.__answers = {};
		const answer = (e) => {
			const analysing = $("#main").getAttribute("aria-busy") === "true";
			requestAnimationFrame(() => setTimeout(() => {
				__answers[e.type] = { ms: performance.now() - e.timeStamp, analysing };
			}));
		};
		document.addEventListener("click", answer, true);
		document.addEventListener("keydown", answer, true);
		document.addEventListener("change", (e) => { window.__imported = performance.now(); }, true);
		return true;
	})()`)
	s.watchPaints()

	s.do("import the workspace", chromedp.SetUploadFiles(chromedp.CSS("#import-workspace"), []string{path}))
	s.waitFor("the analysis of the 1,000 imported articles to start",
		`+$("#articles-heading .count").textContent === 1000 && $("#main").getAttribute("aria-busy") === "true"`, 2*time.Minute)
	s.click("#article-title")
	s.do("type a key", chromedp.SendKeys("#article-title", "x"))
	s.waitFor("the click and the keystroke to be answered", `!!(__answers.click && __answers.keydown)`, time.Minute)
	s.waitFor("the analysis of 1,000 articles to finish", "!"+busy, 4*time.Minute)
	s.waitReady()
	if kind, text := s.status(); kind == "error" {
		s.fail("the analysis failed: %s", text)
	}
	s.checkReusedBars(1000)
	if len(s.pairs()) == 0 {
		s.fail("the analysis of 1,000 articles shows no pair, though the rewrites copy paragraphs")
	}
	answers := eval[map[string]struct {
		MS        float64 `json:"ms"`
		Analysing bool    `json:"analysing"`
	}](s, `__answers`)
	for _, input := range []string{"click", "keydown"} {
		if !answers[input].Analysing {
			s.fail("the %s was handled after the analysis had ended; the journey needs a longer analysis", input)
		}
	}

	// The page says on its console when it analyses on its own thread.
	onPage := slices.ContainsFunc(s.consoleLines(), func(l string) bool { return strings.Contains(l, "analysing on the page") })
	if onPage == workers {
		s.fail("analysed on the page: %v, want %v", onPage, !workers)
	}

	// Long tasks from the import until a second after the result.
	m := eval[struct {
		Imported float64      `json:"imported"`
		Flips    [][2]any     `json:"flips"`
		Long     [][2]float64 `json:"long"`
		Paints   [][3]any     `json:"paints"`
	}](s, `({ imported: __imported, flips: __flips, long: __long, paints: __paints })`)
	begin, end := 0.0, 0.0
	for _, f := range m.Flips {
		at, _ := f[0].(float64)
		switch {
		case f[1] == true && begin == 0 && at >= m.Imported:
			begin = at
		case f[1] == false:
			end = at
		}
	}
	r := responsiveness{click: answers["click"].MS, key: answers["keydown"].MS, toResult: end - m.Imported, demo: demo}
	for _, p := range m.Paints {
		ms, _ := p[2].(float64)
		switch p[0] {
		case "click":
			r.clickPaint = append(r.clickPaint, ms)
		case "keydown":
			r.keyPaint = append(r.keyPaint, ms)
		}
	}
	var timeline []string
	for _, l := range m.Long {
		start, finish := l[0], l[0]+l[1]
		if finish < m.Imported || start > end+1000 {
			continue
		}
		timeline = append(timeline, fmt.Sprintf("%.0f+%.0f", start-m.Imported, l[1]))
		// The page's clock has a resolution of a few milliseconds.
		switch {
		case finish <= begin+5:
			r.importing = append(r.importing, l[1])
		case finish >= end-5:
			r.showing = append(r.showing, l[1])
		default:
			r.analysing = append(r.analysing, l[1])
		}
	}
	for _, tasks := range [][]float64{r.importing, r.analysing, r.showing} {
		slices.SortFunc(tasks, func(a, b float64) int { return cmp.Compare(b, a) })
	}
	t.Logf("ms after the import: analysing from %.0f to %.0f; long tasks (start+duration) %s", begin-m.Imported, end-m.Imported, strings.Join(timeline, " "))
	return r
}

// consoleLines is what the page has logged so far.
func (s *session) consoleLines() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.console)
}

// Journey 17: offline, the engine's worker starts from the service
// worker's cache: its script and the module it runs are cached with the
// app, so the analysis does not fall back to the page's thread.
func TestOfflineTheAnalysisStillRunsInTheWorker(t *testing.T) {
	s := start(t, 3*time.Minute)
	s.open("/")
	s.waitReady()
	s.waitFor("the service worker to cache the app and the engine's worker", `(async () => {
		if (!navigator.serviceWorker || !(await navigator.serviceWorker.getRegistration())?.active) return false;
		for (const name of await caches.keys()) {
			const paths = (await (await caches.open(name)).keys()).map(r => new URL(r.url).pathname);
			if (paths.includes("/web/app.wasm") && paths.includes("/web/engine.js")) return true;
		}
		return false;
	})()`, 60*time.Second)
	s.srv.Close()

	s.open("/")
	s.waitReady()
	if len(s.pairs()) == 0 {
		s.fail("offline, the demo's articles show no pair")
	}
	for _, l := range s.consoleLines() {
		if strings.Contains(l, "analysing on the page") {
			s.fail("offline, the analysis fell back to the page: %s", l)
		}
	}
}

// Journey 18: a worker that cannot start (its script is missing) leaves
// the analysis to the page, which says so on its console, and the demo's
// result appears as before; so does a pair compared on request.
func TestAWorkerThatCannotStartLeavesTheAnalysisToThePage(t *testing.T) {
	s := start(t, 2*time.Minute)
	s.do("point workers at a missing script", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
			Source: `self.Worker = class extends Worker { constructor(url, opts) { super("/web/no-such-script.js", opts); } };`,
		})
		return err
	}))
	s.open("/")
	s.waitReady()
	if len(s.pairs()) == 0 {
		s.fail("the demo's articles show no pair")
	}
	if kind, text := s.status(); kind == "error" {
		s.fail("the page reports an error: %s", text)
	}
	if !slices.ContainsFunc(s.consoleLines(), func(l string) bool {
		return strings.Contains(l, "analysing on the page: the analysis worker could not start")
	}) {
		s.fail("the page did not say it analyses on its own thread")
	}
	s.openSeedsComparedOnRequest()
	if !slices.ContainsFunc(s.consoleLines(), func(l string) bool {
		return strings.Contains(l, "comparing on the page: the analysis worker could not start")
	}) {
		s.fail("the page did not say it compares on its own thread")
	}
}

// Journey 19: a change during an analysis cancels it, which terminates
// its worker; the next analysis runs in a new worker, given the module
// the first one compiled, and never falls back to the page.
func TestACancelledAnalysisGetsANewWorker(t *testing.T) {
	s := start(t, 4*time.Minute)
	path := writeFile(t, "newsroom-300.json", string(bigWorkspace(t, 300)))
	s.open("/")
	s.waitReady()
	eval[bool](s, `(() => {
		window.__clicks = [];
		document.addEventListener("click", () => __clicks.push($("#main").getAttribute("aria-busy") === "true"), true);
		return true;
	})()`)
	s.do("import the workspace", chromedp.SetUploadFiles(chromedp.CSS("#import-workspace"), []string{path}))
	s.waitFor("the analysis of the 300 imported articles to start",
		`+$("#articles-heading .count").textContent === 300 && $("#main").getAttribute("aria-busy") === "true"`, 2*time.Minute)
	victim := eval[string](s, `$$("#article-list [data-article-id]")[1].dataset.articleId`)
	s.click(`#article-list [data-article-id="` + victim + `"] [data-action="delete"]`)
	if clicks := eval[[]bool](s, `__clicks`); len(clicks) == 0 || !clicks[len(clicks)-1] {
		s.fail("the delete came after the analysis had ended (%v); the journey needs a longer analysis", clicks)
	}
	s.waitFor("the deleted article to leave the list", `+$("#articles-heading .count").textContent === 299`, 30*time.Second)
	s.waitFor("the analysis of 299 articles to finish", "!"+busy, 3*time.Minute)
	s.waitReady()
	if kind, text := s.status(); kind == "error" {
		s.fail("the analysis failed: %s", text)
	}
	s.checkReusedBars(299)
	for _, l := range s.consoleLines() {
		if strings.Contains(l, "analysing on the page") {
			s.fail("after the cancel the analysis fell back to the page: %s", l)
		}
	}
}
