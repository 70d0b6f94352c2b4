package stages

import (
	"cmp"
	"context"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn5x1[context.Context, int32, []byte, func(string, Candidate), func([]byte), error](&candidateFn{})
	register.Emitter2[string, Candidate]()
	register.Emitter1[[]byte]()
	register.DoFn7x1[context.Context, int32, []byte, int, func(*[]byte) bool, func(*int) bool, func(int32, []byte), error](&nearSeedFn{})
	register.Function2x1[int32, []byte, int](nearSeedPart)
	register.Iter1[[]byte]()
	register.DoFn4x1[context.Context, int32, []byte, func(string, Candidate), error](&relateFn{})
}

// A Candidate is a pair of articles that share at least one fingerprint
// the boilerplate rule keeps: article A, whose ID sorts first, and B, with
// the seeds they share, words I[n]… of A equal to words J[n]… of B.
type Candidate struct {
	A, B string
	I, J []int32
}

// Candidates gathers the seeds (from Seeds, without their Nears) by
// shard of pairs, in one []byte a shard (FingerprintShards'
// concatenation, lifted into the Seeds stage), and each pair's seeds into
// one Candidate, keyed by the ID of its article A, and drops the pairs
// whose seeds the words around them show to make no passage
// (reuse.MayRelate), before they are joined with their texts.
//
// The words around a seed are its Nears, about a hundred bytes, and a
// fingerprint that ten copies of a story carry makes 45 seeds, each with
// two of its ten Nears: shipped with every seed, the Nears were most of
// the bytes of a syndicated archive. But a pair that shares a passage
// mostly has a chain of seeds long enough to tell so from their
// positions (reuse.LongChain); only the other pairs, pending, need their
// seeds' Nears. NearSeeds makes their seeds again from the fingerprint
// shards (from FingerprintShards; articles is the number of articles,
// as for Seeds), with their Nears, and Relate checks them. A shard holds
// the seeds of its pairs; each NearSeeds worker holds the set of pending
// pairs (a side input), two IDs a pair.
//
// NearSeeds reads the shards in nearSeedParts parts, one after the other
// (a Barrier: each part waits for the seeds of the part before): prism
// sends a stage its whole input as one message and holds it encoded
// several times over while the stage runs, and the fingerprint shards
// are the largest collection it holds at that moment (README, "Scale").
// Each part's seeds are gathered by shard in its own stage (the lifted
// concatenation), then the parts' shards again: a Flatten before the
// combine would have the runner hold an element a seed.
func Candidates(s beam.Scope, opts Options, seeds, shards, articles beam.PCollection) beam.PCollection {
	s = s.Scope("Candidates")
	decided, pending := beam.ParDo2(s, &candidateFn{Opts: opts}, beam.CombinePerKey(s, &concatFn{}, seeds))
	ns := s.Scope("NearSeeds")
	var nearSeeds []beam.PCollection
	after := Barrier(ns)
	for _, part := range beam.Partition(ns, nearSeedParts, nearSeedPart, shards) {
		seeds := beam.ParDo(ns, &nearSeedFn{Opts: opts}, part,
			beam.SideInput{Input: articles}, beam.SideInput{Input: pending}, beam.SideInput{Input: after})
		nearSeeds = append(nearSeeds, beam.CombinePerKey(ns, &concatFn{}, seeds))
		after = Barrier(ns, seeds)
	}
	rs := s.Scope("Relate")
	related := beam.ParDo(rs, &relateFn{Opts: opts}, beam.CombinePerKey(rs, &concatFn{}, beam.Flatten(rs, nearSeeds...)))
	return beam.Flatten(s, decided, related)
}

// nearSeedParts is how many parts NearSeeds reads the fingerprint shards
// in.
const nearSeedParts = 4

// nearSeedPart puts every fingerprint shard whole into one part.
func nearSeedPart(shard int32, _ []byte) int { return int(shard) % nearSeedParts }

type candidateFn struct {
	Opts                        Options
	candidates, pending, joined beam.Counter
}

func (fn *candidateFn) Setup() {
	fn.candidates = beam.NewCounter(Namespace, CounterCandidates)
	fn.pending = beam.NewCounter(Namespace, CounterNearPending)
	fn.joined = beam.NewCounter(Namespace, CounterJoined)
}

// ProcessElement emits the candidates that a long chain relates, and the
// other pairs, packed (appendPair), in one []byte.
func (fn *candidateFn) ProcessElement(ctx context.Context, _ int32, packed []byte, emit func(string, Candidate), pending func([]byte)) error {
	shardBytes.Update(ctx, int64(len(packed)))
	var waiting []byte
	var candidates, waitingPairs, joined int64
	err := eachPair(packed, (*reader).seedAt, func(pair []reuse.Seed) {
		candidates++
		if !reuse.LongChain(pair, fn.Opts.engine()) {
			waitingPairs++
			waiting = appendPair(waiting, pair[0].A, pair[0].B)
			return
		}
		joined++
		emit(pair[0].A, candidateOf(pair))
	})
	if len(waiting) > 0 {
		pending(waiting)
	}
	fn.candidates.Inc(ctx, candidates)
	fn.pending.Inc(ctx, waitingPairs)
	fn.joined.Inc(ctx, joined)
	return err
}

// nearSeedFn makes the seeds of the pending pairs again, as Seeds made
// them, with their Nears, each packed and keyed by the shard of its
// pair.
type nearSeedFn struct {
	Opts    Options
	marked  func(hash uint64) bool
	pending map[[2]string]bool // read once from the side input
}

func (fn *nearSeedFn) Setup() { fn.marked = reuse.Marked(fn.Opts.engine()) }

func (fn *nearSeedFn) ProcessElement(ctx context.Context, _ int32, packed []byte, articles int, pending func(*[]byte) bool, _ func(*int) bool, emit func(int32, []byte)) error {
	shardBytes.Update(ctx, int64(len(packed)))
	if fn.pending == nil {
		// The side input is the same for every shard: the global window.
		fn.pending = map[[2]string]bool{}
		var b []byte
		for pending(&b) {
			r := reader{b: b}
			for len(r.b) > 0 {
				a, b := r.pair()
				fn.pending[[2]string{a, b}] = true
			}
			if r.err != nil {
				return r.err
			}
		}
	}
	if len(fn.pending) == 0 {
		return nil
	}
	opts := fn.Opts.engine()
	shards := fn.Opts.shards()
	_, err := eachSeed(packed, opts, articles, fn.marked, func(seed reuse.Seed) {
		if fn.pending[[2]string{seed.A, seed.B}] && !reuse.LoneSeed(seed, opts) {
			emit(pairShard(seed.A, seed.B, shards), appendSeed(nil, seed))
		}
	})
	return err
}

// relateFn gathers each pending pair's seeds, with their Nears, and
// emits the candidates that may relate.
type relateFn struct {
	Opts   Options
	joined beam.Counter
}

func (fn *relateFn) Setup() { fn.joined = beam.NewCounter(Namespace, CounterJoined) }

func (fn *relateFn) ProcessElement(ctx context.Context, _ int32, packed []byte, emit func(string, Candidate)) error {
	shardBytes.Update(ctx, int64(len(packed)))
	var joined int64
	err := eachPair(packed, (*reader).seed, func(pair []reuse.Seed) {
		if reuse.MayRelate(pair, fn.Opts.engine()) {
			joined++
			emit(pair[0].A, candidateOf(pair))
		}
	})
	fn.joined.Inc(ctx, joined)
	return err
}

// eachPair reads the seeds a shard holds with read and calls each with
// every pair's seeds, in order of pair. The order of one pair's seeds
// does not matter: MayRelate, LongChain and ComparePair sort them.
func eachPair(packed []byte, read func(*reader) reuse.Seed, each func(pair []reuse.Seed)) error {
	var seeds []reuse.Seed
	r := reader{b: packed}
	for len(r.b) > 0 {
		seeds = append(seeds, read(&r))
	}
	if r.err != nil {
		return r.err
	}
	slices.SortStableFunc(seeds, func(p, q reuse.Seed) int {
		return cmp.Or(cmp.Compare(p.A, q.A), cmp.Compare(p.B, q.B))
	})
	for start := 0; start < len(seeds); {
		end := start + 1
		for end < len(seeds) && seeds[end].A == seeds[start].A && seeds[end].B == seeds[start].B {
			end++
		}
		each(seeds[start:end])
		start = end
	}
	return nil
}

func candidateOf(pair []reuse.Seed) Candidate {
	c := Candidate{A: pair[0].A, B: pair[0].B, I: make([]int32, len(pair)), J: make([]int32, len(pair))}
	for n, seed := range pair {
		c.I[n], c.J[n] = seed.I, seed.J
	}
	return c
}
