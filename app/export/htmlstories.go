package export

import (
	"strconv"
	"strings"
)

// SetAsideNote explains, in the web app and the HTML report, why some
// shared text is not compared.
const SetAsideNote = "Text that one outlet repeats across its own articles (sign-offs, newsletter boxes), text marked as boilerplate, and text in nearly every article is not compared: it would pair articles that share nothing else."

// stories writes each story: its origin, the rule that chose it and what
// crediting it takes, then its copies with their shares and credit, each
// linked to its pair with the origin. Two articles make at most one
// story, their pair, so stories are listed among three or more, as the
// command line lists them.
func (h *report) stories() {
	if len(h.r.Stories) == 0 || len(h.r.Documents) < 3 {
		return
	}
	h.s(`<section id="stories">
<h2>Stories</h2>
<p class="meta">Text that several articles carry: an agency story, a press release, a quote that did the rounds. Each copy is compared with the story's origin.</p>
`)
	for n, st := range h.r.Stories {
		h.s(`<div class="story" id="story-`, strconv.Itoa(n), `">
<h3>Story `, strconv.Itoa(n+1), `: <a href="#doc-`, strconv.Itoa(st.Origin), `">`)
		h.nameOf(st.Origin)
		h.s(`</a> and `, Plural(len(st.Members), "copy", "copies"), "</h3>\n")
		h.where(st.Origin)
		rule, guess := OriginRuleText(st.OriginRule)
		h.s(`<p>`, rule)
		if guess {
			h.s(` <span class="tag">a guess</span>`)
		}
		h.s("</p>\n<p>")
		if len(st.Credit) == 0 {
			h.s("No source or agency of the origin is known, so no copy is counted as crediting it.")
		} else {
			h.s("A copy credits the origin when it names ")
			for i, c := range st.Credit {
				switch {
				case i == 0:
				case i == len(st.Credit)-1:
					h.s(" or ")
				default:
					h.s(", ")
				}
				h.s("<bdi>")
				h.t(c)
				h.s("</bdi>")
			}
			h.s(".")
		}
		h.s(`</p>
<table>
<thead><tr><th>Copy</th><th>Reused</th><th>Credits the origin</th><th class="num">Pair</th></tr></thead>
<tbody>
`)
		for _, m := range st.Members {
			reused := min(max(m.Reused, 0), 1)
			h.s(`<tr><td><a href="#doc-`, strconv.Itoa(m.Doc), `">`)
			h.nameOf(m.Doc)
			h.s(`</a></td><td><meter min="0" max="1" value="`, strconv.FormatFloat(reused, 'f', 3, 64), `"></meter> `,
				Percent(reused), `</td><td>`, CreditWord(&st, m), `</td><td class="num">`, h.pairLink(m.Pair), "</td></tr>\n")
		}
		h.s("</tbody>\n</table>\n")
		for _, i := range st.MemberPairs {
			if i < 0 || i >= len(h.r.Pairs) {
				continue
			}
			p := h.r.Pairs[i]
			h.s(`<p class="meta">`)
			h.nameOf(p.A)
			h.s(" and ")
			h.nameOf(p.B)
			h.s(" share text the origin lacks: ", h.pairLink(i), "</p>\n")
		}
		h.s("</div>\n")
	}
	h.s("</section>\n")
}

// where writes a document's outlet and publication time, where known.
func (h *report) where(doc int) {
	if doc < 0 || doc >= len(h.r.Documents) {
		return
	}
	d := h.r.Documents[doc]
	var parts []string
	if strings.TrimSpace(d.Source) != "" {
		parts = append(parts, "<bdi>"+EscapeText(d.Source)+"</bdi>")
	}
	if !d.Published.IsZero() {
		parts = append(parts, "published "+EscapeText(d.Published.Format("2006-01-02 15:04 MST")))
	}
	if len(parts) > 0 {
		h.s(`<p class="meta">`, strings.Join(parts, " · "), "</p>\n")
	}
}

// pairLink links to a pair's section, or says nothing of a pair that is
// not in the report.
func (h *report) pairLink(i int) string {
	if i < 0 || i >= len(h.r.Pairs) {
		return ""
	}
	return `<a href="#pair-` + strconv.Itoa(i) + `">pair ` + strconv.Itoa(i+1) + `</a>`
}

// setAside writes the text set aside as boilerplate: why, in how many
// articles, and an example.
func (h *report) setAside() {
	if len(h.r.SetAside) == 0 {
		return
	}
	h.s(`<section id="set-aside">
<h2>Set aside as boilerplate</h2>
<p class="meta">`, SetAsideNote, "</p>\n<ul>\n")
	for _, a := range h.r.SetAside {
		m := a.Example
		h.s("<li><p>", EscapeText(SetAsideReason(a)), ` For example in <a href="#doc-`, strconv.Itoa(m.Doc), `">`)
		h.nameOf(m.Doc)
		h.s(`</a>:</p><p class="text" dir="auto">`)
		h.t(Excerpt(ClipText(h.text(m.Doc), m.Span), 300))
		h.s("</p></li>\n")
	}
	h.s("</ul>\n</section>\n")
}
