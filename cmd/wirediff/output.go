package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
)

// writeStories prints the stories for people: each story's origin and
// how it was chosen, then each copy with the share of the origin it
// carries, whether it credits the origin, the words its edits dropped and
// added, and the pair that shows them; then the text set aside as
// boilerplate. Two files make at most
// one story, their pair, so it lists stories only among three or more.
func writeStories(w io.Writer, docs []reuse.Document, r *reuse.Report) {
	if len(r.Documents) < 3 {
		r = &reuse.Report{Documents: r.Documents, Pairs: r.Pairs, SetAside: r.SetAside}
	}
	if len(r.Stories) > 0 {
		fmt.Fprintln(w, "\nStories (text that several files carry; each copy is compared with the story's origin)")
	}
	for n, st := range r.Stories {
		fmt.Fprintf(w, "\n  Story %d: #%d %s and %s\n", n+1, st.Origin+1, name(r, st.Origin),
			export.Plural(len(st.Members), "copy", "copies"))
		switch st.OriginRule {
		case reuse.Earliest:
			fmt.Fprintf(w, "    origin: the earliest published, %s\n", r.Documents[st.Origin].Published.Format("2006-01-02 15:04 MST"))
		default:
			fmt.Fprintln(w, "    origin: a guess, the most complete version (not every file has a publication time)")
		}
		if len(st.Credit) > 0 {
			fmt.Fprintf(w, "    credit: a copy credits the origin if it names %s\n", strings.Join(st.Credit, " or "))
		} else {
			fmt.Fprintln(w, "    credit: unknown (the origin names no source or agency)")
		}
		fmt.Fprintln(w, "     copy  reused  credits  dropped  added  pair  file")
		for _, m := range st.Members {
			dropped, added := editedWords(docs, r.Pairs[m.Pair], st.Origin)
			fmt.Fprintf(w, "    %5s  %6s  %7s  %7d  %5d  %4d  %s\n", fmt.Sprintf("#%d", m.Doc+1), export.Percent(m.Reused), export.CreditWord(&st, m),
				dropped, added, m.Pair+1, name(r, m.Doc))
		}
		for _, i := range st.MemberPairs {
			p := r.Pairs[i]
			fmt.Fprintf(w, "    #%d and #%d share text the origin lacks (pair %d)\n", p.A+1, p.B+1, i+1)
		}
	}
	if len(r.SetAside) > 0 {
		fmt.Fprintf(w, "\nSet aside as boilerplate: %s\n", export.Plural(len(r.SetAside), "text", "texts"))
		for _, a := range r.SetAside {
			m := a.Example
			fmt.Fprintf(w, "  %s For example #%d [%d:%d]:\n", export.SetAsideReason(a), m.Doc+1, m.Span.Start, m.Span.End)
			wrap(w, "    ", export.Excerpt(export.ClipText(text(docs, m.Doc), m.Span), passageText))
		}
	}
}

// editedWords counts the words a copy dropped from the origin's text and
// added to it inside the passages of their pair: its edits, beside the
// paragraphs it cut, which its reused share shows.
func editedWords(docs []reuse.Document, p reuse.Pair, origin int) (dropped, added int) {
	ta, tb := text(docs, p.A), text(docs, p.B)
	for _, ps := range p.Passages {
		for _, e := range ps.Edits {
			del := len(strings.Fields(export.ClipText(ta, e.A)))
			ins := len(strings.Fields(export.ClipText(tb, e.B)))
			switch {
			case e.Op == reuse.Delete && p.A == origin, e.Op == reuse.Insert && p.B == origin:
				dropped += del + ins
			case e.Op == reuse.Insert && p.A == origin, e.Op == reuse.Delete && p.B == origin:
				added += del + ins
			}
		}
	}
	return dropped, added
}

// writeJSONL writes the report to path ("-" for stdout) as JSON Lines:
// one object a line, each with its "type" and "index", the documents
// first, then the stories, the pairs, the families and the text set
// aside, so that an archive's report can be read one record at a time.
// texts gives the analysed text of converted files, as --json does.
func writeJSONL(path string, stdout io.Writer, r *reuse.Report, texts map[int]string) (err error) {
	out := stdout
	if path != "-" {
		f, err := os.Create(path)
		if err != nil {
			return fmt.Errorf("cannot write the JSON Lines report: %v", err)
		}
		defer func() {
			if cerr := f.Close(); err == nil && cerr != nil {
				err = fmt.Errorf("cannot write the JSON Lines report: %v", cerr)
			}
		}()
		out = f
	}
	bw := bufio.NewWriter(out)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	type line struct {
		Type  string `json:"type"`
		Index int    `json:"index"`
	}
	for i, d := range r.Documents {
		err = enc.Encode(struct {
			line
			reuse.DocumentSummary
			Text string `json:"text,omitempty"`
		}{line{"document", i}, d, texts[i]})
		if err != nil {
			return err
		}
	}
	for i, s := range r.Stories {
		if err := enc.Encode(struct {
			line
			reuse.Story
		}{line{"story", i}, s}); err != nil {
			return err
		}
	}
	for i, p := range r.Pairs {
		p.Passages = append([]reuse.Passage{}, p.Passages...)
		for j := range p.Passages {
			if p.Passages[j].Edits == nil {
				p.Passages[j].Edits = []reuse.Edit{} // never null, as in --json
			}
		}
		if err := enc.Encode(struct {
			line
			reuse.Pair
		}{line{"pair", i}, p}); err != nil {
			return err
		}
	}
	for i, f := range r.Families {
		if err := enc.Encode(struct {
			line
			reuse.Family
		}{line{"family", i}, f}); err != nil {
			return err
		}
	}
	for i, a := range r.SetAside {
		if err := enc.Encode(struct {
			line
			reuse.SetAside
		}{line{"set_aside", i}, a}); err != nil {
			return err
		}
	}
	return bw.Flush()
}
