package ui

import (
	"errors"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
	"github.com/wirediff/wirediff/internal/browser"
)

// saveDelay is how long a save waits, so the page shows a change before
// its records are encoded, and changes in quick succession save once.
const saveDelay = 50 * time.Millisecond

// loaded is the saved workspace, as saver.restore read it.
type loaded struct {
	ws      *workspace.Workspace
	rewrite bool
	err     error
}

// load reads the saved workspace off the UI goroutine: the store's
// records, then the articles decoded from them in slices.
func (a *App) load(ctx app.Context) {
	store, s := a.Store, a.saver
	ctx.Async(func() {
		var l loaded
		saved, err := store.Load()
		if err != nil {
			l.err = err
		} else {
			l.ws, l.rewrite, l.err = s.restore(saved)
		}
		ctx.NewActionWithValue(actionLoaded, l)
	})
}

func (a *App) onLoaded(ctx app.Context, act app.Action) {
	l, _ := act.Value.(loaded)
	c := a.session.Load(l.ws, l.err, urlFragment(ctx))
	// An earlier version's save is written again at once as records.
	c.Save = c.Save || l.rewrite
	a.apply(ctx, c)
}

// persist saves a snapshot of the workspace in the background: what
// changed since the last save (saver). It waits until the page has
// shown the change, and a snapshot taken meanwhile replaces it.
func (a *App) persist(ctx app.Context) {
	if a.saver == nil || !a.session.Loaded() {
		return
	}
	// The session never changes a list it handed out, so the snapshot
	// stays as it is.
	snap := a.session.Workspace()
	s := a.saver
	seq := s.next()
	ctx.Async(func() {
		time.Sleep(saveDelay)
		if s.superseded(seq) {
			return
		}
		// The delay is a timer, and Go runs an expired timer's goroutine
		// in the task of whatever Go work is running by then (the import's
		// render, the worker's request): the records are encoded from a
		// task of their own.
		browser.Breathe()
		ctx.NewActionWithValue(actionSaved, s.save(seq, snap))
	})
}

// An encodeError is a workspace that could not be encoded for saving.
type encodeError struct{ err error }

func (e encodeError) Error() string { return e.err.Error() }

func (a *App) onSaved(ctx app.Context, act app.Action) {
	err, _ := act.Value.(error)
	if err == nil {
		ctx.PreventUpdate()
		return
	}
	var enc encodeError
	if errors.As(err, &enc) {
		// An export would fail the same way: no advice to export.
		a.session.Say(session.Error, fmt.Sprintf("Could not save your articles: %v. Everything on screen is kept until you close this tab.", enc.err))
		return
	}
	what := fmt.Sprintf("the browser refused to store them (%v)", err)
	if errors.Is(err, ErrStorageFull) {
		what = "the browser's storage for this page is full"
	}
	a.session.Say(session.Error, "Could not save your articles: "+what+
		". Everything on screen is kept, but it will be gone when you close this tab: use “Export workspace” to keep a copy.")
}
