package stages

import (
	"cmp"
	"slices"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn3x0[uint64, reuse.Occurrence, func(int32, []byte)](&packFingerprintFn{})
	register.Emitter2[int32, []byte]()
	register.Combiner3[[]byte, []byte, []byte](&concatFn{})
}

// DefaultShards is the number of shards of the fingerprint, seed,
// sentence and shared fingerprint shuffles when Options.Shards is 0: at
// 100,000 articles a fingerprint shard holds about a megabyte.
const DefaultShards = 1024

func (o Options) shards() int {
	if o.Shards > 0 {
		return o.Shards
	}
	return DefaultShards
}

// FingerprintShards packs the fingerprints, keyed by hash (from
// Fingerprint), into Options.Shards shards by hash range, each one
// []byte of records (pack.go) keyed by its number: every occurrence of a
// hash lies in one shard. Beam lifts the concatenation (a CombineFn) into
// the stage that fingerprints the articles, so the runner shuffles a few
// elements a shard, not one a fingerprint: prism keeps every element it
// holds with a header and a copy of its key, and state for every key,
// which made a fingerprint cost about a kilobyte of its live heap where
// its record takes 77 bytes.
func FingerprintShards(s beam.Scope, opts Options, fingerprints beam.PCollection) beam.PCollection {
	s = s.Scope("FingerprintShards")
	packed := beam.ParDo(s, &packFingerprintFn{Shards: opts.shards()}, fingerprints)
	return beam.CombinePerKey(s, &concatFn{}, packed)
}

type packFingerprintFn struct{ Shards int }

func (fn *packFingerprintFn) ProcessElement(hash uint64, o reuse.Occurrence, emit func(int32, []byte)) {
	emit(fingerprintShard(hash, fn.Shards), appendFingerprint(nil, hash, o))
}

// concatFn concatenates packed records.
type concatFn struct{}

func (*concatFn) CreateAccumulator() []byte          { return nil }
func (*concatFn) AddInput(acc, record []byte) []byte { return append(acc, record...) }

// MergeAccumulators copies a before it appends, as a may share its array
// with bytes the runner still reads.
func (*concatFn) MergeAccumulators(a, b []byte) []byte { return append(a[:len(a):len(a)], b...) }
func (*concatFn) ExtractOutput(acc []byte) []byte      { return acc }

// eachHashGroup calls each with the hash and the occurrences of every
// fingerprint a shard holds, in order of hash, the occurrences in the
// order the shard holds them; each must not keep the slice, whose
// occurrences' Nears point into packed.
func eachHashGroup(packed []byte, each func(hash uint64, occurrences []reuse.Occurrence)) error {
	return eachGroup(packed, (*reader).fingerprint, each)
}

// eachGroup reads every record of a shard with read and calls each with
// every key the shard holds and its values, in order of key, the values
// in the order the shard holds them; each must not keep the slice. The
// shard's records are all in memory at once, decoded.
func eachGroup[K cmp.Ordered, V any](packed []byte, read func(*reader) (K, V), each func(K, []V)) error {
	type record struct {
		key K
		v   V
	}
	var records []record
	r := reader{b: packed}
	for len(r.b) > 0 {
		k, v := read(&r)
		records = append(records, record{k, v})
	}
	if r.err != nil {
		return r.err
	}
	slices.SortStableFunc(records, func(p, q record) int { return cmp.Compare(p.key, q.key) })
	values := make([]V, 0, len(records))
	for start := 0; start < len(records); {
		end := start + 1
		for end < len(records) && records[end].key == records[start].key {
			end++
		}
		values = values[:0]
		for _, rec := range records[start:end] {
			values = append(values, rec.v)
		}
		each(records[start].key, values)
		start = end
	}
	return nil
}
