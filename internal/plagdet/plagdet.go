// Package plagdet scores text-reuse detections against known truth with
// the measures of PAN's plagiarism detection competitions: character-level
// macro-averaged precision and recall, granularity, and their combination
// plagdet = F1 / log2(1 + granularity).
//
// It follows Potthast, Stein, Barrón-Cedeño and Rosso, "An Evaluation
// Framework for Plagiarism Detection" (COLING 2010), and PAN's reference
// implementation (perfmeasures.py) to the letter, including its edge cases:
// a case or detection covers characters in both the suspicious and the
// source document, a detection counts for a case only when it overlaps the
// case on both sides, and characters covered by several detections (or
// several cases) count once.
package plagdet

import (
	"cmp"
	"math"
	"slices"
)

// A Span is a half-open range [Start, End) of character offsets.
type Span struct{ Start, End int }

// Len returns the number of characters in s, 0 if it is empty or inverted.
func (s Span) Len() int { return max(0, s.End-s.Start) }

// overlaps reports whether s and t share at least one character.
func (s Span) overlaps(t Span) bool {
	return s.Len() > 0 && t.Len() > 0 && t.End > s.Start && t.Start < s.End
}

// An Annotation is a plagiarism case or a detection: a passage of the
// suspicious document Susp said to come from a passage of the source Src.
type Annotation struct {
	Susp     string
	SuspSpan Span
	Src      string
	SrcSpan  Span
}

// Len is the annotation's size as PAN counts it: the characters on both
// sides.
func (a Annotation) Len() int { return a.SuspSpan.Len() + a.SrcSpan.Len() }

// Overlaps reports whether a and b concern the same documents and share
// characters on both sides, PAN's condition for b to detect a.
func (a Annotation) Overlaps(b Annotation) bool {
	return a.Susp == b.Susp && a.Src == b.Src &&
		a.SuspSpan.overlaps(b.SuspSpan) && a.SrcSpan.overlaps(b.SrcSpan)
}

// A Result holds the measures of a set of detections against a set of cases.
type Result struct {
	Precision, Recall, Granularity, Plagdet float64
	// Cases and Detections count the inputs; Detected counts the cases
	// that at least one detection overlaps.
	Cases, Detections, Detected int
}

// F1 is the harmonic mean of precision and recall.
func (r Result) F1() float64 { return f1(r.Recall, r.Precision) }

// Evaluate scores detections against cases.
func Evaluate(cases, detections []Annotation) Result {
	rec := Recall(cases, detections)
	prec := Precision(cases, detections)
	gran, detected := granularity(cases, detections)
	return Result{
		Precision:   prec,
		Recall:      rec,
		Granularity: gran,
		Plagdet:     Score(rec, prec, gran),
		Cases:       len(cases),
		Detections:  len(detections),
		Detected:    detected,
	}
}

// Recall is the macro-averaged recall: the mean over cases of the share of
// each case's characters that some detection covers. As in PAN, it is 1
// when there are neither cases nor detections and 0 when only one side is
// empty.
func Recall(cases, detections []Annotation) float64 {
	if len(cases) == 0 && len(detections) == 0 {
		return 1
	}
	if len(cases) == 0 || len(detections) == 0 {
		return 0
	}
	idx := index(detections)
	sum := 0.0
	for _, c := range cases {
		sum += CaseRecall(c, idx[key(c)])
	}
	return sum / float64(len(cases))
}

// Precision is the macro-averaged precision: the mean over detections of
// the share of each detection's characters that lie in some case. It is
// Recall with the roles swapped, exactly as PAN computes it.
func Precision(cases, detections []Annotation) float64 {
	return Recall(detections, cases)
}

// Granularity is the mean number of detections that overlap a detected
// case: 1 when each detected case is reported in one piece. It is 1 when
// nothing is detected.
func Granularity(cases, detections []Annotation) float64 {
	g, _ := granularity(cases, detections)
	return g
}

func granularity(cases, detections []Annotation) (float64, int) {
	if len(detections) == 0 {
		return 1, 0
	}
	idx := index(detections)
	total, detected := 0, 0
	for _, c := range cases {
		n := 0
		for _, d := range idx[key(c)] {
			if c.Overlaps(d) {
				n++
			}
		}
		total += n
		if n > 0 {
			detected++
		}
	}
	if detected == 0 {
		return 1, 0
	}
	return float64(total) / float64(detected), detected
}

// Score combines recall, precision and granularity into plagdet, the
// F1 measure discounted by log2(1 + granularity).
func Score(recall, precision, granularity float64) float64 {
	if (recall == 0 && precision == 0) || recall < 0 || precision < 0 || granularity < 1 {
		return 0
	}
	return f1(recall, precision) / math.Log2(1+granularity)
}

func f1(rec, prec float64) float64 {
	if rec+prec == 0 {
		return 0
	}
	return 2 * rec * prec / (rec + prec)
}

// CaseRecall is the share of a's characters, on both sides, that the
// annotations overlapping a cover. Characters covered twice count once.
func CaseRecall(a Annotation, others []Annotation) float64 {
	n := a.Len()
	if n == 0 {
		return 0
	}
	var susp, src []Span
	for _, o := range others {
		if a.Overlaps(o) {
			susp = append(susp, clip(o.SuspSpan, a.SuspSpan))
			src = append(src, clip(o.SrcSpan, a.SrcSpan))
		}
	}
	return float64(unionLen(susp)+unionLen(src)) / float64(n)
}

func clip(s, to Span) Span {
	return Span{max(s.Start, to.Start), min(s.End, to.End)}
}

// unionLen counts the characters that at least one span covers.
func unionLen(spans []Span) int {
	slices.SortFunc(spans, func(a, b Span) int { return cmp.Compare(a.Start, b.Start) })
	n, end := 0, math.MinInt
	for _, s := range spans {
		if s.Len() == 0 {
			continue
		}
		start := max(s.Start, end)
		if s.End > start {
			n += s.End - start
			end = s.End
		}
	}
	return n
}

type docPair struct{ susp, src string }

func key(a Annotation) docPair { return docPair{a.Susp, a.Src} }

// index groups annotations by document pair so that scoring many
// documents costs the sum, not the product, of their annotation counts.
func index(anns []Annotation) map[docPair][]Annotation {
	m := make(map[docPair][]Annotation)
	for _, a := range anns {
		m[key(a)] = append(m[key(a)], a)
	}
	return m
}
