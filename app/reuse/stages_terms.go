package reuse

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strings"
)

// This file and stages_rewritten.go export the steps of Analyze's
// rewritten passages one at a time, as stages.go does those of its
// copied passages, for engines that run them apart (the Beam pipeline):
// count each document's terms (CountTerms), weigh the terms over all
// documents (TermTable), turn each document's sentences into vectors
// (TermTable.Sentences), join similar sentences term by term
// (SentenceGroup), and compare each pair with both kinds of seeds
// (CompareRewritten). Run in turn they give Analyze's passages with
// AllPairs. A term's weight depends on every document, and so does
// whether a capitalised word is a name, so both take a step over all
// documents between the two passes over each.

// A TermCount is what one document tells of a term: how many of its
// sentences carry it, and where it first appears, which breaks ties
// between terms of equal weight as Analyze does.
type TermCount struct {
	// Term identifies a stem of a language or a character n-gram.
	Term uint64
	// Sentences is how many of the document's sentences carry it.
	Sentences int32
	// Stem is true for a stem, false for a character n-gram; First is
	// the term's place among the document's terms, in order of first
	// appearance.
	Stem  bool
	First int32
}

// A WordCase tells how a document writes a word, as its first letter:
// in lower case, capitalised, or both. A capitalised word that no
// document writes in lower case is a name, which counts half.
type WordCase struct {
	Word         uint64
	Lower, Upper bool
}

// DocumentTerms is a document's contribution to the term weights and to
// the names: its number of sentences, each term it uses, and the case of
// each word where case marks names.
type DocumentTerms struct {
	Sentences int
	Terms     []TermCount
	Cases     []WordCase
}

// docTerms is one document read for its sentences' terms, as
// buildSentenceIndex reads it, with a termer of its own.
type docTerms struct {
	text    string
	words   []token
	lang    *language
	quoted  []bool
	tm      *termer
	entries []int32 // for a stemmed language
	sents   []sentence
}

func newDocTerms(text string, opts Options) *docTerms {
	an := &analysis{ctx: context.Background(), opts: opts.withDefaults()}
	ws, _ := an.tokenize(text) // a background context never stops it
	d := &docTerms{text: text, words: ws, lang: detectLanguage(text, ws), quoted: quotedWords(text, ws, nil), tm: newTermer()}
	if d.lang.stem != nil {
		d.entries = d.tm.enter(text, ws, d.lang, make([]int32, 0, len(ws)))
	}
	d.sents = splitSentences(text, ws, nil)
	return d
}

// terms appends the terms of sentence s to dst, numbered by the
// document's own termer.
func (d *docTerms) terms(s sentence, dst []term) []term {
	return d.tm.sentenceTerms(d.text, d.words, d.entries, d.quoted, s, d.lang, dst)
}

// keys returns each term number's key, as a termer shared by all
// documents keys it; call it once every sentence's terms are known.
func (d *docTerms) keys() []uint64 {
	keys := make([]uint64, d.tm.count)
	for _, i := range d.tm.terms.used {
		s := d.tm.terms.slots[i]
		keys[s.val-1] = s.key
	}
	return keys
}

// wordKey returns word n's key in the termer's table of words.
func (d *docTerms) wordKey(n int) uint64 { return d.words[n].hash ^ d.lang.salt }

// CountTerms reads a document's terms, as Analyze reads them for
// rewritten passages.
func CountTerms(text string, opts Options) DocumentTerms {
	d := newDocTerms(text, opts)
	var counts, last []int32
	var ts []term
	for n, s := range d.sents {
		ts = d.terms(s, ts[:0])
		for _, t := range ts {
			for int(t.id) >= len(counts) {
				counts, last = append(counts, 0), append(last, -1)
			}
			if last[t.id] != int32(n) {
				last[t.id] = int32(n)
				counts[t.id]++
			}
		}
	}
	out := DocumentTerms{Sentences: len(d.sents)}
	for id, key := range d.keys() {
		if id < len(counts) && counts[id] > 0 {
			out.Terms = append(out.Terms, TermCount{Term: key, Sentences: counts[id], Stem: d.lang.stem != nil, First: int32(id)})
		}
	}
	if d.entries != nil && d.lang.caseMarksNames {
		at := map[uint64]int{}
		for n, w := range d.words {
			c := initialCase(d.text[w.start:w.end])
			if c != caseLower && c != caseUpper {
				continue
			}
			k := d.wordKey(n)
			i, ok := at[k]
			if !ok {
				i = len(out.Cases)
				at[k] = i
				out.Cases = append(out.Cases, WordCase{Word: k})
			}
			out.Cases[i].Lower = out.Cases[i].Lower || c == caseLower
			out.Cases[i].Upper = out.Cases[i].Upper || c == caseUpper
		}
	}
	return out
}

// TermStats counts a term over documents: the sentences and documents
// that carry it, and its first appearance, in the document whose name
// sorts first (stems before n-grams, as Analyze numbers them).
type TermStats struct {
	Term            uint64
	Sentences, Docs int64
	Stem            bool
	FirstDoc        string
	First           int32
}

// NewTermStats returns what document doc's count of a term adds up to.
func NewTermStats(doc string, c TermCount) TermStats {
	return TermStats{Term: c.Term, Sentences: int64(c.Sentences), Docs: 1, Stem: c.Stem, FirstDoc: doc, First: c.First}
}

// Merge returns the counts of s and o, two counts of one term over
// different documents, in either order.
func (s TermStats) Merge(o TermStats) TermStats {
	if o.firstBefore(s) {
		s.Stem, s.FirstDoc, s.First = o.Stem, o.FirstDoc, o.First
	}
	s.Sentences += o.Sentences
	s.Docs += o.Docs
	return s
}

// firstBefore reports whether s's term appears before o's in Analyze's
// numbering of terms: every stem before every n-gram, each kind document
// by document in order of name.
func (s TermStats) firstBefore(o TermStats) bool {
	if s.Stem != o.Stem {
		return s.Stem
	}
	if c := strings.Compare(s.FirstDoc, o.FirstDoc); c != 0 {
		return c < 0
	}
	return s.First < o.First
}

// A TermTable ranks and weighs every term of the documents compared, as
// Analyze does: heaviest first, ties in order of first appearance.
type TermTable struct {
	rank   map[uint64]int32
	weight []float32 // by rank
}

// NewTermTable returns the table of the terms that stats count, each
// term once, over sentences sentences of docs documents.
func NewTermTable(stats []TermStats, sentences, docs int) *TermTable {
	weight := make([]float32, len(stats))
	order := make([]int32, len(stats))
	for n, s := range stats {
		weight[n] = termWeight(int32(s.Sentences), int32(s.Docs), float64(sentences), float64(docs))
		order[n] = int32(n)
	}
	slices.SortFunc(order, func(p, q int32) int {
		if c := cmp.Compare(weight[q], weight[p]); c != 0 {
			return c
		}
		switch {
		case stats[p].firstBefore(stats[q]):
			return -1
		case stats[q].firstBefore(stats[p]):
			return 1
		}
		return 0
	})
	t := &TermTable{rank: make(map[uint64]int32, len(stats)), weight: make([]float32, len(stats))}
	for r, n := range order {
		t.rank[stats[n].Term] = int32(r)
		t.weight[r] = weight[n]
	}
	return t
}

// A SentenceVector is one sentence of a document, words [W0, W1), as a
// unit vector: Weights[n] is the weight of the term ranked Terms[n], in
// order of rank. Aside marks a sentence that lies mostly in text set
// aside as boilerplate: it pairs with nothing.
type SentenceVector struct {
	W0, W1  int32
	Terms   []int32
	Weights []float32
	Aside   bool
}

func (v SentenceVector) vector() []weighted {
	out := make([]weighted, len(v.Terms))
	for n := range v.Terms {
		out[n] = weighted{v.Terms[n], v.Weights[n]}
	}
	return out
}

// DocumentSentences is a document's sentences, in order.
type DocumentSentences struct {
	Sentences []SentenceVector
}

// Sentences returns the sentence vectors of a document whose terms t
// ranks. lower reports whether any document writes a word (WordCase.Word)
// in lower case; aside holds the document's fingerprints set aside as
// boilerplate (see AsideMark). An error means that t lacks a term of text:
// it was built from other documents.
func (t *TermTable) Sentences(text string, lower func(word uint64) bool, aside []AsideMark, opts Options) (DocumentSentences, error) {
	opts = opts.withDefaults()
	d := newDocTerms(text, opts)
	if d.entries != nil {
		for n := range d.words {
			if lower(d.wordKey(n)) {
				d.tm.entry[d.entries[n]&entryMask].lower = true
			}
		}
	}
	// Each sentence's counts by the document's term numbers, as
	// buildSentenceIndex adds them up.
	var vecs [][]weighted
	var last, slot []int32
	var ts []term
	for n, s := range d.sents {
		var v []weighted
		ts = d.terms(s, ts[:0])
		for _, x := range ts {
			for int(x.id) >= len(last) {
				last, slot = append(last, -1), append(slot, 0)
			}
			if last[x.id] == int32(n) {
				v[slot[x.id]].w += x.tf
				continue
			}
			last[x.id], slot[x.id] = int32(n), int32(len(v))
			v = append(v, weighted{x.id, x.tf})
		}
		vecs = append(vecs, v)
	}
	keys := d.keys()
	weight, rank := make([]float32, len(keys)), make([]int32, len(keys))
	for id, key := range keys {
		r, ok := t.rank[key]
		if !ok {
			return DocumentSentences{}, errors.New("the term table lacks a term of the text: it counts other documents")
		}
		weight[id], rank[id] = t.weight[r], r
	}
	setAside := asideRanges(aside, opts)
	out := DocumentSentences{Sentences: make([]SentenceVector, len(d.sents))}
	for n, s := range d.sents {
		v := vecs[n]
		weigh(v, weight, rank)
		sv := SentenceVector{W0: s.w0, W1: s.w1, Terms: make([]int32, len(v)), Weights: make([]float32, len(v)),
			Aside: mostlyIn(setAside, int(s.w0), int(s.w1))}
		for i, e := range v {
			sv.Terms[i], sv.Weights[i] = e.term, e.w
		}
		out.Sentences[n] = sv
	}
	return out, nil
}
