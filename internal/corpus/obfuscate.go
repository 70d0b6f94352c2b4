package corpus

import (
	"math/rand/v2"
	"slices"
	"strings"
)

// Obfuscation names one kind of edit a copy desk makes to reused text.
type Obfuscation string

const (
	// Verbatim copies the passage unchanged.
	Verbatim Obfuscation = "verbatim"
	// Trimmed drops sentences at the passage's ends and at the ends of its
	// paragraphs.
	Trimmed Obfuscation = "trimmed"
	// Words inserts, deletes and swaps words: "said" becomes "told
	// reporters", modifiers are dropped, attributions are added.
	Words Obfuscation = "words"
	// Typeset re-punctuates and re-typesets: straight and curly quotes,
	// -- and em dashes, capitals on the first words, non-breaking and
	// zero-width spaces, soft hyphens, hard line breaks, dropped commas.
	Typeset Obfuscation = "typeset"
	// Reordered moves the passage's paragraphs; each moved paragraph is a
	// case of its own.
	Reordered Obfuscation = "reordered"
	// Paraphrase substitutes a few words of each sentence with synonyms.
	Paraphrase Obfuscation = "paraphrase"
	// Mixed does what a real copy desk does to wire copy: several of the
	// above at once (trimmed, words edited, a few synonyms, often
	// re-typeset).
	Mixed Obfuscation = "mixed"
	// None marks a pair of unrelated articles: there is nothing to find.
	None Obfuscation = "none"
)

// deskKinds are the edits of a copy desk.
var deskKinds = []Obfuscation{Verbatim, Trimmed, Words, Typeset, Reordered, Paraphrase, Mixed}

// Obfuscations lists the kinds of edits, in the order reports show them:
// a copy desk's, then PAN's artificial obfuscation.
var Obfuscations = append(append([]Obfuscation(nil), deskKinds...), panKinds...)

// A unit is one output paragraph of an edited passage and the source span
// it was made from.
type unit struct {
	text string
	src  Span
}

// obfuscate rewrites a passage (a run of source paragraphs, each a run of
// sentences) as a copy desk would under kind.
func obfuscate(r *rand.Rand, kind Obfuscation, paras [][]sent) []unit {
	switch kind {
	case Trimmed, Mixed:
		paras = trim(r, paras)
	case Reordered:
		paras = reorder(r, paras)
	}
	out := make([]unit, 0, len(paras))
	changed := false
	for pi, p := range paras {
		var b strings.Builder
		for i, s := range p {
			t := s.text
			switch kind {
			case Words:
				t = editWords(r, t)
			case Mixed:
				if r.IntN(2) == 0 {
					t = editWords(r, t)
				}
				if r.IntN(3) == 0 {
					t = paraphrase(r, t)
				}
			case Paraphrase:
				t = paraphrase(r, t)
				if !changed && t == s.text && pi == len(paras)-1 && i == len(p)-1 {
					// Not one common word to swap: reword as a copy desk would.
					t = editWords(r, t)
				}
			}
			if (kind == Words || kind == Paraphrase) && !changed && t == s.text && pi == len(paras)-1 && i == len(p)-1 {
				// Every edited passage has an edit, even one of captions.
				t = "Also, " + t
			}
			changed = changed || t != s.text
			b.WriteString(t)
			if i < len(p)-1 {
				if kind == Words || kind == Paraphrase || kind == Mixed {
					b.WriteByte(' ')
				} else {
					b.WriteString(s.sep)
				}
			}
		}
		out = append(out, unit{b.String(), Span{p[0].src.Start, p[len(p)-1].src.End}})
	}
	if kind == Typeset || kind == Mixed && r.IntN(2) == 0 {
		typeset(r, out)
	}
	return out
}

// trim drops a sentence or two at the passage's ends and, as a copy desk
// shortening paragraphs does, one or two sentences inside it, preferably
// the last of a paragraph, keeping at least half the words and enough of
// them to be worth reporting.
func trim(r *rand.Rand, paras [][]sent) [][]sent {
	total := countWords(paras)
	for range 50 {
		out := trimOnce(r, paras)
		if n := countWords(out); n >= total/2 && n >= 20 {
			return out
		}
	}
	return paras
}

func countWords(paras [][]sent) int {
	n := 0
	for _, p := range paras {
		for _, s := range p {
			n += len(strings.Fields(s.text))
		}
	}
	return n
}

func trimOnce(r *rand.Rand, paras [][]sent) [][]sent {
	type at struct{ p, s int }
	var all []at
	for i, p := range paras {
		for j := range p {
			all = append(all, at{i, j})
		}
	}
	if len(all) < 4 {
		return paras
	}
	head, tail := r.IntN(2), r.IntN(3)
	for len(all)-head-tail < max(3, (len(all)+1)/2) {
		head, tail = r.IntN(2), r.IntN(3)
	}
	kept := all[head : len(all)-tail]
	var inner, ends []int // droppable indices into kept
	for k := 1; k < len(kept)-1; k++ {
		inner = append(inner, k)
		if kept[k].s == len(paras[kept[k].p])-1 {
			ends = append(ends, k)
		}
	}
	if len(ends) == 0 {
		ends = inner
	}
	drop := map[int]bool{ends[r.IntN(len(ends))]: true}
	if len(kept) >= 8 {
		drop[inner[r.IntN(len(inner))]] = true
	}
	out := make([][]sent, len(paras))
	for k, x := range kept {
		if !drop[k] {
			out[x.p] = append(out[x.p], paras[x.p][x.s])
		}
	}
	return slices.DeleteFunc(out, func(p []sent) bool { return len(p) == 0 })
}

// reorder shuffles the paragraphs, never leaving them in their order.
func reorder(r *rand.Rand, paras [][]sent) [][]sent {
	out := append([][]sent(nil), paras...)
	if len(out) < 2 {
		return out
	}
	for {
		r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		for i := range out {
			if &out[i][0] != &paras[i][0] {
				return out
			}
		}
	}
}
