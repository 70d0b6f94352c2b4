package export

import (
	_ "embed"
	"errors"
	"io"
	"strconv"
	"strings"

	"github.com/wirediff/wirediff/app/reuse"
)

//go:embed report.css
var reportCSS string

// HTML writes r as one self-contained HTML file that opens anywhere: a
// summary of the articles, the stories they carry, the text set aside as
// boilerplate and the pairs, each pair's passages side by side
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

// nameOf writes document i's name in a <bdi>, which lays it out in its
// own direction: a Hebrew title in an English table reads right to left
// and leaves the words around it where they were.
func (h *report) nameOf(i int) {
	h.s("<bdi>")
	h.t(h.name(i))
	h.s("</bdi>")
}

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
	all := TallyPairs(r.Pairs)
	h.s(Plural(len(r.Documents), "article", "articles"), " compared; ",
		Plural(len(r.Pairs), "pair shares", "pairs share"), " text in ",
		Plural(all.Passages, "passage", "passages"))
	if all.Rewritten > 0 {
		h.s(" (", strconv.Itoa(all.Rewritten), " rewritten)")
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
	h.stories()
	h.setAside()
	h.pairs()
	h.families()
	for n, p := range r.Pairs {
		h.pair(n, p)
	}
	h.fullTexts()
	h.s(`<footer>
<p>Made with wirediff. Deleted words are <del>struck through</del>, inserted words <ins>underlined</ins>, and differences only of typography (quotes, dashes, commas or full stops, spacing or case) are <span class="cosmetic">dotted</span>, while a changed question or exclamation mark, percent sign or emoji is an edit; an invisible character in a difference, such as a zero-width space, shows as its code point, <span class="invisible">U+200B</span>. Reused text in the full texts is <mark>marked</mark>, rewritten text <mark class="rewritten">striped</mark>. A rewritten passage is shown sentence pair by sentence pair, each with its similarity: the share of what the two sentences say that they have in common. Passages marked “quotation” lie mostly inside quotation marks: shared quotes are common in news; copied narration is the finding.</p>
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
		h.nameOf(i)
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
		c := TallyPair(&p)
		h.s(`<tr><td>`)
		h.nameOf(p.A)
		h.s(`</td><td>`)
		h.nameOf(p.B)
		h.s(`</td><td class="num"><a href="#pair-`, strconv.Itoa(n), `">`, strconv.Itoa(p.SharedWords), `</a></td><td class="num">`,
			strconv.Itoa(c.CopiedWords()), `</td><td class="num">`, strconv.Itoa(c.RewrittenWords), `</td><td class="num">`,
			Percent(p.Similarity), `</td><td class="num">`, strconv.Itoa(c.Passages))
		if c.Rewritten > 0 {
			h.s(` <span class="tag rewritten">`, strconv.Itoa(c.Rewritten), ` rewritten</span>`)
		}
		if c.Quotes > 0 {
			h.s(` <span class="tag">`, strconv.Itoa(c.Quotes), ` quoted</span>`)
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
			h.nameOf(m.Doc)
			h.s(`</a>: <span class="text" dir="auto">`)
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
	h.nameOf(p.A)
	h.s(" ↔ ")
	h.nameOf(p.B)
	h.s(`</h2>
<p class="meta">`, Plural(p.SharedWords, "shared word", "shared words"))
	if c := TallyPair(&p); c.RewrittenWords > 0 {
		h.s(" (", strconv.Itoa(c.CopiedWords()), " copied, ", strconv.Itoa(c.RewrittenWords), " rewritten)")
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

// sides writes two spans of a pair's texts side by side, each with its
// own words of the diff marked: A's deletions, B's insertions.
func (h *report) sides(p reuse.Pair, ta, tb string, a, b reuse.Span, edits []reuse.Edit) {
	h.s("<div class=\"sides\">\n")
	h.side(p.A, a, DiffRuns(ta, tb, edits, TextA))
	h.side(p.B, b, DiffRuns(ta, tb, edits, TextB))
	h.s("</div>\n")
}

// side writes one side of a passage, or of a sentence pair: the article's
// name and the span, then the text.
func (h *report) side(doc int, span reuse.Span, runs []DiffRun) {
	h.s(`<div class="side"><div class="meta">`)
	h.nameOf(doc)
	h.s(` · bytes `, strconv.Itoa(span.Start), `–`, strconv.Itoa(span.End), `</div><div class="text" dir="auto">`)
	h.runs(runs)
	h.s("</div></div>\n")
}

// runs writes one text of a word diff: deletions struck through,
// insertions underlined, a cosmetic run dotted with the other text's form
// in its title.
func (h *report) runs(runs []DiffRun) {
	for _, r := range runs {
		switch r.Kind {
		case Deleted:
			h.s("<del>")
			h.marked(r.Text)
			h.s("</del>")
		case Inserted:
			h.s("<ins>")
			h.marked(r.Text)
			h.s("</ins>")
		case Cosmetic:
			h.s(`<span class="cosmetic" title="other side: `)
			h.t(ShowInvisible(r.Other))
			h.s(`">`)
			h.marked(r.Text)
			h.s("</span>")
		default:
			h.t(r.Text)
		}
	}
}
