package stages

import (
	"context"
	"fmt"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.Function1x1[reuse.TermStats, string](termStatsString)
	register.Function1x1[uint64, string](wordString)
	register.Function2x1[string, Sentenced, string](sentencedString)
	register.Function2x1[string, reuse.AsideMark, string](asideMarkString)
	register.Function2x1[string, reuse.SimilarPair, string](similarPairString)
	register.Function2x1[string, Work, string](workString)
	register.Function1x1[JoinedWork, string](joinedWorkString)
	register.Function1x1[JoinedWork, string](joinedSentencesString)
	register.Function2x0[Work, func(string, Work)](keyWork)
	register.Function2x0[reuse.SimilarPair, func(string, reuse.SimilarPair)](keySimilar)
}

func termStatsString(s reuse.TermStats) string { return fmt.Sprint(s) }
func wordString(w uint64) string               { return fmt.Sprintf("%x", w) }
func sentencedString(id string, s Sentenced) string {
	return fmt.Sprint(id, " ", s.Article.ID, " ", s.Sentences)
}
func asideMarkString(id string, m reuse.AsideMark) string    { return fmt.Sprint(id, m) }
func similarPairString(k string, p reuse.SimilarPair) string { return fmt.Sprint(k, p) }
func workString(k string, w Work) string                     { return fmt.Sprint(k, w) }
func joinedWorkString(j JoinedWork) string                   { return fmt.Sprint(j.A.Article.ID, j.B.Article.ID, j.Work) }
func keyWork(w Work, emit func(string, Work))                { emit(w.A, w) }
func keySimilar(p reuse.SimilarPair, emit func(string, reuse.SimilarPair)) {
	emit(pairKey(p.A, p.B), p)
}

// Texts with a rewritten passage between them: a wire story and a desk's
// paraphrase of it, sentence by sentence.
const (
	budgetWire    = `The city council voted on Tuesday to approve a new budget that raises spending on public transport by twelve percent, after months of heated debate between members who wanted lower taxes and those who demanded better bus services. The mayor said the decision would help thousands of commuters who rely on buses every day, and promised that fares would not rise next year.`
	budgetRewrite = `On Tuesday the municipal council voted to adopt a fresh budget that lifts spending on public transit by twelve percent, following months of fierce argument between councillors who sought lower taxes and those who insisted on improved bus services. The mayor stated the move would assist thousands of commuters who depend on buses each day, and pledged that fares would not increase next year.`
)

// rewrittenArticles are four articles: the wire story and its
// paraphrase, the copy and its edited copy, and an unrelated one.
var rewrittenArticles = []Article{{ID: "b1", Text: budgetWire}, {ID: "b2", Text: budgetRewrite},
	{ID: "o", Text: outlet}, {ID: "w", Text: wire}, {ID: "z", Text: other}}

// engineSentences runs the engine's steps in turn, in this process: the
// term table over arts and each article's sentences.
func engineSentences(t *testing.T, arts []Article, aside map[string][]reuse.AsideMark) map[string]reuse.DocumentSentences {
	t.Helper()
	stats := map[uint64]reuse.TermStats{}
	lower := map[uint64]bool{}
	sentences := 0
	for _, a := range arts {
		dt := reuse.CountTerms(a.Text, reuse.Options{})
		sentences += dt.Sentences
		for _, c := range dt.Terms {
			s := reuse.NewTermStats(a.ID, c)
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
	table := reuse.NewTermTable(all, sentences, len(arts))
	out := map[string]reuse.DocumentSentences{}
	for _, a := range arts {
		ds, err := table.Sentences(a.Text, func(w uint64) bool { return lower[w] }, aside[a.ID], reuse.Options{})
		if err != nil {
			t.Fatal(err)
		}
		out[a.ID] = ds
	}
	return out
}

func TestTermsCountEachTermOverAllArticles(t *testing.T) {
	stats := map[uint64]reuse.TermStats{}
	sentences := 0
	for _, a := range rewrittenArticles {
		dt := reuse.CountTerms(a.Text, reuse.Options{})
		sentences += dt.Sentences
		for _, c := range dt.Terms {
			s := reuse.NewTermStats(a.ID, c)
			if old, ok := stats[c.Term]; ok {
				s = s.Merge(old)
			}
			stats[c.Term] = s
		}
	}
	var want []any
	for _, s := range stats {
		want = append(want, termStatsString(s))
	}
	p, s := beam.NewPipelineWithRoot()
	termStats, total, lowered := Terms(s, Options{}, beam.Create(s, toAny(rewrittenArticles)...))
	passert.Equals(s, beam.ParDo(s, termStatsString, termStats), want...)
	passert.Equals(s, total, sentences)
	// "The" starts sentences and "the" runs through them: the one word
	// capitalised and written in lower case that the texts share most.
	passert.NonEmpty(s, beam.ParDo(s, wordString, lowered))
	run(t, p)
}

func TestSentencesGiveEachArticleTheEnginesVectors(t *testing.T) {
	// The wire story's first fingerprint set aside, as if boilerplate:
	// its sentence stays, marked only if it lies mostly in such text.
	fps, _ := reuse.Fingerprints(budgetWire, reuse.Options{})
	var marks []reuse.AsideMark
	for _, f := range fps {
		marks = append(marks, reuse.AsideMark{Hash: f.Hash, Pos: f.Pos, Group: "widespread"})
	}
	aside := map[string][]reuse.AsideMark{"b1": marks}
	want := engineSentences(t, rewrittenArticles, aside)
	if !want["b1"].Sentences[0].Aside || want["b2"].Sentences[0].Aside {
		t.Fatalf("the engine marks %v and %v set aside, want the first only: the test tests too little",
			want["b1"].Sentences[0].Aside, want["b2"].Sentences[0].Aside)
	}
	var wantLines []any
	for _, a := range rewrittenArticles {
		wantLines = append(wantLines, sentencedString(a.ID, Sentenced{Article: a, Sentences: want[a.ID]}))
	}

	p, s := beam.NewPipelineWithRoot()
	articles := beam.Create(s, toAny(rewrittenArticles)...)
	termStats, total, lowered := Terms(s, Options{}, articles)
	asideMarks := beam.ParDo(s, keyAsideMark, beam.Create(s, toAny(marks)...))
	got := Sentences(s, Options{}, ByID(s, articles), asideMarks, termStats, total, Count(s, articles), lowered, Barrier(s))
	passert.Equals(s, beam.ParDo(s, sentencedString, got), wantLines...)
	run(t, p)
}

func init() { register.Function2x0[reuse.AsideMark, func(string, reuse.AsideMark)](keyAsideMark) }

func keyAsideMark(m reuse.AsideMark, emit func(string, reuse.AsideMark)) { emit("b1", m) }

func TestAsideMarksEmitTheOccurrencesOfBoilerplate(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	occ := beam.ParDo(s, seedOccurrences, beam.Create(s, reuse.Seed{A: "a", B: "b", I: 1, J: 7}))
	// A fingerprint in four articles, over MaxDocs 3; x1 carries it at 50
	// (four times over) and x4 at 53 and 9.
	boiler := beam.ParDo(s, seedOccurrences, beam.Create(s,
		reuse.Seed{A: "x1", B: "x2", I: 50, J: 51}, reuse.Seed{A: "x1", B: "x3", I: 50, J: 52},
		reuse.Seed{A: "x1", B: "x4", I: 50, J: 53}, reuse.Seed{A: "x1", B: "x4", I: 50, J: 9}))
	opts := Options{MaxDocs: 3, Shards: 2}
	marks := AsideMarks(s, opts, FingerprintShards(s, opts, beam.Flatten(s, occ, boiler)), beam.Create(s, 8))
	// An article may hear of one fingerprint more than once; its first
	// position is what counts.
	passert.Equals(s, beam.ParDo(s, firstMark, beam.GroupByKey(s, marks)),
		"x1 70@50 widespread", "x2 70@51 widespread", "x3 70@52 widespread", "x4 70@9 widespread")
	run(t, p)
}

func init() {
	register.Function2x1[string, func(*reuse.AsideMark) bool, string](firstMark)
	register.Iter1[reuse.AsideMark]()
}

// firstMark describes an article's first mark of one fingerprint.
func firstMark(doc string, marks func(*reuse.AsideMark) bool) string {
	var m, first reuse.AsideMark
	first.Pos = -1
	for marks(&m) {
		if first.Pos < 0 || m.Pos < first.Pos {
			first = m
		}
	}
	return fmt.Sprintf("%s %x@%d %s", doc, first.Hash, first.Pos, first.Group)
}

func toAny[T any](xs []T) []any {
	out := make([]any, len(xs))
	for n, x := range xs {
		out[n] = x
	}
	return out
}

func init() {
	register.Function2x0[Sentenced, func(string, Sentenced)](keySentenced)
}

func keySentenced(a Sentenced, emit func(string, Sentenced)) { emit(a.Article.ID, a) }

// sentencedOf returns the articles with the engine's sentences.
func sentencedOf(t *testing.T, arts []Article) []Sentenced {
	vecs := engineSentences(t, arts, nil)
	var out []Sentenced
	for _, a := range arts {
		out = append(out, Sentenced{Article: a, Sentences: vecs[a.ID]})
	}
	return out
}

// cosine returns the cosine and Dice coefficient of two sentences,
// term by term in order of rank.
func cosine(u, v reuse.SentenceVector) (sim, dice float32) {
	common := 0
	for i, j := 0, 0; i < len(u.Terms) && j < len(v.Terms); {
		switch {
		case u.Terms[i] < v.Terms[j]:
			i++
		case u.Terms[i] > v.Terms[j]:
			j++
		default:
			sim += u.Weights[i] * v.Weights[j]
			common++
			i, j = i+1, j+1
		}
	}
	return sim, float32(2*common) / float32(len(u.Terms)+len(v.Terms))
}

func TestSimilarFindsEverySentencePairAlikeEnough(t *testing.T) {
	arts := sentencedOf(t, rewrittenArticles)
	// Every pair of sentences compared, without the prefix filter: it
	// must lose none of them.
	var want []any
	for n, a := range arts {
		for _, b := range arts[n+1:] {
			for i, u := range a.Sentences.Sentences {
				for j, v := range b.Sentences.Sentences {
					if sim, dice := cosine(u, v); sim >= 0.2 {
						want = append(want, similarPairString(pairKey(a.Article.ID, b.Article.ID),
							reuse.SimilarPair{A: a.Article.ID, B: b.Article.ID, I: int32(i), J: int32(j), Sim: sim, Dice: dice}))
					}
				}
			}
		}
	}
	if len(want) < 3 {
		t.Fatalf("the articles have %d similar sentence pairs; the test needs three or more", len(want))
	}
	// The default shards, and one shard that holds every term.
	for _, shards := range []int{0, 1} {
		p, s := beam.NewPipelineWithRoot()
		similar := Similar(s, Options{Shards: shards}, beam.ParDo(s, keySentenced, beam.Create(s, toAny(arts)...)))
		// A pair comes once for each term of both prefixes.
		passert.Equals(s, beam.ParDo(s, similarPairString, beam.ParDo(s, firstPair, beam.GroupByKey(s, beam.ParDo(s, keyBySentences, similar)))), want...)
		run(t, p)
	}
}

func init() {
	register.Function3x0[string, reuse.SimilarPair, func(string, reuse.SimilarPair)](keyBySentences)
	register.Function3x0[string, func(*reuse.SimilarPair) bool, func(string, reuse.SimilarPair)](firstPair)
}

func keyBySentences(k string, p reuse.SimilarPair, emit func(string, reuse.SimilarPair)) {
	emit(fmt.Sprint(k, p.I, " ", p.J), p)
}

func firstPair(_ string, ps func(*reuse.SimilarPair) bool, emit func(string, reuse.SimilarPair)) {
	var p reuse.SimilarPair
	ps(&p)
	emit(pairKey(p.A, p.B), p)
}

func TestPairWorkKeepsPairsWithSeedsOrEnoughSimilarSentences(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	cands := beam.ParDo(s, keyCandidate, beam.Create(s, Candidate{"a", "b", []int32{1}, []int32{2}}))
	similar := beam.ParDo(s, keySimilar, beam.Create(s,
		// One close pair, twice, as two terms find it: enough alone.
		reuse.SimilarPair{A: "c", B: "d", I: 2, J: 3, Sim: 0.9, Dice: 0.8},
		reuse.SimilarPair{A: "c", B: "d", I: 2, J: 3, Sim: 0.9, Dice: 0.8},
		// One pair barely alike: a coincidence, passed over.
		reuse.SimilarPair{A: "e", B: "f", I: 0, J: 0, Sim: 0.35, Dice: 0.4},
		// A pair that shares a seed as well.
		reuse.SimilarPair{A: "a", B: "b", I: 0, J: 1, Sim: 0.25, Dice: 0.3}))
	passert.Equals(s, beam.ParDo(s, workString, PairWork(s, Options{}, cands, similar)),
		workString("a", Work{Candidate: Candidate{"a", "b", []int32{1}, []int32{2}}, Similar: []reuse.SimilarPair{{A: "a", B: "b", I: 0, J: 1, Sim: 0.25, Dice: 0.3}}}),
		workString("c", Work{Candidate: Candidate{A: "c", B: "d"}, Similar: []reuse.SimilarPair{{A: "c", B: "d", I: 2, J: 3, Sim: 0.9, Dice: 0.8}}}))
	if got := Counters(run(t, p))[CounterSimilar]; got != 3 {
		t.Errorf("the similar sentence pairs counter says %d, want 3", got)
	}
}

func TestJoinSentencedGivesEachPairBothArticles(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	arts := beam.ParDo(s, keySentenced, beam.Create(s,
		Sentenced{Article: Article{ID: "a"}}, Sentenced{Article: Article{ID: "b"}}, Sentenced{Article: Article{ID: "c"}}))
	work := beam.ParDo(s, keyWork, beam.Create(s, Work{Candidate: Candidate{A: "a", B: "b"}}, Work{Candidate: Candidate{A: "b", B: "c"}}))
	passert.Equals(s, beam.ParDo(s, joinedWorkString, JoinSentenced(s, Options{}, arts, work)),
		joinedWorkString(JoinedWork{A: Sentenced{Article: Article{ID: "a"}}, B: Sentenced{Article: Article{ID: "b"}}, Work: Work{Candidate: Candidate{A: "a", B: "b"}}}),
		joinedWorkString(JoinedWork{A: Sentenced{Article: Article{ID: "b"}}, B: Sentenced{Article: Article{ID: "c"}}, Work: Work{Candidate: Candidate{A: "b", B: "c"}}}))
	run(t, p)
}

func TestCompareRewrittenUsesTheEnginesPairComparison(t *testing.T) {
	arts := []Article{{ID: "b1", Text: budgetWire}, {ID: "b2", Text: budgetRewrite}}
	want, err := reuse.Analyze(context.Background(), []reuse.Document{arts[0].document(), arts[1].document()}, reuse.Options{AllPairs: true})
	if err != nil || len(want.Pairs) != 1 || want.Pairs[0].RewrittenWords == 0 {
		t.Fatalf("Analyze gave %v pairs, %v; the test needs one with a rewritten passage", len(want.Pairs), err)
	}
	wantLine, err := pairLine("b1", "b2", want.Pairs[0])
	if err != nil {
		t.Fatal(err)
	}
	sentenced := sentencedOf(t, arts)
	w := Work{Candidate: Candidate{A: "b1", B: "b2"}}
	for i, u := range sentenced[0].Sentences.Sentences {
		for j, v := range sentenced[1].Sentences.Sentences {
			if sim, dice := cosine(u, v); sim >= 0.2 {
				w.Similar = append(w.Similar, reuse.SimilarPair{A: "b1", B: "b2", I: int32(i), J: int32(j), Sim: sim, Dice: dice})
			}
		}
	}
	// Their shared fingerprints, as Seeds would give them.
	groups := map[uint64]*reuse.FingerprintGroup{}
	for _, a := range arts {
		fps, _ := reuse.Fingerprints(a.Text, reuse.Options{})
		for _, f := range fps {
			if groups[f.Hash] == nil {
				groups[f.Hash] = reuse.NewFingerprintGroup(reuse.Options{}, 2)
			}
			groups[f.Hash].Add(reuse.Occurrence{Doc: a.ID, Pos: f.Pos})
		}
	}
	for _, g := range groups {
		for _, seed := range g.Seeds() {
			w.I, w.J = append(w.I, seed.I), append(w.J, seed.J)
		}
	}
	p, s := beam.NewPipelineWithRoot()
	lines, covered := CompareRewritten(s, Options{}, beam.Create(s, JoinedWork{A: sentenced[0], B: sentenced[1], Work: w}))
	passert.Equals(s, lines, wantLine)
	passert.Count(s, covered, "passage sides", 2*len(want.Pairs[0].Passages))
	cs := Counters(run(t, p))
	if cs[CounterPairs] != 1 || cs[CounterRewritten] < 1 {
		t.Errorf("counters say %d pairs and %d rewritten passages, want 1 and 1 or more", cs[CounterPairs], cs[CounterRewritten])
	}
}

func joinedSentencesString(j JoinedWork) string {
	return fmt.Sprint(j.A.Article.ID, len(j.A.Sentences.Sentences), j.B.Article.ID, len(j.B.Sentences.Sentences))
}

func TestJoinSentencedLeavesOutTheSentencesOfAPairThatCannotRewrite(t *testing.T) {
	alike := func(i, j int32) reuse.SimilarPair {
		return reuse.SimilarPair{A: "a", B: "b", I: i, J: j, Sim: 0.9, Dice: 0.8}
	}
	for _, c := range []struct {
		name string
		work Work
		want string
	}{
		{"a pair without similar sentences takes its articles without their sentences",
			Work{Candidate: Candidate{A: "a", B: "b", I: []int32{1}, J: []int32{2}}}, "a0b0"},
		{"a pair whose similar sentences may make a rewritten passage takes both articles' sentences",
			Work{Candidate: Candidate{A: "a", B: "b"}, Similar: []reuse.SimilarPair{alike(0, 0), alike(1, 1)}}, "a2b2"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			two := reuse.DocumentSentences{Sentences: make([]reuse.SentenceVector, 2)}
			arts := beam.ParDo(s, keySentenced, beam.Create(s,
				Sentenced{Article: Article{ID: "a"}, Sentences: two}, Sentenced{Article: Article{ID: "b"}, Sentences: two}))
			work := beam.ParDo(s, keyWork, beam.Create(s, c.work))
			passert.Equals(s, beam.ParDo(s, joinedSentencesString, JoinSentenced(s, Options{}, arts, work)), c.want)
			run(t, p)
		})
	}
}
