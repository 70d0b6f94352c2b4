package export

import (
	_ "embed"
	"errors"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/wirediff/wirediff/app/reuse"
)

//go:embed report.css
var reportCSS string

// HTML writes r as one self-contained HTML file that opens anywhere: a
// summary of the articles and pairs, each pair's passages side by side
// with their word edits (a rewritten passage sentence pair by sentence
// pair), the passages recurring in three or more articles, and every
// article's full text with its reused parts marked, copied and rewritten
// text each in its own way.
// It loads nothing and runs no script; a Content-Security-Policy forbids
// both. docs are the texts r was computed from; all their text is
// escaped with EscapeText.
//
// HTML never fails on a report whose spans do not fit docs: such spans are
// clipped, so the file is still written.
func HTML(w io.Writer, docs []reuse.Document, r *reuse.Report) error {
	if r == nil {
		return errors.New("export: no report")
	}
	h := &report{docs: docs, r: r}
	h.write()
	_, err := io.WriteString(w, h.b.String())
	return err
}

type report struct {
	b    strings.Builder
	docs []reuse.Document
	r    *reuse.Report
}

func (h *report) s(parts ...string) {
	for _, p := range parts {
		h.b.WriteString(p)
	}
}

// t writes user text, escaped.
func (h *report) t(s string) { h.b.WriteString(EscapeText(s)) }

// marked writes user text a diff highlights, escaped, its invisible
// characters shown as markers (see EscapeMarked).
func (h *report) marked(s string) { h.b.WriteString(EscapeMarked(s)) }

func (h *report) name(i int) string {
	if i >= 0 && i < len(h.r.Documents) && strings.TrimSpace(h.r.Documents[i].Name) != "" {
		return h.r.Documents[i].Name
	}
	if i >= 0 && i < len(h.docs) && strings.TrimSpace(h.docs[i].Name) != "" {
		return h.docs[i].Name
	}
	return "article " + strconv.Itoa(i+1)
}

func (h *report) text(i int) string {
	if i >= 0 && i < len(h.docs) {
		return h.docs[i].Text
	}
	return ""
}

func (h *report) write() {
	r := h.r
	h.s(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="wirediff">
<title>wirediff report</title>
<style>
`, reportCSS, `</style>
</head>
<body>
<header>
<h1>wirediff report</h1>
<p class="lead">`)
	passages, rewritten := 0, 0
	for _, p := range r.Pairs {
		passages += len(p.Passages)
		rewritten += countRewritten(p)
	}
	h.s(Plural(len(r.Documents), "article", "articles"), " compared; ",
		Plural(len(r.Pairs), "pair shares", "pairs share"), " text in ",
		Plural(passages, "passage", "passages"))
	if rewritten > 0 {
		h.s(" (", strconv.Itoa(rewritten), " rewritten)")
	}
	if len(r.Families) > 0 {
		h.s("; ", Plural(len(r.Families), "passage recurs", "passages recur"), " in three or more articles")
	}
	h.s(`.</p>
<ul class="kinds">
<li><mark>Copied</mark>: the same words in the same order, as a copy desk edits wire copy.</li>
<li><mark class="rewritten">Rewritten</mark>: the same sentences said in other words — synonyms, reordered clauses, merged or condensed sentences.</li>
</ul>
</header>
`)
	h.documents()
	h.pairs()
	h.families()
	for n, p := range r.Pairs {
		h.pair(n, p)
	}
	h.fullTexts()
	h.s(`<footer>
<p>Made with wirediff. Deleted words are <del>struck through</del>, inserted words <ins>underlined</ins>, and differences only of case, quotes, dashes or punctuation are <span class="cosmetic">dotted</span>; an invisible character in a difference, such as a zero-width space, shows as its code point, <span class="invisible">U+200B</span>. Reused text in the full texts is <mark>marked</mark>, rewritten text <mark class="rewritten">striped</mark>. A rewritten passage is shown sentence pair by sentence pair, each with its similarity: the share of what the two sentences say that they have in common. Passages marked “quotation” lie mostly inside quotation marks: shared quotes are common in news; copied narration is the finding.</p>
</footer>
</body>
</html>
`)
}

func (h *report) documents() {
	h.s(`<section id="articles">
<h2>Articles</h2>
<table>
<thead><tr><th class="num">#</th><th>Article</th><th class="num">Words</th><th>Reused</th><th class="num">Rewritten</th></tr></thead>
<tbody>
`)
	for i, d := range h.r.Documents {
		reused := min(max(d.Reused, 0), 1)
		h.s(`<tr><td class="num">`, strconv.Itoa(i+1), `</td><td><a href="#doc-`, strconv.Itoa(i), `">`)
		h.t(h.name(i))
		h.s(`</a></td><td class="num">`, strconv.Itoa(d.Words), `</td><td><meter min="0" max="1" value="`,
			strconv.FormatFloat(reused, 'f', 3, 64), `"></meter> `, Percent(reused), `</td><td class="num">`,
			Percent(min(max(d.Rewritten, 0), 1)), "</td></tr>\n")
	}
	h.s("</tbody>\n</table>\n</section>\n")
}

func (h *report) pairs() {
	h.s(`<section id="pairs">
<h2>Pairs</h2>
`)
	if len(h.r.Pairs) == 0 {
		h.s("<p>No two articles share a passage.</p>\n</section>\n")
		return
	}
	h.s(`<table>
<thead><tr><th>Article</th><th>Article</th><th class="num">Shared words</th><th class="num">Copied</th><th class="num">Rewritten</th><th class="num">Similarity</th><th class="num">Passages</th></tr></thead>
<tbody>
`)
	for n, p := range h.r.Pairs {
		quotes := 0
		for _, ps := range p.Passages {
			if ps.Quote {
				quotes++
			}
		}
		h.s(`<tr><td>`)
		h.t(h.name(p.A))
		h.s(`</td><td>`)
		h.t(h.name(p.B))
		h.s(`</td><td class="num"><a href="#pair-`, strconv.Itoa(n), `">`, strconv.Itoa(p.SharedWords), `</a></td><td class="num">`,
			strconv.Itoa(p.SharedWords-p.RewrittenWords), `</td><td class="num">`, strconv.Itoa(p.RewrittenWords), `</td><td class="num">`,
			Percent(p.Similarity), `</td><td class="num">`, strconv.Itoa(len(p.Passages)))
		if k := countRewritten(p); k > 0 {
			h.s(` <span class="tag rewritten">`, strconv.Itoa(k), ` rewritten</span>`)
		}
		if quotes > 0 {
			h.s(` <span class="tag">`, strconv.Itoa(quotes), ` quoted</span>`)
		}
		h.s("</td></tr>\n")
	}
	h.s("</tbody>\n</table>\n</section>\n")
}

func (h *report) families() {
	if len(h.r.Families) == 0 {
		return
	}
	h.s(`<section id="families">
<h2>Passages in three or more articles</h2>
`)
	for n, f := range h.r.Families {
		h.s(`<div class="family"><h3>Family `, strconv.Itoa(n+1), ` · `, Plural(len(f.Members), "article", "articles"), "</h3>\n<ul>\n")
		for _, m := range f.Members {
			h.s(`<li><a href="#doc-`, strconv.Itoa(m.Doc), `">`)
			h.t(h.name(m.Doc))
			h.s(`</a>: <span class="text">`)
			text := h.text(m.Doc)
			s, e := Clip(text, m.Span)
			h.t(Excerpt(text[s:e], 300))
			h.s("</span></li>\n")
		}
		h.s("</ul></div>\n")
	}
	h.s("</section>\n")
}

func (h *report) pair(n int, p reuse.Pair) {
	id := "pair-" + strconv.Itoa(n)
	h.s(`<section class="pair" id="`, id, `">
<h2>`)
	h.t(h.name(p.A))
	h.s(" ↔ ")
	h.t(h.name(p.B))
	h.s(`</h2>
<p class="meta">`, Plural(p.SharedWords, "shared word", "shared words"))
	if p.RewrittenWords > 0 {
		h.s(" (", strconv.Itoa(p.SharedWords-p.RewrittenWords), " copied, ", strconv.Itoa(p.RewrittenWords), " rewritten)")
	}
	h.s(" · similarity ", Percent(p.Similarity), " · ", Plural(len(p.Passages), "passage", "passages"), "</p>\n")
	ta, tb := h.text(p.A), h.text(p.B)
	for k, ps := range p.Passages {
		rewritten := ps.Kind == reuse.Rewritten
		class, kind := "passage", `<span class="tag">copied</span>`
		if rewritten {
			class, kind = "passage rewritten", `<span class="tag rewritten">rewritten</span>`
		}
		h.s(`<article class="`, class, `" id="`, id, `-`, strconv.Itoa(k), `">
<h3>Passage `, strconv.Itoa(k+1), ` `, kind, ` · `, Plural(ps.Words, "word", "words"), ` · identity `, Percent(ps.Identity))
		if ps.Quote {
			h.s(` <span class="tag">quotation</span>`)
		}
		h.s("</h3>\n")
		if !rewritten || len(ps.Sentences) == 0 {
			h.sides(p, ta, tb, ps.A, ps.B, ps.Edits)
			h.s("</article>\n")
			continue
		}
		// A rewritten passage reads sentence pair by sentence pair; its
		// whole word diff, mostly deletions and insertions, is folded.
		h.s(`<p class="meta">`, Plural(len(ps.Sentences), "sentence pair says", "sentence pairs say"), " the same in other words:</p>\n")
		for j, sp := range ps.Sentences {
			h.s(`<div class="sentence-pair"><p class="meta">Sentence pair `, strconv.Itoa(j+1), ` · `,
				Percent(min(max(sp.Similarity, 0), 1)), " similar</p>\n")
			h.sides(p, ta, tb, sp.A, sp.B, sp.Edits)
			h.s("</div>\n")
		}
		h.s("<details><summary>The whole passage, word by word</summary>\n")
		h.sides(p, ta, tb, ps.A, ps.B, ps.Edits)
		h.s("</details>\n</article>\n")
	}
	h.s("</section>\n")
}

// sides writes two spans of a pair's texts side by side with their edits.
func (h *report) sides(p reuse.Pair, ta, tb string, a, b reuse.Span, edits []reuse.Edit) {
	h.s("<div class=\"sides\">\n")
	h.side(p.A, ta, a, edits, true, tb)
	h.side(p.B, tb, b, edits, false, ta)
	h.s("</div>\n")
}

// countRewritten is the number of a pair's rewritten passages.
func countRewritten(p reuse.Pair) int {
	n := 0
	for _, ps := range p.Passages {
		if ps.Kind == reuse.Rewritten {
			n++
		}
	}
	return n
}

// side writes one side of a passage: its text with deletions (side A) or
// insertions (side B) and cosmetic runs marked. Text the edits do not
// cover is written plain, so nothing of the passage is ever dropped.
func (h *report) side(doc int, text string, span reuse.Span, edits []reuse.Edit, isA bool, other string) {
	s, e := Clip(text, span)
	h.s(`<div class="side"><div class="meta">`)
	h.t(h.name(doc))
	h.s(` · bytes `, strconv.Itoa(span.Start), `–`, strconv.Itoa(span.End), `</div><div class="text">`)
	pos := s
	for _, ed := range edits {
		mine, theirs := ed.A, ed.B
		if !isA {
			mine, theirs = ed.B, ed.A
		}
		es, ee := Clip(text, mine)
		es, ee = max(es, pos), min(ee, e)
		if es >= ee {
			continue
		}
		h.t(text[pos:es])
		switch {
		case ed.Op == reuse.Delete && isA:
			h.wrapped("<del>", text[es:ee], "</del>")
		case ed.Op == reuse.Insert && !isA:
			h.wrapped("<ins>", text[es:ee], "</ins>")
		case ed.Cosmetic:
			os, oe := Clip(other, theirs)
			h.s(`<span class="cosmetic" title="other side: `)
			h.t(ShowInvisible(other[os:oe]))
			h.s(`">`)
			h.marked(text[es:ee])
			h.s("</span>")
		default:
			h.t(text[es:ee])
		}
		pos = ee
	}
	if pos < e {
		h.t(text[pos:e])
	}
	h.s("</div></div>\n")
}

// wrapped writes s between open and close, leaving its surrounding white
// space outside, so a struck-through word does not strike the space after
// it. Invisible characters inside show as markers, never as an empty box.
func (h *report) wrapped(open, s, close string) {
	core := strings.TrimSpace(s)
	if core == "" {
		h.t(s)
		return
	}
	i := strings.Index(s, core)
	h.t(s[:i])
	h.s(open)
	h.marked(core)
	h.s(close)
	h.t(s[i+len(core):])
}

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
		h.t(h.name(i))
		h.s(`</h3>
<div class="text">`)
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
