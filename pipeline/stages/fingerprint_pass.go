package stages

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn7x1[context.Context, int32, []byte, int, func(int32, []byte), func(int32, []byte), func(string, reuse.AsideMark), error](&passFn{})
}

// Reads names what a pass over the fingerprint shards makes
// (FingerprintPass).
type Reads struct{ Seeds, SharedPrints, AsideMarks bool }

// FingerprintPass reads the fingerprint shards (from FingerprintShards)
// once and makes, hash by hash, what Reads asks for of the seeds (as
// Seeds), the shared prints (as SharedPrints) and the marks of set-aside
// text (as AsideMarks); each output is empty where not asked for. prism
// runs every ParDo as a stage of its own and sends each the whole of its
// input, so the three stages reading the shards apart sent every
// fingerprint record three times. A shard is read into a list sorted by
// hash once, as each of the three stages read it.
func FingerprintPass(s beam.Scope, opts Options, reads Reads, shards, articles beam.PCollection) (seeds, sharedPrints, asideMarks beam.PCollection) {
	s = s.Scope("FingerprintPass")
	return beam.ParDo3(s, &passFn{Opts: opts, Reads: reads}, shards, beam.SideInput{Input: articles})
}

type passFn struct {
	Opts                          Options
	Reads                         Reads
	marked                        func(hash uint64) bool
	boilerplate, bySource, byMark beam.Counter
	seeds, lone                   beam.Counter
}

func (fn *passFn) Setup() {
	fn.marked = reuse.Marked(fn.Opts.engine())
	fn.byMark = beam.NewCounter(Namespace, CounterMarked)
	fn.boilerplate = beam.NewCounter(Namespace, CounterBoilerplate)
	fn.bySource = beam.NewCounter(Namespace, CounterBySource)
	fn.seeds = beam.NewCounter(Namespace, CounterSeeds)
	fn.lone = beam.NewCounter(Namespace, CounterLoneSeeds)
}

func (fn *passFn) ProcessElement(ctx context.Context, _ int32, packed []byte, articles int,
	emitSeed, emitShared func(int32, []byte), emitAside func(string, reuse.AsideMark)) error {
	shardBytes.Update(ctx, int64(len(packed)))
	opts := fn.Opts.engine()
	shards := fn.Opts.shards()
	var aside setAside
	var seeds, lone int64
	err := eachHashGroup(packed, func(hash uint64, occurrences []reuse.Occurrence) {
		if fn.Reads.Seeds {
			hashSeeds(hash, occurrences, opts, articles, fn.marked, &aside, func(seed reuse.Seed) {
				seeds++
				if reuse.LoneSeed(seed, opts) {
					lone++
					return
				}
				emitSeed(pairShard(seed.A, seed.B, shards), appendSeedAt(nil, seed))
			})
		}
		if fn.Reads.SharedPrints {
			sharedPrint(hash, occurrences, opts, articles, fn.marked, func(key string, p reuse.SharedPrint) {
				emitShared(keyShard(key, shards), appendSharedPrint(nil, key, p))
			})
		}
		if fn.Reads.AsideMarks {
			asideMarks(hash, occurrences, opts, articles, fn.marked, emitAside)
		}
	})
	if fn.Reads.Seeds {
		fn.byMark.Inc(ctx, aside.marked)
		fn.boilerplate.Inc(ctx, aside.boilerplate)
		fn.bySource.Inc(ctx, aside.bySource)
		fn.seeds.Inc(ctx, seeds)
		fn.lone.Inc(ctx, lone)
	}
	return err
}
