package export

import (
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
)

func TestTallyCountsPassagesByKindAndQuotations(t *testing.T) {
	copied := reuse.Passage{Kind: reuse.Copied, Words: 10}
	quote := reuse.Passage{Kind: reuse.Copied, Words: 9, Quote: true}
	rewritten := reuse.Passage{Kind: reuse.Rewritten, Words: 14}
	rewrittenQuote := reuse.Passage{Kind: reuse.Rewritten, Words: 12, Quote: true}
	tests := []struct {
		name  string
		pairs []reuse.Pair
		want  Tally
	}{
		{"no pairs count nothing", nil, Tally{}},
		{"a pair with no passage counts as a pair", []reuse.Pair{{}}, Tally{Pairs: 1}},
		{"a copied quotation is copied and a quotation",
			[]reuse.Pair{{SharedWords: 19, Passages: []reuse.Passage{copied, quote}}},
			Tally{Pairs: 1, Passages: 2, Quotes: 1, SharedWords: 19}},
		{"a rewritten quotation is rewritten and a quotation",
			[]reuse.Pair{{SharedWords: 26, RewrittenWords: 26, Passages: []reuse.Passage{rewritten, rewrittenQuote}}},
			Tally{Pairs: 1, Passages: 2, Rewritten: 2, Quotes: 1, SharedWords: 26, RewrittenWords: 26}},
		{"pairs add up",
			[]reuse.Pair{{SharedWords: 10, Passages: []reuse.Passage{copied}}, {SharedWords: 23, RewrittenWords: 14, Passages: []reuse.Passage{quote, rewritten}}},
			Tally{Pairs: 2, Passages: 3, Rewritten: 1, Quotes: 1, SharedWords: 33, RewrittenWords: 14}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := TallyPairs(tt.pairs)
			if got != tt.want {
				t.Errorf("TallyPairs = %+v, want %+v", got, tt.want)
			}
			if got.Copied()+got.Rewritten != got.Passages || got.CopiedWords()+got.RewrittenWords != got.SharedWords {
				t.Errorf("copied and rewritten do not add up: %+v", got)
			}
			var sum Tally
			for i := range tt.pairs {
				one := TallyPair(&tt.pairs[i])
				sum.Pairs += one.Pairs
				sum.Passages += one.Passages
				sum.Rewritten += one.Rewritten
				sum.Quotes += one.Quotes
				sum.SharedWords += one.SharedWords
				sum.RewrittenWords += one.RewrittenWords
			}
			if sum != got {
				t.Errorf("the pairs' tallies add up to %+v, the tally of all is %+v", sum, got)
			}
		})
	}
}
