package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// textBlock is one run of a text in the pair view, its passages
// highlighted: a block of a long text, which the browser lays out only
// when it comes near the view (content-visibility in the stylesheet), or
// the whole of a short one. go-app renders it again only when its inputs
// change: drawing the next blocks, or clicking a passage in another
// block, leaves it alone.
type textBlock struct {
	app.Compo

	// ISide is "a" or "b".
	ISide string
	// IBlock says the run is a block of a long text.
	IBlock bool
	// IText is the block's text, IRun its place in the article and its
	// highlights.
	IText string
	IRun  textRun
	// IActive is 1 + the index of the passage last clicked when it is in
	// this block; 0 otherwise.
	IActive int
}

func newTextBlock() *textBlock { return &textBlock{} }

// Side names the text the run is of: "a" or "b", and whether the run is
// a block of a long text.
func (b *textBlock) Side(side string, block bool) *textBlock {
	b.ISide, b.IBlock = side, block
	return b
}

// Run passes the block's text and its layout.
func (b *textBlock) Run(text string, run textRun) *textBlock {
	b.IText, b.IRun = text, run
	return b
}

// blockOf is the block of an article's text that run lays out: side is
// "a" or "b", long whether the run is a block of a long text.
func blockOf(side string, long bool, text string, run textRun) *textBlock {
	return newTextBlock().Side(side, long).Run(text[run.From:run.To], run)
}

// Active marks the passage last clicked, if it is in this block.
func (b *textBlock) Active(n int) *textBlock { b.IActive = n; return b }

func (b *textBlock) Render() app.UI {
	cls := "text-run"
	if b.IBlock {
		cls = "text-block"
	}
	return app.Raw(runHTML(cls, b.ISide, b.IText, b.IRun, b.IActive))
}
