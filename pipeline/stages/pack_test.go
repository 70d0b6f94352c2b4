package stages

import (
	"bytes"
	"math"
	"slices"
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
)

func FuzzPackedFingerprintsReadBackAsWritten(f *testing.F) {
	f.Add(uint64(0x9e3779b97f4a7c15), "0000042", "", int32(17), int32(3), []byte{1, 2, 0x83}, true, []byte{20, 7, 9})
	f.Add(uint64(0), "", "UPI", int32(0), int32(0), []byte(nil), false, []byte(nil))
	f.Add(^uint64(0), "a:\"quoted\" id", "Agence France-Presse", int32(1<<30), int32(-1), []byte{0xff}, false, []byte{0})
	f.Fuzz(func(t *testing.T, hash uint64, doc, source string, pos, from int32, words []byte, end bool, grams []byte) {
		o := reuse.Occurrence{Doc: doc, Source: source, Pos: pos, Near: reuse.Near{From: from, Words: words, End: end, Grams: grams}}
		s := reuse.Seed{A: doc, B: source, I: pos, J: from, NearA: o.Near, NearB: reuse.Near{Words: grams, Grams: words}}
		packed := appendFingerprint(appendSeed(nil, s), hash, o)
		packed = appendPair(appendSeedAt(packed, s), source, doc)
		r := reader{b: packed}
		gotSeed := r.seed()
		gotHash, got := r.fingerprint()
		gotAt := r.seedAt()
		gotA, gotB := r.pair()
		if r.err != nil || len(r.b) != 0 {
			t.Fatalf("reading back gave %v with %d bytes left", r.err, len(r.b))
		}
		if gotHash != hash || !sameOccurrence(got, o) {
			t.Errorf("fingerprint %x %+v read back as %x %+v", hash, o, gotHash, got)
		}
		if gotSeed.A != s.A || gotSeed.B != s.B || gotSeed.I != s.I || gotSeed.J != s.J ||
			!sameNear(gotSeed.NearA, s.NearA) || !sameNear(gotSeed.NearB, s.NearB) {
			t.Errorf("seed %+v read back as %+v", s, gotSeed)
		}
		if gotAt.A != s.A || gotAt.B != s.B || gotAt.I != s.I || gotAt.J != s.J || !sameNear(gotAt.NearA, reuse.Near{}) {
			t.Errorf("seed %+v without its Nears read back as %+v", s, gotAt)
		}
		if gotA != source || gotB != doc {
			t.Errorf("pair %q %q read back as %q %q", source, doc, gotA, gotB)
		}
	})
}

// FuzzPackedBytesNeverPanic reads arbitrary bytes as records: a record
// cut short or malformed is an error, never a panic or a read past the
// end.
func FuzzPackedBytesNeverPanic(f *testing.F) {
	f.Add(appendFingerprint(nil, 42, reuse.Occurrence{Doc: "a", Pos: 3, Near: reuse.Near{Words: []byte{1, 2}}}))
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 200})
	f.Add([]byte{})
	f.Fuzz(func(t *testing.T, packed []byte) {
		for _, read := range []func(r *reader){
			func(r *reader) { r.fingerprint() },
			func(r *reader) { r.seed() },
			func(r *reader) { r.seedAt() },
			func(r *reader) { r.pair() },
			func(r *reader) { r.sentenceRef() },
			func(r *reader) { r.sharedPrint() },
		} {
			r := reader{b: packed}
			for n := 0; len(r.b) > 0 && n <= len(packed); n++ {
				read(&r)
			}
			if len(r.b) > 0 {
				t.Fatalf("%d bytes left unread after %d records without an error", len(r.b), len(packed))
			}
		}
		if err := eachHashGroup(packed, func(uint64, []reuse.Occurrence) {}); err != nil && err != errPacked {
			t.Errorf("eachHashGroup gave %v, want nil or errPacked", err)
		}
	})
}

func FuzzPackedSentencesAndSharedPrintsReadBackAsWritten(f *testing.F) {
	f.Add(int32(17), "0000042", int32(3), int32(10), int32(24), []byte{9, 2, 40, 0x83}, float32(0.25), true, uint64(0x9e3779b97f4a7c15))
	f.Add(int32(0), "", int32(0), int32(0), int32(0), []byte(nil), float32(0), false, uint64(0))
	f.Add(int32(-1<<31), "a:\"quoted\" id", int32(1<<30), int32(-5), int32(1<<31-1), []byte{0xff, 0}, float32(-1e30), false, ^uint64(0))
	f.Fuzz(func(t *testing.T, term int32, doc string, index, w0, w1 int32, terms []byte, weight float32, aside bool, hash uint64) {
		v := reuse.SentenceVector{W0: w0, W1: w1, Aside: aside}
		for n, b := range terms {
			// Terms in any order, negative and far apart too.
			v.Terms = append(v.Terms, int32(b)<<(n%24)-int32(b)*int32(n))
			v.Weights = append(v.Weights, weight*float32(n+1))
		}
		ref := reuse.SentenceRef{Doc: doc, Index: index, Sentence: v}
		p := reuse.SharedPrint{Hash: hash, Occurrences: []reuse.Occurrence{{Doc: doc, Pos: index}, {Doc: string(terms), Pos: w1}}}
		packed := appendSharedPrint(appendSentenceRef(nil, term, ref), doc+"|", p)
		r := reader{b: packed}
		gotTerm, got := r.sentenceRef()
		gotKey, gotPrint := r.sharedPrint()
		if r.err != nil || len(r.b) != 0 {
			t.Fatalf("reading back gave %v with %d bytes left", r.err, len(r.b))
		}
		if gotTerm != term || got.Doc != ref.Doc || got.Index != ref.Index || !sameVector(got.Sentence, v) {
			t.Errorf("sentence %d %+v read back as %d %+v", term, ref, gotTerm, got)
		}
		if gotKey != doc+"|" || gotPrint.Hash != hash || !slices.EqualFunc(gotPrint.Occurrences, p.Occurrences, sameOccurrence) {
			t.Errorf("shared print %q %+v read back as %q %+v", doc+"|", p, gotKey, gotPrint)
		}
	})
}

func sameVector(a, b reuse.SentenceVector) bool {
	return a.W0 == b.W0 && a.W1 == b.W1 && a.Aside == b.Aside && slices.Equal(a.Terms, b.Terms) &&
		slices.EqualFunc(a.Weights, b.Weights, func(x, y float32) bool { return math.Float32bits(x) == math.Float32bits(y) })
}

func TestEachHashGroupGathersEveryOccurrenceOfAHash(t *testing.T) {
	var packed []byte
	for _, rec := range []struct {
		hash uint64
		doc  string
	}{{7, "a"}, {3, "b"}, {7, "c"}, {3, "a"}, {9, "d"}} {
		packed = appendFingerprint(packed, rec.hash, reuse.Occurrence{Doc: rec.doc})
	}
	var got []string
	if err := eachHashGroup(packed, func(hash uint64, occurrences []reuse.Occurrence) {
		line := string(rune('0' + hash))
		for _, o := range occurrences {
			line += " " + o.Doc
		}
		got = append(got, line)
	}); err != nil {
		t.Fatal(err)
	}
	if want := []string{"3 b a", "7 a c", "9 d"}; !slices.Equal(got, want) {
		t.Errorf("groups %q, want %q", got, want)
	}
	if err := eachHashGroup(packed[:len(packed)-1], func(uint64, []reuse.Occurrence) {}); err != errPacked {
		t.Errorf("a shard cut short gave %v, want errPacked", err)
	}
}

func sameOccurrence(a, b reuse.Occurrence) bool {
	return a.Doc == b.Doc && a.Source == b.Source && a.Pos == b.Pos && sameNear(a.Near, b.Near)
}

func sameNear(a, b reuse.Near) bool {
	return a.From == b.From && bytes.Equal(a.Words, b.Words) && a.End == b.End && bytes.Equal(a.Grams, b.Grams)
}
