package reuse

import (
	"cmp"
	"math"
	"slices"
)

// A weighted term is one coordinate of a sentence's vector: a term
// number (see sentenceIndex) and its weight.
type weighted struct {
	term int32
	w    float32 // tf·isf·idf, scaled to a unit vector
}

// sentenceIndex holds every sentence of every document as a vector of
// weighted terms, and finds the pairs of sentences in different
// documents that say much the same thing.
//
// A term's weight is tf·isf·idf: its count in the sentence, times its
// inverse sentence frequency over all sentences of all documents (stop
// words and the words of every sentence weigh little; Sanchez-Perez,
// Gelbukh and Sidorov, CLEF 2015), times a document factor that is 1 for a
// term in at most two documents and falls as more documents carry it, so
// that the names and facts that every article about one event repeats
// count for little. Vectors have unit length: their dot product is the
// cosine.
//
// Terms are numbered from the heaviest (rarest) to the lightest, so a
// vector sorted by term number is sorted for merging with another and
// is, at the same time, in the global order that prefix filtering needs.
type sentenceIndex struct {
	sents []sentence // all sentences, document by document
	docOf []int32    // sentence → its document
	first []int32    // document → its first sentence; first[len] = len(sents)
	off   []int32    // vec[off[s]:off[s+1]] is sentence s, sorted by term
	vec   []weighted
	terms int // how many distinct terms there are

	// compareFragments' tables by term, and the terms in use in them.
	accA, accB         []float32
	touchedA, touchedB []int32
}

// A sentencePair is two similar sentences of different documents, s < t
// as sentence numbers of the index, with their cosine and Dice
// coefficient.
type sentencePair struct {
	s, t      int32
	sim, dice float32
}

// buildSentenceIndex splits every document into sentences and weighs
// their terms.
func buildSentenceIndex(texts []string, words [][]token, quoted [][]bool, langs []*language, tm *termer) *sentenceIndex {
	x := &sentenceIndex{first: make([]int32, len(texts)+1)}
	tokens := 0
	for _, w := range words {
		tokens += len(w)
	}
	x.vec = make([]weighted, 0, tokens)
	x.sents = make([]sentence, 0, tokens/12+len(texts))
	x.docOf = make([]int32, 0, cap(x.sents))
	x.off = make([]int32, 0, cap(x.sents)+1)

	// Room for the distinct words and stems at once: a text of n words
	// has some 16·√n distinct ones (Heaps' law, with the constants of
	// English news), a little fewer stems.
	distinct := 16 * int(math.Sqrt(float64(tokens)))
	tm.words.reserve(distinct)
	tm.terms.reserve(distinct * 3 / 4)

	// Every stemmed document's words first: whether a word is a name
	// depends on all documents.
	entries := make([][]int32, len(texts))
	buf := make([]int32, 0, tokens)
	for d, text := range texts {
		if langs[d].stem != nil {
			at := len(buf)
			buf = tm.enter(text, words[d], langs[d], buf)
			entries[d] = buf[at:len(buf):len(buf)]
		}
	}

	// Count the sentences and documents that carry each term. A term's
	// counts lie side by side, so that each word of the corpus touches
	// one cache line, not one in each of five slices.
	var counts []termCounts
	var sents []sentence
	var terms []term
	for d, text := range texts {
		x.first[d] = int32(len(x.sents))
		sents = splitSentences(text, words[d], sents)
		for _, s := range sents {
			sid := int32(len(x.sents))
			x.sents = append(x.sents, s)
			x.docOf = append(x.docOf, int32(d))
			x.off = append(x.off, int32(len(x.vec)))
			terms = tm.sentenceTerms(text, words[d], entries[d], quoted[d], s, langs[d], terms[:0])
			for n := int32(len(counts)); n < tm.count; n++ {
				counts = append(counts, termCounts{lastDoc: -1, lastSent: -1})
			}
			for _, t := range terms {
				c := &counts[t.id]
				if c.lastSent == sid {
					x.vec[c.slot].w += t.tf // a repeat within the sentence
					continue
				}
				c.lastSent, c.slot = sid, int32(len(x.vec))
				c.sentFreq++
				if c.lastDoc != int32(d) {
					c.lastDoc = int32(d)
					c.docFreq++
				}
				x.vec = append(x.vec, weighted{t.id, t.tf})
			}
		}
	}
	x.first[len(texts)] = int32(len(x.sents))
	x.off = append(x.off, int32(len(x.vec)))
	x.terms = len(counts)

	// Weigh the terms, then renumber them heaviest first.
	nSents, nDocs := float64(len(x.sents)), float64(len(texts))
	weight := make([]float32, x.terms)
	sentFreq := make([]int32, x.terms)
	for id, c := range counts {
		weight[id] = termWeight(c.sentFreq, c.docFreq, nSents, nDocs)
		sentFreq[id] = c.sentFreq
	}
	// Sorted as integers, with no comparison function to call: a weight
	// is positive, so its bits, complemented, order it heaviest first,
	// and the term number breaks ties.
	order := make([]uint64, x.terms)
	for id, w := range weight {
		order[id] = uint64(^math.Float32bits(w))<<32 | uint64(id)
	}
	slices.Sort(order)
	rank := make([]int32, x.terms)
	for r, key := range order {
		rank[uint32(key)] = int32(r)
	}
	x.weighAndSort(weight, rank, sentFreq)
	return x
}

// termCounts is what buildSentenceIndex counts of one term: the
// sentences and documents that carry it, the last of each it was seen in,
// and where the last sentence's coordinate for it is.
type termCounts struct {
	sentFreq, docFreq, lastDoc, lastSent, slot int32
}

// weighAndSort weighs each sentence's coordinates, scales its vector to
// unit length and renumbers its terms by rank, then sorts every vector by
// term at once: a counting sort over the terms, which knows each term's
// sentences from its sentence frequency. Sorting each vector on its own
// costs the square of its length (a sentence's terms come in no order),
// and was a sixth of the index's cost.
func (x *sentenceIndex) weighAndSort(weight []float32, rank, sentFreq []int32) {
	// byTerm holds every coordinate, grouped by term in order of rank and,
	// within a term, by sentence. A term has a coordinate in each of its
	// sentences, so next[r], where term r's next one goes, starts at the
	// sum of the sentence frequencies of the terms before it.
	type entry struct {
		s int32
		w float32
	}
	next := make([]int32, x.terms+1)
	for id, f := range sentFreq {
		next[rank[id]+1] = f
	}
	for r := 1; r <= x.terms; r++ {
		next[r] += next[r-1]
	}
	byTerm := make([]entry, len(x.vec))
	for s := range x.sents {
		unitWeights(x.vec[x.off[s]:x.off[s+1]], weight)
		for _, e := range x.vec[x.off[s]:x.off[s+1]] {
			r := rank[e.term]
			byTerm[next[r]] = entry{int32(s), e.w}
			next[r]++
		}
	}
	// next[r] is now where term r's group ends. Each sentence's vector
	// is filled again, term by term in order.
	at := slices.Clone(x.off[:len(x.sents)])
	from := int32(0)
	for r := range int32(x.terms) {
		for _, e := range byTerm[from:next[r]] {
			x.vec[at[e.s]] = weighted{r, e.w}
			at[e.s]++
		}
		from = next[r]
	}
}

// termWeight returns the weight of a term that sentFreq of nSents
// sentences and docFreq of nDocs documents carry: its inverse sentence
// frequency times the document factor.
func termWeight(sentFreq, docFreq int32, nSents, nDocs float64) float32 {
	idf := 1.0
	if docFreq > 2 {
		idf = math.Log(1+nDocs/float64(docFreq)) / math.Log(1+nDocs/2)
	}
	return float32(math.Log(1+nSents/float64(sentFreq)) * idf)
}

// unitWeights weighs a sentence's term counts, by term number, and
// scales them to unit length, in place.
func unitWeights(v []weighted, weight []float32) {
	norm := float32(0)
	for i, e := range v {
		w := e.w * weight[e.term]
		v[i].w = w
		norm += w * w
	}
	if norm > 0 {
		norm = float32(1 / math.Sqrt(float64(norm)))
	}
	for i := range v {
		v[i].w *= norm
	}
}

// weigh turns one sentence's term counts, by term number, into its unit
// vector sorted by rank, as weighAndSort does for a whole index: weight
// and rank are indexed by term number.
func weigh(v []weighted, weight []float32, rank []int32) {
	unitWeights(v, weight)
	for i := range v {
		v[i].term = rank[v[i].term]
	}
	// A sentence's terms are distinct, so the order is the index's.
	slices.SortFunc(v, func(p, q weighted) int { return cmp.Compare(p.term, q.term) })
}

// vector returns sentence s's unit vector, sorted by term.
func (x *sentenceIndex) vector(s int32) []weighted { return x.vec[x.off[s]:x.off[s+1]] }

// cosineDice returns the dot product of two unit vectors sorted by term,
// and the Dice coefficient of their sets of terms.
func cosineDice(u, v []weighted) (cos, dice float64) {
	common := 0
	dot := float32(0)
	for i, j := 0, 0; i < len(u) && j < len(v); {
		switch {
		case u[i].term < v[j].term:
			i++
		case u[i].term > v[j].term:
			j++
		default:
			dot += u[i].w * v[j].w
			common++
			i, j = i+1, j+1
		}
	}
	if len(u)+len(v) == 0 {
		return 0, 0
	}
	return float64(dot), float64(2*common) / float64(len(u)+len(v))
}

// compareFragments returns the cosine of the fragments made of sentences
// [a0, a1] and [b0, b1], each taken as one text (the sum of its
// sentences' vectors), and how many terms the two share. It adds each
// fragment into a table by term rather than merging sorted coordinates.
func (x *sentenceIndex) compareFragments(a0, a1, b0, b1 int32) (cos float64, common int) {
	if x.accA == nil {
		x.accA, x.accB = make([]float32, x.terms), make([]float32, x.terms)
	}
	add := func(acc []float32, s0, s1 int32, touched []int32) ([]int32, float32) {
		touched = touched[:0]
		for s := s0; s <= s1; s++ {
			for _, e := range x.vector(s) {
				if acc[e.term] == 0 {
					touched = append(touched, e.term)
				}
				acc[e.term] += e.w
			}
		}
		norm := float32(0)
		for _, t := range touched {
			norm += acc[t] * acc[t]
		}
		return touched, norm
	}
	var normA, normB float32
	x.touchedA, normA = add(x.accA, a0, a1, x.touchedA)
	x.touchedB, normB = add(x.accB, b0, b1, x.touchedB)
	dot := float32(0)
	for _, t := range x.touchedB {
		if w := x.accA[t]; w != 0 {
			dot += w * x.accB[t]
			common++
		}
	}
	for _, t := range x.touchedA {
		x.accA[t] = 0
	}
	for _, t := range x.touchedB {
		x.accB[t] = 0
	}
	if normA == 0 || normB == 0 {
		return 0, common
	}
	return float64(dot) / math.Sqrt(float64(normA)*float64(normB)), common
}
