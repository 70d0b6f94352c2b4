package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/session"
)

// noticeBar is the message line, #status: a polite live region, so a
// screen reader reads each notice out, with Undo after a removal.
type noticeBar struct {
	app.Compo

	// INotice is the message to show.
	INotice session.Notice
}

func newNoticeBar() *noticeBar { return &noticeBar{} }

// Notice passes the message to show.
func (n *noticeBar) Notice(v session.Notice) *noticeBar { n.INotice = v; return n }

// OnPreRender takes the requests natively too (tests), where go-app
// calls no OnMount.
func (n *noticeBar) OnPreRender(ctx app.Context) { n.OnMount(ctx) }

// OnMount takes requests to focus Undo: after the last article is
// removed, the focused button is gone, and Undo is where to go on.
func (n *noticeBar) OnMount(ctx app.Context) {
	ctx.Handle(actionFocusUndo, n.onFocusUndo)
}

func (n *noticeBar) Render() app.UI {
	kind := n.INotice.Kind
	if kind == "" {
		kind = session.Info
	}
	return app.Div().ID("status").Class("status").
		Role("status").
		Aria("live", "polite").
		DataSet("kind", kind).
		Body(
			app.If(n.INotice.Text != "", func() app.UI {
				return app.Span().Class("status-text").Dir("auto").Body(isolateQuotes(n.INotice.Text)...)
			}),
			app.If(n.INotice.Undo, func() app.UI {
				return app.Button().ID("undo").Type("button").Class("button", "link").
					OnClick(n.onUndo).
					Text("Undo")
			}),
		)
}

func (n *noticeBar) onUndo(ctx app.Context, e app.Event) {
	ctx.NewAction(actionUndo)
}

func (n *noticeBar) onFocusUndo(ctx app.Context, act app.Action) {
	ctx.Defer(func(app.Context) { focusAndShow("undo") })
}

// isolateQuotes renders a message with each “quoted” part, a title or a
// source in any script, isolated in a span of its own direction: an
// Arabic title must not reorder the English words and punctuation around
// it.
func isolateQuotes(msg string) []app.UI {
	var out []app.UI
	for {
		open := strings.Index(msg, "“")
		if open < 0 {
			break
		}
		open += len("“")
		end := strings.Index(msg[open:], "”")
		if end < 0 {
			break
		}
		end += open
		out = append(out, app.Text(msg[:open]), app.Span().Dir("auto").Text(msg[open:end]))
		msg = msg[end:]
	}
	if msg != "" {
		out = append(out, app.Text(msg))
	}
	return out
}
