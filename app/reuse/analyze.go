package reuse

import (
	"context"
	"slices"
	"time"
)

// A Document is one article to compare. Only Text is compared; the
// rest describes the article in the report and decides the origin and
// credit of a story.
type Document struct {
	// Name identifies the document: a file name, an ID or a title.
	Name string
	// Title, Source (the outlet), Published and URL are the article's
	// metadata where known; the zero value means unknown.
	Title     string
	Source    string
	Published time.Time
	URL       string
	Text      string
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
	x, aside, asideWords := a.setAside(x)
	plan := a.planStories(x)
	var seeds []seed
	if opts.AllPairs {
		seeds = x.seeds(len(docs), opts.MaxRepeats) // setAside applied MaxDocs
	} else {
		seeds = pairSeeds(x, len(docs), plan.pairs, opts.MaxRepeats)
	}
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
		if asideWords != nil {
			// A sentence that is mostly boilerplate pairs with nothing.
			similar = slices.DeleteFunc(similar, func(p sentencePair) bool {
				return a.mostlySetAside(asideWords, p.s) || a.mostlySetAside(asideWords, p.t)
			})
		}
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
			isStrict, isLoose := seedKinds(s.sim, s.dice, opts)
			if isStrict {
				strict = append(strict, seed)
			}
			if isLoose {
				loose = append(loose, seed)
			}
		}
		w.similar = strict[strict0:len(strict):len(strict)]
		w.loose = loose[loose0:len(loose):len(loose)]
		// Members of one story that share no text the origin lacks are
		// each compared with the origin instead.
		if len(w.seeds) > 0 || w.mayRewrite(opts) && (opts.AllPairs || !plan.coMembers(w.a, w.b)) {
			pairs = append(pairs, w)
		}
	}
	a.phase(progressRead, len(pairs), progressTotal-progressRead)

	r := &Report{Documents: make([]DocumentSummary, len(docs)), Pairs: []Pair{}, Families: []Family{}, SetAside: aside}
	al := newAligner(opts.DiffTimeout)
	var covered []coverage
	var spans [][]region // each pair's passages in words, as r.Pairs
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
			ws := make([]region, len(cands))
			for n, c := range cands {
				ws[n] = c.words
			}
			spans = append(spans, ws)
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
	covered = a.finishPairs(r, plan, spans, covered)

	for d, doc := range docs {
		r.Documents[d] = DocumentSummary{Name: doc.Name, Title: doc.Title, Source: doc.Source,
			Published: doc.Published, URL: doc.URL, Bytes: len(doc.Text), Words: len(words[d])}
	}
	summarise(r, words, covered)
	a.report(progressTotal)
	return r, nil
}

// analysis carries the state of one call to Analyze.
type analysis struct {
	ctx   context.Context
	opts  Options
	docs  []Document
	words [][]token
	// wordCounts holds each document's number of words where words is
	// nil: PlanStories plans stories without the texts' words.
	wordCounts []int
	kgrams     [][]uint64 // every k-gram of each document
	grams      [][]gram   // the same sorted by hash, built on demand
	dense      []seed     // buffer for denseSeeds
	// marked holds the sorted hashes of every k-gram of the texts a user
	// marked as boilerplate (Options.Boilerplate).
	marked []uint64

	sentences *sentenceIndex
	langs     []*language // each document's, for rewritten passages
	lcsRow    []int32     // buffer for commonSubsequence

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

// seedKinds reports whether a pair of sentences with cosine sim and
// Dice coefficient dice seeds a rewritten passage (strict) and whether
// it is alike enough to be part of a summary (loose).
func seedKinds(sim, dice float32, o Options) (strict, loose bool) {
	return float64(sim) >= o.MinSimilarity && float64(dice) >= o.MinSimilarity, sim >= summarySimilarity
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
