package e2e

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

var (
	flagE2E      = flag.Bool("e2e", false, "run the browser tests (so do WIREDIFF_E2E=1 and CI=true)")
	flagDist     = flag.String("dist", "../dist", "the site built by `make site`")
	flagChromium = flag.String("chromium", "/usr/bin/chromium", "the Chromium executable")
)

const installChromium = "sudo apt-get update && sudo apt-get install -y chromium chromium-driver"

// requested says whether the browser tests must run. In CI they always
// run, so a broken set-up fails instead of skipping.
func requested() bool {
	return *flagE2E || os.Getenv("WIREDIFF_E2E") == "1" || os.Getenv("CI") == "true"
}

// session is one journey: its own HTTP server over dist/ and its own
// Chromium with a fresh profile, so no journey sees another's storage.
type session struct {
	t   *testing.T
	ctx context.Context // the tab, with the journey's deadline
	URL string          // http://127.0.0.1:port, no trailing slash

	srv *http.Server

	mu      sync.Mutex
	console []string // what the page logged, printed when the journey fails
}

// start checks the set-up, serves dist/ and launches Chromium. A missing
// piece fails (never skips) once the tests are requested.
func start(t *testing.T, timeout time.Duration) *session {
	t.Helper()
	if !requested() {
		t.Skip("browser test: run with `go test ./e2e/ -e2e`, WIREDIFF_E2E=1 or CI=true (make test does)")
	}
	if _, err := os.Stat(*flagChromium); err != nil {
		t.Fatalf("Chromium is not installed at %s (%v); install it with:\n\t%s\nor run `make test` as root, which installs it", *flagChromium, err, installChromium)
	}
	for _, f := range []string{"index.html", "app-worker.js", "wasm_exec.js", "web/app.wasm"} {
		if _, err := os.Stat(filepath.Join(*flagDist, f)); err != nil {
			t.Fatalf("the site is not built (%v); run `make site` (or `make test`) first", err)
		}
	}

	s := &session{t: t}
	s.removeScreenshots()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s.URL = "http://" + ln.Addr().String()
	s.srv = &http.Server{Handler: http.FileServer(http.Dir(*flagDist))}
	go s.srv.Serve(ln)

	// Cleanups run last-in first-out: the browser stops before its
	// profile directory is removed, and the page's log is printed last.
	t.Cleanup(func() {
		if t.Failed() {
			s.mu.Lock()
			defer s.mu.Unlock()
			t.Logf("browser console:\n\t%s", strings.Join(s.console, "\n\t"))
		}
	})
	t.Cleanup(func() { s.srv.Close() })

	// Exactly the flags that work on these machines, nothing from
	// chromedp's defaults.
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(*flagChromium),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
	)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(cancelAlloc)
	t.Cleanup(cancelBrowser)
	// The first Do starts the browser; its life is bound to browserCtx,
	// not to the journey's deadline below.
	if err := chromedp.Do(browserCtx, chromedp.EmulateViewport(1400, 1000)); err != nil {
		t.Fatalf("cannot start Chromium %s: %v\nif it is missing or broken, install it with:\n\t%s", *flagChromium, err, installChromium)
	}
	ctx, cancel := context.WithTimeout(browserCtx, timeout)
	t.Cleanup(cancel)
	s.ctx = ctx

	console := chromedp.Console(browserCtx)
	go func() {
		for m, err := range console {
			if err != nil {
				return
			}
			s.mu.Lock()
			s.console = append(s.console, m.String())
			s.mu.Unlock()
		}
	}()
	// Accept confirm() and prompt() so a journey is not stuck on one.
	dialogs := chromedp.Events(browserCtx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range dialogs {
			if err != nil {
				return
			}
			s.logf("dialog %s: %q", ev.Type, ev.Message)
			chromedp.Call(browserCtx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true, PromptText: ev.DefaultPrompt})
		}
	}()
	return s
}

func (s *session) logf(format string, args ...any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.console = append(s.console, "[test] "+fmt.Sprintf(format, args...))
}

// do runs actions and fails the journey on an error.
func (s *session) do(what string, actions ...chromedp.Action[chromedp.Void]) {
	s.t.Helper()
	if err := chromedp.Do(s.ctx, actions...); err != nil {
		s.fail("%s: %v", what, err)
	}
}

// fail saves what the browser shows, then fails the journey.
func (s *session) fail(format string, args ...any) {
	s.t.Helper()
	if s.ctx.Err() == nil {
		s.screenshot("FAILED")
	}
	s.t.Fatalf(format, args...)
}

// errorf records a failure and saves what the browser shows, but lets
// the journey go on.
func (s *session) errorf(format string, args ...any) {
	s.t.Helper()
	s.screenshot("ERROR")
	s.t.Errorf(format, args...)
}

// open loads a path of the site as a new document, even when only the
// fragment differs from the current URL.
func (s *session) open(path string) {
	s.t.Helper()
	s.do("open about:blank", chromedp.Navigate("about:blank"))
	s.do("open "+path, chromedp.Navigate(s.URL+path))
}

// helpers is JavaScript put in front of every expression.
const helpers = `
const norm = (s) => (s || "").replace(/\s+/g, " ").trim();
const $ = (sel) => document.querySelector(sel);
const $$ = (sel, root) => [...(root || document).querySelectorAll(sel)];
const visible = (el) => !!el && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
`

// eval evaluates a JavaScript expression (awaiting a promise) in the page.
func eval[T any](s *session, expr string) T {
	s.t.Helper()
	v, err := tryEval[T](s.ctx, expr)
	if err != nil {
		s.fail("evaluate %s: %v", expr, err)
	}
	return v
}

func tryEval[T any](ctx context.Context, expr string) (T, error) {
	return chromedp.Run(ctx, chromedp.Evaluate[T]("(async () => {"+helpers+"\nreturn ("+expr+");})()", chromedp.EvalAwaitPromise))
}

// waitFor polls a JavaScript condition until it is true. It survives
// reloads, unlike chromedp.Poll, and names what it waited for.
func (s *session) waitFor(what, expr string, timeout time.Duration) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, timeout)
	defer cancel()
	var last error
	for {
		ok, err := tryEval[bool](ctx, expr)
		if err == nil && ok {
			return
		}
		if err != nil {
			last = err
		}
		select {
		case <-ctx.Done():
			s.fail("waited %v for %s; last error: %v", timeout, what, last)
		case <-time.After(25 * time.Millisecond):
		}
	}
}

// busy is true while the main area is aria-busy: the saved articles are
// loading (the page as served says so before the app runs) or the
// articles on screen are being analysed. It changes in the same render
// as what the main area shows, so when it is false the result on screen
// is of the articles on screen.
const busy = `($("#main").getAttribute("aria-busy") === "true")`

// waitReady waits until the app started and no analysis runs, the way
// assistive technology learns it: #main is no longer aria-busy. Callers
// first wait for the change they made to show (a new list entry, a new
// page): until then the main area still describes the page before it.
func (s *session) waitReady() {
	s.t.Helper()
	s.waitFor("the app to be ready and the analysis to finish",
		`!!$("#main") && $("#main").getAttribute("aria-busy") === "false"`, 60*time.Second)
}

var unsafeName = regexp.MustCompile(`[^A-Za-z0-9_-]+`)

// screenshotName is the file a journey's screenshot with label goes to.
func (s *session) screenshotName(label string) string {
	name := unsafeName.ReplaceAllString(strings.TrimPrefix(s.t.Name(), "Test")+"-"+label, "_") + ".png"
	return filepath.Join("screenshots", name)
}

// removeScreenshots deletes the journey's screenshots of an earlier run,
// so a FAILED or ERROR picture never sits beside a passing run.
func (s *session) removeScreenshots() {
	s.t.Helper()
	prefix := strings.TrimSuffix(s.screenshotName(""), ".png")
	old, err := filepath.Glob(prefix + "*.png")
	if err != nil {
		s.t.Fatal(err)
	}
	for _, f := range old {
		// Go test names hold no "-", so "<name>-*" matches only this
		// journey's pictures, not those of a test whose name extends it.
		if err := os.Remove(f); err != nil {
			s.t.Fatal(err)
		}
	}
}

// screenshot saves the whole page into screenshots/<test>-<label>.png.
func (s *session) screenshot(label string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 15*time.Second)
	defer cancel()
	buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		// A whole-page capture has been seen to stall on a loaded
		// machine; the viewport is better than nothing.
		s.logf("full-page screenshot %s: %v; taking the viewport", label, err)
		ctx, cancel := context.WithTimeout(s.ctx, 15*time.Second)
		defer cancel()
		if buf, err = chromedp.Run(ctx, chromedp.CaptureScreenshot()); err != nil {
			s.t.Errorf("screenshot %s: %v", label, err)
			return
		}
	}
	if err := os.MkdirAll("screenshots", 0o755); err != nil {
		s.t.Fatal(err)
	}
	if err := os.WriteFile(s.screenshotName(label), buf, 0o644); err != nil {
		s.t.Fatal(err)
	}
}

// jsString quotes a Go string as a JavaScript string literal.
func jsString(v string) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// typeInto focuses a field, empties it and inserts text the way a paste
// does (one input event), so the app sees a user's edit.
func (s *session) typeInto(sel, text string) {
	s.t.Helper()
	s.do("focus "+sel,
		chromedp.WaitVisible(chromedp.CSS(sel)),
		chromedp.Focus(chromedp.CSS(sel)),
		chromedp.Evaluate[chromedp.Void](`document.querySelector(`+jsString(sel)+`).select()`),
		chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
			if text == "" {
				_, err := cdp.Call(ctx, t, input.DispatchKeyEvent, input.DispatchKeyEventParams{Type: input.DispatchKeyEventTypeRawKeyDown, Key: "Delete", Code: "Delete", WindowsVirtualKeyCode: 46})
				return err
			}
			_, err := cdp.Call(ctx, t, input.InsertText, input.InsertTextParams{Text: text})
			return err
		}),
	)
	if got := eval[string](s, `$(`+jsString(sel)+`).value`); got != text {
		s.fail("%s holds %d bytes after typing, want %d", sel, len(got), len(text))
	}
}

// click clicks the first element that matches a CSS selector, as a mouse.
func (s *session) click(sel string) {
	s.t.Helper()
	s.do("click "+sel, chromedp.Click(chromedp.CSS(sel)))
}

// addArticle pastes an article and adds it, returning its new ID once
// the analysis that follows has finished.
func (s *session) addArticle(title, source, text string) string {
	s.t.Helper()
	before := s.articleIDs()
	s.typeInto("#article-title", title)
	s.typeInto("#article-source", source)
	s.typeInto("#article-text", text)
	s.click("#add-article")
	s.waitFor("the new article in #article-list",
		fmt.Sprintf(`$$("#article-list [data-article-id]").length === %d`, len(before)+1), 20*time.Second)
	s.waitReady()
	// The paste went in: the form is empty for the next one.
	s.waitFor("the form to clear", `["#article-title", "#article-source", "#article-text"].every(sel => $(sel).value === "")`, 5*time.Second)
	return s.newID(before)
}

// newID returns the one article ID that is not in before.
func (s *session) newID(before []string) string {
	s.t.Helper()
	old := map[string]bool{}
	for _, id := range before {
		old[id] = true
	}
	var added []string
	for _, id := range s.articleIDs() {
		if !old[id] {
			added = append(added, id)
		}
	}
	if len(added) != 1 {
		s.fail("want one new article, got %q (before %q)", added, before)
	}
	return added[0]
}

func (s *session) articleIDs() []string {
	s.t.Helper()
	return eval[[]string](s, `$$("#article-list [data-article-id]").map(e => e.dataset.articleId)`)
}

// articleID finds the article whose list entry shows text.
func (s *session) articleID(text string) string {
	s.t.Helper()
	id, err := tryEval[string](s.ctx, `$$("#article-list [data-article-id]").find(e => norm(e.textContent).includes(`+jsString(text)+`)).dataset.articleId`)
	if err != nil {
		s.fail("no article in #article-list shows %q: %v", text, err)
	}
	return id
}

type overviewPair struct {
	Key   string `json:"key"`
	Words int    `json:"words"`
}

// pairs lists the overview's pairs in the order shown.
func (s *session) pairs() []overviewPair {
	s.t.Helper()
	return eval[[]overviewPair](s, `$$("#overview [data-pair]").map(e => ({key: e.dataset.pair, words: +e.dataset.sharedWords}))`)
}

// findPair returns the overview key of the pair of articles a and b.
func (s *session) findPair(a, b string) (string, bool) {
	s.t.Helper()
	for _, p := range s.pairs() {
		if p.Key == a+"/"+b || p.Key == b+"/"+a {
			return p.Key, true
		}
	}
	return "", false
}

// openPair clicks a pair in the overview and waits for its passages.
func (s *session) openPair(key string) {
	s.t.Helper()
	s.click(`#overview [data-pair="` + key + `"]`)
	s.waitPairView(key)
}

func (s *session) waitPairView(key string) {
	s.t.Helper()
	// Until go-app renders the new pair, the view may still show the
	// previous one; once it does, it is busy until its texts and cards
	// are drawn.
	s.waitFor("the pair view of "+key,
		`location.hash === "#pair/`+key+`" && visible($("#pair-view")) && [`+jsString(key)+`, `+jsString(swapPair(key))+`].includes($("#pair-view").dataset.pair) && $("#pair-view").getAttribute("aria-busy") !== "true" && $$("#side-a [data-passage]").length > 0 && $$("#side-b [data-passage]").length > 0`,
		30*time.Second)
}

// swapPair turns the pair key "a/b" into "b/a": the pair view names a
// pair in the order of its result, which may be the URL's reversed.
func swapPair(key string) string {
	a, b, _ := strings.Cut(key, "/")
	return b + "/" + a
}

// passage is what the pair view shows of one passage.
type passage struct {
	N       string   `json:"n"`
	A       string   `json:"a"`    // highlighted text on side A
	B       string   `json:"b"`    // and on side B
	Del     []string `json:"del"`  // <del> texts of its diff
	Ins     []string `json:"ins"`  // <ins> texts of its diff
	Marked  bool     `json:"mark"` // highlighted on both sides (a background or a decoration)
	Visible bool     `json:"vis"`
}

// passages reads the pair view: each passage's text on both sides and
// the deletions and insertions of its word diff.
func (s *session) passages() []passage {
	s.t.Helper()
	return eval[[]passage](s, `(() => {
		const marked = (el) => { const c = getComputedStyle(el); return (c.backgroundColor !== "rgba(0, 0, 0, 0)" && c.backgroundColor !== "transparent") || c.textDecorationLine !== "none" || c.boxShadow !== "none" || c.outlineStyle !== "none" || c.borderBottomStyle !== "none"; };
		const ns = [...new Set($$("#side-a [data-passage], #side-b [data-passage]").map(e => e.dataset.passage))];
		return ns.map(n => {
			const a = $$('#side-a [data-passage="' + n + '"]'), b = $$('#side-b [data-passage="' + n + '"]');
			const d = $('#passage-diffs [data-diff="' + n + '"]');
			return {
				n,
				a: norm(a.map(e => e.textContent).join(" ")),
				b: norm(b.map(e => e.textContent).join(" ")),
				del: d ? $$("del", d).map(e => norm(e.textContent)) : [],
				ins: d ? $$("ins", d).map(e => norm(e.textContent)) : [],
				mark: a.length > 0 && b.length > 0 && a.every(marked) && b.every(marked),
				vis: a.some(visible) && b.some(visible),
			};
		});
	})()`)
}

// sideText is the whole text shown on one side of the pair view.
func (s *session) sideText(side string) string {
	s.t.Helper()
	return eval[string](s, `norm($("#side-`+side+`").textContent)`)
}

// dropFiles drops files on an element the way a user drags them from a
// file manager: Chromium's drag events with the files attached.
func (s *session) dropFiles(sel string, files ...string) {
	s.t.Helper()
	type point struct{ X, Y float64 }
	s.do("scroll to "+sel, chromedp.ScrollIntoView(chromedp.CSS(sel)))
	p := eval[point](s, `(() => { const r = $(`+jsString(sel)+`).getBoundingClientRect(); return {X: r.x + r.width / 2, Y: r.y + r.height / 2}; })()`)
	data := &input.DragData{Items: []*input.DragDataItem{}, Files: files, DragOperationsMask: 1}
	for _, typ := range []input.DispatchDragEventType{input.DispatchDragEventTypeDragEnter, input.DispatchDragEventTypeDragOver, input.DispatchDragEventTypeDrop} {
		_, err := chromedp.Call(s.ctx, input.DispatchDragEvent, input.DispatchDragEventParams{Type: typ, X: p.X, Y: p.Y, Data: data})
		if err != nil {
			s.fail("drop %v on %s (%s): %v", files, sel, typ, err)
		}
	}
}

// writeFile writes a file for an upload or a drop and returns its path.
func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// statusError reads #status when it reports an error.
func (s *session) status() (kind, text string) {
	s.t.Helper()
	v := eval[[]string](s, `[($("#status") || {}).dataset?.kind || "", norm(($("#status") || {}).textContent)]`)
	return v[0], v[1]
}
