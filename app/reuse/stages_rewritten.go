package reuse

import (
	"cmp"
	"context"
	"slices"
)

// An AsideMark is a fingerprint of a document set aside as boilerplate:
// its hash, the position of its first word, and why it was set aside
// (AsideReason). Marks that follow each other closely, for one reason,
// make a stretch of set-aside text, as in Analyze's report.
type AsideMark struct {
	Hash  uint64
	Pos   int32
	Group string
}

// AsideMarked is AsideMark.Group for a fingerprint of a text the user
// marked as boilerplate (Marked), set aside before any other rule.
const AsideMarked = asideMarked

// AsideReason returns why the group's fingerprint is set aside: "" if it
// is not, "widespread" if more documents than MaxDocs carry it, or
// "source " and the name of the source that repeats it across its own
// articles.
func (g *FingerprintGroup) AsideReason() string {
	if g.boilerplate {
		return asideWidespread
	}
	if !g.BySource() {
		return ""
	}
	count := map[string]int{}
	best := ""
	for _, s := range g.sourceOf {
		if s == "" {
			continue
		}
		if count[s]++; count[s] > count[best] {
			best = s
		}
	}
	return asideSource + " " + best // more than half the documents' source: one
}

// asideRanges returns the words of a document that its set-aside
// fingerprints cover, sorted and disjoint, as setAside joins them into
// stretches: only the first occurrence of a hash counts.
func asideRanges(marks []AsideMark, opts Options) []wordRange {
	if len(marks) == 0 {
		return nil
	}
	first := map[uint64]AsideMark{}
	for _, m := range marks {
		if f, ok := first[m.Hash]; !ok || m.Pos < f.Pos {
			first[m.Hash] = m
		}
	}
	ms := make([]AsideMark, 0, len(first))
	for _, m := range first {
		ms = append(ms, m)
	}
	slices.SortFunc(ms, func(p, q AsideMark) int { return cmp.Compare(p.Pos, q.Pos) })
	join := int32(opts.KGram + opts.Window)
	var out []wordRange
	for i := 0; i < len(ms); {
		last := ms[i].Pos
		j := i + 1
		for j < len(ms) && ms[j].Group == ms[i].Group && ms[j].Pos-last <= join {
			last = ms[j].Pos
			j++
		}
		out = append(out, wordRange{int(ms[i].Pos), int(last) + opts.KGram})
		i = j
	}
	return mergeRanges(out)
}

// PrefixTerms returns the terms under which the similarity join indexes
// a sentence: those of its prefix, the rest of its vector being shorter
// than the least similarity a seed needs. Two sentences alike enough
// share a term of both their prefixes.
func (v SentenceVector) PrefixTerms(opts Options) []int32 {
	return v.Terms[:prefixLength(v.vector(), seedSimilarity(opts.withDefaults()))]
}

// seedSimilarity is the least cosine of a sentence pair that seeds
// anything, strict or loose.
func seedSimilarity(o Options) float64 { return min(o.MinSimilarity, summarySimilarity) }

// A SentenceRef is sentence Index of document Doc.
type SentenceRef struct {
	Doc      string
	Index    int32
	Sentence SentenceVector
}

// A SimilarPair is two similar sentences: sentence I of document A and
// J of document B, A sorting first, with their cosine and the Dice
// coefficient of their terms.
type SimilarPair struct {
	A, B      string
	I, J      int32
	Sim, Dice float32
}

// A SentenceGroup gathers the sentences that carry one term in their
// prefix, in any order, and keeps what the similarity join uses: the
// first MaxRepeats sentences of each document, of at most 12 documents
// (a term of more pairs nothing, as in Analyze), so that a term in every
// article of an archive costs little memory.
type SentenceGroup struct {
	opts  Options
	byDoc map[string][]SentenceRef // sorted by index, at most MaxRepeats
	full  bool
}

// NewSentenceGroup returns an empty group under the limits of opts.
func NewSentenceGroup(opts Options) *SentenceGroup {
	return &SentenceGroup{opts: opts.withDefaults(), byDoc: map[string][]SentenceRef{}}
}

// Add records one sentence.
func (g *SentenceGroup) Add(r SentenceRef) {
	if g.full {
		return
	}
	rs, seen := g.byDoc[r.Doc]
	if !seen && len(g.byDoc) == maxRewriteDocs {
		g.full, g.byDoc = true, nil
		return
	}
	i, _ := slices.BinarySearchFunc(rs, r.Index, func(p SentenceRef, n int32) int { return cmp.Compare(p.Index, n) })
	if i < g.opts.MaxRepeats {
		rs = slices.Insert(rs, i, r)
		g.byDoc[r.Doc] = rs[:min(len(rs), g.opts.MaxRepeats)]
	}
}

// Pairs returns the pairs of sentences of different documents in the
// group that are alike enough to seed a passage, neither of them set
// aside. One pair may come from the groups of several terms.
func (g *SentenceGroup) Pairs() []SimilarPair {
	names := make([]string, 0, len(g.byDoc))
	for name := range g.byDoc {
		names = append(names, name)
	}
	slices.Sort(names)
	minCos := seedSimilarity(g.opts)
	var out []SimilarPair
	for n, a := range names {
		for _, s := range g.byDoc[a] {
			u := s.Sentence.vector()
			for _, b := range names[n+1:] {
				for _, t := range g.byDoc[b] {
					if s.Sentence.Aside || t.Sentence.Aside {
						continue
					}
					if sim, dice := similarity(u, t.Sentence.vector()); float64(sim) >= minCos {
						out = append(out, SimilarPair{a, b, s.Index, t.Index, sim, dice})
					}
				}
			}
		}
	}
	return out
}

// similarity returns the cosine of two unit vectors sorted by term, and
// the Dice coefficient of their terms, summed in the order of the terms
// as the similarity join sums them.
func similarity(u, v []weighted) (sim, dice float32) {
	common := 0
	for i, j := 0, 0; i < len(u) && j < len(v); {
		switch {
		case u[i].term < v[j].term:
			i++
		case u[i].term > v[j].term:
			j++
		default:
			sim += u[i].w * v[j].w
			common++
			i, j = i+1, j+1
		}
	}
	return sim, float32(2*common) / float32(len(u)+len(v))
}

// SimilarSentences returns the distinct pairs of one pair of documents,
// found under any term, in Analyze's order: by I, then J.
func SimilarSentences(pairs []SimilarPair) []SimilarPair {
	out := slices.Clone(pairs)
	slices.SortFunc(out, func(p, q SimilarPair) int {
		return cmp.Or(cmp.Compare(p.I, q.I), cmp.Compare(p.J, q.J))
	})
	return slices.CompactFunc(out, func(p, q SimilarPair) bool { return p.I == q.I && p.J == q.J })
}

// MayRewrite reports whether a pair of documents whose similar sentences
// are similar (from SimilarSentences) is compared for rewritten passages,
// as Analyze with AllPairs compares it even where the two share no
// fingerprint.
func MayRewrite(similar []SimilarPair, opts Options) bool {
	opts = opts.withDefaults()
	w := sentenceWork(similar, opts)
	return w.mayRewrite(opts)
}

// sentenceWork splits a pair's similar sentences into its strict and
// loose seeds.
func sentenceWork(similar []SimilarPair, o Options) pairWork {
	w := pairWork{a: 0, b: 1}
	for _, s := range similar {
		seed := sentenceSeed{s.I, s.J, s.Sim}
		strict, loose := seedKinds(s.Sim, s.Dice, o)
		if strict {
			w.similar = append(w.similar, seed)
		}
		if loose {
			w.loose = append(w.loose, seed)
		}
	}
	return w
}

// PairSentences is what rewritten passages of two documents grow from:
// the sentences of each (DocumentSentences of A and of B) and their
// similar sentences (SimilarSentences).
type PairSentences struct {
	A, B    DocumentSentences
	Similar []SimilarPair
}

// CompareRewritten finds the passages of documents a and b, copied and
// rewritten, from the seeds they share and their similar sentences, as
// Analyze does with AllPairs, given sentences weighed over the same
// documents. a must be the document whose name sorts first. ok is false
// when the two share no passage. A done ctx stops the comparison with its
// error.
func CompareRewritten(ctx context.Context, a, b Document, seeds []Seed, sentences PairSentences, opts Options) (c Comparison, ok bool, err error) {
	return compareDocuments(ctx, a, b, seeds, &sentences, opts)
}

// rewritesOf adds the rewritten passages of the analysis's two documents
// to their copied candidates, if their similar sentences may make one.
func (a *analysis) rewritesOf(al *aligner, seeds []seed, s *PairSentences, cands []candidate) []candidate {
	w := sentenceWork(s.Similar, a.opts)
	if !w.mayRewrite(a.opts) {
		return cands
	}
	w.seeds = seeds
	a.sentences = pairIndex(s.A, s.B)
	a.langs = []*language{detectLanguage(a.docs[0].Text, a.words[0]), detectLanguage(a.docs[1].Text, a.words[1])}
	return a.rewrites(al, 0, 1, w, cands)
}

// pairIndex returns the sentence index of two documents, their terms
// numbered anew in the same order, so that its tables by term are small.
func pairIndex(da, db DocumentSentences) *sentenceIndex {
	var terms []int32
	for _, d := range []DocumentSentences{da, db} {
		for _, s := range d.Sentences {
			terms = append(terms, s.Terms...)
		}
	}
	slices.Sort(terms)
	terms = slices.Compact(terms)
	x := &sentenceIndex{first: []int32{0, int32(len(da.Sentences)), int32(len(da.Sentences) + len(db.Sentences))}, terms: len(terms)}
	for d, doc := range []DocumentSentences{da, db} {
		for _, s := range doc.Sentences {
			x.sents = append(x.sents, sentence{s.W0, s.W1})
			x.docOf = append(x.docOf, int32(d))
			x.off = append(x.off, int32(len(x.vec)))
			for n, t := range s.Terms {
				local, _ := slices.BinarySearch(terms, t)
				x.vec = append(x.vec, weighted{int32(local), s.Weights[n]})
			}
		}
	}
	x.off = append(x.off, int32(len(x.vec)))
	return x
}
