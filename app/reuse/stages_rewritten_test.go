package reuse_test

import (
	"context"
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

// runRewrittenStages runs the exported stages of both kinds of passages
// in turn, as a distributed engine would, one document, one fingerprint
// hash, one term and one pair at a time, each step seeing its inputs in
// a shuffled order. It returns the comparison of every pair that shares
// a passage, by name.
func runRewrittenStages(t *testing.T, docs []reuse.Document, opts reuse.Options) map[[2]string]reuse.Comparison {
	t.Helper()
	ctx := context.Background()
	byName := map[string]reuse.Document{}
	groups := map[uint64]*reuse.FingerprintGroup{}
	occurrences := map[uint64][]reuse.Occurrence{}
	for _, d := range docs {
		byName[d.Name] = d
		fps, _ := reuse.Fingerprints(d.Text, opts)
		for _, f := range fps {
			if groups[f.Hash] == nil {
				groups[f.Hash] = reuse.NewFingerprintGroup(opts, len(docs))
			}
			o := reuse.Occurrence{Doc: d.Name, Source: d.Source, Pos: f.Pos}
			groups[f.Hash].Add(o)
			occurrences[f.Hash] = append(occurrences[f.Hash], o)
		}
	}
	seeds := map[[2]string][]reuse.Seed{}
	aside := map[string][]reuse.AsideMark{}
	for hash, g := range groups {
		for _, s := range g.Seeds() {
			seeds[[2]string{s.A, s.B}] = append(seeds[[2]string{s.A, s.B}], s)
		}
		if reason := g.AsideReason(); reason != "" {
			for _, o := range occurrences[hash] {
				aside[o.Doc] = append(aside[o.Doc], reuse.AsideMark{Hash: hash, Pos: o.Pos, Group: reason})
			}
		}
	}

	// Terms over all documents, then each document's sentences.
	stats := map[uint64]reuse.TermStats{}
	lower := map[uint64]bool{}
	sentences := 0
	for _, n := range rand.Perm(len(docs)) {
		d := docs[n]
		dt := reuse.CountTerms(d.Text, opts)
		sentences += dt.Sentences
		for _, c := range dt.Terms {
			s := reuse.NewTermStats(d.Name, c)
			if old, ok := stats[c.Term]; ok {
				s = s.Merge(old)
			}
			stats[c.Term] = s
		}
		for _, c := range dt.Cases {
			lower[c.Word] = lower[c.Word] || c.Lower
		}
	}
	var all []reuse.TermStats
	for _, s := range stats {
		all = append(all, s)
	}
	table := reuse.NewTermTable(all, sentences, len(docs))
	vectors := map[string]reuse.DocumentSentences{}
	terms := map[int32]*reuse.SentenceGroup{}
	for _, d := range docs {
		ds, err := table.Sentences(d.Text, func(w uint64) bool { return lower[w] }, aside[d.Name], opts)
		if err != nil {
			t.Fatal(err)
		}
		vectors[d.Name] = ds
		for n, s := range ds.Sentences {
			for _, term := range s.PrefixTerms(opts) {
				if terms[term] == nil {
					terms[term] = reuse.NewSentenceGroup(opts)
				}
				terms[term].Add(reuse.SentenceRef{Doc: d.Name, Index: int32(n), Sentence: s})
			}
		}
	}
	similar := map[[2]string][]reuse.SimilarPair{}
	for _, g := range terms {
		for _, p := range g.Pairs() {
			similar[[2]string{p.A, p.B}] = append(similar[[2]string{p.A, p.B}], p)
		}
	}

	pairs := map[[2]string]reuse.Comparison{}
	keys := map[[2]string]bool{}
	for k := range seeds {
		keys[k] = true
	}
	for k := range similar {
		keys[k] = true
	}
	for key := range keys {
		ss, sim := seeds[key], similar[key]
		rand.Shuffle(len(ss), func(i, j int) { ss[i], ss[j] = ss[j], ss[i] })
		rand.Shuffle(len(sim), func(i, j int) { sim[i], sim[j] = sim[j], sim[i] })
		sim = reuse.SimilarSentences(sim)
		if len(ss) == 0 && !reuse.MayRewrite(sim, opts) {
			continue
		}
		c, ok, err := reuse.CompareRewritten(ctx, byName[key[0]], byName[key[1]], ss,
			reuse.PairSentences{A: vectors[key[0]], B: vectors[key[1]], Similar: sim}, opts)
		if err != nil {
			t.Fatal(err)
		}
		if ok {
			pairs[key] = c
		}
	}
	return pairs
}

func TestStagesRunInTurnGiveAnalyzesRewrittenPassages(t *testing.T) {
	arts, err := corpus.Wikinews()
	if err != nil {
		t.Fatal(err)
	}
	day, err := corpus.Newsroom(arts, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	syndicated, err := corpus.Syndicated(arts, 200, 3, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name          string
		docs          []reuse.Document
		opts          reuse.Options
		wantPairs     int // at least
		wantRewritten int // passages, at least
	}{
		{"the five seed articles", seedDocuments(t), reuse.Options{}, 3, 0},
		{"a newsroom's day of 300 articles", corpusDocuments(day), reuse.Options{}, 20, 10},
		{"the day with boilerplate set at three articles", corpusDocuments(day), reuse.Options{MaxDocs: 3, MaxRepeats: 2}, 10, 5},
		{"a syndicated archive whose outlets repeat newsletter boxes", corpusDocuments(syndicated), reuse.Options{}, 100, 0},
	} {
		// Both paths align the same passages, each with its own deadline:
		// without one, a loaded machine cannot make them differ.
		tc.opts.DiffTimeout = -1
		t.Run(tc.name, func(t *testing.T) {
			docs := slices.Clone(tc.docs)
			slices.SortFunc(docs, func(p, q reuse.Document) int { return strings.Compare(p.Name, q.Name) })
			opts := tc.opts
			opts.AllPairs = true
			want, err := reuse.Analyze(context.Background(), docs, opts)
			if err != nil {
				t.Fatal(err)
			}
			rewritten := 0
			for _, p := range want.Pairs {
				for _, ps := range p.Passages {
					if ps.Kind == reuse.Rewritten {
						rewritten++
					}
				}
			}
			if len(want.Pairs) < tc.wantPairs || rewritten < tc.wantRewritten {
				t.Fatalf("Analyze found %d pairs and %d rewritten passages, want at least %d and %d: the case tests too little",
					len(want.Pairs), rewritten, tc.wantPairs, tc.wantRewritten)
			}
			pairs := runRewrittenStages(t, docs, opts)
			if len(pairs) != len(want.Pairs) {
				t.Errorf("the stages found %d pairs, Analyze %d", len(pairs), len(want.Pairs))
			}
			for _, p := range want.Pairs {
				key := [2]string{docs[p.A].Name, docs[p.B].Name}
				c, ok := pairs[key]
				if !ok {
					t.Errorf("the stages miss the pair %v", key)
					continue
				}
				got := c.Pair
				got.A, got.B = p.A, p.B
				if g, w := jsonOf(t, got), jsonOf(t, p); g != w {
					t.Errorf("pair %v differs:\nstages:  %.400s\nAnalyze: %.400s", key, g, w)
				}
			}
		})
	}
}

// seedDocuments returns the five seed articles in testdata.
func seedDocuments(t *testing.T) []reuse.Document {
	t.Helper()
	names, _ := filepath.Glob("../../testdata/0*.txt")
	var docs []reuse.Document
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, reuse.Document{Name: filepath.Base(name), Text: string(data)})
	}
	if len(docs) != 5 {
		t.Fatalf("want the five seed articles in testdata, found %d", len(docs))
	}
	return docs
}

// The steps of rewritten passages, one at a time: terms counted per
// document and weighed over all, each document's sentence vectors, the
// similarity join under each prefix term, and the pair's comparison.
func ExampleCompareRewritten() {
	docs := []reuse.Document{
		{Name: "wire", Text: "The city council voted on Tuesday to approve a new budget that raises spending on public transport by twelve percent, after months of heated debate between members who wanted lower taxes and those who demanded better bus services. The mayor said the decision would help thousands of commuters who rely on buses every day, and promised that fares would not rise next year."},
		{Name: "desk", Text: "On Tuesday the municipal council voted to adopt a fresh budget that lifts spending on public transit by twelve percent, following months of fierce argument between councillors who sought lower taxes and those who insisted on improved bus services. The mayor stated the move would assist thousands of commuters who depend on buses each day, and pledged that fares would not increase next year."},
	}
	opts := reuse.Options{}
	stats := map[uint64]reuse.TermStats{}
	lower := map[uint64]bool{}
	sentences := 0
	for _, d := range docs {
		dt := reuse.CountTerms(d.Text, opts)
		sentences += dt.Sentences
		for _, c := range dt.Terms {
			s := reuse.NewTermStats(d.Name, c)
			if old, ok := stats[c.Term]; ok {
				s = s.Merge(old)
			}
			stats[c.Term] = s
		}
		for _, c := range dt.Cases {
			lower[c.Word] = lower[c.Word] || c.Lower
		}
	}
	var all []reuse.TermStats
	for _, s := range stats {
		all = append(all, s)
	}
	table := reuse.NewTermTable(all, sentences, len(docs))
	vectors := map[string]reuse.DocumentSentences{}
	groups := map[int32]*reuse.SentenceGroup{}
	for _, d := range docs {
		ds, _ := table.Sentences(d.Text, func(w uint64) bool { return lower[w] }, nil, opts)
		vectors[d.Name] = ds
		for n, s := range ds.Sentences {
			for _, t := range s.PrefixTerms(opts) {
				if groups[t] == nil {
					groups[t] = reuse.NewSentenceGroup(opts)
				}
				groups[t].Add(reuse.SentenceRef{Doc: d.Name, Index: int32(n), Sentence: s})
			}
		}
	}
	var found []reuse.SimilarPair
	for _, g := range groups {
		found = append(found, g.Pairs()...)
	}
	similar := reuse.SimilarSentences(found)
	// "desk" sorts first: it is side A.
	c, ok, _ := reuse.CompareRewritten(context.Background(), docs[1], docs[0], nil,
		reuse.PairSentences{A: vectors["desk"], B: vectors["wire"], Similar: similar}, opts)
	fmt.Println(len(similar), "similar sentence pairs; a passage:", ok)
	for _, p := range c.Pair.Passages {
		fmt.Println(p.Kind, len(p.Sentences), "sentence pairs")
	}
	// Output:
	// 2 similar sentence pairs; a passage: true
	// rewritten 2 sentence pairs
}

// FuzzStagesGiveAnalyzesPassages runs the steps of both kinds of
// passages in turn on two texts and wants Analyze's pair, whatever the
// texts hold.
func FuzzStagesGiveAnalyzesPassages(f *testing.F) {
	f.Add("Police arrested two men near the central station late on Friday night. Both suspects were carrying stolen phones and a large amount of cash, officers said.",
		"Officers said they detained two suspects with stolen phones and a large sum of cash near the central station late on Friday.")
	f.Fuzz(func(t *testing.T, a, b string) {
		docs := []reuse.Document{{Name: "a", Text: a}, {Name: "b", Text: b}}
		opts := reuse.Options{AllPairs: true}
		want, err := reuse.Analyze(context.Background(), docs, opts)
		if err != nil {
			t.Fatal(err)
		}
		pairs := runRewrittenStages(t, docs, opts)
		if len(pairs) != len(want.Pairs) {
			t.Fatalf("the stages found %d pairs, Analyze %d", len(pairs), len(want.Pairs))
		}
		if len(want.Pairs) == 1 {
			if g, w := jsonOf(t, pairs[[2]string{"a", "b"}].Pair), jsonOf(t, want.Pairs[0]); g != w {
				t.Fatalf("the pair differs:\nstages:  %s\nAnalyze: %s", g, w)
			}
		}
	})
}
