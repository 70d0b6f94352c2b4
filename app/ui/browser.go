package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/internal/browser"
)

// Small DOM helpers. go-app's Window is a no-op outside the browser, so
// these are safe in native tests.

// scrollIntoView brings an element to the middle of its scrolling box.
func scrollIntoView(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("scrollIntoView", map[string]any{"block": "center", "inline": "nearest"})
	}
}

// scrollToMain brings the top of the main area into sight: the page's top
// when the main area sits beside the sidebar, the main area itself when a
// narrow window stacks it under the sidebar, where the page's top shows
// only the form to add articles.
func scrollToMain() {
	win := app.Window()
	main := win.GetElementByID("main")
	if !main.Truthy() {
		return
	}
	top := main.Call("getBoundingClientRect").Get("top").Float() + win.Get("scrollY").Float()
	if top < win.Get("innerHeight").Float()/2 {
		win.Call("scrollTo", 0, 0)
		return
	}
	main.Call("scrollIntoView", map[string]any{"block": "start"})
}

// focusByID moves keyboard focus, so a screen reader announces a new view.
func focusByID(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": true})
	}
}

// hasFocus reports whether the element with the given ID has the
// keyboard focus.
func hasFocus(id string) bool {
	el := app.Window().Get("document").Get("activeElement")
	return el.Truthy() && el.Get("id").String() == id
}

// focusHeading focuses the view's heading, #view-heading, so a screen
// reader announces the view; scroll brings it into sight too.
func focusHeading(scroll bool) {
	if scroll {
		focusAndShow("view-heading")
	} else {
		focusByID("view-heading")
	}
}

// focusAndShow moves the keyboard focus to an element, scrolling it into
// sight.
func focusAndShow(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}

// showListStart brings the start of a list that turned a page into
// sight: its own scroll box back to the top, and the page up to its
// heading if that is above the window. The pager that was clicked keeps
// the keyboard focus.
func showListStart(listID, headingID string) {
	if list := app.Window().GetElementByID(listID); list.Truthy() {
		list.Set("scrollTop", 0)
	}
	if h := app.Window().GetElementByID(headingID); h.Truthy() {
		h.Call("scrollIntoView", map[string]any{"block": "nearest"})
	}
}

// inputValue reads a form field straight from the page: fields are not
// mirrored into Go on every keystroke, which would re-render the page.
func inputValue(id string) string {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		return el.Get("value").String()
	}
	return ""
}

func setInputValue(id, v string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Set("value", v)
	}
}

// scrollToFirstMark scrolls a text box, and only it, so its first
// highlighted passage is at the top.
func scrollToFirstMark(id string) {
	box := app.Window().GetElementByID(id)
	if !box.Truthy() {
		return
	}
	mark := box.Call("querySelector", "mark")
	if !mark.Truthy() {
		return
	}
	offset := mark.Call("getBoundingClientRect").Get("top").Float() -
		box.Call("getBoundingClientRect").Get("top").Float()
	box.Set("scrollTop", box.Get("scrollTop").Float()+offset-12)
}

// afterBreath runs fn in a later task of its own, after go-app has
// rendered what is pending and the browser has had the thread to draw
// and answer input: the one way the views split long work. Breathing
// only once the render is done keeps a view that draws in slices at one
// slice a render: a pause can end before go-app's next frame (it renders
// a few milliseconds after a change), and the slices whose pauses ended
// first were then drawn together, some 900 elements in one task. The
// pause itself is wanted too: go-app's frame, a timer, fires in the
// task of whatever Go work is running by then, and a next slice asked
// for right after the render was drawn in the same task as the last.
func afterBreath(ctx app.Context, fn func(app.Context)) {
	ctx.Defer(func(ctx app.Context) {
		ctx.Async(func() {
			browser.Breathe()
			ctx.Dispatch(fn)
		})
	})
}
