package corpus

import (
	"reflect"
	"testing"
)

// generators lists the two kinds of newsroom day.
var generators = []struct {
	name string
	make func([]Article, int, uint64) ([]Doc, error)
}{{"recombined", Newsroom}, {"distinct", NewsroomDistinct}}

func TestNewsroomHasTheSizeOfANewsDay(t *testing.T) {
	for _, g := range generators {
		t.Run(g.name, func(t *testing.T) { testNewsroomSize(t, g.make) })
	}
}

func testNewsroomSize(t *testing.T, make func([]Article, int, uint64) ([]Doc, error)) {
	for _, n := range []int{10, 100, 1000} {
		docs, err := make(articles(t), n, 1)
		if err != nil {
			t.Fatal(err)
		}
		if len(docs) != n {
			t.Fatalf("got %d articles, want %d", len(docs), n)
		}
		total := 0
		for _, d := range docs {
			total += len(d.Text)
		}
		t.Logf("%d articles, %d bytes", n, total)
		if avg := total / n; avg < 2000 || avg > 3000 {
			t.Errorf("%d articles average %d bytes, want about 2,500", n, avg)
		}
	}
}

func TestNewsroomIsDeterministic(t *testing.T) {
	for _, g := range generators {
		a, _ := g.make(articles(t), 100, 7)
		b, _ := g.make(articles(t), 100, 7)
		if !reflect.DeepEqual(a, b) {
			t.Errorf("%s: the same seed gave different corpora", g.name)
		}
	}
	a, _ := Newsroom(articles(t), 100, 7)
	b, _ := Newsroom(articles(t), 100, 7)
	if !reflect.DeepEqual(a, b) {
		t.Error("two runs with one seed gave different corpora")
	}
}

// Most articles share no run of eight words with any other; a minority
// carry wire copy.
func TestNewsroomTextIsMostlyUnique(t *testing.T) {
	docs, _ := Newsroom(articles(t), 300, 1)
	seen := map[uint64]int{}
	shared := map[int]bool{}
	for i, d := range docs {
		for h := range shingles(d.Text, minShared) {
			if j, ok := seen[h]; ok && j != i {
				shared[i], shared[j] = true, true
			}
			seen[h] = i
		}
	}
	if n := len(shared); n < 300/10 || n > 300*4/10 {
		t.Errorf("%d of 300 articles share a run of eight words with another, want 10%% to 40%%", n)
	}
}
