package reuse

import (
	"cmp"
	"context"
	"slices"
)

// This file exports the steps of Analyze's copied passages one at a time,
// for engines that run them apart and in parallel (the Beam pipeline in
// pipeline/): fingerprint each document, group equal fingerprints across
// documents into seeds, compare each related pair from its seeds, and
// sum each document's reused share. Each step calls the same code as
// Analyze, so that run in turn they give Analyze's copied passages and
// reused shares with Options.NoRewritten set. Documents are told apart by
// name, and the document whose name sorts first is side A of a pair, as
// Analyze's first document is when the documents are given in order of
// name.

// A Fingerprint is one winnowed k-gram of a document: its hash, the
// position of its first word, and what the words around it tell a seed
// that it makes (Near).
type Fingerprint struct {
	Hash uint64
	Pos  int32
	Near Near
}

// Fingerprints returns the winnowed fingerprints of text in order of
// position, and the number of words in it, as Analyze selects them.
func Fingerprints(text string, opts Options) (fps []Fingerprint, words int) {
	opts = opts.withDefaults()
	// Analyze's own tokenisation, which a background context never stops.
	an := &analysis{ctx: context.Background(), opts: opts}
	ws, _ := an.tokenize(text)
	kgrams := kgramHashes(ws, opts.KGram, nil)
	near := newNearWords(text, ws, kgrams, opts)
	winnow(kgrams, opts.Window, func(pos int) {
		near.winnowed = append(near.winnowed, int32(pos))
	})
	for _, pos := range near.winnowed {
		fps = append(fps, Fingerprint{kgrams[pos], pos, near.around(int(pos))})
	}
	return fps, len(ws)
}

// An Occurrence is one fingerprint of a document: the document's name and
// source ("" where unknown), the position of the fingerprint's first
// word, and its Fingerprint.Near.
type Occurrence struct {
	Doc    string
	Source string
	Pos    int32
	Near   Near
}

// A Seed is a k-gram that two documents share: words I… of document A
// equal words J… of document B, and A sorts before B. NearA and NearB are
// the Near of its occurrences in A and in B: with them, LoneSeed and
// MayRelate tell seeds and pairs that make no passage without the texts.
type Seed struct {
	A, B         string
	I, J         int32
	NearA, NearB Near
}

// A FingerprintGroup gathers the occurrences of one fingerprint hash in
// any order and keeps only what the boilerplate rule can use, so that a
// fingerprint found in every article of an archive costs little memory:
// at most MaxRepeats positions, the first ones, of MaxDocs+1 documents,
// and their sources. It applies the rules of documents and repeats and
// of sources (SourceRepeats); fingerprints that Options.Boilerplate marks
// are not set aside.
type FingerprintGroup struct {
	maxDocs, maxRepeats, sourceRepeats int
	byDoc                              map[string][]Occurrence // sorted by position, at most maxRepeats
	sourceOf                           map[string]string       // each document's source, "" where unknown
	boilerplate                        bool
}

// NewFingerprintGroup returns an empty group under the boilerplate rule of
// opts (MaxDocs, whose default depends on the number of documents
// compared, MaxRepeats and SourceRepeats).
func NewFingerprintGroup(opts Options, docs int) *FingerprintGroup {
	opts = opts.withDefaults()
	return &FingerprintGroup{maxDocs: opts.maxDocs(docs), maxRepeats: opts.MaxRepeats, sourceRepeats: opts.SourceRepeats,
		byDoc: map[string][]Occurrence{}, sourceOf: map[string]string{}}
}

// Add records one occurrence.
func (g *FingerprintGroup) Add(o Occurrence) {
	if g.boilerplate {
		return
	}
	ps, seen := g.byDoc[o.Doc]
	if !seen && len(g.byDoc) == g.maxDocs {
		// One document more than the rule allows: nothing of this
		// fingerprint will seed a pair.
		g.boilerplate = true
		g.byDoc, g.sourceOf = nil, nil
		return
	}
	g.sourceOf[o.Doc] = o.Source
	i, _ := slices.BinarySearchFunc(ps, o.Pos, func(p Occurrence, pos int32) int { return cmp.Compare(p.Pos, pos) })
	if i < g.maxRepeats {
		ps = slices.Insert(ps, i, o)
		g.byDoc[o.Doc] = ps[:min(len(ps), g.maxRepeats)]
	}
}

// Boilerplate reports whether the fingerprint is found in more documents
// than MaxDocs and so seeds nothing.
func (g *FingerprintGroup) Boilerplate() bool { return g.boilerplate }

// BySource reports whether one source repeats the fingerprint across its
// own articles, so that it seeds nothing; it is false for boilerplate,
// which the rule of documents sets aside first, as Analyze does.
func (g *FingerprintGroup) BySource() bool {
	if g.boilerplate {
		return false
	}
	sources := make([]string, 0, len(g.sourceOf))
	for _, s := range g.sourceOf {
		sources = append(sources, s)
	}
	return RepeatedBySource(sources, g.sourceRepeats)
}

// RepeatedBySource reports whether a fingerprint is one outlet's
// boilerplate by Analyze's rule (Options.SourceRepeats): sources holds
// the source of each document that carries it, "" where unknown, and
// one source is that of repeats of them or more, and of more than half.
// A fingerprint of one document is nobody's boilerplate.
func RepeatedBySource(sources []string, repeats int) bool {
	if len(sources) < 2 {
		return false
	}
	ids := map[string]int32{}
	var srcs []int32
	for _, s := range sources {
		if s == "" {
			continue
		}
		id, ok := ids[s]
		if !ok {
			id = int32(len(ids))
			ids[s] = id
		}
		srcs = append(srcs, id)
	}
	_, ok := repeatedBySource(srcs, len(sources), repeats)
	return ok
}

// Seeds returns every pair of occurrences in two different documents that
// the boilerplate rules keep, as Analyze pairs a fingerprint's
// occurrences: nothing for boilerplate or an outlet's own (BySource), and
// at most MaxRepeats occurrences of one document, the first ones.
func (g *FingerprintGroup) Seeds() []Seed {
	var out []Seed
	g.EachSeed(func(s Seed) { out = append(out, s) })
	return out
}

// EachSeed calls each with every seed that Seeds returns, in the same
// order, without holding them all: a stock phrase that a thousand
// articles of an archive carry makes half a million seeds.
func (g *FingerprintGroup) EachSeed(each func(Seed)) {
	if g.boilerplate || len(g.byDoc) < 2 || g.BySource() {
		return
	}
	names := make([]string, 0, len(g.byDoc))
	for name := range g.byDoc {
		names = append(names, name)
	}
	slices.Sort(names)
	// The run as Analyze's index holds it, sorted by document and
	// position, with documents numbered in order of name; capRun then
	// applies the same rule to it.
	type numbered struct {
		doc int32
		o   Occurrence
	}
	var run []numbered
	for d, name := range names {
		for _, o := range g.byDoc[name] {
			run = append(run, numbered{int32(d), o})
		}
	}
	group, ok := capRun(run, func(f numbered) int32 { return f.doc }, g.maxDocs, g.maxRepeats, nil)
	if !ok {
		return
	}
	for i, f := range group {
		for _, h := range group[i+1:] {
			if h.doc != f.doc {
				each(Seed{names[f.doc], names[h.doc], f.o.Pos, h.o.Pos, f.o.Near, h.o.Near})
			}
		}
	}
}

// LoneSeed reports whether seed s can be left out of its pair's seeds
// without changing what ComparePair finds: no other seed of the pair
// can chain with it, and on its own it spans fewer than MinWords words on
// a side however extension grows it, so it relates nothing. It reads the
// seed's NearA and NearB, made by Fingerprints with the same opts.
func LoneSeed(s Seed, opts Options) bool {
	o := opts.withDefaults()
	if mayChain(s, o) {
		return false
	}
	r := region{a0: int(s.I), a1: int(s.I) + o.KGram, b0: int(s.J), b1: int(s.J) + o.KGram}
	return !mayRelate(r, s, s, o)
}

// MayRelate reports whether ComparePair may find a passage from seeds,
// told from their NearA and NearB, made by Fingerprints with the same
// opts, without the two texts: when it is false, ComparePair finds none.
func MayRelate(seeds []Seed, opts Options) bool {
	o := opts.withDefaults()
	at := make(map[[2]int32]int, len(seeds))
	for n, s := range seeds {
		at[[2]int32{s.I, s.J}] = n
	}
	// chainSeeds does not say which seeds a region chains; its first
	// seed starts it and its last seed ends it on both sides, as each
	// seed of a chain lies after the one before it on both sides.
	for _, r := range chainsOf(seeds, o) {
		first, ok1 := at[[2]int32{int32(r.a0), int32(r.b0)}]
		last, ok2 := at[[2]int32{int32(r.a1 - o.KGram), int32(r.b1 - o.KGram)}]
		if !ok1 || !ok2 || mayRelate(r, seeds[first], seeds[last], o) {
			return true
		}
	}
	return false
}

// Marked returns whether a fingerprint's hash is a k-gram of one of the
// texts opts.Boilerplate marks: Analyze sets such a fingerprint aside
// before any other rule, and it seeds nothing.
func Marked(opts Options) func(hash uint64) bool {
	an := &analysis{opts: opts.withDefaults()}
	marked := an.markedHashes()
	return func(hash uint64) bool { return sortedHas(marked, hash) }
}

// A WordRange is a passage's range of words on both sides of a pair:
// words [A0, A1) of document A and [B0, B1) of document B.
type WordRange struct {
	A0, A1, B0, B1 int
	Kind           Kind
}

// A Comparison is what two documents share: the Pair, with A 0 and B 1
// standing for the two documents, and each passage's word range, for the
// reused shares.
type Comparison struct {
	Pair   Pair
	Ranges []WordRange
}

// ComparePair finds the copied passages of documents a and b from the
// seeds they share, as Analyze does with Options.NoRewritten and
// AllPairs, whatever
// other documents Analyze would have been given. a must be the document
// whose name sorts first, as in every seed. ok is false when the two
// share no passage. A done ctx stops the comparison with its error.
func ComparePair(ctx context.Context, a, b Document, seeds []Seed, opts Options) (c Comparison, ok bool, err error) {
	return compareDocuments(ctx, a, b, seeds, nil, opts)
}

// compareDocuments is ComparePair, and with sentences, those of the
// rewritten passages too (CompareRewritten).
func compareDocuments(ctx context.Context, a, b Document, seeds []Seed, sentences *PairSentences, opts Options) (c Comparison, ok bool, err error) {
	opts = opts.withDefaults()
	docs := []Document{a, b}
	an := &analysis{ctx: ctx, opts: opts, docs: docs, words: make([][]token, 2),
		kgrams: make([][]uint64, 2), grams: make([][]gram, 2)}
	an.marked = an.markedHashes()
	for d, doc := range docs {
		if an.words[d], err = an.tokenize(doc.Text); err != nil {
			return Comparison{}, false, err
		}
		an.kgrams[d] = kgramHashes(an.words[d], opts.KGram, nil)
	}
	// Analyze's seeds come sorted by position.
	ss := make([]seed, len(seeds))
	for n, s := range seeds {
		ss[n] = seed{0, 1, s.I, s.J}
	}
	sortSeeds(ss)
	al := newAligner(opts.DiffTimeout)
	var cands []candidate
	if len(ss) > 0 {
		cands = an.comparePair(al, 0, 1, ss)
	}
	if sentences != nil {
		cands = an.rewritesOf(al, ss, sentences, cands)
	}
	if len(cands) == 0 {
		return Comparison{}, false, ctx.Err()
	}
	quoted := [][]bool{quotedWords(a.Text, an.words[0], nil), quotedWords(b.Text, an.words[1], nil)}
	c.Pair = newPair(0, 1, cands, quoted, len(an.words[0])+len(an.words[1]))
	for _, cand := range cands {
		w := cand.words
		c.Ranges = append(c.Ranges, WordRange{w.a0, w.a1, w.b0, w.b1, cand.p.Kind})
	}
	return c, true, nil
}

// A Covered is one side of a passage in a document: its words [W0, W1).
type Covered struct {
	W0, W1 int
	Kind   Kind
}

// Summarise describes doc in a report: its size and the shares of its
// words that lie in a passage (Reused) and in a rewritten passage only
// (Rewritten), given every passage's side in it from every pair, in any
// order. Words is its number of words, as Fingerprints counts them.
func Summarise(doc Document, words int, covered []Covered) DocumentSummary {
	r := &Report{Documents: []DocumentSummary{{Name: doc.Name, Title: doc.Title, Source: doc.Source,
		Published: doc.Published, URL: doc.URL, Bytes: len(doc.Text), Words: words}}}
	cs := make([]coverage, len(covered))
	for n, c := range covered {
		cs[n] = coverage{doc: 0, w0: c.W0, w1: c.W1, pair: n / 2, n: n, kind: c.Kind}
	}
	// summarise counts the words of each document and reads the offsets
	// of family members from them; one document has no family, so tokens
	// without offsets stand in for its words.
	summarise(r, [][]token{make([]token, words)}, cs)
	return r.Documents[0]
}

// sortSeeds sorts the seeds of one pair by position, as Analyze's come.
func sortSeeds(ss []seed) {
	slices.SortFunc(ss, func(p, q seed) int {
		return cmp.Compare(uint64(p.i)<<32|uint64(p.j), uint64(q.i)<<32|uint64(q.j))
	})
}
