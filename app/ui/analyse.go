package ui

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
)

// progressEvery spaces out progress updates: each one re-renders the page,
// which costs more than the analysis step it reports.
const progressEvery = 80 * time.Millisecond

// analyse starts analysing the articles on screen.
func (a *App) analyse(ctx app.Context) {
	ws := a.session.Workspace()
	snapshot := newSnapshot(ws)
	actx, cancel := context.WithCancel(context.Background())
	gen := a.status.start(cancel)
	if len(snapshot.docs) < 2 {
		// Nothing to compare: an empty result, at once.
		cancel()
		a.status.finish(gen, snapshot.finish(&reuse.Report{}), nil)
		return
	}
	ctx.Async(func() {
		var last time.Time
		// The marked texts are set aside wherever they occur.
		opts := ws.Options()
		opts.Progress = func(done, total int) {
			if actx.Err() != nil {
				return
			}
			if now := time.Now(); now.Sub(last) >= progressEvery {
				last = now
				ctx.NewActionWithValue(actionProgress, progress{gen: gen, done: done, total: total})
			}
			// Yield so the browser can paint and handle input: Go runs
			// on its main thread.
			time.Sleep(time.Millisecond)
		}
		report, err := analyseSafely(actx, snapshot.docs, opts)
		var result *analysis
		if err == nil {
			result = snapshot.finish(report)
		}
		ctx.NewActionWithValue(actionAnalysed, analysed{gen: gen, result: result, err: err})
	})
}

func (a *App) onProgress(ctx app.Context, act app.Action) {
	p, _ := act.Value.(progress)
	if !a.status.progress(p.gen, p.done, p.total) {
		ctx.PreventUpdate()
	}
}

func (a *App) onAnalysed(ctx app.Context, act app.Action) {
	r, _ := act.Value.(analysed)
	if !a.status.finish(r.gen, r.result, r.err) {
		ctx.PreventUpdate() // a newer analysis runs
		return
	}
	if r.err != nil && !errors.Is(r.err, context.Canceled) {
		a.session.Say(session.Error, fmt.Sprintf("The analysis failed: %v. Your articles are kept.", r.err))
	}
}
