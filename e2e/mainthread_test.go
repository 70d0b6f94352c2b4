package e2e

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/workspace"
)

// watchPhases starts logging the page's long tasks (a 'longtask'
// PerformanceObserver) and the phases they fall in: the test names each
// phase as it starts it (markPhase), and the analysis's start and end
// name themselves, seen on the main area's aria-busy. Keystrokes are
// timed by phase: from the key to the paint after their handling
// (watchPaints), to the first timer after that frame, and to the event's
// reaching the page (the browser process passes input on, and a key that
// waits there waits for no task of the page's). The most elements
// added to the page at once (in one delivery of a MutationObserver's
// records, which come at the microtask checkpoint after the Go code that
// added them: a task that resumes Go twice has two) are kept by phase
// too. Nodes added and removed again before a delivery count as added.
func (s *session) watchPhases() {
	s.t.Helper()
	eval[bool](s, `(() => {
		window.__long = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) __long.push([e.startTime, e.duration]);
		}).observe({ type: "longtask" });
		window.__phases = [];
		window.__phase = (name) => { performance.mark("phase:" + name); return __phases.push([name, performance.now()]); };
		let analysing = false;
		new MutationObserver(() => {
			const now = $("#main").getAttribute("aria-busy") === "true";
			const name = now ? "the analysis" : "the result on screen";
			if (now !== analysing) __phase(__phases.some((p) => p[0] === name) ? name + " again" : name);
			analysing = now;
		}).observe($("#main"), { attributes: true, attributeFilter: ["aria-busy"] });
		window.__added = {};
		new MutationObserver((records) => {
			let n = 0;
			for (const r of records) for (const a of r.addedNodes) if (a.nodeType === 1) n += 1 + a.querySelectorAll("*").length;
			const phase = __phases.length ? __phases[__phases.length - 1][0] : "";
			__added[phase] = Math.max(__added[phase] ?? 0, n);
		}).observe(document.body, { childList: true, subtree: true });
		window.__keys = [];
		document.addEventListener("keydown", (e) => {
			const phase = __phases.length ? __phases[__phases.length - 1][0] : "";
			const reached = performance.now() - e.timeStamp;
			requestAnimationFrame(() => setTimeout(() => __keys.push([phase, performance.now() - e.timeStamp, reached])));
		}, true);
		return true;
	})()`)
	s.watchPaints()
}

// watchPaints keeps, from now on, how long each click and key took from
// the input to the paint after its handling (Event Timing, the measure
// of Interaction to Next Paint), in window.__paints as [type, start,
// duration]. The browser reports only inputs of 16 ms or more, in steps
// of 8 ms. The rAF-and-timeout stamp the journeys also take ends in the
// first task after that paint, which may wait behind queued slices of
// Go work: up to some 40 ms more than the paint on this machine.
func (s *session) watchPaints() {
	s.t.Helper()
	eval[bool](s, `(() => {
		window.__paints = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (e.name === "keydown" || e.name === "click") __paints.push([e.name, e.startTime, e.duration]);
		}).observe({ type: "event", durationThreshold: 16, buffered: true });
		return true;
	})()`)
}

// paintReport is the longest of durations from the input to the paint
// (watchPaints), or says none reached 16 ms.
func paintReport(durations []float64) string {
	if len(durations) == 0 {
		return "under 16 ms"
	}
	return fmt.Sprintf("%.0f ms", slices.Max(durations))
}

// reportPhases watches the phases (watchPhases) and traces the tasks
// (traceTasks) from now on, and logs both when the test ends, under what.
func (s *session) reportPhases(what string) {
	s.t.Helper()
	s.watchPhases()
	trace := s.traceTasks()
	// Registered after start's cleanups, so it runs while the browser is
	// still there.
	s.t.Cleanup(func() {
		if s.ctx.Err() == nil {
			s.t.Logf("main thread, %s:\n%s", what, s.phaseReport())
			s.t.Logf("the same tasks' CPU time (Chromium's trace):\n%s", trace.report(s))
		}
	})
}

// markPhase says that what follows belongs to the phase named.
func (s *session) markPhase(name string) {
	s.t.Helper()
	eval[int](s, `__phase(`+jsString(name)+`)`)
}

// phaseReport is, for each phase in order, its longest main-thread task
// and how many took over 100 ms, and the keystrokes' delays.
func (s *session) phaseReport() string {
	s.t.Helper()
	m := eval[struct {
		Phases [][2]any       `json:"phases"`
		Long   [][2]float64   `json:"long"`
		Keys   [][3]any       `json:"keys"`
		Added  map[string]int `json:"added"`
		Paints [][3]any       `json:"paints"`
	}](s, `({ phases: __phases, long: __long, keys: __keys, added: __added, paints: __paints })`)
	type phase struct {
		name  string
		at    float64
		tasks []float64
		keys  []float64
		reach []float64 // how long after the key the page got its event
		paint []float64 // Event Timing: from the key to the paint after it
	}
	var phases []*phase
	for _, p := range m.Phases {
		name, _ := p[0].(string)
		at, _ := p[1].(float64)
		phases = append(phases, &phase{name: name, at: at})
	}
	find := func(at float64) *phase {
		var in *phase
		for _, p := range phases {
			if p.at <= at+5 { // the page's clock has a resolution of a few ms
				in = p
			}
		}
		return in
	}
	for _, l := range m.Long {
		if p := find(l[0]); p != nil {
			p.tasks = append(p.tasks, l[1])
		}
	}
	for _, e := range m.Paints {
		at, _ := e[1].(float64)
		ms, _ := e[2].(float64)
		if p := find(at); p != nil && e[0] == "keydown" {
			p.paint = append(p.paint, ms)
		}
	}
	for _, k := range m.Keys {
		name, _ := k[0].(string)
		ms, _ := k[1].(float64)
		reached, _ := k[2].(float64)
		for _, p := range phases {
			if p.name == name {
				p.keys, p.reach = append(p.keys, ms), append(p.reach, reached)
			}
		}
	}
	var lines []string
	for i, p := range phases {
		slices.SortFunc(p.tasks, func(a, b float64) int { return cmp.Compare(b, a) })
		longest := "none over 50 ms"
		if len(p.tasks) > 0 {
			over := len(slices.DeleteFunc(slices.Clone(p.tasks), func(d float64) bool { return d <= 100 }))
			longest = fmt.Sprintf("%.0f ms (%d over 100 ms)", p.tasks[0], over)
		}
		line := fmt.Sprintf("%s: longest task %s", p.name, longest)
		if i+1 < len(phases) {
			line += fmt.Sprintf(", phase %.1f s", (phases[i+1].at-p.at)/1000)
		}
		if len(p.keys) > 0 {
			line += fmt.Sprintf(", keystrokes painted %s at most after the key (%d keys; the first task after the paint %.0f ms; their events reached the page %.0f ms after the key at most)",
				paintReport(p.paint), len(p.keys), slices.Max(p.keys), slices.Max(p.reach))
		}
		if n := m.Added[p.name]; n > 0 {
			line += fmt.Sprintf(", at most %d elements added at once", n)
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// mostAddedAtOnce is the most elements a task may add to the page while
// a big result is drawn: a slice of the overview is about 250 (more with
// the article list's in the same render); the result drawn at once was
// thousands, and slices that pile up in one render (a pause that ended
// before go-app rendered the last slice) were some 900.
const mostAddedAtOnce = 500

// checkDrawnInSlices expects the page to have added no more than
// mostAddedAtOnce elements at once during each phase named: a result
// of 1,000 articles is drawn a slice at a time.
func (s *session) checkDrawnInSlices(phases ...string) {
	s.t.Helper()
	for _, phase := range phases {
		if n := eval[int](s, `__added[`+jsString(phase)+`] ?? 0`); n > mostAddedAtOnce {
			s.errorf("%s: %d elements were added to the page at once, want %d at most: the result is not drawn a slice at a time", phase, n, mostAddedAtOnce)
		}
	}
}

// typeKeys types text into a field a key at a time, as a user does.
func (s *session) typeKeys(sel, text string) {
	s.t.Helper()
	s.do("type into "+sel, chromedp.Focus(chromedp.CSS(sel)), chromedp.SendKeys(sel, text))
}

// Journey 22: 1,000 articles imported as a workspace file, analysed, and
// looked through: a pair opened, the overview again, the next page of
// pairs and of articles, and the form typed into during the analysis and
// after it; then the file imported again, every article updated, and
// typed into once more. The page's longest main-thread task in each
// phase, the CPU time of each phase's longest task by CPU time and what
// V8's optimizing compiler took (Chromium's trace), and the keystrokes'
// delays are logged, not asserted (they depend on the machine; see
// "Architecture" in the README).
func TestABigWorkspaceKeepsThePageAnsweringInEveryView(t *testing.T) {
	data := bigWorkspace(t, 1000)
	path := writeFile(t, "newsroom-1000.json", string(data))
	s := start(t, 6*time.Minute)
	s.open("/")
	s.waitReady()
	// A reader takes a few seconds to choose a file: meanwhile the page
	// runs the code of an import and of a pair view once, two seconds
	// after its first result (app/ui/warmup.go).
	time.Sleep(3 * time.Second)
	s.reportPhases("1,000 articles imported")

	s.markPhase("reading the import")
	s.do("import the workspace", chromedp.SetUploadFiles(chromedp.CSS("#import-workspace"), []string{path}))
	s.waitFor("the analysis of the 1,000 imported articles to start",
		`+$("#articles-heading .count").textContent === 1000 && `+busy, 2*time.Minute)
	s.typeKeys("#article-title", "wire")
	s.waitFor("the analysis of 1,000 articles to finish", "!"+busy, 4*time.Minute)
	s.waitReady()
	if n := eval[int](s, `__keys.filter(k => k[0] === "the analysis").length`); n == 0 {
		s.fail("no keystroke was answered during the analysis; the journey needs a longer analysis")
	}
	if kind, text := s.status(); kind == "error" {
		s.fail("the analysis failed: %s", text)
	}
	pairs := s.pairs()
	if len(pairs) == 0 {
		s.fail("the analysis of 1,000 articles shows no pair, though the rewrites copy paragraphs")
	}
	time.Sleep(2 * time.Second) // the result's own tasks, and the save after it

	s.markPhase("opening the top pair")
	s.openPair(pairs[0].Key)
	time.Sleep(time.Second)
	s.markPhase("back to the overview")
	s.do("go back", chromedp.NavigateBack())
	s.waitFor("the overview", `visible($("#overview")) && $$("#overview [data-pair]").length > 0`, 30*time.Second)
	time.Sleep(time.Second)
	s.checkDrawnInSlices("the analysis", "the result on screen", "back to the overview")
	// The pairs are each story's origin with its copies: fewer than a
	// page, on some machines' runs of the corpus.
	if eval[bool](s, `!!$("#pair-pages")`) {
		s.markPhase("the next page of pairs")
		s.do("scroll to the pairs' pager", chromedp.ScrollIntoView(chromedp.CSS("#pair-pages")))
		s.click(`#pair-pages [data-page="next"]`)
		s.waitFor("the second page of pairs", `norm($("#pair-pages .pager-where").textContent).startsWith("Pairs 101–")`, 30*time.Second)
		time.Sleep(time.Second)
	} else {
		t.Logf("%d pairs: one page", len(s.pairs()))
	}
	if eval[bool](s, `!!$("#reuse-pages")`) {
		s.markPhase("the next page of reused shares")
		s.do("scroll to the reused shares' pager", chromedp.ScrollIntoView(chromedp.CSS("#reuse-pages")))
		s.click(`#reuse-pages [data-page="next"]`)
		s.waitFor("the second page of reused shares", `norm($("#reuse-pages .pager-where").textContent).startsWith("Articles 1–") === false`, 30*time.Second)
		time.Sleep(time.Second)
	}
	s.markPhase("the next page of articles")
	s.do("scroll to the articles' pager", chromedp.ScrollIntoView(chromedp.CSS("#article-pages")))
	s.click(`#article-pages [data-page="next"]`)
	s.waitFor("the second page of articles", `norm($("#article-pages .pager-where").textContent).startsWith("Articles 1–") === false`, 30*time.Second)
	time.Sleep(time.Second)
	s.markPhase("typing after the result")
	s.typeKeys("#article-title", " copy")
	time.Sleep(time.Second)

	// The import once more, each article with a new title and a line
	// more (so that all of it is saved, listed and analysed anew), in the
	// same page: V8 has compiled the module's hot functions by now (the
	// trace's "optimizing compiler"), so this is the analysis as a page
	// that has run a while sees it.
	again := writeFile(t, "newsroom-1000-updated.json", string(updatedWorkspace(t, data)))
	s.markPhase("reading the import again")
	s.do("import the workspace again", chromedp.SetUploadFiles(chromedp.CSS("#import-workspace"), []string{again}))
	s.waitFor("the analysis of the import again to start", busy, 2*time.Minute)
	s.typeKeys("#article-title", " again")
	s.waitFor("the analysis of the import again to finish", "!"+busy, 4*time.Minute)
	s.waitReady()
	time.Sleep(2 * time.Second)
	s.markPhase("end")
}

// updatedWorkspace is the workspace file data with each article's title
// and text changed: a line added above the text.
func updatedWorkspace(t *testing.T, data []byte) []byte {
	t.Helper()
	w, err := workspace.Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range w.Articles {
		w.Articles[i].Title = a.Title + " (updated)"
		w.Articles[i].Text = "Updated at noon.\n\n" + a.Text
	}
	out, err := workspace.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// checkReusedBars expects the overview to give the reused share of all
// total articles, a hundred at a time.
func (s *session) checkReusedBars(total int) {
	s.t.Helper()
	if n := eval[int](s, `$$("#overview [data-reused]").length`); n != min(total, 100) {
		s.fail("the finished analysis shows %d reused bars, want the first %d of %d articles", n, min(total, 100), total)
	}
	if total <= 100 {
		return
	}
	want := "Articles 1–100 of " + export.Thousands(total)
	if got := eval[string](s, `norm($("#reuse-pages .pager-where")?.textContent ?? "")`); got != want {
		s.fail("the reused shares' pager says %q, want %q", got, want)
	}
}
