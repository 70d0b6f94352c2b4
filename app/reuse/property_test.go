package reuse

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// randomText returns n words drawn from a vocabulary of 2,000 made-up
// words, so that two texts share only what a test puts in both.
func randomText(r *rand.Rand, n int) []string {
	words := make([]string, n)
	for i := range words {
		words[i] = fmt.Sprintf("w%d", r.IntN(2000))
	}
	return words
}

// plant returns two random texts that share one run of n words, placed
// at random, and the run.
func plant(r *rand.Rand, n int) (a, b, run string) {
	words := randomText(r, n)
	x, y := randomText(r, 20+r.IntN(300)), randomText(r, 20+r.IntN(300))
	ix, iy := r.IntN(len(x)+1), r.IntN(len(y)+1)
	x = append(x[:ix], append(slices.Clone(words), x[ix:]...)...)
	y = append(y[:iy], append(slices.Clone(words), y[iy:]...)...)
	return strings.Join(x, " "), strings.Join(y, " "), strings.Join(words, " ")
}

// TestEveryVerbatimRunOfEightWordsIsFound plants one run of eight shared
// words at random places in two random texts, 300 times over, and checks
// that a passage covers it on both sides: winnowing guarantees a
// fingerprint for any run of KGram+Window-1 words, and nothing after it
// may lose the run.
func TestEveryVerbatimRunOfEightWordsIsFound(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	for trial := range 300 {
		ta, tb, want := plant(r, 8)
		docs := []Document{{Text: ta}, {Text: tb}}
		rep, err := Analyze(context.Background(), docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkReport(t, docs, rep, Options{})
		found := false
		for _, p := range rep.Pairs {
			for _, ps := range p.Passages {
				found = found || strings.Contains(ta[ps.A.Start:ps.A.End], want) && strings.Contains(tb[ps.B.Start:ps.B.End], want)
			}
		}
		if !found {
			t.Fatalf("trial %d: the run %q is not found", trial, want)
		}
	}
}

// TestRunsOfSevenWordsAloneAreNotReuse plants a run of seven shared words:
// on its own that is a coincidence and no pair may be reported.
func TestRunsOfSevenWordsAloneAreNotReuse(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 7))
	for trial := range 300 {
		ta, tb, _ := plant(r, 7)
		docs := []Document{{Text: ta}, {Text: tb}}
		rep, err := Analyze(context.Background(), docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Pairs) != 0 {
			t.Fatalf("trial %d: a seven-word coincidence is reported: %+v", trial, rep.Pairs)
		}
	}
}
