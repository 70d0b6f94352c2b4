package ui

import (
	"errors"
	"fmt"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/session"
)

// saveDelay is how long a save waits, so the page shows a change before
// the workspace is encoded, and changes in quick succession save once.
const saveDelay = 50 * time.Millisecond

// load reads the saved workspace off the UI goroutine.
func (a *App) load(ctx app.Context) {
	store := a.Store
	ctx.Async(func() {
		data, err := store.Load()
		ctx.NewActionWithValue(actionLoaded, loaded{data: data, err: err})
	})
}

func (a *App) onLoaded(ctx app.Context, act app.Action) {
	l, _ := act.Value.(loaded)
	a.apply(ctx, a.session.Load(l.data, l.err, urlFragment(ctx)))
}

// persist saves a snapshot of the workspace in the background. Encoding
// a workspace with megabytes of text holds the browser's only thread for
// a moment (Go runs on it), so it waits until the page has shown the
// change, a snapshot taken meanwhile replaces it, and it encodes in
// slices.
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
		data, err := s.encode(snap)
		if err != nil {
			err = encodeError{err}
		} else {
			err = s.save(seq, data)
		}
		ctx.NewActionWithValue(actionSaved, err)
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
