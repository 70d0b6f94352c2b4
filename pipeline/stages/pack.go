package stages

import (
	"encoding/binary"
	"errors"
	"hash/fnv"
	"math"

	"github.com/wirediff/wirediff/app/reuse"
)

// The packed records that the fingerprint, seed, sentence and shared
// fingerprint shuffles carry: many
// records concatenated into one []byte a shard (shards.go), so that the
// runner holds a few thousand elements where it held one a fingerprint.
// Integers are varints, strings and byte slices are prefixed with their
// length, and a hash is eight bytes, little-endian.

// errPacked reports a packed record cut short or malformed.
var errPacked = errors.New("a packed record is cut short or malformed")

// appendFingerprint appends one fingerprint occurrence and its hash.
func appendFingerprint(b []byte, hash uint64, o reuse.Occurrence) []byte {
	b = binary.LittleEndian.AppendUint64(b, hash)
	b = appendString(b, o.Doc)
	b = appendString(b, o.Source)
	b = binary.AppendVarint(b, int64(o.Pos))
	return appendNear(b, o.Near)
}

// appendSeed appends one seed.
func appendSeed(b []byte, s reuse.Seed) []byte {
	b = appendSeedAt(b, s)
	b = appendNear(b, s.NearA)
	return appendNear(b, s.NearB)
}

// appendSeedAt appends one seed without its Nears: its pair and
// positions, 20 bytes for IDs of seven characters where its Nears take
// some 110.
func appendSeedAt(b []byte, s reuse.Seed) []byte {
	b = appendPair(b, s.A, s.B)
	b = binary.AppendVarint(b, int64(s.I))
	return binary.AppendVarint(b, int64(s.J))
}

// appendPair appends a pair of articles' IDs.
func appendPair(b []byte, a, other string) []byte {
	return appendString(appendString(b, a), other)
}

// appendSentenceRef appends one sentence under one term of its prefix
// (Similar): the term, the sentence's article and index, and its vector,
// each term as the difference from the one before (the terms are sorted,
// so it is small) and each weight as its four bytes.
func appendSentenceRef(b []byte, term int32, r reuse.SentenceRef) []byte {
	b = binary.AppendVarint(b, int64(term))
	b = appendString(b, r.Doc)
	b = binary.AppendVarint(b, int64(r.Index))
	v := r.Sentence
	b = binary.AppendVarint(b, int64(v.W0))
	b = binary.AppendVarint(b, int64(v.W1))
	b = binary.AppendUvarint(b, uint64(len(v.Terms)))
	last := int64(0)
	for _, t := range v.Terms {
		b = binary.AppendVarint(b, int64(t)-last)
		last = int64(t)
	}
	b = binary.AppendUvarint(b, uint64(len(v.Weights)))
	for _, w := range v.Weights {
		b = binary.LittleEndian.AppendUint32(b, math.Float32bits(w))
	}
	return appendBool(b, v.Aside)
}

// appendSharedPrint appends one shared fingerprint (SharedPrints) under
// the key of its set of articles: its hash and each occurrence's article
// and position (Source and Near are not kept).
func appendSharedPrint(b []byte, key string, p reuse.SharedPrint) []byte {
	b = appendString(b, key)
	b = binary.LittleEndian.AppendUint64(b, p.Hash)
	b = binary.AppendUvarint(b, uint64(len(p.Occurrences)))
	for _, o := range p.Occurrences {
		b = appendString(b, o.Doc)
		b = binary.AppendVarint(b, int64(o.Pos))
	}
	return b
}

func appendBool(b []byte, v bool) []byte {
	if v {
		return append(b, 1)
	}
	return append(b, 0)
}

func appendNear(b []byte, n reuse.Near) []byte {
	b = binary.AppendVarint(b, int64(n.From))
	b = appendString(b, string(n.Words))
	b = appendBool(b, n.End)
	return appendString(b, string(n.Grams))
}

func appendString[S string | []byte](b []byte, s S) []byte {
	b = binary.AppendUvarint(b, uint64(len(s)))
	return append(b, s...)
}

// A reader reads packed records from a []byte; the first error sticks,
// and every read after it returns zero values.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail() { r.err, r.b = errPacked, nil }

func (r *reader) hash() uint64 {
	if len(r.b) < 8 {
		r.fail()
		return 0
	}
	h := binary.LittleEndian.Uint64(r.b)
	r.b = r.b[8:]
	return h
}

func (r *reader) int32() int32 {
	v, n := binary.Varint(r.b)
	if n <= 0 || int64(int32(v)) != v {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int32(v)
}

// bytes returns a length-prefixed slice of the record, not a copy; nil
// for an empty one.
func (r *reader) bytes() []byte {
	l, n := binary.Uvarint(r.b)
	if n <= 0 || l > uint64(len(r.b)-n) {
		r.fail()
		return nil
	}
	if l == 0 {
		r.b = r.b[n:]
		return nil
	}
	s := r.b[n : n+int(l) : n+int(l)]
	r.b = r.b[n+int(l):]
	return s
}

// count reads a length written with AppendUvarint, which can be no more
// than the bytes left, as each item takes one byte or more.
func (r *reader) count() int {
	l, n := binary.Uvarint(r.b)
	if n <= 0 || l > uint64(len(r.b)-n) {
		r.fail()
		return 0
	}
	r.b = r.b[n:]
	return int(l)
}

func (r *reader) bool() bool {
	if len(r.b) == 0 || r.b[0] > 1 {
		r.fail()
		return false
	}
	v := r.b[0] == 1
	r.b = r.b[1:]
	return v
}

func (r *reader) near() reuse.Near {
	n := reuse.Near{From: r.int32(), Words: r.bytes()}
	n.End = r.bool()
	n.Grams = r.bytes()
	if r.err != nil {
		return reuse.Near{}
	}
	return n
}

// sentenceRef reads one record of appendSentenceRef; the vector's slices
// are its own.
func (r *reader) sentenceRef() (int32, reuse.SentenceRef) {
	term := r.int32()
	ref := reuse.SentenceRef{Doc: string(r.bytes()), Index: r.int32()}
	v := reuse.SentenceVector{W0: r.int32(), W1: r.int32()}
	if n := r.count(); n > 0 {
		v.Terms = make([]int32, n)
		last := int64(0)
		for i := range v.Terms {
			d, m := binary.Varint(r.b)
			if last += d; m <= 0 || int64(int32(last)) != last {
				r.fail()
				return 0, reuse.SentenceRef{}
			}
			r.b = r.b[m:]
			v.Terms[i] = int32(last)
		}
	}
	if n := r.count(); n > 0 && n*4 <= len(r.b) {
		v.Weights = make([]float32, n)
		for i := range v.Weights {
			v.Weights[i] = math.Float32frombits(binary.LittleEndian.Uint32(r.b[4*i:]))
		}
		r.b = r.b[4*n:]
	} else if n > 0 {
		r.fail()
	}
	v.Aside = r.bool()
	if r.err != nil {
		return 0, reuse.SentenceRef{}
	}
	ref.Sentence = v
	return term, ref
}

// sharedPrint reads one record of appendSharedPrint.
func (r *reader) sharedPrint() (string, reuse.SharedPrint) {
	key := string(r.bytes())
	p := reuse.SharedPrint{Hash: r.hash()}
	if n := r.count(); n > 0 {
		p.Occurrences = make([]reuse.Occurrence, n)
		for i := range p.Occurrences {
			p.Occurrences[i] = reuse.Occurrence{Doc: string(r.bytes()), Pos: r.int32()}
		}
	}
	if r.err != nil {
		return "", reuse.SharedPrint{}
	}
	return key, p
}

// fingerprint reads one record of appendFingerprint. The Near's slices
// point into the packed bytes.
func (r *reader) fingerprint() (uint64, reuse.Occurrence) {
	h := r.hash()
	o := reuse.Occurrence{Doc: string(r.bytes()), Source: string(r.bytes()), Pos: r.int32()}
	o.Near = r.near()
	return h, o
}

// seed reads one record of appendSeed. The Nears' slices point into the
// packed bytes.
func (r *reader) seed() reuse.Seed {
	s := r.seedAt()
	s.NearA = r.near()
	s.NearB = r.near()
	return s
}

// seedAt reads one record of appendSeedAt: a seed without Nears.
func (r *reader) seedAt() reuse.Seed {
	a, b := r.pair()
	return reuse.Seed{A: a, B: b, I: r.int32(), J: r.int32()}
}

// pair reads one record of appendPair.
func (r *reader) pair() (a, b string) {
	return string(r.bytes()), string(r.bytes())
}

// fingerprintShard is the shard of a fingerprint's hash: its top bits,
// since winnowing hashes are evenly spread.
func fingerprintShard(hash uint64, shards int) int32 {
	return int32((hash >> 32) * uint64(shards) >> 32)
}

// pairShard is the shard of a pair of articles.
func pairShard(a, b string, shards int) int32 { return keyShard(pairKey(a, b), shards) }

// keyShard is the shard of a string key, by its FNV-1a hash.
func keyShard(key string, shards int) int32 {
	h := fnv.New64a()
	h.Write([]byte(key))
	return int32((h.Sum64() >> 32) * uint64(shards) >> 32)
}

// termShard is the shard of a term: terms are ranks, small and dense,
// so their bits are first spread by Knuth's multiplicative hash.
func termShard(term int32, shards int) int32 {
	return int32(uint64(uint32(term)*2654435761) * uint64(shards) >> 32)
}
