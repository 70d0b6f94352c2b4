package ui

import (
	"context"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
)

// The analysis aligns only the stories' pairs. Any other two articles
// are compared when their pair view opens, in the engine's worker as an
// analysis is: two seeds take milliseconds, but two long articles a
// second or more (130,000 words each: 0.3 s natively, more in
// WebAssembly), which the page's thread must not spend.

// compareState is the pair view's own comparison of its two articles.
type compareState struct {
	a, b    string      // the texts compared (or being compared)
	pair    *reuse.Pair // the result; nil until it is in
	err     error
	running bool
}

// pair is what the view shows: the analysis's pair, else its own
// comparison of these very texts.
func (p *pairView) pair() *reuse.Pair {
	if p.IPair != nil {
		return p.IPair
	}
	if c := &p.compare; c.pair != nil && c.a == p.IA.Text && c.b == p.IB.Text {
		return c.pair
	}
	return nil
}

// comparedOnRequest reports that the pair shown is the view's own
// comparison, not the analysis's.
func (p *pairView) comparedOnRequest() bool { return p.IPair == nil && p.pair() != nil }

// comparing reports that the view's own comparison of these texts runs.
func (p *pairView) comparing() bool {
	c := &p.compare
	return p.IPair == nil && c.running && c.a == p.IA.Text && c.b == p.IB.Text
}

// compareOnRequest compares the two articles when the finished analysis
// has no pair of them, once per pair of texts.
func (p *pairView) compareOnRequest(ctx app.Context) {
	c := &p.compare
	if p.IPair != nil || p.IPending || (c.a == p.IA.Text && c.b == p.IB.Text && (c.running || c.pair != nil || c.err != nil)) {
		return
	}
	*c = compareState{a: p.IA.Text, b: p.IB.Text, running: true}
	docs := workspace.Workspace{Articles: []workspace.Article{p.IA, p.IB}}.Documents()
	ctx.Async(func() {
		pair, err := compareSafely(context.Background(), docs[0], docs[1])
		ctx.Dispatch(func(ctx app.Context) {
			if c.a != docs[0].Text || c.b != docs[1].Text {
				return // another pair opened meanwhile
			}
			c.running, c.err = false, err
			if err == nil {
				c.pair = &pair
			}
		})
	})
}
