package corpus

import (
	"reflect"
	"slices"
	"strings"
	"testing"
)

func TestSyndicatedCarriesEachStoryInItsCopies(t *testing.T) {
	docs, err := Syndicated(articles(t), 310, 30, 50, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 310 {
		t.Fatalf("%d articles, want 310", len(docs))
	}
	stories := map[string][]Doc{}
	for _, d := range docs {
		if d.Source == "" || d.Published.IsZero() {
			t.Errorf("%s has no source or no time", d.Name)
		}
		if d.Story != "" {
			stories[d.Story] = append(stories[d.Story], d)
		}
	}
	// Four in five of 310 articles: eight stories of 31.
	if len(stories) != 8 {
		t.Errorf("%d stories, want 8", len(stories))
	}
	for name, ds := range stories {
		if len(ds) != 31 {
			t.Errorf("%s: %d articles, want the agency's and 30 copies", name, len(ds))
		}
		slices.SortFunc(ds, func(p, q Doc) int { return p.Published.Compare(q.Published) })
		agency := ds[0].Source
		if !slices.Contains(Agencies, agency) {
			t.Errorf("%s: the earliest is from %s, not an agency", name, agency)
		}
		credited := 0
		for _, d := range ds[1:] {
			if strings.Contains(d.Text, "("+agency+")") {
				credited++
			}
		}
		if credited == 0 || credited == 30 {
			t.Errorf("%s: %d of 30 copies keep the agency's dateline, want some and not all", name, credited)
		}
	}
	again, _ := Syndicated(articles(t), 310, 30, 50, 1)
	if !reflect.DeepEqual(docs, again) {
		t.Error("the same seed gave different corpora")
	}
}
