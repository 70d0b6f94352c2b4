package ui

import (
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/session"
)

// renderFamilies lists the passages that recur in three or more
// articles, each with the articles it is in: the first limit of them
// (0: all that are shown), as the overview draws them a slice at a time.
func (o *overview) renderFamilies(titles map[string]string, limit int) app.UI {
	an := o.IAnalysis
	families := an.report.Families
	listed := min(len(families), familiesShown) // the note counts these
	shown := families[:drawEnd(0, listed, limit)]
	return app.Section().ID("families").Class("card", "families").Aria("labelledby", "families-heading").Body(
		app.H3().ID("families-heading").Text("Passages in three or more articles"),
		app.If(len(families) == 0, func() app.UI {
			return app.P().Class("empty").Text("No passage recurs in three or more articles.")
		}),
		app.If(listed < len(families), func() app.UI {
			return app.P().Class("note").Textf("The first %d of %d; export the report for all of them.", listed, len(families))
		}),
		app.Ol().Class("family-list").Body(
			app.Range(shown).Slice(func(i int) app.UI {
				f := shown[i]
				if len(f.Members) == 0 {
					return nil
				}
				first := f.Members[0]
				firstID := an.id(first.Doc)
				members := f.Members[:min(len(f.Members), familyMembersShown)]
				return app.Li().Class("family").DataSet("family", i).Body(
					app.P().Class("family-count").Text(fmt.Sprintf("In %d articles", len(f.Members))),
					app.Blockquote().Class("family-text").Dir("auto").Text(an.excerpt(first.Doc, first.Span)),
					app.Ul().Class("family-members").Body(
						app.Range(members).Slice(func(j int) app.UI {
							id := an.id(members[j].Doc)
							title, ok := titles[id]
							if !ok {
								return nil
							}
							if j == 0 {
								return app.Li().Class("chip").Dir("auto").Text(title)
							}
							return app.Li().Body(
								app.A().Class("chip").Dir("auto").Href(session.PairHref(firstID, id)).
									Title("Compare with " + titles[firstID]).
									Text(title),
							)
						}),
						app.If(len(members) < len(f.Members), func() app.UI {
							return app.Li().Class("note").Textf("and %d more (export the report for all)", len(f.Members)-len(members))
						}),
					),
				)
			}),
		),
	)
}

// id returns the article ID of a document index.
func (an *analysis) id(doc int) string {
	if doc < 0 || doc >= len(an.ids) {
		return ""
	}
	return an.ids[doc]
}

// excerpt is a span of a document on one line, its head and tail (see
// export.Excerpt); a span outside the text gives nothing.
func (an *analysis) excerpt(doc int, sp reuse.Span) string {
	if doc < 0 || doc >= len(an.docs) {
		return ""
	}
	key := excerptOf{doc, sp}
	if e, ok := an.excerpts[key]; ok {
		return e
	}
	if an.excerpts == nil {
		an.excerpts = make(map[excerptOf]string)
	}
	e := export.Excerpt(export.ClipText(an.docs[doc].Text, sp), excerptChars)
	an.excerpts[key] = e
	return e
}
