package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Small DOM helpers. go-app's Window is a no-op outside the browser, so
// these are safe in native tests.

// setBodyFlag sets or removes a data attribute on <body>: browser tests
// wait on data-ready and data-analysing.
func setBodyFlag(name string, on bool) {
	body := app.Window().Get("document").Get("body")
	if !body.Truthy() {
		return
	}
	if on {
		body.Call("setAttribute", name, "true")
	} else {
		body.Call("removeAttribute", name)
	}
}

// scrollIntoView brings an element to the middle of its scrolling box.
func scrollIntoView(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("scrollIntoView", map[string]any{"block": "center", "inline": "nearest"})
	}
}

func scrollToTop() {
	app.Window().Call("scrollTo", 0, 0)
}

// focusByID moves keyboard focus, so a screen reader announces a new view.
func focusByID(id string) {
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus", map[string]any{"preventScroll": true})
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
