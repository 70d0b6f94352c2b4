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

// Seeds groups the fingerprints by hash, sets aside those found in more
// articles than Options.MaxDocs (boilerplate) and those one source
// repeats across its own articles (Options.SourceRepeats) as the command
// line does, and emits every seed the others make, keyed by the pair of articles.
// articles is the number of articles, a singleton, which the default
// MaxDocs depends on (nine in ten of them, at least 100).
//
// A group keeps at most MaxRepeats positions of MaxDocs+1 articles while
// it reads its occurrences (reuse.FingerprintGroup).
func Seeds(s beam.Scope, opts Options, fingerprints, articles beam.PCollection) beam.PCollection {
	s = s.Scope("Seeds")
	return beam.ParDo(s, &seedFn{Opts: opts}, beam.GroupByKey(s, fingerprints), beam.SideInput{Input: articles})
}

type seedFn struct {
	Opts                  Options
	boilerplate, bySource beam.Counter
}

func (fn *seedFn) Setup() {
	fn.boilerplate = beam.NewCounter(Namespace, CounterBoilerplate)
	fn.bySource = beam.NewCounter(Namespace, CounterBySource)
}

func (fn *seedFn) ProcessElement(ctx context.Context, _ uint64, occurrences func(*reuse.Occurrence) bool, articles int, emit func(string, reuse.Seed)) {
	g := reuse.NewFingerprintGroup(fn.Opts.engine(), articles)
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
	for _, seed := range g.Seeds() {
		emit(pairKey(seed.A, seed.B), seed)
	}
}

// pairKey names a pair of articles: quoting makes the key unambiguous
// whatever the IDs hold.
func pairKey(a, b string) string { return strconv.Quote(a) + strconv.Quote(b) }

// Candidates groups the seeds by pair of articles into one Candidate a
// pair, keyed by the ID of its article A.
func Candidates(s beam.Scope, seeds beam.PCollection) beam.PCollection {
	s = s.Scope("Candidates")
	return beam.ParDo(s, &candidateFn{}, beam.GroupByKey(s, seeds))
}

type candidateFn struct {
	candidates beam.Counter
}

func (fn *candidateFn) Setup() { fn.candidates = beam.NewCounter(Namespace, CounterCandidates) }

func (fn *candidateFn) ProcessElement(ctx context.Context, _ string, seeds func(*reuse.Seed) bool, emit func(string, Candidate)) {
	var c Candidate
	var seed reuse.Seed
	for seeds(&seed) {
		c.A, c.B = seed.A, seed.B
		c.I = append(c.I, seed.I)
		c.J = append(c.J, seed.J)
	}
	fn.candidates.Inc(ctx, 1)
	emit(c.A, c)
}
