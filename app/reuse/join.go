package reuse

import (
	"math"
	"slices"
)

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
		cut := prefixLength(v, minCos)
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
		if group, ok = x.capSentences(run, maxDocs, maxRepeats, group[:0]); !ok {
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
		// The sentences after s in a group are later ones, and, since
		// sentences are numbered document by document, those of other
		// documents are the ones from the next document's first on.
		other := x.first[x.docOf[s]+1]
		for _, e := range x.vector(s)[:prefix[s]] {
			// s is next in each of its terms' groups, unless capped out.
			c := at[e.term]
			if c == end[e.term] || postings[c] != s {
				continue
			}
			at[e.term]++
			for _, u := range postings[c+1 : end[e.term]] {
				if u >= other && mark[u] != s+1 {
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
			// No branch on whether s has the term, which a processor
			// cannot predict: a term s lacks adds 0 to a sum of
			// non-negative products, which leaves it as it was.
			dot, common := float32(0), 0
			for _, e := range v {
				w := table[e.term]
				dot += w * e.w
				common += nonZero(w)
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

// capSentences is capRun for a term's sentences, sorted by document, but
// it stops at the first document over maxDocs: most terms of a prefix
// are common words, in hundreds of documents, and pair nothing.
func (x *sentenceIndex) capSentences(run []int32, maxDocs, maxRepeats int, group []int32) ([]int32, bool) {
	docs, repeats := 0, 0
	for i, s := range run {
		if i == 0 || x.docOf[s] != x.docOf[run[i-1]] {
			if docs++; docs > maxDocs {
				return group, false
			}
			repeats = 0
		}
		if repeats++; repeats <= maxRepeats {
			group = append(group, s)
		}
	}
	return group, true
}

// prefixLength returns how many of v's first coordinates make its
// prefix: the rest has a length below minCos.
func prefixLength(v []weighted, minCos float64) int {
	tail, cut := float32(0), len(v)
	for cut > 0 && tail+v[cut-1].w*v[cut-1].w < float32(minCos*minCos) {
		tail += v[cut-1].w * v[cut-1].w
		cut--
	}
	return cut
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

// maxRewriteDocs caps the documents a term may pair up through the
// sentence index. A sentence carried by dozens of outlets is wire copy,
// which the fingerprint index finds as copied; pairing every copy's
// sentences with every other's to look for rewrites would cost the square
// of the copies.
const maxRewriteDocs = 12

// nonZero returns 1 for a weight other than 0, else 0, without a branch.
func nonZero(w float32) int {
	// A weight is never negative, so its bits are below 1<<31, and their
	// negation has the top bit set unless they are 0.
	return int((math.Float32bits(w) | -math.Float32bits(w)) >> 31)
}
