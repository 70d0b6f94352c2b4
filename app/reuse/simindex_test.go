package reuse

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// sentenceCorpus returns n short documents of sentences drawn from a small
// vocabulary, so that many sentences are alike and some are not.
func sentenceCorpus(r *rand.Rand, n int) []string {
	vocab := strings.Fields("the council voted budget spending transport buses mayor fares commuters police arrested men station phones cash officers storm rain flood river bridge closed school teachers strike pay talks minister said on in of and a to")
	docs := make([]string, n)
	for d := range docs {
		var b strings.Builder
		for range 2 + r.IntN(6) {
			for w := range 6 + r.IntN(10) {
				if w > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(vocab[r.IntN(len(vocab))])
			}
			b.WriteString(". ")
		}
		docs[d] = b.String()
	}
	return docs
}

func indexOf(texts []string) *sentenceIndex {
	words := make([][]token, len(texts))
	quoted := make([][]bool, len(texts))
	langs := make([]*language, len(texts))
	for d, t := range texts {
		words[d] = tokenize(t, nil)
		quoted[d] = make([]bool, len(words[d]))
		langs[d] = languageNamed("english")
	}
	return buildSentenceIndex(texts, words, quoted, langs, newTermer())
}

// TestSimilarFindsWhatComparingAllPairsFinds checks the prefix filter: the
// join must return exactly the pairs of sentences in different documents
// whose cosine reaches the threshold, as comparing every pair would.
func TestSimilarFindsWhatComparingAllPairsFinds(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 3))
	for _, minCos := range []float64{0.2, 0.33, 0.5} {
		t.Run(fmt.Sprintf("cosine %.2f", minCos), func(t *testing.T) {
			x := indexOf(sentenceCorpus(r, 30))
			var want []sentencePair
			for s := range x.sents {
				for u := s + 1; u < len(x.sents); u++ {
					if x.docOf[s] == x.docOf[u] {
						continue
					}
					if cos, dice := cosineDice(x.vector(int32(s)), x.vector(int32(u))); cos >= minCos {
						want = append(want, sentencePair{int32(s), int32(u), float32(cos), float32(dice)})
					}
				}
			}
			got := x.similar(minCos, 1000, 1000)
			// Analyze splits the pairs by documents in one pass.
			order := func(p sentencePair) []int32 { return []int32{x.docOf[p.s], x.docOf[p.t], p.s, p.t} }
			if !slices.IsSortedFunc(got, func(p, q sentencePair) int { return slices.Compare(order(p), order(q)) }) {
				t.Error("the pairs are not sorted by documents, then sentences")
			}
			key := func(p sentencePair) uint64 { return uint64(p.s)<<32 | uint64(p.t) }
			gotKeys, wantKeys := make([]uint64, len(got)), make([]uint64, len(want))
			for i, p := range got {
				gotKeys[i] = key(p)
			}
			for i, p := range want {
				wantKeys[i] = key(p)
			}
			slices.Sort(gotKeys)
			slices.Sort(wantKeys)
			if len(want) == 0 {
				t.Fatal("the corpus has no similar sentences: the test tests nothing")
			}
			if !slices.Equal(gotKeys, wantKeys) {
				t.Errorf("join found %d pairs, comparing all pairs %d", len(got), len(want))
			}
		})
	}
}

func TestSentenceVectorsHaveUnitLengthAndHeavyTermsFirst(t *testing.T) {
	x := indexOf(sentenceCorpus(rand.New(rand.NewPCG(5, 5)), 10))
	for s := range x.sents {
		v := x.vector(int32(s))
		norm := float32(0)
		for i, e := range v {
			norm += e.w * e.w
			if i > 0 && e.term <= v[i-1].term {
				t.Fatalf("sentence %d: terms not sorted", s)
			}
		}
		if len(v) > 0 && (norm < 0.999 || norm > 1.001) {
			t.Errorf("sentence %d: squared length %v", s, norm)
		}
	}
}

func TestWordTable(t *testing.T) {
	var tab wordTable
	if _, ok := tab.get(42); ok {
		t.Fatal("an empty table has a key")
	}
	want := map[uint64]uint64{}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 5000 {
		k := r.Uint64() % 3000 // repeats, and the key 0
		tab.put(k, uint64(i))
		want[k] = uint64(i)
	}
	if tab.n != len(want) {
		t.Errorf("%d keys, want %d", tab.n, len(want))
	}
	for k, v := range want {
		if got, ok := tab.get(k); !ok || got != v {
			t.Errorf("get(%d) = %d, %v; want %d", k, got, ok, v)
		}
	}
	for k := uint64(3000); k < 3100; k++ {
		if v, ok := tab.get(k); ok || v != 0 {
			t.Errorf("get(%d) = %d, %v for a key never put; want 0, false", k, v, ok)
		}
	}
	tab.reset()
	if _, ok := tab.get(7); ok || tab.n != 0 {
		t.Errorf("after reset the table holds %d keys", tab.n)
	}
	tab.put(7, 1)
	if v, ok := tab.get(7); !ok || v != 1 || tab.n != 1 {
		t.Errorf("after reset and put: get(7) = %d, %v; %d keys", v, ok, tab.n)
	}
	// A slot that reset emptied keeps its old value in memory; a key
	// looked up there is still absent, with nothing stale returned.
	for k := range want {
		if v, ok := tab.get(k); k != 7 && (ok || v != 0) {
			t.Errorf("after reset: get(%d) = %d, %v; want 0, false", k, v, ok)
		}
	}
}

// FuzzRewrites rewrites a text by swapping some of its words and
// sentences, and checks the report's promises on the pair, sentence
// pairs included.
func FuzzRewrites(f *testing.F) {
	f.Add(budgetWire, uint64(1))
	f.Add(arrestWire+" "+budgetWire, uint64(7))
	f.Add("a. b. c. d. e. f. g.", uint64(0))
	f.Fuzz(func(t *testing.T, text string, seed uint64) {
		r := rand.New(rand.NewPCG(seed, seed))
		words := strings.Fields(text)
		for i := range words {
			if r.IntN(3) == 0 {
				words[i] = words[r.IntN(len(words))]
			}
		}
		docs := []Document{{Text: text}, {Text: strings.Join(words, " ")}}
		rep, err := Analyze(t.Context(), docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkReport(t, docs, rep, Options{})
	})
}
