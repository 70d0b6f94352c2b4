package reuse

import (
	"slices"
	"testing"

	"github.com/wirediff/wirediff/internal/corpus"
)

// TestStopWordsStayOutOfThePrefixes runs the steps of the similarity
// join on a day of news and wants "the", in most of its sentences, in the
// prefix of none: the prefix filter, not a stop list, keeps the groups of
// the commonest words, which would hold the whole corpus, empty. It logs
// the sizes of the groups (go test -run ThePrefixes -v).
func TestStopWordsStayOutOfThePrefixes(t *testing.T) {
	arts, err := corpus.Wikinews()
	if err != nil {
		t.Fatal(err)
	}
	day, err := corpus.Newsroom(arts, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	opts := Options{}.withDefaults()
	stats := map[uint64]TermStats{}
	lower := map[uint64]bool{}
	sentences := 0
	for _, d := range day {
		dt := CountTerms(d.Text, opts)
		sentences += dt.Sentences
		for _, c := range dt.Terms {
			s := NewTermStats(d.Name, c)
			if old, ok := stats[c.Term]; ok {
				s = s.Merge(old)
			}
			stats[c.Term] = s
		}
		for _, c := range dt.Cases {
			lower[c.Word] = lower[c.Word] || c.Lower
		}
	}
	var all []TermStats
	for _, s := range stats {
		all = append(all, s)
	}
	table := NewTermTable(all, sentences, len(day))
	the := mix(hashString("the") ^ languageNamed("english").salt)
	group := map[int32]int{}
	docs := map[int32]map[string]bool{}
	prefixLen, vecLen := 0, 0
	for _, d := range day {
		ds, err := table.Sentences(d.Text, func(w uint64) bool { return lower[w] }, nil, opts)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range ds.Sentences {
			p := s.PrefixTerms(opts)
			prefixLen += len(p)
			vecLen += len(s.Terms)
			for _, term := range p {
				group[term]++
				if docs[term] == nil {
					docs[term] = map[string]bool{}
				}
				docs[term][d.Name] = true
			}
		}
	}
	var sizes []int
	capped := 0
	for term, n := range group {
		sizes = append(sizes, n)
		if len(docs[term]) > 12 {
			capped++
		}
	}
	slices.Sort(sizes)
	t.Logf("%d articles, %d sentences, %d terms; %d of %d term occurrences in prefixes; %d groups, %d of them of more than 12 articles (pairing nothing); the largest hold %v sentences, the median %d",
		len(day), sentences, len(all), prefixLen, vecLen, len(group), capped, sizes[len(sizes)-3:], sizes[len(sizes)/2])
	if 2*stats[the].Sentences < int64(sentences) {
		t.Fatalf("\"the\" is in %d of %d sentences: the test needs a stop word in most", stats[the].Sentences, sentences)
	}
	if n := group[table.rank[the]]; n > 0 {
		t.Errorf("\"the\" (rank %d of %d terms) is in the prefix of %d sentences, want none", table.rank[the], len(all), n)
	}
}
