package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
)

// progressBar follows a running analysis. Its row is a polite live
// region that is always on the page, so a screen reader says when an
// analysis starts and when it ends; the percentage lives in the progress
// bar's value, not in the region's words, which would be read out at
// every step.
type progressBar struct {
	app.Compo

	// IRunning says an analysis runs.
	IRunning bool
	// IArticles is how many articles it analyses.
	IArticles int
	// IDone and ITotal are the steps it has done, of how many; ITotal is
	// 0 before the first report.
	IDone, ITotal int
	// IFinished says the last analysis finished.
	IFinished bool
}

func newProgressBar() *progressBar { return &progressBar{} }

// Running says an analysis runs.
func (p *progressBar) Running(v bool) *progressBar { p.IRunning = v; return p }

// Articles passes how many articles are analysed.
func (p *progressBar) Articles(n int) *progressBar { p.IArticles = n; return p }

// Finished says the last analysis finished.
func (p *progressBar) Finished(v bool) *progressBar { p.IFinished = v; return p }

// Steps passes how far the analysis got.
func (p *progressBar) Steps(done, total int) *progressBar {
	p.IDone, p.ITotal = done, total
	return p
}

func (p *progressBar) Render() app.UI {
	region := app.Div().ID("analysis-status").Class("progress-row").Role("status").Aria("live", "polite")
	if !p.IRunning {
		if !p.IFinished {
			return region
		}
		return region.Body(app.P().Class("visually-hidden").Text("Analysis finished."))
	}
	total, done := p.ITotal, p.IDone
	if total <= 0 {
		total, done = 1, 0
	}
	pct := 100 * done / total
	return region.Body(
		app.Progress().ID("progress").
			Max(total).
			Value(done).
			Aria("label", "Analysis progress").
			Aria("valuenow", pct).
			Aria("valuemin", 0).
			Aria("valuemax", 100),
		app.Span().Class("progress-label").Body(
			app.Text("Analysing "+export.Plural(p.IArticles, "article", "articles")+"… "),
			app.Span().Aria("hidden", true).Textf("%d%%", pct),
		),
	)
}
