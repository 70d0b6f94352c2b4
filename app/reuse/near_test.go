package reuse_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/corpus"
)

// checked compares every candidate pair of docs as a distributed engine
// would with and without the checks before the join: seeds LoneSeed
// drops, then pairs MayRelate drops. It fails when a dropped seed or
// pair changes what ComparePair finds, and returns how many candidates
// were compared without the checks, how many found no passage, and how
// many the checks dropped.
func checked(t *testing.T, docs []reuse.Document, opts reuse.Options) (candidates, empty, dropped int) {
	t.Helper()
	byName := map[string]reuse.Document{}
	groups := map[uint64]*reuse.FingerprintGroup{}
	for _, d := range docs {
		byName[d.Name] = d
		fps, _ := reuse.Fingerprints(d.Text, opts)
		for _, f := range fps {
			if groups[f.Hash] == nil {
				groups[f.Hash] = reuse.NewFingerprintGroup(opts, len(docs))
			}
			groups[f.Hash].Add(reuse.Occurrence{Doc: d.Name, Source: d.Source, Pos: f.Pos, Near: f.Near})
		}
	}
	all, kept := map[[2]string][]reuse.Seed{}, map[[2]string][]reuse.Seed{}
	for _, g := range groups {
		for _, s := range g.Seeds() {
			key := [2]string{s.A, s.B}
			all[key] = append(all[key], s)
			if !reuse.LoneSeed(s, opts) {
				kept[key] = append(kept[key], s)
			}
		}
	}
	compare := func(key [2]string, seeds []reuse.Seed) (string, bool) {
		c, ok, err := reuse.ComparePair(context.Background(), byName[key[0]], byName[key[1]], seeds, opts)
		if err != nil {
			t.Fatal(err)
		}
		return jsonOf(t, c), ok
	}
	for key, seeds := range all {
		candidates++
		want, ok := compare(key, seeds)
		if !ok {
			empty++
		}
		ks := kept[key]
		if reuse.LongChain(withoutNears(ks), opts) && !reuse.MayRelate(ks, opts) {
			t.Errorf("the pair %v has a long chain, yet MayRelate drops it", key)
		}
		if len(ks) == 0 || !reuse.MayRelate(ks, opts) {
			dropped++
			if ok {
				t.Errorf("the checks drop the pair %v (%d of %d seeds kept), which shares a passage:\n%s", key, len(ks), len(seeds), want)
			}
			continue
		}
		if got, _ := compare(key, ks); got != want {
			t.Errorf("the pair %v compares differently without its lone seeds:\nkept %d seeds: %.300s\nall %d seeds: %.300s", key, len(ks), got, len(seeds), want)
		}
	}
	return candidates, empty, dropped
}

// withoutNears returns the seeds with their positions only.
func withoutNears(seeds []reuse.Seed) []reuse.Seed {
	out := make([]reuse.Seed, len(seeds))
	for n, s := range seeds {
		out[n] = reuse.Seed{A: s.A, B: s.B, I: s.I, J: s.J}
	}
	return out
}

// TestLongChainsTellMostCopiesWithoutNears checks that the positions of
// the seeds alone tell most pairs of wire copy related (LongChain), so
// that a distributed engine ships the Nears of the other pairs only, and
// that none of the pairs it tells related lacks a passage it could have
// dropped for good: LongChain is true only where MayRelate is, whatever
// the Nears.
func TestLongChainsTellMostCopiesWithoutNears(t *testing.T) {
	arts, err := corpus.Wikinews()
	if err != nil {
		t.Fatal(err)
	}
	day, err := corpus.Syndicated(arts, 150, 10, 20, 1)
	if err != nil {
		t.Fatal(err)
	}
	opts := reuse.Options{NoRewritten: true, AllPairs: true}
	groups := map[uint64]*reuse.FingerprintGroup{}
	for i, d := range day {
		fps, _ := reuse.Fingerprints(d.Text, opts)
		for _, f := range fps {
			if groups[f.Hash] == nil {
				groups[f.Hash] = reuse.NewFingerprintGroup(opts, len(day))
			}
			groups[f.Hash].Add(reuse.Occurrence{Doc: fmt.Sprintf("%04d", i), Source: d.Source, Pos: f.Pos, Near: f.Near})
		}
	}
	kept := map[[2]string][]reuse.Seed{}
	for _, g := range groups {
		for _, s := range g.Seeds() {
			if !reuse.LoneSeed(s, opts) {
				kept[[2]string{s.A, s.B}] = append(kept[[2]string{s.A, s.B}], s)
			}
		}
	}
	related, long, longSeeds, allSeeds := 0, 0, 0, 0
	for key, seeds := range kept {
		allSeeds += len(seeds)
		if !reuse.MayRelate(seeds, opts) {
			if reuse.LongChain(withoutNears(seeds), opts) {
				t.Errorf("the pair %v has a long chain, yet MayRelate drops it", key)
			}
			continue
		}
		related++
		if reuse.LongChain(withoutNears(seeds), opts) {
			long++
			longSeeds += len(seeds)
		}
	}
	t.Logf("%d pairs with kept seeds, %d related, %d of them by a long chain, with %d of the %d kept seeds", len(kept), related, long, longSeeds, allSeeds)
	if related == 0 || float64(longSeeds) < 0.9*float64(allSeeds) {
		t.Errorf("long chains tell %d of %d related pairs, with %d of %d seeds, want 90%% of the seeds", long, related, longSeeds, allSeeds)
	}
}

func TestChecksBeforeTheJoinDropOnlyPairsWithoutPassages(t *testing.T) {
	arts, err := corpus.Wikinews()
	if err != nil {
		t.Fatal(err)
	}
	docsOf := func(day []corpus.Doc, err error) []reuse.Document {
		if err != nil {
			t.Fatal(err)
		}
		out := make([]reuse.Document, len(day))
		for i, d := range day {
			out[i] = reuse.Document{Name: fmt.Sprintf("%04d", i), Source: d.Source, Text: d.Text}
		}
		return out
	}
	distinct := docsOf(corpus.NewsroomDistinct(arts, 300, 1))
	recombined := docsOf(corpus.Newsroom(arts, 300, 1))
	for _, tc := range []struct {
		name string
		docs []reuse.Document
		opts reuse.Options
		// minDropped is the least share of the candidates without a
		// passage that the checks must drop, for them to be worth it.
		minDropped float64
	}{
		{"a newsroom's day of 300 articles", recombined, reuse.Options{}, 0.9},
		{"300 articles that share words but few sentences", distinct, reuse.Options{}, 0.9},
		{"a syndicated archive of 150 articles", docsOf(corpus.Syndicated(arts, 150, 10, 20, 1)), reuse.Options{}, 0.9},
		{"short passages, a small window and long skips", distinct, reuse.Options{KGram: 3, Window: 3, MinWords: 5, MaxSkip: 9}, 0.5},
		{"long passages and short skips", recombined, reuse.Options{KGram: 5, Window: 4, MinWords: 12, MaxSkip: 2}, 0.5},
	} {
		// Both paths align the same passages, each with its own deadline:
		// without one, a loaded machine cannot make them differ.
		tc.opts.DiffTimeout = -1
		t.Run(tc.name, func(t *testing.T) {
			opts := tc.opts
			opts.NoRewritten, opts.AllPairs = true, true
			candidates, empty, dropped := checked(t, tc.docs, opts)
			t.Logf("%d candidate pairs, %d without a passage, %d dropped before the join", candidates, empty, dropped)
			if empty < 20 {
				t.Fatalf("only %d candidates without a passage: the case tests too little", empty)
			}
			if float64(dropped) < tc.minDropped*float64(empty) {
				t.Errorf("the checks dropped %d of the %d candidates without a passage, want at least %.0f%%", dropped, empty, 100*tc.minDropped)
			}
		})
	}
}

// The pair of TestOneSharedFingerprintCanMakeAReportedPair: one seed, one
// sentence of eight words, is a passage, and the checks keep it.
func TestChecksKeepAPassageOfOneSeed(t *testing.T) {
	const shared = "railwayn bridgei bridgeq councila trades railwayv islandl doctorr"
	docs := []reuse.Document{
		{Name: "a", Text: "Rain fell across the northern valleys on Tuesday morning. " + shared + ". Farmers counted their losses by evening."},
		{Name: "b", Text: "Markets closed higher after a quiet week of trading. " + shared + ". Analysts expect growth to slow next year."},
	}
	if candidates, empty, dropped := checked(t, docs, reuse.Options{NoRewritten: true, AllPairs: true}); candidates != 1 || empty != 0 || dropped != 0 {
		t.Errorf("%d candidates, %d without a passage, %d dropped; want the one pair, kept", candidates, empty, dropped)
	}
}

// FuzzChecksBeforeTheJoin builds small documents from a few words, so
// that they share many chance phrases, sentence ends and copied,
// edited passages, under random thresholds, and checks that the checks
// before the join drop no seed or pair that ComparePair would use.
func FuzzChecksBeforeTheJoin(f *testing.F) {
	f.Add(uint64(1), uint8(4), uint8(5), uint8(8), uint8(6), uint8(12))
	f.Add(uint64(2), uint8(3), uint8(3), uint8(5), uint8(9), uint8(6))
	f.Add(uint64(3), uint8(2), uint8(1), uint8(3), uint8(1), uint8(30))
	f.Fuzz(func(t *testing.T, seed uint64, k, window, minWords, maxSkip, vocabulary uint8) {
		opts := reuse.Options{KGram: 1 + int(k%6), Window: 1 + int(window%7), MinWords: 1 + int(minWords%16),
			MaxSkip: 1 + int(maxSkip%10), NoRewritten: true, AllPairs: true}
		docs := randomDocs(rand.New(rand.NewPCG(seed, 7)), 2+int(vocabulary%60))
		checked(t, docs, opts)
	})
}

// TestChecksOnRandomDocuments runs the fuzz test's documents under many
// seeds, the way go test runs every time.
func TestChecksOnRandomDocuments(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 13))
	candidates, empty, dropped := 0, 0, 0
	for n := 0; n < 150; n++ {
		opts := reuse.Options{KGram: 2 + r.IntN(4), Window: 1 + r.IntN(6), MinWords: 3 + r.IntN(10),
			MaxSkip: 1 + r.IntN(9), NoRewritten: true, AllPairs: true}
		c, e, d := checked(t, randomDocs(r, 4+r.IntN(40)), opts)
		candidates, empty, dropped = candidates+c, empty+e, dropped+d
	}
	t.Logf("%d candidate pairs, %d without a passage, %d dropped before the join", candidates, empty, dropped)
	if dropped == 0 || dropped == empty {
		t.Errorf("the checks dropped %d of %d candidates without a passage: the documents test too little", dropped, empty)
	}
}

// randomDocs returns four to seven documents of words drawn from a
// vocabulary of the given size, in sentences and paragraphs, each
// carrying an edited copy of a stretch of another.
func randomDocs(r *rand.Rand, vocabulary int) []reuse.Document {
	word := func() string { return fmt.Sprintf("w%d", r.IntN(vocabulary)) }
	seps := []string{" ", " ", " ", " ", " ", ", ", ". ", ".\n", "! ", " - "}
	var texts [][]string // each document as words and separators in turn
	for range 4 + r.IntN(4) {
		var ws []string
		for range 20 + r.IntN(120) {
			ws = append(ws, word(), seps[r.IntN(len(seps))])
		}
		texts = append(texts, ws)
	}
	for d := range texts {
		src := texts[r.IntN(len(texts))]
		from := 2 * r.IntN(len(src)/2)
		to := min(len(src), from+2*(3+r.IntN(30)))
		copied := slices.Clone(src[from:to])
		for range r.IntN(4) { // a copy desk's edits
			at := 2 * r.IntN(len(copied)/2)
			switch r.IntN(3) {
			case 0:
				copied[at] = word()
			case 1:
				copied = slices.Insert(copied, at, word(), " ")
			default:
				copied = slices.Delete(copied, at, min(len(copied), at+2))
			}
			if len(copied) < 2 {
				break
			}
		}
		at := 2 * r.IntN(len(texts[d])/2+1)
		texts[d] = slices.Insert(texts[d], min(at, len(texts[d])), copied...)
	}
	docs := make([]reuse.Document, len(texts))
	for d, ws := range texts {
		docs[d] = reuse.Document{Name: fmt.Sprintf("d%d", d), Text: strings.Join(ws, "")}
	}
	return docs
}
