package stages

import (
	"context"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn4x0[string, Sentenced, func(*int) bool, func(int32, []byte)](&prefixFn{})
	register.Iter1[int]()
	register.DoFn4x1[context.Context, int32, []byte, func(string, reuse.SimilarPair), error](&sentenceGroupFn{})
	register.Emitter2[string, reuse.SimilarPair]()
	register.DoFn5x0[context.Context, string, func(*Candidate) bool, func(*reuse.SimilarPair) bool, func(string, Work)](&workFn{})
	register.Iter1[reuse.SimilarPair]()
	register.Emitter2[string, Work]()
	register.DoFn4x1[string, func(*Sentenced) bool, func(*Work) bool, func(string, halfWork), error](&joinSentencedAFn{})
	register.Iter1[Sentenced]()
	register.Iter1[Work]()
	register.Emitter2[string, halfWork]()
	register.DoFn4x1[string, func(*Sentenced) bool, func(*halfWork) bool, func(JoinedWork), error](&joinSentencedBFn{})
	register.Iter1[halfWork]()
	register.Emitter1[JoinedWork]()
	register.DoFn4x1[context.Context, JoinedWork, func(string), func(string, reuse.Covered), error](&compareRewrittenFn{})
}

// Similar is the similarity join of sentences with prefix filtering, as
// the engine's (Bayardo, Ma and Srikant, WWW 2007): each sentence is
// packed under each term of its prefix (appendSentenceRef, with its
// vector) into the shard of the term (Options.Shards), one []byte a shard
// as FingerprintShards packs the fingerprints, so that prism holds an
// element a shard, not one a sentence and term. Each shard is read into
// memory at once and grouped by term; each term's group keeps what
// reuse.SentenceGroup keeps (at most 12 articles, a term of more pairing
// nothing, and MaxRepeats sentences of each, those of least index,
// whatever the order they come in) and pairs its sentences of different
// articles that are alike enough. It returns the similar sentence pairs
// keyed by pair of articles; a pair found under several terms comes once
// for each.
//
// The shards are made and read in similarParts parts, one after the
// other (a Barrier: each part's packing waits for the pairs of the part
// before), each part's shards those whose number leaves it as remainder
// (similarPart): prism sends a stage its whole input as one gRPC
// message, which may not pass 2 GiB, and keeps a collection from the
// stage that makes it to the end of its last reader, so the sentences
// packed under their prefix terms, 2.4 GB at 100,000 newsroom articles,
// are made and held a quarter at a time (README, "Scale").
func Similar(s beam.Scope, opts Options, sentenced beam.PCollection) beam.PCollection {
	s = s.Scope("Similar")
	var pairs []beam.PCollection
	after := Barrier(s)
	for part := range similarParts {
		byTerm := beam.ParDo(s, &prefixFn{Opts: opts, Part: part}, sentenced, beam.SideInput{Input: after})
		pairs = append(pairs, beam.ParDo(s, &sentenceGroupFn{Opts: opts}, beam.CombinePerKey(s, &concatFn{}, byTerm)))
		after = Barrier(s, pairs[part])
	}
	return beam.Flatten(s, pairs...)
}

// similarParts is how many parts Similar's shards are made and read in.
const similarParts = 4

// similarPart returns the part a shard belongs to.
func similarPart(shard int32) int { return int(shard) % similarParts }

// prefixFn packs each sentence under each term of its prefix whose shard
// is in part Part.
type prefixFn struct {
	Opts Options
	Part int
}

func (fn *prefixFn) ProcessElement(id string, a Sentenced, _ func(*int) bool, emit func(int32, []byte)) {
	shards := fn.Opts.shards()
	for n, v := range a.Sentences.Sentences {
		for _, t := range v.PrefixTerms(fn.Opts.engine()) {
			if shard := termShard(t, shards); similarPart(shard) == fn.Part {
				emit(shard, appendSentenceRef(nil, t, reuse.SentenceRef{Doc: id, Index: int32(n), Sentence: v}))
			}
		}
	}
}

type sentenceGroupFn struct{ Opts Options }

func (fn *sentenceGroupFn) ProcessElement(ctx context.Context, _ int32, packed []byte, emit func(string, reuse.SimilarPair)) error {
	shardBytes.Update(ctx, int64(len(packed)))
	opts := fn.Opts.engine()
	return eachGroup(packed, (*reader).sentenceRef, func(_ int32, refs []reuse.SentenceRef) {
		g := reuse.NewSentenceGroup(opts)
		for _, r := range refs {
			g.Add(r)
		}
		for _, p := range g.Pairs() {
			emit(pairKey(p.A, p.B), p)
		}
	})
}

// A Work is a pair of articles to compare: A, whose ID sorts first, and
// B, with the seeds of their copied passages (as in Candidate) and their
// similar sentences, distinct and in order.
type Work struct {
	Candidate
	Similar []reuse.SimilarPair
	// Planned marks a pair a story plans to compare (StoryWork).
	Planned bool
}

// PairWork joins the candidate pairs (keyed by article A, from
// Candidates) with the similar sentences (from Similar) by pair of
// articles, and keeps the pairs that share a seed or whose similar
// sentences may make a rewritten passage, as the command line does with
// --all-pairs. It returns them keyed by article A.
func PairWork(s beam.Scope, opts Options, candidates, similar beam.PCollection) beam.PCollection {
	s = s.Scope("PairWork")
	byPair := beam.ParDo(s, keyCandidateByPair, candidates)
	return beam.ParDo(s, &workFn{Opts: opts}, beam.CoGroupByKey(s, byPair, similar))
}

type workFn struct {
	Opts    Options
	similar beam.Counter
}

func (fn *workFn) Setup() { fn.similar = beam.NewCounter(Namespace, CounterSimilar) }

func (fn *workFn) ProcessElement(ctx context.Context, _ string, candidates func(*Candidate) bool, similar func(*reuse.SimilarPair) bool, emit func(string, Work)) {
	var w Work
	var c Candidate
	for candidates(&c) {
		w.Candidate = c
	}
	var ps []reuse.SimilarPair
	var p reuse.SimilarPair
	for similar(&p) {
		ps = append(ps, p)
	}
	w.Similar = reuse.SimilarSentences(ps)
	fn.similar.Inc(ctx, int64(len(w.Similar)))
	if len(w.Similar) > 0 {
		w.A, w.B = w.Similar[0].A, w.Similar[0].B
	}
	if len(w.I) > 0 || reuse.MayRewrite(w.Similar, fn.Opts.engine()) {
		emit(w.A, w)
	}
}

// A JoinedWork is a pair to compare with both articles and their
// sentences, A's ID sorting first.
type JoinedWork struct {
	A, B Sentenced
	Work Work
}

// halfWork is a Work with its article A, on its way to B.
type halfWork struct {
	A    Sentenced
	Work Work
}

// JoinSentenced joins each pair to compare with both its articles and
// their sentences (sentenced, keyed by ID), as Join does for copied
// passages alone: first with A, then with B.
//
// A pair whose similar sentences cannot make a rewritten passage
// (reuse.MayRewrite) is compared from its seeds alone, and the
// comparison reads none of its sentences: it takes its articles without
// them (forPair). The sentence vectors are about half of a Sentenced's
// bytes, and most pairs of wire copy have no similar sentences, so the
// joins' outputs, the largest inputs of the stages after Similar, are
// about half as large.
func JoinSentenced(s beam.Scope, opts Options, sentenced, work beam.PCollection) beam.PCollection {
	s = s.Scope("JoinSentenced")
	half := beam.ParDo(s, &joinSentencedAFn{Opts: opts}, beam.CoGroupByKey(s, sentenced, work))
	return beam.ParDo(s, &joinSentencedBFn{Opts: opts}, beam.CoGroupByKey(s, sentenced, half))
}

// forPair returns the article a as the comparison of w needs it: without
// its sentences where w's similar sentences cannot make a rewritten
// passage.
func forPair(a Sentenced, w Work, opts Options) Sentenced {
	if reuse.MayRewrite(w.Similar, opts.engine()) {
		return a
	}
	return Sentenced{Article: a.Article}
}

type joinSentencedAFn struct{ Opts Options }

func (fn *joinSentencedAFn) ProcessElement(id string, articles func(*Sentenced) bool, work func(*Work) bool, emit func(string, halfWork)) error {
	a, ok, err := theSentenced(id, articles)
	if err != nil || !ok {
		return err
	}
	var w Work
	for work(&w) {
		emit(w.B, halfWork{A: forPair(a, w, fn.Opts), Work: w})
	}
	return nil
}

type joinSentencedBFn struct{ Opts Options }

func (fn *joinSentencedBFn) ProcessElement(id string, articles func(*Sentenced) bool, halves func(*halfWork) bool, emit func(JoinedWork)) error {
	b, ok, err := theSentenced(id, articles)
	if err != nil || !ok {
		return err
	}
	var h halfWork
	for halves(&h) {
		emit(JoinedWork{A: h.A, B: forPair(b, h.Work, fn.Opts), Work: h.Work})
	}
	return nil
}

// theSentenced returns the one article with an ID, as theArticle does.
func theSentenced(id string, articles func(*Sentenced) bool) (Sentenced, bool, error) {
	var a, other Sentenced
	if !articles(&a) {
		return a, false, nil
	}
	if articles(&other) {
		return a, false, fmt.Errorf("two articles have the ID %q: every article needs an ID of its own", id)
	}
	return a, true, nil
}

// CompareRewritten compares each joined pair with the engine's own pair
// comparison with both kinds of seeds (reuse.CompareRewritten). It
// returns what Compare returns.
func CompareRewritten(s beam.Scope, opts Options, joined beam.PCollection) (pairLines, covered beam.PCollection) {
	s = s.Scope("CompareRewritten")
	return beam.ParDo2(s, &compareRewrittenFn{Opts: opts}, joined)
}

type compareRewrittenFn struct {
	Opts                       Options
	pairs, passages, rewritten beam.Counter
}

func (fn *compareRewrittenFn) Setup() {
	fn.pairs = beam.NewCounter(Namespace, CounterPairs)
	fn.passages = beam.NewCounter(Namespace, CounterPassages)
	fn.rewritten = beam.NewCounter(Namespace, CounterRewritten)
}

func (fn *compareRewrittenFn) ProcessElement(ctx context.Context, j JoinedWork, emitLine func(string), emitCovered func(string, reuse.Covered)) error {
	c, ok, err := compareJoined(ctx, j, fn.Opts)
	if err != nil || !ok {
		return err
	}
	fn.rewritten.Inc(ctx, int64(countRewritten(c.Ranges)))
	return emitComparison(ctx, fn.pairs, fn.passages, j.Work.A, j.Work.B, c, emitLine, emitCovered)
}

// compareJoined compares a joined pair with its seeds of both kinds, by
// the engine's own comparison.
func compareJoined(ctx context.Context, j JoinedWork, opts Options) (reuse.Comparison, bool, error) {
	w := j.Work
	seeds := make([]reuse.Seed, len(w.I))
	for n := range w.I {
		seeds[n] = reuse.Seed{A: w.A, B: w.B, I: w.I[n], J: w.J[n]}
	}
	sentences := reuse.PairSentences{A: j.A.Sentences, B: j.B.Sentences, Similar: w.Similar}
	c, ok, err := reuse.CompareRewritten(ctx, j.A.Article.document(), j.B.Article.document(), seeds, sentences, opts.engine())
	if err != nil {
		return c, false, fmt.Errorf("comparing %q and %q: %v", w.A, w.B, err)
	}
	return c, ok, nil
}

// AnalyzeRewritten chains the stages from the articles to their document
// and pair lines with rewritten passages, as Analyze does without them.
func AnalyzeRewritten(s beam.Scope, opts Options, articles beam.PCollection) (documents, pairs beam.PCollection) {
	byID := ByID(s, articles)
	count := Count(s, articles)
	shards := FingerprintShards(s, opts, Fingerprint(s, opts, articles))
	seeds, _, marks := FingerprintPass(s, opts, Reads{Seeds: true, AsideMarks: true}, shards, count)
	candidates := Candidates(s, opts, seeds, shards, count)
	termStats, sentences, lowered := Terms(s, opts, articles)
	// The sentences wait for the candidates: the last reader of the
	// fingerprint shards (NearSeeds) is then done, and prism has let
	// them go.
	sentenced := Sentences(s, opts, byID, marks, termStats, sentences, count, lowered, Barrier(s, candidates))
	work := PairWork(s, opts, candidates, Similar(s, opts, sentenced))
	pairs, covered := CompareRewritten(s, opts, JoinSentenced(s, opts, sentenced, work))
	return Summarise(s, byID, covered), pairs
}
