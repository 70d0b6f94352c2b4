package stages

import (
	"context"
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn5x1[context.Context, int32, []byte, int, func(int32, []byte), error](&seedFn{})
}

// Seeds reads the fingerprints of each hash (from FingerprintShards),
// sets aside those a text of Options.Boilerplate holds, those found in
// more articles than Options.MaxDocs and those one source repeats across
// its own articles (Options.SourceRepeats) as the command line does, and
// emits the seeds the others make, each packed without its Nears
// (appendSeedAt) and keyed by the shard of its pair of articles
// (Candidates gathers them), but for
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
	var seeds, lone int64
	aside, err := eachSeed(packed, opts, articles, fn.marked, func(seed reuse.Seed) {
		seeds++
		if reuse.LoneSeed(seed, opts) {
			lone++
			return
		}
		emit(pairShard(seed.A, seed.B, shards), appendSeedAt(nil, seed))
	})
	fn.byMark.Inc(ctx, aside.marked)
	fn.boilerplate.Inc(ctx, aside.boilerplate)
	fn.bySource.Inc(ctx, aside.bySource)
	fn.seeds.Inc(ctx, seeds)
	fn.lone.Inc(ctx, lone)
	return err
}

// setAside counts the fingerprints of a shard that the boilerplate rules
// set aside, by rule.
type setAside struct{ marked, boilerplate, bySource int64 }

// eachSeed calls each with every seed that the fingerprints of a shard
// (from FingerprintShards) make under the boilerplate rules, lone or not,
// as Seeds reads them.
func eachSeed(packed []byte, opts reuse.Options, articles int, marked func(hash uint64) bool, each func(reuse.Seed)) (setAside, error) {
	var aside setAside
	err := eachHashGroup(packed, func(hash uint64, occurrences []reuse.Occurrence) {
		if marked(hash) {
			aside.marked++
			return
		}
		g := reuse.NewFingerprintGroup(opts, articles)
		for _, o := range occurrences {
			g.Add(o)
		}
		if g.Boilerplate() {
			aside.boilerplate++
			return
		}
		if g.BySource() {
			aside.bySource++
			return
		}
		g.EachSeed(each)
	})
	return aside, err
}

// pairKey names a pair of articles: quoting makes the key unambiguous
// whatever the IDs hold.
func pairKey(a, b string) string { return strconv.Quote(a) + strconv.Quote(b) }
