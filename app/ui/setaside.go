package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
)

// setAsideShown is how many set-aside texts the overview lists; the
// report holds them all.
const setAsideShown = 50

// renderSetAside lists the text the analysis set aside as boilerplate,
// why, in how many articles, with an example: a user sees what was not
// compared, not only what was; the first limit of them so far (0: all it
// lists). Then the texts the user marked, each with an Unmark button
// whose click onUnmark handles.
func renderSetAside(an *analysis, titles map[string]string, limit int, marked []string, onUnmark func(string) app.EventHandler) app.UI {
	all := an.report.SetAside
	listed := min(len(all), setAsideShown) // the note counts these
	shown := all[:drawEnd(0, listed, limit)]
	return app.Section().ID("set-aside").Class("card", "set-aside").Aria("labelledby", "set-aside-heading").Body(
		app.H3().ID("set-aside-heading").Text("Set aside as boilerplate"),
		app.P().Class("note").Text(export.SetAsideNote),
		app.If(len(all) == 0, func() app.UI {
			return app.P().Class("empty").Text("Nothing was set aside: every shared text was compared.")
		}),
		app.If(listed < len(all), func() app.UI {
			return app.P().Class("note").Textf("The first %d of %d; export the report for all of them.", listed, len(all))
		}),
		app.Ul().ID("set-aside-list").Class("set-aside-list").Body(
			app.Range(shown).Slice(func(i int) app.UI {
				s := shown[i]
				in := titles[an.id(s.Example.Doc)]
				return app.Li().Class("set-aside-item").DataSet("reason", s.Reason).Body(
					app.P().Class("set-aside-why").Text(export.SetAsideReason(s)),
					app.Blockquote().Class("family-text").Dir("auto").Text(an.excerpt(s.Example.Doc, s.Example.Span)),
					app.If(in != "", func() app.UI {
						return app.P().Class("note").Body(app.Text("For example in "), app.Span().Dir("auto").Text(in))
					}),
				)
			}),
		),
		app.If(len(marked) > 0, func() app.UI { return renderMarked(marked, onUnmark) }),
	)
}

// renderMarked lists the texts the user marked as boilerplate, to
// compare any of them again.
func renderMarked(marked []string, onUnmark func(string) app.EventHandler) app.UI {
	return app.Div().ID("marked").Class("marked").Body(
		app.H4().Text("Marked by you"),
		app.Ul().ID("marked-list").Class("set-aside-list").Body(
			app.Range(marked).Slice(func(i int) app.UI {
				text := marked[i]
				return app.Li().Class("marked-item").Body(
					app.Blockquote().Class("family-text").Dir("auto").Text(export.Excerpt(text, excerptChars)),
					app.Button().Type("button").Class("button", "small", "quiet", "unmark").
						Aria("label", "Unmark “"+export.Excerpt(text, 60)+"”: compare it again").
						OnClick(onUnmark(text), app.EventScope(text)).
						Text("Unmark"),
				)
			}),
		),
	)
}
