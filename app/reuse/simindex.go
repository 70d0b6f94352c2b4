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

	// Count the sentences and documents that carry each term.
	var sentFreq, docFreq, lastDoc, lastSent, slot []int32
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
			for n := int32(len(sentFreq)); n < tm.count; n++ {
				sentFreq, docFreq = append(sentFreq, 0), append(docFreq, 0)
				lastDoc, lastSent, slot = append(lastDoc, -1), append(lastSent, -1), append(slot, 0)
			}
			for _, t := range terms {
				id := t.id
				if lastSent[id] == sid {
					x.vec[slot[id]].w += t.tf // a repeat within the sentence
					continue
				}
				lastSent[id], slot[id] = sid, int32(len(x.vec))
				sentFreq[id]++
				if lastDoc[id] != int32(d) {
					lastDoc[id] = int32(d)
					docFreq[id]++
				}
				x.vec = append(x.vec, weighted{id, t.tf})
			}
		}
	}
	x.first[len(texts)] = int32(len(x.sents))
	x.off = append(x.off, int32(len(x.vec)))
	x.terms = len(sentFreq)

	// Weigh the terms, then renumber them heaviest first.
	nSents, nDocs := float64(len(x.sents)), float64(len(texts))
	weight := make([]float32, x.terms)
	for id := range weight {
		idf := 1.0
		if docFreq[id] > 2 {
			idf = math.Log(1+nDocs/float64(docFreq[id])) / math.Log(1+nDocs/2)
		}
		weight[id] = float32(math.Log(1+nSents/float64(sentFreq[id])) * idf)
	}
	order := make([]int32, x.terms)
	for id := range order {
		order[id] = int32(id)
	}
	slices.SortFunc(order, func(p, q int32) int {
		if c := cmp.Compare(weight[q], weight[p]); c != 0 {
			return c
		}
		return cmp.Compare(p, q)
	})
	rank := slot[:x.terms] // reused: no longer needed as slots
	for r, id := range order {
		rank[id] = int32(r)
	}
	for s := range x.sents {
		v := x.vec[x.off[s]:x.off[s+1]]
		norm := float32(0)
		for i, e := range v {
			w := e.w * weight[e.term]
			v[i] = weighted{rank[e.term], w}
			norm += w * w
		}
		if norm > 0 {
			norm = float32(1 / math.Sqrt(float64(norm)))
		}
		for i := range v {
			v[i].w *= norm
		}
		sortByTerm(v)
	}
	return x
}

// sortByTerm sorts a sentence's few coordinates by term: insertion sort,
// which beats a general sort on a couple of dozen elements, and, measured
// on a day of news, a counting sort of all sentences at once.
func sortByTerm(v []weighted) {
	for i := 1; i < len(v); i++ {
		for j := i; j > 0 && v[j].term < v[j-1].term; j-- {
			v[j], v[j-1] = v[j-1], v[j]
		}
	}
}

// vector returns sentence s's unit vector, sorted by term.
func (x *sentenceIndex) vector(s int32) []weighted { return x.vec[x.off[s]:x.off[s+1]] }

// similar returns the pairs of sentences of different documents whose
// cosine is at least minCos, sorted by documents and then by sentences.
//
// Comparing every sentence with every other would cost the square of the
// corpus. Instead it is a similarity join with prefix filtering (Bayardo,
// Ma and Srikant, "Scaling up all pairs similarity search", WWW 2007):
// the terms are in one global order, heaviest first, and each sentence
// indexes only its prefix, the terms before the rest of its vector has a
// length below minCos. Two sentences whose cosine reaches minCos share a
// term in both prefixes (the first term they share, in that order), so
// pairs that share none are never looked at, and the common terms, which
// would pair everything with everything, stay out of the index. A term
// found in the prefixes of more than maxDocs documents is boilerplate, as
// in the fingerprint index, and a document counts at most maxRepeats of
// its sentences under one term.
func (x *sentenceIndex) similar(minCos float64, maxDocs, maxRepeats int) []sentencePair {
	// The prefix of each sentence, as a count of its first coordinates.
	prefix := make([]int32, len(x.sents))
	count := make([]int32, x.terms+1)
	for s := range x.sents {
		v := x.vector(int32(s))
		tail, cut := float32(0), len(v)
		for cut > 0 && tail+v[cut-1].w*v[cut-1].w < float32(minCos*minCos) {
			tail += v[cut-1].w * v[cut-1].w
			cut--
		}
		prefix[s] = int32(cut)
		for _, e := range v[:cut] {
			count[e.term+1]++
		}
	}
	// Postings by term, a counting sort: each term's sentences in order.
	for t := 1; t <= x.terms; t++ {
		count[t] += count[t-1]
	}
	postings := make([]int32, count[x.terms])
	at := slices.Clone(count[:x.terms])
	for s := range x.sents {
		for _, e := range x.vector(int32(s))[:prefix[s]] {
			postings[at[e.term]] = int32(s)
			at[e.term]++
		}
	}

	// Cap each term's postings in place (see capRun): a term of too many
	// documents, or of one, pairs nothing. Term t's group is then
	// postings[at[t]:end[t]].
	end := make([]int32, x.terms)
	var group []int32
	w := int32(0)
	for t := 0; t < x.terms; t++ {
		run := postings[count[t]:count[t+1]]
		at[t], end[t] = w, w
		if len(run) < 2 || x.docOf[run[0]] == x.docOf[run[len(run)-1]] {
			continue
		}
		var ok bool
		if group, ok = capRun(run, func(s int32) int32 { return x.docOf[s] }, maxDocs, maxRepeats, group[:0]); !ok {
			continue
		}
		w += int32(copy(postings[w:], group))
		end[t] = w
	}

	// Each sentence s in turn lists its candidates, the later sentences
	// of other documents in the groups of its prefix's terms, once each
	// (mark holds the last s+1 that listed a sentence): no list of all
	// candidates to sort and deduplicate, which would be several times
	// longer than the candidates, since most pairs share several terms.
	// s's vector is spread into a table by term, so that each candidate
	// costs one look-up per term of its own vector instead of a merge.
	var out []sentencePair
	table := make([]float32, x.terms)
	mark := make([]int32, len(x.sents))
	var cands []int32
	for s := range int32(len(x.sents)) {
		cands = cands[:0]
		for _, e := range x.vector(s)[:prefix[s]] {
			// s is next in each of its terms' groups, unless capped out.
			c := at[e.term]
			if c == end[e.term] || postings[c] != s {
				continue
			}
			at[e.term]++
			for _, u := range postings[c+1 : end[e.term]] {
				if mark[u] != s+1 && x.docOf[u] != x.docOf[s] {
					mark[u] = s + 1
					cands = append(cands, u)
				}
			}
		}
		if len(cands) == 0 {
			continue
		}
		slices.Sort(cands)
		u := x.vector(s)
		for _, e := range u {
			table[e.term] = e.w
		}
		for _, t := range cands {
			v := x.vector(t)
			dot, common := float32(0), 0
			for _, e := range v {
				if w := table[e.term]; w != 0 {
					dot += w * e.w
					common++
				}
			}
			if float64(dot) >= minCos {
				out = append(out, sentencePair{s, t, dot, float32(2*common) / float32(len(u)+len(v))})
			}
		}
		for _, e := range u {
			table[e.term] = 0
		}
	}
	x.sortByDocuments(out)
	return out
}

// sortByDocuments sorts pairs that come sorted by sentences (s, then t)
// by their documents first. Sentences are numbered document by document,
// so the pairs are already in the order of s's document; within each of
// its blocks they only need a stable sort by t's document, done on packed
// keys rather than with a comparison that looks documents up.
func (x *sentenceIndex) sortByDocuments(pairs []sentencePair) {
	var keys []uint64
	var block []sentencePair
	for from := 0; from < len(pairs); {
		d := x.docOf[pairs[from].s]
		to := from + 1
		for to < len(pairs) && x.docOf[pairs[to].s] == d {
			to++
		}
		keys = keys[:0]
		for n, p := range pairs[from:to] {
			keys = append(keys, uint64(x.docOf[p.t])<<32|uint64(n))
		}
		slices.Sort(keys)
		block = append(block[:0], pairs[from:to]...)
		for n, k := range keys {
			pairs[from+n] = block[uint32(k)]
		}
		from = to
	}
}

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

// maxRewriteDocs caps the documents a term may pair up through the
// sentence index. A sentence carried by dozens of outlets is wire copy,
// which the fingerprint index finds as copied; pairing every copy's
// sentences with every other's to look for rewrites would cost the square
// of the copies.
const maxRewriteDocs = 12
