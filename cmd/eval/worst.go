package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/wirediff/wirediff/internal/plagdet"
)

// listWorst prints the cases found worst (least recall, most pieces) and
// the detections with the least precision, with the text involved.
func listWorst(w io.Writer, all []scored, n int) {
	type item struct {
		s     *scored
		a     plagdet.Annotation
		score float64
		note  string
	}
	var cases, dets []item
	for i := range all {
		s := &all[i]
		for _, c := range s.cases {
			rec := plagdet.CaseRecall(c, s.dets)
			pieces := 0
			for _, d := range s.dets {
				if c.Overlaps(d) {
					pieces++
				}
			}
			score := plagdet.Score(rec, 1, float64(max(1, pieces)))
			if score < 1 {
				cases = append(cases, item{s, c, score, fmt.Sprintf("recall %.2f in %d detections", rec, pieces)})
			}
		}
		for j, d := range s.dets {
			prec := plagdet.CaseRecall(d, s.cases)
			if prec < 1 {
				dets = append(dets, item{s, d, prec, fmt.Sprintf("precision %.2f", prec) + s.kind(j)})
			}
		}
	}
	byScore := func(a, b item) int {
		if a.score != b.score {
			if a.score < b.score {
				return -1
			}
			return 1
		}
		return strings.Compare(a.a.Susp, b.a.Susp)
	}
	slices.SortStableFunc(cases, byScore)
	slices.SortStableFunc(dets, byScore)
	fmt.Fprintf(w, "\n%d cases not found whole and alone; the worst:\n", len(cases))
	for _, it := range cases[:min(n, len(cases))] {
		p := it.s.pair
		fmt.Fprintf(w, "\n== %s case: %s\n", p.Obfuscation, it.note)
		fmt.Fprintf(w, "   suspicious %s %v, source %s %v\n", p.Susp.Name, it.a.SuspSpan, p.Src.Name, it.a.SrcSpan)
		fmt.Fprintf(w, "   missed in the suspicious text: %s\n", missed(p.Susp.Text, it.a.SuspSpan, it.s.dets, true))
		fmt.Fprintf(w, "   missed in the source: %s\n", missed(p.Src.Text, it.a.SrcSpan, it.s.dets, false))
		for j, d := range it.s.dets {
			if it.a.Overlaps(d) {
				fmt.Fprintf(w, "   detection %v / %v%s: %s\n", d.SuspSpan, d.SrcSpan, it.s.kind(j), quote(slice(p.Susp.Text, d.SuspSpan)))
			}
		}
	}
	fmt.Fprintf(w, "\n%d detections reach outside the truth; the worst:\n", len(dets))
	for _, it := range dets[:min(n, len(dets))] {
		p := it.s.pair
		fmt.Fprintf(w, "\n== %s detection: %s\n", p.Obfuscation, it.note)
		fmt.Fprintf(w, "   suspicious %s %v: %s\n", p.Susp.Name, it.a.SuspSpan, quote(slice(p.Susp.Text, it.a.SuspSpan)))
		fmt.Fprintf(w, "   source %s %v: %s\n", p.Src.Name, it.a.SrcSpan, quote(slice(p.Src.Text, it.a.SrcSpan)))
		fmt.Fprintf(w, "   outside the truth in the suspicious text: %s\n", missed(p.Susp.Text, it.a.SuspSpan, it.s.cases, true))
		fmt.Fprintf(w, "   outside the truth in the source: %s\n", missed(p.Src.Text, it.a.SrcSpan, it.s.cases, false))
	}
}

// kind names the kind of passage detection j was, after a comma, or is
// empty when the truth is scored.
func (s *scored) kind(j int) string {
	if j < len(s.kinds) {
		return ", " + string(s.kinds[j])
	}
	return ""
}

// missed quotes the parts of span (a character span of text) that no
// annotation among others covers on that side.
func missed(text string, span plagdet.Span, others []plagdet.Annotation, susp bool) string {
	covered := make([]bool, span.Len())
	for _, o := range others {
		s := o.SrcSpan
		if susp {
			s = o.SuspSpan
		}
		for i := max(s.Start, span.Start); i < min(s.End, span.End); i++ {
			covered[i-span.Start] = true
		}
	}
	var parts []string
	for i := 0; i < len(covered); {
		if covered[i] {
			i++
			continue
		}
		j := i
		for j < len(covered) && !covered[j] {
			j++
		}
		if part := strings.TrimSpace(slice(text, plagdet.Span{Start: span.Start + i, End: span.Start + j})); part != "" {
			parts = append(parts, quote(part))
		}
		i = j
	}
	if len(parts) == 0 {
		return "nothing"
	}
	return strings.Join(parts, " … ")
}

// slice returns the characters [s.Start, s.End) of text.
func slice(text string, s plagdet.Span) string {
	r := []rune(text)
	return string(r[max(0, s.Start):min(len(r), s.End)])
}

// quote shortens long text to its ends and shows it on one line.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 160 {
		s = string(r[:90]) + " […] " + string(r[len(r)-60:])
	}
	return fmt.Sprintf("%q", s)
}
