package stages

import (
	"cmp"
	"context"
	"slices"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn5x1[context.Context, int32, []byte, int, func(int32, []byte), error](&seedFn{})
	register.DoFn4x1[context.Context, int32, []byte, func(string, Candidate), error](&candidateFn{})
	register.Emitter2[string, Candidate]()
}

// A Candidate is a pair of articles that share at least one fingerprint
// the boilerplate rule keeps: article A, whose ID sorts first, and B, with
// the seeds they share, words I[n]… of A equal to words J[n]… of B.
type Candidate struct {
	A, B string
	I, J []int32
}

// Seeds reads the fingerprints of each hash (from FingerprintShards),
// sets aside those a text of Options.Boilerplate holds, those found in
// more articles than Options.MaxDocs and those one source repeats across
// its own articles (Options.SourceRepeats) as the command line does, and
// emits the seeds the others make, each packed (pack.go) and keyed by
// the shard of its pair of articles (Candidates gathers them), but for
// lone seeds (reuse.LoneSeed): a seed that no other seed of its pair
// can chain with and that the words around it show to make no passage on
// its own, such as a stock phrase two articles share, changes no
// comparison. articles is the number of articles, a singleton, which the
// default MaxDocs depends on (nine in ten of them, at least 100).
//
// A shard holds the fingerprints of its hashes; each group keeps at most
// MaxRepeats occurrences of MaxDocs+1 articles while it reads them
// (reuse.FingerprintGroup); it pairs them all, but emits only seeds that
// may matter, so the stock phrases of a large archive cost time here and
// no traffic after.
func Seeds(s beam.Scope, opts Options, shards, articles beam.PCollection) beam.PCollection {
	s = s.Scope("Seeds")
	return beam.ParDo(s, &seedFn{Opts: opts}, shards, beam.SideInput{Input: articles})
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

func (fn *seedFn) ProcessElement(ctx context.Context, _ int32, packed []byte, articles int, emit func(int32, []byte)) error {
	opts := fn.Opts.engine()
	shards := fn.Opts.shards()
	var marked, boilerplate, bySource, seeds, lone int64
	err := eachHashGroup(packed, func(hash uint64, occurrences []reuse.Occurrence) {
		if fn.marked(hash) {
			marked++
			return
		}
		g := reuse.NewFingerprintGroup(opts, articles)
		for _, o := range occurrences {
			g.Add(o)
		}
		if g.Boilerplate() {
			boilerplate++
			return
		}
		if g.BySource() {
			bySource++
			return
		}
		g.EachSeed(func(seed reuse.Seed) {
			seeds++
			if reuse.LoneSeed(seed, opts) {
				lone++
				return
			}
			emit(pairShard(seed.A, seed.B, shards), appendSeed(nil, seed))
		})
	})
	fn.byMark.Inc(ctx, marked)
	fn.boilerplate.Inc(ctx, boilerplate)
	fn.bySource.Inc(ctx, bySource)
	fn.seeds.Inc(ctx, seeds)
	fn.lone.Inc(ctx, lone)
	return err
}

// pairKey names a pair of articles: quoting makes the key unambiguous
// whatever the IDs hold.
func pairKey(a, b string) string { return strconv.Quote(a) + strconv.Quote(b) }

// Candidates gathers the seeds (from Seeds) by shard of pairs, in one
// []byte a shard (FingerprintShards' concatenation, lifted into the
// Seeds stage), and each pair's seeds into one Candidate, keyed by the
// ID of its article A, and drops the pairs whose seeds the words around
// them show to make no passage (reuse.MayRelate), before they are joined
// with their texts. A shard holds the seeds of its pairs.
func Candidates(s beam.Scope, opts Options, seeds beam.PCollection) beam.PCollection {
	s = s.Scope("Candidates")
	return beam.ParDo(s, &candidateFn{Opts: opts}, beam.CombinePerKey(s, &concatFn{}, seeds))
}

type candidateFn struct {
	Opts               Options
	candidates, joined beam.Counter
}

func (fn *candidateFn) Setup() {
	fn.candidates = beam.NewCounter(Namespace, CounterCandidates)
	fn.joined = beam.NewCounter(Namespace, CounterJoined)
}

func (fn *candidateFn) ProcessElement(ctx context.Context, _ int32, packed []byte, emit func(string, Candidate)) error {
	var seeds []reuse.Seed
	r := reader{b: packed}
	for len(r.b) > 0 {
		seeds = append(seeds, r.seed())
	}
	if r.err != nil {
		return r.err
	}
	// A pair's seeds in a row; their order within it does not matter, as
	// MayRelate and ComparePair sort them.
	slices.SortStableFunc(seeds, func(p, q reuse.Seed) int {
		return cmp.Or(cmp.Compare(p.A, q.A), cmp.Compare(p.B, q.B))
	})
	for start := 0; start < len(seeds); {
		end := start + 1
		for end < len(seeds) && seeds[end].A == seeds[start].A && seeds[end].B == seeds[start].B {
			end++
		}
		pair := seeds[start:end]
		start = end
		fn.candidates.Inc(ctx, 1)
		if !reuse.MayRelate(pair, fn.Opts.engine()) {
			continue
		}
		fn.joined.Inc(ctx, 1)
		c := Candidate{A: pair[0].A, B: pair[0].B, I: make([]int32, len(pair)), J: make([]int32, len(pair))}
		for n, seed := range pair {
			c.I[n], c.J[n] = seed.I, seed.J
		}
		emit(c.A, c)
	}
	return nil
}
