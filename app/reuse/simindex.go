package reuse

import (
	"cmp"
	"math"
	"slices"
)

// A weighted term is one coordinate of a sentence's vector.
type weighted struct {
	term uint64
	w    float32 // tf·isf·idf, scaled to a unit vector
	g    float32 // isf·idf: the term's weight anywhere, which orders prefixes
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
type sentenceIndex struct {
	sents []sentence // all sentences, document by document
	docOf []int32    // sentence → its document
	first []int32    // document → its first sentence; first[len] = len(sents)
	off   []int32    // vec[off[s]:off[s+1]] is sentence s, sorted by term
	vec   []weighted
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
	var sents []sentence
	var terms []term
	for d, text := range texts {
		tm.noteLowerCase(text, words[d])
	}
	for d, text := range texts {
		x.first[d] = int32(len(x.sents))
		sents = splitSentences(text, words[d], sents)
		for _, s := range sents {
			x.sents = append(x.sents, s)
			x.docOf = append(x.docOf, int32(d))
			x.off = append(x.off, int32(len(x.vec)))
			terms = tm.terms(text, words[d], quoted[d], s, langs[d], terms[:0])
			slices.SortFunc(terms, func(p, q term) int { return cmp.Compare(p.hash, q.hash) })
			for i := 0; i < len(terms); {
				tf := terms[i].tf
				j := i + 1
				for ; j < len(terms) && terms[j].hash == terms[i].hash; j++ {
					tf += terms[j].tf
				}
				x.vec = append(x.vec, weighted{term: terms[i].hash, w: tf})
				i = j
			}
		}
	}
	x.first[len(texts)] = int32(len(x.sents))
	x.off = append(x.off, int32(len(x.vec)))

	// Count sentences and documents per term with one sort of all
	// entries, as the fingerprint index does.
	all := make(index, len(x.vec))
	for s := range x.sents {
		for e := x.off[s]; e < x.off[s+1]; e++ {
			all[e] = fingerprint{x.vec[e].term, x.docOf[s], e}
		}
	}
	all.sort()
	nSents, nDocs := float64(len(x.sents)), float64(len(texts))
	for start := 0; start < len(all); {
		end, docs := start+1, 1
		for end < len(all) && all[end].hash == all[start].hash {
			if all[end].doc != all[end-1].doc {
				docs++
			}
			end++
		}
		isf := math.Log(1 + nSents/float64(end-start))
		idf := 1.0
		if docs > 2 {
			idf = math.Log(1+nDocs/float64(docs)) / math.Log(1+nDocs/2)
		}
		w := float32(isf * idf)
		for _, f := range all[start:end] {
			x.vec[f.pos].w *= w
			x.vec[f.pos].g = w
		}
		start = end
	}
	for s := range x.sents {
		v := x.vec[x.off[s]:x.off[s+1]]
		norm := float32(0)
		for _, e := range v {
			norm += e.w * e.w
		}
		if norm > 0 {
			norm = float32(1 / math.Sqrt(float64(norm)))
		}
		for i := range v {
			v[i].w *= norm
		}
	}
	return x
}

// vector returns sentence s's unit vector, sorted by term.
func (x *sentenceIndex) vector(s int32) []weighted { return x.vec[x.off[s]:x.off[s+1]] }

// similar returns the pairs of sentences of different documents whose
// cosine is at least minCos, sorted by documents and then by sentences.
//
// Comparing every sentence with every other would cost the square of the
// corpus. Instead it is a similarity join with prefix filtering (Bayardo,
// Ma and Srikant, "Scaling up all pairs similarity search", WWW 2007):
// each sentence's terms are put in one global order, rarest first, and
// only its prefix is indexed, the terms before the rest of its vector
// has a length below minCos. Two sentences whose cosine reaches minCos
// share a term in both prefixes (the first term they share, in that
// order), so pairs that share none are never looked at, and the common
// terms, which would pair everything with everything, stay out of the
// index. A term found in the prefixes of more than maxDocs documents is
// boilerplate, as in the fingerprint index.
func (x *sentenceIndex) similar(minCos float64, maxDocs, maxRepeats int) []sentencePair {
	var prefixes index
	var order []weighted
	for s := range x.sents {
		v := x.vector(int32(s))
		// The global order: rarest (heaviest) first, the term breaking
		// ties.
		order = append(order[:0], v...)
		slices.SortFunc(order, func(p, q weighted) int {
			if c := cmp.Compare(q.g, p.g); c != 0 {
				return c
			}
			return cmp.Compare(p.term, q.term)
		})
		tail := float32(0)
		cut := len(order)
		for cut > 0 && tail+order[cut-1].w*order[cut-1].w < float32(minCos*minCos) {
			tail += order[cut-1].w * order[cut-1].w
			cut--
		}
		for _, e := range order[:cut] {
			prefixes = append(prefixes, fingerprint{e.term, x.docOf[s], int32(s)})
		}
	}
	prefixes.sort()

	var cands []uint64
	var group []fingerprint
	for start := 0; start < len(prefixes); {
		end := start + 1
		for end < len(prefixes) && prefixes[end].hash == prefixes[start].hash {
			end++
		}
		run := prefixes[start:end]
		start = end
		if len(run) < 2 || run[0].doc == run[len(run)-1].doc {
			continue
		}
		group = group[:0]
		docs, repeats := 0, 0
		for i, f := range run {
			if i == 0 || f.doc != run[i-1].doc {
				docs++
				repeats = 0
			}
			if repeats++; repeats <= maxRepeats {
				group = append(group, f)
			}
		}
		if docs > maxDocs {
			continue
		}
		for i, f := range group {
			for _, g := range group[i+1:] {
				if g.doc != f.doc {
					cands = append(cands, uint64(f.pos)<<32|uint64(g.pos))
				}
			}
		}
	}
	slices.Sort(cands)
	cands = slices.Compact(cands)

	var out []sentencePair
	for _, c := range cands {
		s, t := int32(c>>32), int32(c&0xFFFFFFFF)
		cos, dice := cosineDice(x.vector(s), x.vector(t))
		if cos >= minCos {
			out = append(out, sentencePair{s, t, float32(cos), float32(dice)})
		}
	}
	slices.SortFunc(out, func(p, q sentencePair) int {
		if c := cmp.Compare(x.docOf[p.s], x.docOf[q.s]); c != 0 {
			return c
		}
		if c := cmp.Compare(x.docOf[p.t], x.docOf[q.t]); c != 0 {
			return c
		}
		return cmp.Compare(uint64(p.s)<<32|uint64(p.t), uint64(q.s)<<32|uint64(q.t))
	})
	return out
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

// sumVector returns the unit vector of the sum of sentences [s0, s1],
// sorted by term: the vector of the fragment they make up.
func (x *sentenceIndex) sumVector(s0, s1 int32, dst []weighted) []weighted {
	dst = dst[:0]
	for s := s0; s <= s1; s++ {
		dst = append(dst, x.vector(s)...)
	}
	slices.SortFunc(dst, func(p, q weighted) int { return cmp.Compare(p.term, q.term) })
	out := dst[:0]
	for _, e := range dst {
		if n := len(out); n > 0 && out[n-1].term == e.term {
			out[n-1].w += e.w
		} else {
			out = append(out, e)
		}
	}
	norm := float32(0)
	for _, e := range out {
		norm += e.w * e.w
	}
	if norm > 0 {
		norm = float32(1 / math.Sqrt(float64(norm)))
		for i := range out {
			out[i].w *= norm
		}
	}
	return out
}

// maxRewriteDocs caps the documents a term may pair up through the
// sentence index. A sentence carried by dozens of outlets is wire copy,
// which the fingerprint index finds as copied; pairing every copy's
// sentences with every other's to look for rewrites would cost the square
// of the copies.
const maxRewriteDocs = 12
