package reuse

import "time"

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
	// copied passage to be reported. Default 8: "Secretary of State Rex
	// Tillerson" on its own is a coincidence of news, not reuse. A
	// rewritten passage needs 1.5·MinWords stems in common instead,
	// counted before its diff, which may keep fewer words (MinWords
	// words where there are no stems).
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
	// as boilerplate that seeds nothing. Default: nine in ten of the
	// documents, and never fewer than 100, so that an agency story carried
	// by hundreds of outlets is reported while a footer that nearly every
	// article of a large archive carries is set aside.
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
	// SourceRepeats sets aside a fingerprint that this many articles of
	// one source (Document.Source) carry, when they are more than half of
	// the articles that carry it: an outlet's sign-off or newsletter box,
	// not a story. Default 3: two versions of one agency story, both from
	// the agency, are a story.
	SourceRepeats int
	// Boilerplate lists texts to set aside wherever they occur, as a user
	// marks them: any k-gram of one of them seeds nothing.
	Boilerplate []string
	// AllPairs compares every pair of documents that share text, as
	// wirediff did before it grouped documents into stories. By default a
	// story's copies are each compared with its origin only, and two copies
	// with each other only where they share text the origin lacks, so the
	// cost follows the number of copies rather than its square.
	AllPairs bool
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
		MaxDocs:       0, // nine in ten of the documents, at least 100: see maxDocs
		SourceRepeats: 3,
		MaxRepeats:    8,
		MinSimilarity: 0.33,
		SentenceGap:   4,
		SummaryGap:    24,
		DiffTimeout:   250 * time.Millisecond,
	}
}

// maxDocs returns the MaxDocs that applies to n documents.
func (o Options) maxDocs(n int) int {
	if o.MaxDocs > 0 {
		return o.MaxDocs
	}
	return max(minMaxDocs, n*9/10)
}

// minMaxDocs is the smallest default MaxDocs: in a small collection a
// text carried by nearly every article is more likely a story everyone
// ran than a footer.
const minMaxDocs = 100

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
	set(&o.SourceRepeats, d.SourceRepeats)
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
