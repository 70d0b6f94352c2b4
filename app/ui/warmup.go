package ui

import (
	"context"
	"runtime"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/worker"
	"github.com/wirediff/wirediff/app/workspace"
	"github.com/wirediff/wirediff/internal/browser"
)

// V8 compiles a WebAssembly function when it is first called, on the
// page's thread, and the page's module is big: the first import of a
// workspace compiled some 350 functions (the garbage collector's, which
// had not run yet, encoding/json's and the workspace's decoding), the
// first pair view some 200, and with V8's optimizing compiler busy on
// the other threads that held 100 to 160 ms of the import's tasks and
// 45 to 70 ms of the pair's (journey 22, docs/main-thread.md). The
// functions run most are then compiled again by that optimizing
// compiler, on the same two cores as the page. So once a load, while
// the reader looks at the first result, the page runs that code on the
// demo's articles, a step a task, has the engine's worker analyse the
// demo a few times, and throws the outcome away: the work the user asks
// for later finds most of it compiled.

// warmUpBytes is the longest text of a pair the page opens to warm up:
// the code is the same for any two texts, and two long ones would take
// the page's thread for as long as opening them does.
const warmUpBytes = 32 << 10

// warmUpRounds is how many times the page encodes and decodes the demo.
const warmUpRounds = 4

// warmUpAnalyses is how many times the engine's worker analyses the demo.
const warmUpAnalyses = 3

// warmUp runs, once per page load and warmUpDelay after its first
// result, the code of an import and of its save on the demo's articles,
// of opening a pair on the result's first short pair, and of analysing
// the demo in the worker, without changing anything: nothing is kept,
// saved or drawn. An analysis running by then has compiled it already.
// The reader's first key, click, paste, drop or file chosen stops it
// (onReaderInput), the worker's analysis too: its work would slow the
// reader's, on the same cores, and hold the worker the reader's work
// needs, which would start another.
func (a *App) warmUp(ctx app.Context) {
	if a.warmed {
		return
	}
	a.warmed = true
	warm, stop := context.WithCancel(context.Background())
	release := onReaderInput(stop)
	done := func() {
		release()
		stop()
	}
	ctx.After(warmUpDelay, func(ctx app.Context) {
		ctx.PreventUpdate()
		if a.status.running() || warm.Err() != nil {
			done() // the user's own work compiles it now
			return
		}
		a.rehearse(ctx, warm, done)
	})
}

// rehearse runs the code of an import, of its save and of opening a
// pair, each in a task of its own, then has the worker analyse the demo,
// until warm is done; then it calls done.
func (a *App) rehearse(ctx app.Context, warm context.Context, done func()) {
	demo := workspace.Demo()
	var pairA, pairB workspace.Article
	var top *reuse.Pair
	if an, arts := a.status.result, a.session.Articles(); an != nil && an.report != nil && an.covers(arts) {
		for i := range an.report.Pairs {
			p := &an.report.Pairs[i]
			artA, _, okA := a.session.Find(an.id(p.A))
			artB, _, okB := a.session.Find(an.id(p.B))
			if okA && okB && len(artA.Text) <= warmUpBytes && len(artB.Text) <= warmUpBytes {
				top, pairA, pairB = p, artA, artB
				break
			}
		}
	}
	// A view's title is set as it opens.
	ctx.Page().SetTitle(ctx.Page().Title())
	ctx.Async(func() {
		defer done()
		// next gives the thread to the browser, and says whether to go on.
		next := func() bool {
			browser.Breathe()
			return warm.Err() == nil
		}
		// The garbage collector first: after a load it first runs when
		// an import has grown the heap. Once a load, this is at most
		// the collection of an idle page.
		if !next() {
			return
		}
		runtime.GC()
		// A few rounds: the functions run most are then compiled by
		// V8's optimizing compiler too, in the background, before the
		// user's import needs them (journey 22: 0.26-0.39 s of its
		// compiling during the import, against 0.43-0.65 s after one).
		for range warmUpRounds {
			if !next() {
				return
			}
			if data, err := workspace.Marshal(demo); err == nil {
				if !next() {
					return
				}
				workspace.UnmarshalPausing(data, browser.PauseEvery, browser.Breathe)
			}
			if !next() {
				return
			}
			(&saver{}).changes(demo)
		}
		if top != nil {
			if !next() {
				return
			}
			rehearsePairView(pairA, pairB, top)
		}
		// The engine's worker too: the demo analysed a few times more,
		// the engine's hottest functions are optimized before the
		// user's analysis needs them. Stopped, the worker is ended.
		for range warmUpAnalyses {
			if warm.Err() != nil {
				return
			}
			worker.Rehearse(warm, demo.Documents(), demo.Options())
		}
	})
}

// rehearsePairView builds the view of two articles as it is drawn when
// it opens, its texts and passage cards included, and drops it.
func rehearsePairView(a, b workspace.Article, pair *reuse.Pair) {
	p := newPairView().Articles(a, b).Pair(pair)
	p.bodyFor, p.cardsFor = p.key(), p.key()
	p.Render()
	l := p.layouts()
	for i, art := range []workspace.Article{a, b} {
		side := []string{"a", "b"}[i]
		newSideText().Side(side, sideLabel(side)).Runs(p.key(), art.Text, l.runs[i], l.long[i]).Render()
		for _, run := range l.runs[i] {
			blockOf(side, l.long[i], art.Text, run).Render()
		}
	}
}
