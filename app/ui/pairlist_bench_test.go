package ui

import (
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/reuse"
)

// BenchmarkPairList renders the overview's list of 7,875 pairs (126
// articles) as a page, against the whole list at once, as "Show all
// pairs" did. Natively this measures go-app building and encoding the
// nodes, not the browser's layout, which adds to both in proportion.
//
//	go test ./app/ui/ -run '^$' -bench PairList -count 6 | benchstat -col /list -
func BenchmarkPairList(b *testing.B) {
	ws := manyArticles(126)
	an := newSnapshot(ws).finish(&reuse.Report{})
	titles := map[string]string{}
	for _, art := range ws.Articles {
		titles[art.ID] = art.Title
	}
	var pairs []*reuse.Pair
	for i := range ws.Articles {
		for j := i + 1; j < len(ws.Articles); j++ {
			pairs = append(pairs, &reuse.Pair{A: i, B: j, SharedWords: 1000 - j, RewrittenWords: i % 7, Similarity: 0.3,
				Passages: []reuse.Passage{{Words: 12}, {Words: 9, Quote: true}}})
		}
	}
	b.Run("list=all", func(b *testing.B) {
		l := newPairList().Pairs(an, pairs, titles)
		for b.Loop() {
			items := make([]app.UI, len(pairs))
			for i, p := range pairs {
				items[i] = l.renderPair(i+1, p)
			}
			_ = app.HTMLString(app.Ol().ID("pair-list").Class("pair-list").Body(items...))
		}
	})
	b.Run("list=page", func(b *testing.B) {
		for b.Loop() {
			l := newPairList().Pairs(an, pairs, titles)
			_ = app.HTMLString(l)
		}
	})
}
