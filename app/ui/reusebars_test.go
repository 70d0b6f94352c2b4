package ui

import (
	"slices"
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
)

func TestTheReusedSharesFollowTheArticlesOnScreenMostReusedFirst(t *testing.T) {
	ws := manyArticles(4)
	an := newSnapshot(ws).finish(&reuse.Report{Documents: []reuse.DocumentSummary{
		{Reused: 0.1}, {Reused: 0.7}, {Reused: 0.4}, {Reused: 0.9},
	}})
	all := map[string]string{}
	for _, art := range ws.Articles {
		all[art.ID] = art.Title
	}
	without := func(gone string) map[string]string {
		m := map[string]string{}
		for id, title := range all {
			if id != gone {
				m[id] = title
			}
		}
		return m
	}
	renamed := without("")
	renamed[ws.Articles[2].ID] = "A new title"
	id := func(i int) string { return ws.Articles[i].ID }
	// One component through every step, as the overview keeps it: each
	// render must follow the titles it is given then, not the first.
	r := newReuseBars()
	tests := []struct {
		name   string
		titles map[string]string
		want   []string
	}{
		{"all four articles", all, []string{id(3), id(1), id(2), id(0)}},
		{"the same again, as a later slice of the overview renders it", all, []string{id(3), id(1), id(2), id(0)}},
		{"one renamed", renamed, []string{id(3), id(1), id(2), id(0)}},
		{"the most reused deleted", without(id(3)), []string{id(1), id(2), id(0)}},
		{"another deleted instead", without(id(1)), []string{id(3), id(2), id(0)}},
		{"all four again", all, []string{id(3), id(1), id(2), id(0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r.Shares(an, tt.titles)
			var got []string
			for _, bar := range withAttr(page(t, r), "data-reused") {
				got = append(got, attr(bar, "data-reused"))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("the bars are of %v, want %v", got, tt.want)
			}
		})
	}
}
