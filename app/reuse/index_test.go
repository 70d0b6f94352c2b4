package reuse

import (
	"math/rand/v2"
	"testing"
)

func TestIndexSortOrdersByHashKeepingDocumentOrder(t *testing.T) {
	for _, docs := range []int32{3, 200} { // a comparison sort and a radix sort
		testIndexSort(t, docs)
	}
}

func testIndexSort(t *testing.T, docs int32) {
	r := rand.New(rand.NewPCG(1, 2))
	var x index
	for d := int32(0); d < docs; d++ {
		for p := int32(0); p < 200; p++ {
			x = append(x, fingerprint{hash: r.Uint64() % 300 << (r.IntN(4) * 16), doc: d, pos: p})
		}
	}
	x.sort()
	for i := 1; i < len(x); i++ {
		p, q := x[i-1], x[i]
		if p.hash > q.hash || p.hash == q.hash && (p.doc > q.doc || p.doc == q.doc && p.pos > q.pos) {
			t.Fatalf("entries %d and %d out of order: %+v %+v", i-1, i, p, q)
		}
	}
}
