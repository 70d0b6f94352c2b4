package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
)

// Layout of the readable summary.
const (
	lineWidth   = 100 // wrap long lines of text here
	passageText = 300 // show at most this many characters of a passage side
	equalWords  = 12  // shorten unchanged runs longer than this in edits
	editWords   = 40  // shorten deleted or inserted runs longer than this
	cosmeticMax = 6   // list at most this many cosmetic differences
)

// writeSummary prints the report for people: the files with their reused
// share, then each pair by shared words with every passage's two sides and
// its edits (a rewritten passage's sentence pairs instead), then the
// passages that recur in three or more files. Errors are left to the
// caller's buffered writer.
func writeSummary(w io.Writer, docs []reuse.Document, r *reuse.Report) {
	all := export.TallyPairs(r.Pairs)
	share := " share"
	if len(r.Pairs) == 1 {
		share = " shares"
	}
	fmt.Fprintf(w, "%s compared: %s%s text in %s", export.Plural(len(r.Documents), "file", "files"), export.Plural(len(r.Pairs), "pair", "pairs"), share, export.Plural(all.Passages, "passage", "passages"))
	var notes []string
	if all.Rewritten > 0 {
		notes = append(notes, fmt.Sprintf("%d rewritten", all.Rewritten))
	}
	if all.Quotes > 0 {
		notes = append(notes, fmt.Sprintf("%d mostly quotation", all.Quotes))
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, " (%s)", strings.Join(notes, ", "))
	}
	fmt.Fprintln(w, ".")
	if all.Rewritten > 0 {
		fmt.Fprintln(w, "Copied: the same words in the same order. Rewritten: the same sentences said in other words.")
	}

	fmt.Fprintln(w, "\nFiles (reused: share of words found in another file; rewritten: share only in rewritten passages)")
	fmt.Fprintln(w, "   #  reused  rewritten   words  file")
	for i, d := range r.Documents {
		fmt.Fprintf(w, "  %2d  %6s  %9s  %6d  %s\n", i+1, export.Percent(d.Reused), export.Percent(d.Rewritten), d.Words, d.Name)
	}

	writeStories(w, docs, r)

	if len(r.Pairs) == 0 {
		fmt.Fprintln(w, "\nNo two files share a passage.")
		return
	}
	fmt.Fprintln(w, "\nPairs by shared words (copied and rewritten)")
	fmt.Fprintln(w, "   files    words  copied  rewritten  similarity  passages")
	for _, p := range r.Pairs {
		c := export.TallyPair(&p)
		fmt.Fprintf(w, "  %8s  %5d  %6d  %9d  %10s  %8d\n", fmt.Sprintf("#%d-#%d", p.A+1, p.B+1),
			c.SharedWords, c.CopiedWords(), c.RewrittenWords, export.Percent(p.Similarity), c.Passages)
	}

	for n, p := range r.Pairs {
		fmt.Fprintf(w, "\n=== Pair %d: #%d %s and #%d %s\n", n+1, p.A+1, name(r, p.A), p.B+1, name(r, p.B))
		fmt.Fprintf(w, "    %d shared words", p.SharedWords)
		if c := export.TallyPair(&p); c.RewrittenWords > 0 {
			fmt.Fprintf(w, " (%d copied words, %d rewritten words)", c.CopiedWords(), c.RewrittenWords)
		}
		fmt.Fprintf(w, ", similarity %s, %s\n", export.Percent(p.Similarity), export.Plural(len(p.Passages), "passage", "passages"))
		ta, tb := text(docs, p.A), text(docs, p.B)
		for k, ps := range p.Passages {
			fmt.Fprintf(w, "\n  Passage %d of %d: ", k+1, len(p.Passages))
			if ps.Kind == reuse.Rewritten {
				fmt.Fprint(w, "rewritten, ")
			}
			fmt.Fprintf(w, "%s, identity %s", export.Plural(ps.Words, "word", "words"), export.Percent(ps.Identity))
			if ps.Quote {
				fmt.Fprint(w, ", quotation")
			}
			fmt.Fprintln(w)
			if ps.Kind == reuse.Rewritten && len(ps.Sentences) > 0 {
				sentences(w, p, ps, ta, tb)
				continue
			}
			side(w, fmt.Sprintf("#%d [%d:%d] ", p.A+1, ps.A.Start, ps.A.End), export.ClipText(ta, ps.A))
			side(w, fmt.Sprintf("#%d [%d:%d] ", p.B+1, ps.B.Start, ps.B.End), export.ClipText(tb, ps.B))
			edits, cosmetic := renderEdits(ta, tb, ps.Edits)
			if edits != "" {
				wrap(w, "    edits: ", edits)
			} else {
				fmt.Fprintln(w, "    edits: none, the words are the same")
			}
			if cosmetic != "" {
				wrap(w, "    cosmetic: ", cosmetic)
			}
		}
	}

	if len(r.Families) > 0 {
		fmt.Fprintln(w, "\nPassages in three or more files")
		for n, f := range r.Families {
			var where []string
			for _, m := range f.Members {
				where = append(where, fmt.Sprintf("#%d [%d:%d]", m.Doc+1, m.Span.Start, m.Span.End))
			}
			fmt.Fprintf(w, "\n  Family %d: %s\n", n+1, strings.Join(where, ", "))
			if len(f.Members) > 0 {
				m := f.Members[0]
				wrap(w, "    ", export.Excerpt(export.ClipText(text(docs, m.Doc), m.Span), passageText))
			}
		}
	}
}

// sentences prints a rewritten passage as its spans and then its sentence
// pairs, each side shortened, with their similarity: a rewritten
// passage's word diff is mostly deletions and insertions, and its
// sentence pairs are what a reader compares.
func sentences(w io.Writer, p reuse.Pair, ps reuse.Passage, ta, tb string) {
	fmt.Fprintf(w, "    #%d [%d:%d] and #%d [%d:%d], %s:\n", p.A+1, ps.A.Start, ps.A.End, p.B+1, ps.B.Start, ps.B.End,
		export.Plural(len(ps.Sentences), "sentence pair", "sentence pairs"))
	for i, s := range ps.Sentences {
		fmt.Fprintf(w, "    %d. %s similar\n", i+1, export.Percent(s.Similarity))
		wrap(w, fmt.Sprintf("       #%d [%d:%d] ", p.A+1, s.A.Start, s.A.End), export.Excerpt(export.ClipText(ta, s.A), passageText))
		wrap(w, fmt.Sprintf("       #%d [%d:%d] ", p.B+1, s.B.Start, s.B.End), export.Excerpt(export.ClipText(tb, s.B), passageText))
	}
}

// side prints one side of a passage, shortened.
func side(w io.Writer, label, s string) {
	wrap(w, "    "+label, export.Excerpt(s, passageText))
}

// renderEdits writes a passage's alignment as A's text with deletions
// [-like this-] and B's insertions {+like this+}, unchanged runs
// shortened; and lists the cosmetic runs as ‹A's form› ~ ‹B's form›.
// Invisible characters in them show as code points, [U+200B], as in the
// HTML report. The runs are export.DiffRuns, as in every view.
func renderEdits(ta, tb string, edits []reuse.Edit) (string, string) {
	var b strings.Builder
	changed := false
	var cosmetic []string
	seen := map[string]bool{}
	for _, r := range export.DiffRuns(ta, tb, edits, export.BothTexts) {
		switch r.Kind {
		case export.Deleted:
			changed = true
			b.WriteString("[-" + shortenWords(export.ShowInvisible(r.Text), editWords) + "-]")
		case export.Inserted:
			changed = true
			b.WriteString("{+" + shortenWords(export.ShowInvisible(r.Text), editWords) + "+}")
		case export.Cosmetic:
			b.WriteString(shortenWords(r.Text, equalWords))
			a, other := export.Excerpt(export.ShowInvisible(r.Text), 40), export.Excerpt(export.ShowInvisible(r.Other), 40)
			pair := "‹" + a + "› ~ ‹" + other + "›"
			if a == other {
				pair = "line breaks or spacing"
			}
			if !seen[pair] {
				seen[pair] = true
				cosmetic = append(cosmetic, pair)
			}
		default:
			b.WriteString(shortenWords(r.Text, equalWords))
		}
	}
	if len(cosmetic) > cosmeticMax {
		cosmetic = append(cosmetic[:cosmeticMax], fmt.Sprintf("and %d more", len(cosmetic)-cosmeticMax))
	}
	edited := ""
	if changed {
		edited = collapse(b.String())
	}
	return edited, strings.Join(cosmetic, "; ")
}

// shortenWords keeps the first and last few words of a run longer than n
// words, and its leading and trailing white space.
func shortenWords(s string, n int) string {
	words := strings.Fields(s)
	if len(words) <= n {
		return s
	}
	core := strings.TrimSpace(s)
	i := strings.Index(s, core)
	keep := (n - 2) / 2
	return s[:i] + strings.Join(words[:keep], " ") + " … " + strings.Join(words[len(words)-keep:], " ") + s[i+len(core):]
}

// wrap prints s after prefix, wrapped at lineWidth with a hanging indent.
func wrap(w io.Writer, prefix, s string) {
	indent := strings.Repeat(" ", utf8.RuneCountInString(prefix))
	line, width := prefix, utf8.RuneCountInString(prefix)
	empty := true
	for _, word := range strings.Fields(s) {
		n := utf8.RuneCountInString(word)
		if !empty && width+1+n > lineWidth {
			fmt.Fprintln(w, line)
			line, width, empty = indent, len(indent), true
		}
		if !empty {
			line += " "
			width++
		}
		line += word
		width += n
		empty = false
	}
	fmt.Fprintln(w, line)
}

// collapse turns every run of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

func text(docs []reuse.Document, i int) string {
	if i >= 0 && i < len(docs) {
		return docs[i].Text
	}
	return ""
}

func name(r *reuse.Report, i int) string {
	if i >= 0 && i < len(r.Documents) {
		return r.Documents[i].Name
	}
	return "?"
}
