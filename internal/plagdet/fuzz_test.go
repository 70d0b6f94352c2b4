package plagdet

import (
	"math"
	"testing"
)

// annotations decodes fuzz bytes into annotations over two suspicious and
// two source documents, five bytes each.
func annotations(data []byte) []Annotation {
	var out []Annotation
	for ; len(data) >= 5; data = data[5:] {
		b := data
		out = append(out, Annotation{
			Susp:     string('a' + rune(b[0]&1)),
			SuspSpan: Span{int(b[1] & 63), int(b[1]&63) + int(b[2]&31)},
			Src:      string('x' + rune(b[0]>>1&1)),
			SrcSpan:  Span{int(b[3] & 63), int(b[3]&63) + int(b[4]&31)},
		})
	}
	return out
}

func FuzzEvaluate(f *testing.F) {
	f.Add([]byte{0, 0, 20, 0, 20}, []byte{0, 0, 20, 0, 20})
	f.Add([]byte{0, 0, 20, 0, 20, 1, 5, 5, 5, 5}, []byte{0, 0, 10, 0, 10, 0, 10, 10, 10, 10})
	f.Add([]byte{}, []byte{3, 1, 2, 3, 4})
	f.Fuzz(func(t *testing.T, c, d []byte) {
		cases, dets := annotations(c), annotations(d)
		r := Evaluate(cases, dets)
		for name, v := range map[string]float64{"precision": r.Precision, "recall": r.Recall, "plagdet": r.Plagdet} {
			if math.IsNaN(v) || v < 0 || v > 1+1e-12 {
				t.Fatalf("%s = %v, want a value in [0, 1]", name, v)
			}
		}
		if math.IsNaN(r.Granularity) || r.Granularity < 1 {
			t.Fatalf("granularity = %v, want >= 1", r.Granularity)
		}
		if r.Detected > r.Cases {
			t.Fatalf("%d cases detected out of %d", r.Detected, r.Cases)
		}
		// Every non-empty case detects itself in full.
		for _, a := range cases {
			if a.SuspSpan.Len() > 0 && a.SrcSpan.Len() > 0 {
				if got := CaseRecall(a, []Annotation{a}); got != 1 {
					t.Fatalf("case recall of %v against itself = %v", a, got)
				}
			}
		}
	})
}
