package export

import (
	"slices"
	"strconv"

	"github.com/wirediff/wirediff/app/reuse"
)

// fullTexts writes every article's whole text with the parts it shares
// marked, copied and rewritten text each in its own way.
func (h *report) fullTexts() {
	h.s(`<section id="texts">
<h2>Full texts</h2>
`)
	// Spans by document, copied ones in [0] and rewritten ones in [1].
	spans := make([][2][]reuse.Span, len(h.r.Documents))
	for _, p := range h.r.Pairs {
		for _, ps := range p.Passages {
			k := 0
			if ps.Kind == reuse.Rewritten {
				k = 1
			}
			if p.A >= 0 && p.A < len(spans) {
				spans[p.A][k] = append(spans[p.A][k], ps.A)
			}
			if p.B >= 0 && p.B < len(spans) {
				spans[p.B][k] = append(spans[p.B][k], ps.B)
			}
		}
	}
	for i := range h.r.Documents {
		text := h.text(i)
		h.s(`<section class="doc" id="doc-`, strconv.Itoa(i), `">
<h3>`, strconv.Itoa(i+1), `. `)
		h.nameOf(i)
		h.s(`</h3>
<div class="text" dir="auto">`)
		copied := merged(text, spans[i][0])
		rewritten := without(merged(text, spans[i][1]), copied)
		marks := append(append([]reuse.Span{}, copied...), rewritten...)
		isCopied := make(map[reuse.Span]bool, len(copied))
		for _, sp := range copied {
			isCopied[sp] = true
		}
		slices.SortFunc(marks, func(a, b reuse.Span) int { return a.Start - b.Start })
		pos := 0
		for _, sp := range marks {
			h.t(text[pos:sp.Start])
			if isCopied[sp] {
				h.s("<mark>")
			} else {
				h.s(`<mark class="rewritten">`)
			}
			h.t(text[sp.Start:sp.End])
			h.s("</mark>")
			pos = sp.End
		}
		h.t(text[pos:])
		h.s("</div>\n</section>\n")
	}
	h.s("</section>\n")
}

// merged clips spans to text and merges overlapping or touching ones, in
// order.
func merged(text string, spans []reuse.Span) []reuse.Span {
	var out []reuse.Span
	for _, sp := range spans {
		s, e := Clip(text, sp)
		if s < e {
			out = append(out, reuse.Span{Start: s, End: e})
		}
	}
	slices.SortFunc(out, func(a, b reuse.Span) int { return a.Start - b.Start })
	n := 0
	for _, sp := range out {
		if n > 0 && sp.Start <= out[n-1].End {
			out[n-1].End = max(out[n-1].End, sp.End)
			continue
		}
		out[n] = sp
		n++
	}
	return out[:n]
}

// without returns the parts of spans that none of cut covers; both are
// sorted and disjoint, as merged returns them. Text in a copied passage
// and a rewritten one is marked as copied.
func without(spans, cut []reuse.Span) []reuse.Span {
	var out []reuse.Span
	j := 0
	for _, sp := range spans {
		for j < len(cut) && cut[j].End <= sp.Start {
			j++
		}
		start := sp.Start
		for k := j; k < len(cut) && cut[k].Start < sp.End; k++ {
			if cut[k].Start > start {
				out = append(out, reuse.Span{Start: start, End: cut[k].Start})
			}
			start = max(start, cut[k].End)
		}
		if start < sp.End {
			out = append(out, reuse.Span{Start: start, End: sp.End})
		}
	}
	return out
}
