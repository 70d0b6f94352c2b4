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
		KGram:       4,
		Window:      5,
		MinWords:    8,
		MaxGap:      30,
		MaxTrim:     150,
		MaxSkip:     6,
		MaxDocs:     100,
		MaxRepeats:  8,
		DiffTimeout: 250 * time.Millisecond,
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

	// Split the seeds by pair of documents.
	var pairs [][]seed
	for start := 0; start < len(seeds); {
		end := start + 1
		for end < len(seeds) && seeds[end].a == seeds[start].a && seeds[end].b == seeds[start].b {
			end++
		}
		pairs = append(pairs, seeds[start:end])
		start = end
	}
	a.phase(progressRead, len(pairs), progressTotal-progressRead)

	r := &Report{Documents: make([]DocumentSummary, len(docs)), Pairs: []Pair{}, Families: []Family{}}
	al := newAligner(opts.DiffTimeout)
	quoted := make([][]bool, len(docs))
	var covered []coverage
	for _, ps := range pairs {
		da, db := int(ps[0].a), int(ps[0].b)
		for _, d := range []int{da, db} {
			if quoted[d] == nil {
				quoted[d] = quotedWords(docs[d].Text, words[d], nil)
			}
		}
		pair, ranges := a.comparePair(al, da, db, ps, quoted)
		if len(pair.Passages) > 0 {
			r.Pairs = append(r.Pairs, pair)
			for n, w := range ranges {
				covered = append(covered,
					coverage{da, w.a0, w.a1, len(r.Pairs) - 1, n},
					coverage{db, w.b0, w.b1, len(r.Pairs) - 1, n})
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

// comparePair turns the seeds that documents da < db share into their
// passages, sorted by position in da, and returns each passage's word
// ranges alongside.
func (a *analysis) comparePair(al *aligner, da, db int, seeds []seed, quoted [][]bool) (Pair, []region) {
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
		return Pair{A: da, B: db}, nil
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

	type candidate struct {
		p     Passage
		words region
	}
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
		return Pair{A: da, B: db}, nil
	}

	// Passages must not overlap on either side: where two do (text that
	// one document repeats), keep the one with more shared words.
	slices.SortStableFunc(cands, func(p, q candidate) int { return cmp.Compare(q.p.Words, p.p.Words) })
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

	pair := Pair{A: da, B: db, Passages: make([]Passage, len(kept))}
	ranges := make([]region, len(kept))
	for n, c := range kept {
		c.p.Kind = Copied
		c.p.Quote = mostlyQuoted(quoted[da][c.words.a0:c.words.a1]) || mostlyQuoted(quoted[db][c.words.b0:c.words.b1])
		pair.Passages[n] = c.p
		ranges[n] = c.words
		pair.SharedWords += c.p.Words
	}
	if total := len(wa) + len(wb); total > 0 {
		pair.Similarity = float64(2*pair.SharedWords) / float64(total)
	}
	return pair, ranges
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
