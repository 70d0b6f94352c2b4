package plagdet

import (
	"fmt"
	"math"
	"testing"
)

// ann builds an annotation in the style of PAN's tests: offsets and lengths.
func ann(susp string, soff, slen int, src string, roff, rlen int) Annotation {
	return Annotation{susp, Span{soff, soff + slen}, src, Span{roff, roff + rlen}}
}

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestEvaluate(t *testing.T) {
	c := ann("s1", 0, 100, "r1", 0, 100)
	other := ann("s2", 0, 100, "r2", 0, 100)
	tests := []struct {
		name                   string
		cases, dets            []Annotation
		prec, rec, gran, score float64
	}{
		{"a perfect detection scores 1 on every measure",
			[]Annotation{c}, []Annotation{c}, 1, 1, 1, 1},
		{"detecting the first half of a case on both sides halves recall",
			[]Annotation{c}, []Annotation{ann("s1", 0, 50, "r1", 0, 50)},
			1, 0.5, 1, 2 * 0.5 / 1.5},
		{"detecting only the suspicious side counts those characters alone",
			[]Annotation{c}, []Annotation{ann("s1", 0, 100, "r1", 0, 1)},
			1, 101.0 / 200, 1, 2 * (101.0 / 200) / (1 + 101.0/200)},
		{"a case found as two detections has granularity 2",
			[]Annotation{c}, []Annotation{ann("s1", 0, 50, "r1", 0, 50), ann("s1", 50, 50, "r1", 50, 50)},
			1, 1, 2, 1 / math.Log2(3)},
		{"a false positive in another document halves precision",
			[]Annotation{c}, []Annotation{c, other},
			0.5, 1, 1, 2 * 0.5 / 1.5},
		{"a detection reaching past its case loses precision for the excess",
			[]Annotation{c}, []Annotation{ann("s1", 0, 200, "r1", 0, 100)},
			200.0 / 300, 1, 1, 2 * (200.0 / 300) / (1 + 200.0/300)},
		{"characters detected twice count once",
			[]Annotation{c}, []Annotation{ann("s1", 0, 60, "r1", 0, 60), ann("s1", 40, 20, "r1", 40, 20)},
			1, 0.6, 2, 2 * 0.6 / 1.6 / math.Log2(3)},
		{"overlap on the suspicious side alone is not a detection",
			[]Annotation{c}, []Annotation{ann("s1", 0, 100, "r1", 100, 100)},
			0, 0, 1, 0},
		{"the same spans in another source document are not a detection",
			[]Annotation{c}, []Annotation{ann("s1", 0, 100, "r9", 0, 100)},
			0, 0, 1, 0},
		{"a missed case among two halves recall",
			[]Annotation{c, other}, []Annotation{c},
			1, 0.5, 1, 2 * 0.5 / 1.5},
		{"nothing to find and nothing found is perfect",
			nil, nil, 1, 1, 1, 1},
		{"finding nothing scores 0",
			[]Annotation{c}, nil, 0, 0, 1, 0},
		{"detections where there is nothing to find score 0",
			nil, []Annotation{c}, 0, 0, 1, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Evaluate(tt.cases, tt.dets)
			if !near(r.Precision, tt.prec) || !near(r.Recall, tt.rec) ||
				!near(r.Granularity, tt.gran) || !near(r.Plagdet, tt.score) {
				t.Errorf("got prec %.4f rec %.4f gran %.4f plagdet %.4f, want %.4f %.4f %.4f %.4f",
					r.Precision, r.Recall, r.Granularity, r.Plagdet, tt.prec, tt.rec, tt.gran, tt.score)
			}
		})
	}
}

// TestCaseRecallMatchesPAN replays the case-recall checks of PAN's
// perfmeasures.py unit tests.
func TestCaseRecallMatchesPAN(t *testing.T) {
	ann1 := ann("tref1", 0, 100, "sref1", 0, 100)
	ann3 := ann("tref1", 100, 100, "sref1", 100, 100)
	ann4 := ann("tref1", 0, 200, "sref1", 0, 200)
	ann7 := ann("tref2", 0, 100, "sref2", 0, 100)
	ann9 := ann("tref2", 50, 100, "sref2", 50, 100)
	ann10 := ann("tref2", 25, 75, "sref2", 25, 75)
	tests := []struct {
		name   string
		c      Annotation
		others []Annotation
		want   float64
	}{
		{"no detections", ann1, nil, 0},
		{"itself", ann1, []Annotation{ann1}, 1},
		{"an adjacent passage", ann1, []Annotation{ann3}, 0},
		{"a passage containing it", ann1, []Annotation{ann4}, 1},
		{"a containing passage and another document", ann1, []Annotation{ann4, ann7}, 1},
		{"only other documents", ann1, []Annotation{ann7, ann9}, 0},
		{"the second half", ann7, []Annotation{ann9}, 0.5},
		{"the last three quarters", ann7, []Annotation{ann10}, 0.75},
		{"two overlapping detections", ann7, []Annotation{ann9, ann10}, 0.75},
	}
	for _, tt := range tests {
		if got := CaseRecall(tt.c, tt.others); !near(got, tt.want) {
			t.Errorf("%s: case recall %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestGranularityIgnoresMissedCases(t *testing.T) {
	c1 := ann("s", 0, 100, "r", 0, 100)
	c2 := ann("s", 200, 100, "r", 200, 100)
	dets := []Annotation{ann("s", 0, 40, "r", 0, 40), ann("s", 50, 40, "r", 50, 40), ann("s", 60, 10, "r", 60, 10)}
	if g := Granularity([]Annotation{c1, c2}, dets); g != 3 {
		t.Errorf("granularity %v, want 3: the missed case must not dilute it", g)
	}
}

func ExampleEvaluate() {
	truth := []Annotation{{"suspicious", Span{0, 100}, "source", Span{500, 600}}}
	found := []Annotation{
		{"suspicious", Span{0, 50}, "source", Span{500, 550}},
		{"suspicious", Span{50, 100}, "source", Span{550, 600}},
	}
	r := Evaluate(truth, found)
	fmt.Printf("precision %.2f recall %.2f granularity %.2f plagdet %.2f\n",
		r.Precision, r.Recall, r.Granularity, r.Plagdet)
	// Output: precision 1.00 recall 1.00 granularity 2.00 plagdet 0.63
}
