package stages

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
)

// A term's sentences reach its group in the order their shard holds
// them, which the runner chooses: the pairs must not depend on it, at
// the limits of reuse.SentenceGroup too (MaxRepeats sentences of an
// article, 12 articles).
func TestSimilarPairsDoNotDependOnTheOrderOfAShard(t *testing.T) {
	v := reuse.SentenceVector{Terms: []int32{3, 8}, Weights: []float32{0.6, 0.8}}
	var refs []reuse.SentenceRef
	for d := range 12 {
		for i := range 3 {
			refs = append(refs, reuse.SentenceRef{Doc: fmt.Sprint("d", d), Index: int32(5 - i), Sentence: v})
		}
	}
	pairs := func(refs []reuse.SentenceRef) []string {
		var packed []byte
		for _, r := range refs {
			packed = appendSentenceRef(packed, 3, r)
			packed = appendSentenceRef(packed, 8, r)
		}
		var out []string
		fn := &sentenceGroupFn{Opts: Options{MaxRepeats: 2}}
		if err := fn.ProcessElement(context.Background(), 0, packed, func(k string, p reuse.SimilarPair) { out = append(out, similarPairString(k, p)) }); err != nil {
			t.Fatal(err)
		}
		return out
	}
	want := pairs(refs)
	// 12 articles of 2 sentences each pair 2 × 2 × 66 ways, twice.
	if len(want) != 2*4*66 {
		t.Fatalf("%d pairs, want %d", len(want), 2*4*66)
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5 {
		rng.Shuffle(len(refs), func(i, j int) { refs[i], refs[j] = refs[j], refs[i] })
		if got := pairs(refs); !slices.Equal(got, want) {
			t.Fatalf("shuffled, the pairs are %q, want %q", got, want)
		}
	}
	// A 13th article: the terms are in too many articles to pair.
	if got := pairs(append(refs, reuse.SentenceRef{Doc: "d12", Sentence: v})); len(got) != 0 {
		t.Errorf("a term of 13 articles paired %d sentences", len(got))
	}
}
