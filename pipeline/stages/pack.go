package stages

import (
	"encoding/binary"
	"errors"
	"hash/fnv"

	"github.com/wirediff/wirediff/app/reuse"
)

// The packed records that the fingerprint and seed shuffles carry: many
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

func appendNear(b []byte, n reuse.Near) []byte {
	b = binary.AppendVarint(b, int64(n.From))
	b = appendString(b, string(n.Words))
	end := byte(0)
	if n.End {
		end = 1
	}
	b = append(b, end)
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

func (r *reader) near() reuse.Near {
	n := reuse.Near{From: r.int32(), Words: r.bytes()}
	if len(r.b) == 0 || r.b[0] > 1 {
		r.fail()
		return reuse.Near{}
	}
	n.End = r.b[0] == 1
	r.b = r.b[1:]
	n.Grams = r.bytes()
	return n
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
func pairShard(a, b string, shards int) int32 {
	h := fnv.New64a()
	h.Write([]byte(pairKey(a, b)))
	return int32((h.Sum64() >> 32) * uint64(shards) >> 32)
}
