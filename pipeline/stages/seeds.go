package stages

import (
	"context"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn5x0[context.Context, uint64, func(*reuse.Occurrence) bool, int, func(string, reuse.Seed)](&seedFn{})
	register.Iter1[reuse.Occurrence]()
	register.Emitter2[string, reuse.Seed]()
	register.DoFn4x0[context.Context, string, func(*reuse.Seed) bool, func(string, Candidate)](&candidateFn{})
	register.Iter1[reuse.Seed]()
	register.Emitter2[string, Candidate]()
}

// A Candidate is a pair of articles that share at least one fingerprint
// the boilerplate rule keeps: article A, whose ID sorts first, and B, with
// the seeds they share, words I[n]… of A equal to words J[n]… of B.
type Candidate struct {
	A, B string
	I, J []int32
}

// Seeds groups the fingerprints by hash, sets aside those a text of
// Options.Boilerplate holds, those found in more articles than
// Options.MaxDocs and those one source repeats across its own articles
// (Options.SourceRepeats) as the command line does, and emits the seeds
// the others make, keyed by the pair of articles, but for lone seeds
// (reuse.LoneSeed): a seed that no other seed of its pair can chain with
// and that the words around it show to make no passage on its own, such
// as a stock phrase two articles share, changes no comparison. articles
// is the number of articles, a singleton, which the default MaxDocs
// depends on (nine in ten of them, at least 100).
//
// A group keeps at most MaxRepeats occurrences of MaxDocs+1 articles
// while it reads them (reuse.FingerprintGroup); it pairs them all, but
// emits only seeds that may matter, so the stock phrases of a large
// archive cost time here and no traffic after.
func Seeds(s beam.Scope, opts Options, fingerprints, articles beam.PCollection) beam.PCollection {
	s = s.Scope("Seeds")
	return beam.ParDo(s, &seedFn{Opts: opts}, beam.GroupByKey(s, fingerprints), beam.SideInput{Input: articles})
}

type seedFn struct {
	Opts                          Options
	marked                        func(hash uint64) bool
	boilerplate, bySource, byMark beam.Counter
	seeds, lone                   beam.Counter
}

func (fn *seedFn) Setup() {
	fn.marked = reuse.Marked(fn.Opts.engine())
	fn.byMark = beam.NewCounter(Namespace, CounterMarked)
	fn.boilerplate = beam.NewCounter(Namespace, CounterBoilerplate)
	fn.bySource = beam.NewCounter(Namespace, CounterBySource)
	fn.seeds = beam.NewCounter(Namespace, CounterSeeds)
	fn.lone = beam.NewCounter(Namespace, CounterLoneSeeds)
}

func (fn *seedFn) ProcessElement(ctx context.Context, hash uint64, occurrences func(*reuse.Occurrence) bool, articles int, emit func(string, reuse.Seed)) {
	if fn.marked(hash) {
		fn.byMark.Inc(ctx, 1)
		return
	}
	opts := fn.Opts.engine()
	g := reuse.NewFingerprintGroup(opts, articles)
	var o reuse.Occurrence
	for occurrences(&o) {
		g.Add(o)
	}
	if g.Boilerplate() {
		fn.boilerplate.Inc(ctx, 1)
		return
	}
	if g.BySource() {
		fn.bySource.Inc(ctx, 1)
		return
	}
	var seeds, lone int64
	g.EachSeed(func(seed reuse.Seed) {
		seeds++
		if reuse.LoneSeed(seed, opts) {
			lone++
			return
		}
		emit(pairKey(seed.A, seed.B), seed)
	})
	fn.seeds.Inc(ctx, seeds)
	fn.lone.Inc(ctx, lone)
}

// pairKey names a pair of articles: quoting makes the key unambiguous
// whatever the IDs hold.
func pairKey(a, b string) string { return strconv.Quote(a) + strconv.Quote(b) }

// Candidates groups the seeds by pair of articles into one Candidate a
// pair, keyed by the ID of its article A, and drops the pairs whose
// seeds the words around them show to make no passage
// (reuse.MayRelate), before they are joined with their texts.
func Candidates(s beam.Scope, opts Options, seeds beam.PCollection) beam.PCollection {
	s = s.Scope("Candidates")
	return beam.ParDo(s, &candidateFn{Opts: opts}, beam.GroupByKey(s, seeds))
}

type candidateFn struct {
	Opts               Options
	candidates, joined beam.Counter
}

func (fn *candidateFn) Setup() {
	fn.candidates = beam.NewCounter(Namespace, CounterCandidates)
	fn.joined = beam.NewCounter(Namespace, CounterJoined)
}

func (fn *candidateFn) ProcessElement(ctx context.Context, _ string, seeds func(*reuse.Seed) bool, emit func(string, Candidate)) {
	var c Candidate
	var all []reuse.Seed
	var seed reuse.Seed
	for seeds(&seed) {
		all = append(all, seed)
		c.A, c.B = seed.A, seed.B
		c.I = append(c.I, seed.I)
		c.J = append(c.J, seed.J)
	}
	fn.candidates.Inc(ctx, 1)
	if !reuse.MayRelate(all, fn.Opts.engine()) {
		return
	}
	fn.joined.Inc(ctx, 1)
	emit(c.A, c)
}
