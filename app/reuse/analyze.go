package reuse

import (
	"cmp"
	"context"
	"slices"
	"time"
)

// A Document is one article to compare.
type Document struct {
	Name string
	Text string
}

// Options holds the engine's thresholds. A zero field takes its default,
// listed with each field; DefaultOptions returns them all.
type Options struct {
	// KGram is the number of consecutive words hashed into one
	// fingerprint. Default 4. Smaller finds shorter matches and more
	// coincidences; 4 keeps following a passage where a copy desk, or a
	// plagiarist, changed every fifth word.
	KGram int
	// Window is the winnowing window, in k-grams. Default 5. Any verbatim
	// run of KGram+Window-1 words (8 by default) is certain to share a
	// fingerprint and so to be found.
	Window int
	// MinWords is the fewest words two sides must have in common for a
	// passage to be reported. Default 8: "Secretary of State Rex
	// Tillerson" on its own is a coincidence of news, not reuse.
	MinWords int
	// MaxGap is how many words of edits may separate two matches for them
	// to stay in one passage. Default 30: about a sentence inserted or
	// rewritten by a copy desk.
	MaxGap int
	// MaxTrim is how many words a copy desk may have cut from the middle
	// of a passage, while the copy runs on without a break, for the two
	// parts to stay one passage. Default 150: a paragraph or two.
	MaxTrim int
	// MaxSkip is the imperfection budget of extension: the most words,
	// on both sides together, that growing a passage may step over at once
	// to reach text that matches again. Default 6.
	MaxSkip int
	// MaxDocs treats a fingerprint found in more than this many documents
	// as boilerplate that seeds nothing. Default 100.
	MaxDocs int
	// MaxRepeats caps how often one fingerprint counts within a document.
	// Default 8. It keeps a word repeated 200,000 times from turning into
	// billions of candidate matches.
	MaxRepeats int
	// MinSimilarity is how alike two sentences must be to seed a
	// rewritten passage, and two fragments to stay one: the cosine of
	// their weighted stems and, for sentences, the Dice coefficient of
	// their sets of stems. Default 0.33, as in Sanchez-Perez et al. (CLEF
	// 2015).
	MinSimilarity float64
	// SentenceGap is how many sentences may separate two similar
	// sentence pairs, on each side, for them to stay in one rewritten
	// passage. Default 4.
	SentenceGap int
	// SummaryGap is the same gap on the long side of a summary, where a
	// few sentences condense many. Default 24.
	SummaryGap int
	// NoRewritten finds copied passages only, as wirediff did before it
	// looked for rewritten ones.
	NoRewritten bool
	// DiffTimeout bounds each passage's word alignment. Default 250ms;
	// negative means no bound. A passage of a few hundred words aligns in
	// well under a millisecond, so the bound only matters for pathological
	// input, where go-diff then returns a coarser alignment that still
	// accounts for every word.
	DiffTimeout time.Duration
	// Progress, if set, is called about a hundred times in a run, from the
	// goroutine that runs Analyze, with the work done so far out of a total
	// that stays fixed for the run, so a caller can show progress and yield
	// to a user interface. The last call has done == total.
	Progress func(done, total int)
}

// DefaultOptions returns the options Analyze uses for zero fields.
func DefaultOptions() Options {
	return Options{
		KGram:         4,
		Window:        5,
		MinWords:      8,
		MaxGap:        30,
		MaxTrim:       150,
		MaxSkip:       6,
		MaxDocs:       100,
		MaxRepeats:    8,
		MinSimilarity: 0.33,
		SentenceGap:   4,
		SummaryGap:    24,
		DiffTimeout:   250 * time.Millisecond,
	}
}

func (o Options) withDefaults() Options {
	d := DefaultOptions()
	set := func(v *int, def int) {
		if *v <= 0 {
			*v = def
		}
	}
	set(&o.KGram, d.KGram)
	set(&o.Window, d.Window)
	set(&o.MinWords, d.MinWords)
	set(&o.MaxGap, d.MaxGap)
	set(&o.MaxTrim, d.MaxTrim)
	set(&o.MaxSkip, d.MaxSkip)
	set(&o.MaxDocs, d.MaxDocs)
	set(&o.MaxRepeats, d.MaxRepeats)
	set(&o.SentenceGap, d.SentenceGap)
	set(&o.SummaryGap, d.SummaryGap)
	if o.MinSimilarity <= 0 {
		o.MinSimilarity = d.MinSimilarity
	}
	switch {
	case o.DiffTimeout == 0:
		o.DiffTimeout = d.DiffTimeout
	case o.DiffTimeout < 0:
		o.DiffTimeout = 0 // go-diff's "no deadline"
	}
	return o
}

// Analyze finds every passage that two or more of docs share and
// summarises them. It returns an error only if ctx is done first. Fewer
// than two documents give a report with no pairs.
func Analyze(ctx context.Context, docs []Document, opts Options) (*Report, error) {
	opts = opts.withDefaults()
	words := make([][]token, len(docs))
	a := &analysis{ctx: ctx, opts: opts, docs: docs, words: words,
		kgrams: make([][]uint64, len(docs)), grams: make([][]gram, len(docs))}

	// Reading the documents is the first phase of the progress, comparing
	// the related pairs the second; their number is known only after it.
	// Its units are bytes, so that one huge paste reports progress too.
	totalBytes := 0
	for _, doc := range docs {
		totalBytes += len(doc.Text)
	}
	a.phase(0, totalBytes+len(docs), progressRead)
	// Allocate for the likely sizes at once: about one word in six
	// bytes, and winnowing keeps about 2/(Window+1) of the k-grams.
	x := make(index, 0, totalBytes/6*2/(opts.Window+1)+16)
	for d, doc := range docs {
		var err error
		if words[d], err = a.tokenize(doc.Text); err != nil {
			return nil, err
		}
		kgrams := kgramHashes(words[d], opts.KGram, make([]uint64, 0, max(len(words[d])-opts.KGram+1, 0)))
		a.kgrams[d] = kgrams
		winnow(kgrams, opts.Window, func(pos int) {
			x = append(x, fingerprint{kgrams[pos], int32(d), int32(pos)})
		})
		if err := a.step(); err != nil {
			return nil, err
		}
	}
	x.sort()
	seeds := x.seeds(opts.MaxDocs, opts.MaxRepeats)
	x = nil

	// The similar sentences that rewritten passages grow from.
	quoted := make([][]bool, len(docs))
	var similar []sentencePair
	if !opts.NoRewritten {
		texts := make([]string, len(docs))
		langs := make([]*language, len(docs))
		for d, doc := range docs {
			texts[d] = doc.Text
			langs[d] = detectLanguage(doc.Text, words[d])
			quoted[d] = quotedWords(doc.Text, words[d], nil)
		}
		a.sentences = buildSentenceIndex(texts, words, quoted, langs, newTermer())
		a.langs = langs
		similar = a.sentences.similar(min(opts.MinSimilarity, summarySimilarity), maxRewriteDocs, opts.MaxRepeats)
	}

	// Split the seeds of both kinds by pair of documents.
	var pairs []pairWork
	strict := make([]sentenceSeed, 0, len(similar))
	loose := make([]sentenceSeed, 0, len(similar))
	for start, k := 0, 0; start < len(seeds) || k < len(similar); {
		var w pairWork
		switch {
		case k == len(similar):
			w.a, w.b = int(seeds[start].a), int(seeds[start].b)
		case start == len(seeds):
			w.a, w.b = a.sentenceDocs(similar[k])
		default:
			w.a, w.b = int(seeds[start].a), int(seeds[start].b)
			if sa, sb := a.sentenceDocs(similar[k]); sa < w.a || sa == w.a && sb < w.b {
				w.a, w.b = sa, sb
			}
		}
		end := start
		for end < len(seeds) && int(seeds[end].a) == w.a && int(seeds[end].b) == w.b {
			end++
		}
		w.seeds, start = seeds[start:end], end
		// The pair's sentence seeds go into two shared slices, so that
		// tens of thousands of pairs with a coincidental sentence or two
		// cost no allocation of their own.
		strict0, loose0 := len(strict), len(loose)
		for ; k < len(similar); k++ {
			if sa, sb := a.sentenceDocs(similar[k]); sa != w.a || sb != w.b {
				break
			}
			s := similar[k]
			seed := sentenceSeed{s.s - a.sentences.first[w.a], s.t - a.sentences.first[w.b], s.sim}
			if float64(s.sim) >= opts.MinSimilarity && float64(s.dice) >= opts.MinSimilarity {
				strict = append(strict, seed)
			}
			if s.sim >= summarySimilarity {
				loose = append(loose, seed)
			}
		}
		w.similar = strict[strict0:len(strict):len(strict)]
		w.loose = loose[loose0:len(loose):len(loose)]
		if len(w.seeds) > 0 || w.mayRewrite(opts) {
			pairs = append(pairs, w)
		}
	}
	a.phase(progressRead, len(pairs), progressTotal-progressRead)

	r := &Report{Documents: make([]DocumentSummary, len(docs)), Pairs: []Pair{}, Families: []Family{}}
	al := newAligner(opts.DiffTimeout)
	var covered []coverage
	for _, w := range pairs {
		da, db := w.a, w.b
		for _, d := range []int{da, db} {
			if quoted[d] == nil {
				quoted[d] = quotedWords(docs[d].Text, words[d], nil)
			}
		}
		var cands []candidate
		if len(w.seeds) > 0 {
			cands = a.comparePair(al, da, db, w.seeds)
		}
		if w.mayRewrite(opts) {
			cands = a.rewrites(al, da, db, w, cands)
		}
		if len(cands) > 0 {
			pair := newPair(da, db, cands, quoted, len(words[da])+len(words[db]))
			r.Pairs = append(r.Pairs, pair)
			for n, c := range cands {
				covered = append(covered,
					coverage{da, c.words.a0, c.words.a1, len(r.Pairs) - 1, n, c.p.Kind},
					coverage{db, c.words.b0, c.words.b1, len(r.Pairs) - 1, n, c.p.Kind})
			}
		}
		if err := a.step(); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(r.Pairs, func(p, q Pair) int {
		if c := cmp.Compare(q.SharedWords, p.SharedWords); c != 0 {
			return c
		}
		if c := cmp.Compare(p.A, q.A); c != 0 {
			return c
		}
		return cmp.Compare(p.B, q.B)
	})

	for d, doc := range docs {
		r.Documents[d] = DocumentSummary{Name: doc.Name, Bytes: len(doc.Text), Words: len(words[d])}
	}
	summarise(r, words, covered)
	a.report(progressTotal)
	return r, nil
}

// analysis carries the state of one call to Analyze.
type analysis struct {
	ctx    context.Context
	opts   Options
	docs   []Document
	words  [][]token
	kgrams [][]uint64 // every k-gram of each document
	grams  [][]gram   // the same sorted by hash, built on demand
	dense  []seed     // buffer for denseSeeds

	sentences    *sentenceIndex
	langs        []*language // each document's, for rewritten passages
	fragA, fragB []weighted  // buffers for fragmentSimilarity
	lcsRow       []int32     // buffer for commonSubsequence

	// Progress: the current phase maps its units onto [base, base+span)
	// of progressTotal.
	base, span, units, done int
	reported                int
}

const (
	progressTotal = 1000
	progressRead  = 300 // reading and indexing the documents
)

// phase starts a phase of progress with the given units of work.
func (a *analysis) phase(base, units, span int) {
	a.base, a.units, a.span, a.done = base, units, span, 0
}

// tokenize splits text into words in chunks of about 64 KB cut at white
// space, recording each chunk as work done.
func (a *analysis) tokenize(text string) ([]token, error) {
	const chunk = 64 << 10
	words := make([]token, 0, len(text)/6+1)
	for from := 0; from < len(text); {
		to := min(from+chunk, len(text))
		for to < len(text) && !isBreak(text[to]) {
			to++
		}
		words = tokenizeRange(text, from, to, words)
		if err := a.advance(to - from); err != nil {
			return nil, err
		}
		from = to
	}
	return words, nil
}

func isBreak(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

// step records one unit of work done.
func (a *analysis) step() error { return a.advance(1) }

// advance records n units of work done, reports progress when it has
// moved by a hundredth, and stops the run when ctx is done.
func (a *analysis) advance(n int) error {
	a.done += n
	if now := a.base + a.span*a.done/max(a.units, 1); now-a.reported >= progressTotal/100 {
		a.report(now)
	}
	return a.ctx.Err()
}

func (a *analysis) report(done int) {
	a.reported = done
	if a.opts.Progress != nil {
		a.opts.Progress(done, progressTotal)
	}
}

// pairWork is what one pair of documents da < db shares: the k-grams
// (winnowed) that copied passages grow from, and the similar sentences
// that rewritten passages grow from.
type pairWork struct {
	a, b    int
	seeds   []seed
	similar []sentenceSeed
	// loose holds the sentence pairs alike enough to be part of a
	// summary, similar among them.
	loose []sentenceSeed
}

// mayRewrite reports whether the pair's similar sentences can make a
// rewritten passage at all: two seeds, or a lone one close enough to
// stand alone, or enough loose pairs for a summary. Most pairs of a large
// corpus share one coincidental sentence pair and are passed over here.
func (w *pairWork) mayRewrite(o Options) bool {
	return len(w.similar) > 1 || len(w.loose) >= minSummarySentences ||
		len(w.similar) == 1 && float64(w.similar[0].sim) >= o.MinSimilarity+loneExtra
}

// sentenceDocs returns the documents of a pair of similar sentences.
func (a *analysis) sentenceDocs(p sentencePair) (int, int) {
	return int(a.sentences.docOf[p.s]), int(a.sentences.docOf[p.t])
}

// newPair makes the pair of documents da < db from its passages.
func newPair(da, db int, cands []candidate, quoted [][]bool, words int) Pair {
	pair := Pair{A: da, B: db, Passages: make([]Passage, len(cands))}
	for n, c := range cands {
		c.p.Quote = mostlyQuoted(quoted[da][c.words.a0:c.words.a1]) || mostlyQuoted(quoted[db][c.words.b0:c.words.b1])
		pair.Passages[n] = c.p
		pair.SharedWords += c.p.Words
		if c.p.Kind == Rewritten {
			pair.RewrittenWords += c.p.Words
		}
	}
	if words > 0 {
		pair.Similarity = float64(2*pair.SharedWords) / float64(words)
	}
	return pair
}

// comparePair turns the seeds that documents da < db share into their
// copied passages, sorted by position in da.
func (a *analysis) comparePair(al *aligner, da, db int, seeds []seed) []candidate {
	o := a.opts
	wa, wb := a.words[da], a.words[db]
	ta, tb := a.docs[da].Text, a.docs[db].Text

	// Winnowed seeds decide whether the pair is related at all: only then
	// is it worth matching every k-gram of the two.
	related := false
	for _, r := range chainSeeds(seeds, o.KGram, o.MaxSkip) {
		r = extend(ta, tb, wa, wb, unstraddle(ta, tb, wa, wb, r, o.KGram), o.MaxSkip)
		if r.a1-r.a0 >= o.MinWords && r.b1-r.b0 >= o.MinWords {
			related = true
			break
		}
	}
	if !related {
		return nil
	}
	for _, d := range []int{da, db} {
		if a.grams[d] == nil {
			a.grams[d] = sortedGrams(a.kgrams[d])
		}
	}
	a.dense = denseSeeds(int32(da), int32(db), a.grams[da], a.grams[db], o.MaxRepeats, a.dense)
	regions := chainSeeds(a.dense, o.KGram, o.MaxSkip)
	for n, r := range regions {
		regions[n] = extend(ta, tb, wa, wb, unstraddle(ta, tb, wa, wb, r, o.KGram), o.MaxSkip)
	}
	// Separate first, so that stray short matches inside a passage (a
	// phrase the article repeats) do not stand between its parts when
	// they are merged; then again, for what the merging made overlap.
	regions = separate(regions, o.MinWords)
	regions = mergeRegions(regions, o.MaxSkip, o.MaxGap, o.MaxTrim, o.MinWords)
	for n, r := range regions {
		regions[n] = completeSentences(ta, tb, wa, wb, r, o.MaxSkip, o.MaxGap)
	}
	regions = separate(regions, o.MinWords)

	var cands []candidate
	anchored := false
	for _, r := range regions {
		p, w, run, ok := al.align(ta, tb, wa, wb, r)
		if ok && p.Words >= o.MinWords {
			cands = append(cands, candidate{p, w})
			anchored = anchored || run >= o.MinWords
		}
	}
	// A pair is related only through a verbatim run of MinWords: a few
	// stock phrases in a row ("who was a candidate in the Democratic
	// primary for the 2020 … election") are a coincidence on their own,
	// while next to real reuse they are part of it.
	if !anchored {
		return nil
	}

	// Passages must not overlap on either side: where two do (text that
	// one document repeats), keep the one with more shared words, and of
	// twins that share as many, the closer copy, with the fewest edits
	// between its first and last shared words: a quote an article carries
	// twice, once with a doubled word, pairs with the clean one, whatever
	// the attributions around the two say.
	slices.SortStableFunc(cands, func(p, q candidate) int {
		if c := cmp.Compare(q.p.Words, p.p.Words); c != 0 {
			return c
		}
		return cmp.Compare(interiorEdits(p.p), interiorEdits(q.p))
	})
	kept := cands[:0]
	for _, c := range cands {
		clash := false
		for _, k := range kept {
			if c.words.a0 < k.words.a1 && k.words.a0 < c.words.a1 ||
				c.words.b0 < k.words.b1 && k.words.b0 < c.words.b1 {
				clash = true
				break
			}
		}
		if !clash {
			kept = append(kept, c)
		}
	}
	slices.SortFunc(kept, func(p, q candidate) int { return cmp.Compare(p.words.a0, q.words.a0) })
	for n := range kept {
		kept[n].p.Kind = Copied
	}
	return kept
}

// interiorEdits returns how many bytes the edits between a passage's
// first and last equal runs delete or insert.
func interiorEdits(p Passage) int {
	first, last := -1, -1
	for i, e := range p.Edits {
		if e.Op == Equal {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	n := 0
	for _, e := range p.Edits[max(first, 0):max(last, 0)] {
		if e.Op != Equal {
			n += e.A.Len() + e.B.Len()
		}
	}
	return n
}

// mostlyQuoted reports whether more than half of the words are quoted.
func mostlyQuoted(q []bool) bool {
	n := 0
	for _, b := range q {
		if b {
			n++
		}
	}
	return 2*n > len(q)
}
