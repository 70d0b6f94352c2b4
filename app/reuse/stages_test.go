package reuse_test

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/corpus"
)

// runStages runs the exported stages in turn, as a distributed engine
// would, one document, one fingerprint hash and one pair at a time.
func runStages(t *testing.T, docs []reuse.Document, opts reuse.Options) (pairs map[[2]string]reuse.Pair, summaries map[string]reuse.DocumentSummary) {
	t.Helper()
	byName := map[string]reuse.Document{}
	words := map[string]int{}
	groups := map[uint64]*reuse.FingerprintGroup{}
	for _, d := range docs {
		byName[d.Name] = d
		fps, n := reuse.Fingerprints(d.Text, opts)
		words[d.Name] = n
		for _, f := range fps {
			if groups[f.Hash] == nil {
				groups[f.Hash] = reuse.NewFingerprintGroup(opts, len(docs))
			}
			groups[f.Hash].Add(reuse.Occurrence{Doc: d.Name, Source: d.Source, Pos: f.Pos})
		}
	}
	seeds := map[[2]string][]reuse.Seed{}
	for _, g := range groups {
		for _, s := range g.Seeds() {
			seeds[[2]string{s.A, s.B}] = append(seeds[[2]string{s.A, s.B}], s)
		}
	}
	pairs = map[[2]string]reuse.Pair{}
	covered := map[string][]reuse.Covered{}
	for key, ss := range seeds {
		// Seeds reach a pair in any order.
		rand.Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
		c, ok, err := reuse.ComparePair(context.Background(), byName[key[0]], byName[key[1]], ss, opts)
		if err != nil {
			t.Fatal(err)
		}
		if !ok {
			continue
		}
		pairs[key] = c.Pair
		for _, r := range c.Ranges {
			covered[key[0]] = append(covered[key[0]], reuse.Covered{W0: r.A0, W1: r.A1, Kind: r.Kind})
			covered[key[1]] = append(covered[key[1]], reuse.Covered{W0: r.B0, W1: r.B1, Kind: r.Kind})
		}
	}
	summaries = map[string]reuse.DocumentSummary{}
	for _, d := range docs {
		cs := covered[d.Name]
		rand.Shuffle(len(cs), func(i, j int) { cs[i], cs[j] = cs[j], cs[i] })
		summaries[d.Name] = reuse.Summarise(d, words[d.Name], cs)
	}
	return pairs, summaries
}

func TestStagesRunInTurnGiveAnalyzesCopiedPassages(t *testing.T) {
	arts, err := corpus.Wikinews()
	if err != nil {
		t.Fatal(err)
	}
	day, err := corpus.Newsroom(arts, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	var newsroom []reuse.Document
	for _, d := range day {
		newsroom = append(newsroom, reuse.Document{Name: d.Name, Text: d.Text})
	}
	var seeds []reuse.Document
	names, _ := filepath.Glob("../../testdata/0*.txt")
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, reuse.Document{Name: filepath.Base(name), Title: "t " + name, Text: string(data)})
	}
	if len(seeds) != 5 {
		t.Fatalf("want the five seed articles in testdata, found %d", len(seeds))
	}

	for _, tc := range []struct {
		name      string
		docs      []reuse.Document
		opts      reuse.Options
		wantPairs int // at least
	}{
		{"the five seed articles", seeds, reuse.Options{}, 3},
		{"a newsroom's day of 300 articles", newsroom, reuse.Options{}, 20},
		{"the day with boilerplate set at three articles", newsroom, reuse.Options{MaxDocs: 3, MaxRepeats: 2}, 10},
		{"the seeds with short passages and a small window", seeds, reuse.Options{KGram: 3, Window: 3, MinWords: 5}, 3},
	} {
		// Both paths align the same passages, each with its own deadline:
		// without one, a loaded machine cannot make them differ.
		tc.opts.DiffTimeout = -1
		t.Run(tc.name, func(t *testing.T) {
			docs := slices.Clone(tc.docs)
			slices.SortFunc(docs, func(p, q reuse.Document) int { return strings.Compare(p.Name, q.Name) })
			opts := tc.opts
			opts.NoRewritten, opts.AllPairs = true, true
			want, err := reuse.Analyze(context.Background(), docs, opts)
			if err != nil {
				t.Fatal(err)
			}
			pairs, summaries := runStages(t, docs, opts)
			if len(want.Pairs) < tc.wantPairs {
				t.Fatalf("Analyze found %d pairs, want at least %d: the case tests too little", len(want.Pairs), tc.wantPairs)
			}
			if len(pairs) != len(want.Pairs) {
				t.Errorf("the stages found %d pairs, Analyze %d", len(pairs), len(want.Pairs))
			}
			for _, p := range want.Pairs {
				key := [2]string{docs[p.A].Name, docs[p.B].Name}
				got, ok := pairs[key]
				if !ok {
					t.Errorf("the stages miss the pair %v", key)
					continue
				}
				got.A, got.B = p.A, p.B
				if g, w := jsonOf(t, got), jsonOf(t, p); g != w {
					t.Errorf("pair %v differs:\nstages:  %.400s\nAnalyze: %.400s", key, g, w)
				}
			}
			for _, d := range want.Documents {
				if g, w := jsonOf(t, summaries[d.Name]), jsonOf(t, d); g != w {
					t.Errorf("document %s differs:\nstages:  %s\nAnalyze: %s", d.Name, g, w)
				}
			}
		})
	}
}

func jsonOf(t *testing.T, v any) string {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestFingerprintGroupSetsBoilerplateAsideAndCapsRepeats(t *testing.T) {
	occ := func(doc string, pos ...int32) []reuse.Occurrence {
		var out []reuse.Occurrence
		for _, p := range pos {
			// A Near that names its position, to follow it to the seed.
			out = append(out, reuse.Occurrence{Doc: doc, Pos: p, Near: reuse.Near{From: p}})
		}
		return out
	}
	for _, tc := range []struct {
		name        string
		opts        reuse.Options
		occurrences []reuse.Occurrence
		boilerplate bool
		want        []seedAt
	}{
		{"one document seeds nothing", reuse.Options{}, occ("a", 1, 9), false, nil},
		{"two documents seed every cross pair, the first name as A", reuse.Options{},
			append(occ("b", 7), occ("a", 3, 1)...), false,
			[]seedAt{{"a", "b", 1, 7}, {"a", "b", 3, 7}}},
		{"a document counts its first MaxRepeats occurrences only", reuse.Options{MaxRepeats: 2},
			append(occ("a", 9, 5, 1, 3), occ("b", 2)...), false,
			[]seedAt{{"a", "b", 1, 2}, {"a", "b", 3, 2}}},
		{"MaxDocs documents still seed", reuse.Options{MaxDocs: 3},
			slices.Concat(occ("c", 4), occ("a", 1), occ("b", 2)), false,
			[]seedAt{{"a", "b", 1, 2}, {"a", "c", 1, 4}, {"b", "c", 2, 4}}},
		{"one document more is boilerplate", reuse.Options{MaxDocs: 3},
			slices.Concat(occ("c", 4), occ("a", 1), occ("b", 2), occ("d", 8), occ("a", 5)), true, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g := reuse.NewFingerprintGroup(tc.opts, 4)
			for _, o := range tc.occurrences {
				g.Add(o)
			}
			if g.Boilerplate() != tc.boilerplate {
				t.Errorf("Boilerplate() = %v, want %v", g.Boilerplate(), tc.boilerplate)
			}
			var got []seedAt
			for _, s := range g.Seeds() {
				got = append(got, seedAt{s.A, s.B, s.I, s.J})
				if s.NearA.From != s.I || s.NearB.From != s.J {
					t.Errorf("seed %v carries the Near of words %d and %d, not its own", s, s.NearA.From, s.NearB.From)
				}
			}
			if !slices.Equal(got, tc.want) {
				t.Errorf("Seeds() = %v, want %v", got, tc.want)
			}
		})
	}
}

// seedAt is a seed without its Nears.
type seedAt struct {
	A, B string
	I, J int32
}

// The stages one at a time: fingerprints per document, seeds from each
// fingerprint's group, the pair compared from its seeds, and each
// document's reused share.
func ExampleComparePair() {
	docs := []reuse.Document{
		{Name: "outlet", Text: `Moscow officials initially said Putin would not meet with Tillerson -- then relented.`},
		{Name: "wire", Text: `Moscow initially said Putin would not meet with Tillerson, but later relented.`},
	}
	opts := reuse.Options{NoRewritten: true, AllPairs: true}
	groups := map[uint64]*reuse.FingerprintGroup{}
	var hashes []uint64
	words := map[string]int{}
	for _, d := range docs {
		fps, n := reuse.Fingerprints(d.Text, opts)
		words[d.Name] = n
		for _, f := range fps {
			if groups[f.Hash] == nil {
				groups[f.Hash] = reuse.NewFingerprintGroup(opts, len(docs))
				hashes = append(hashes, f.Hash)
			}
			groups[f.Hash].Add(reuse.Occurrence{Doc: d.Name, Pos: f.Pos})
		}
	}
	var seeds []reuse.Seed
	for _, h := range hashes {
		seeds = append(seeds, groups[h].Seeds()...)
	}
	c, ok, err := reuse.ComparePair(context.Background(), docs[0], docs[1], seeds, opts)
	if err != nil || !ok {
		panic("no passage")
	}
	p := c.Pair.Passages[0]
	fmt.Printf("%d shared words: %q\n", p.Words, docs[0].Text[p.A.Start:p.A.End])
	r := c.Ranges[0]
	s := reuse.Summarise(docs[1], words["wire"], []reuse.Covered{{W0: r.B0, W1: r.B1, Kind: r.Kind}})
	fmt.Printf("%s: %d words, %.0f%% reused\n", s.Name, s.Words, 100*s.Reused)
	// Output:
	// 10 shared words: "Moscow officials initially said Putin would not meet with Tillerson -- then relented."
	// wire: 12 words, 100% reused
}

// No rule on seeds alone can set aside a candidate pair before its texts
// are joined with the default options: eight shared words, MinWords, are
// KGram+Window-1 words, which winnowing guarantees one shared fingerprint
// and no more, so a pair with a single seed may be reported. (On the
// 300-article newsroom day and a 1,000-article syndicated archive no pair
// with one seed was reported, yet 2,819 such candidates were compared.)
func TestOneSharedFingerprintCanMakeAReportedPair(t *testing.T) {
	const shared = "railwayn bridgei bridgeq councila trades railwayv islandl doctorr"
	a := reuse.Document{Name: "a", Text: "Rain fell across the northern valleys on Tuesday morning. " + shared + ". Farmers counted their losses by evening."}
	b := reuse.Document{Name: "b", Text: "Markets closed higher after a quiet week of trading. " + shared + ". Analysts expect growth to slow next year."}
	opts := reuse.Options{NoRewritten: true, AllPairs: true}
	seeds := 0
	fa, _ := reuse.Fingerprints(a.Text, opts)
	fb, _ := reuse.Fingerprints(b.Text, opts)
	inB := map[uint64]bool{}
	for _, f := range fb {
		inB[f.Hash] = true
	}
	for _, f := range fa {
		if inB[f.Hash] {
			seeds++
		}
	}
	if seeds != 1 {
		t.Fatalf("the two share %d fingerprints, want exactly one", seeds)
	}
	r, err := reuse.Analyze(context.Background(), []reuse.Document{a, b}, opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pairs) != 1 || r.Pairs[0].Passages[0].Words != 8 {
		t.Fatalf("Analyze reports %d pairs, want the one pair of eight shared words", len(r.Pairs))
	}
}
