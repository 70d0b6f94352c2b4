package stages

import (
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn4x0[Article, func(uint64, reuse.TermStats), func(int), func(uint64, uint8)](&termsFn{})
	register.Emitter2[uint64, reuse.TermStats]()
	register.Emitter1[int]()
	register.Emitter2[uint64, uint8]()
	register.Function2x1[reuse.TermStats, reuse.TermStats, reuse.TermStats](mergeTermStats)
	register.Function2x1[uint8, uint8, uint8](orCases)
	register.Function3x0[uint64, uint8, func(uint64)](keepLowered)
	register.Emitter1[uint64]()
	register.DoFn9x1[string, func(*Article) bool, func(*reuse.AsideMark) bool, func(*reuse.TermStats) bool, int, int, func(*uint64) bool, func(*int) bool, func(string, Sentenced), error](&sentencesFn{})
	register.Iter1[reuse.AsideMark]()
	register.Iter1[reuse.TermStats]()
	register.Iter1[uint64]()
	register.Emitter2[string, Sentenced]()
	register.Emitter2[string, reuse.AsideMark]()
}

// Terms reads each article's terms, as rewritten passages weigh them,
// and counts them over all articles: it returns each term's counts
// (reuse.TermStats, one a term), the number of sentences of all articles
// (a singleton), and the words that some article capitalises and some
// writes in lower case, so are no names.
//
// Counting is a combine by term; the counts then reach every worker of
// the Sentences stage whole, as a side input: a term's weight depends on
// the number of articles and sentences that carry it, and its rank on the
// weights of all the others.
func Terms(s beam.Scope, opts Options, articles beam.PCollection) (termStats, sentences, lowered beam.PCollection) {
	s = s.Scope("Terms")
	counts, perArticle, cases := beam.ParDo3(s, &termsFn{Opts: opts}, articles)
	termStats = beam.DropKey(s, beam.CombinePerKey(s, mergeTermStats, counts))
	sentences = stats.Sum(s, perArticle)
	lowered = beam.ParDo(s, keepLowered, beam.CombinePerKey(s, orCases, cases))
	return termStats, sentences, lowered
}

// The case of a word, as bits: written in lower case, capitalised.
const (
	caseLower uint8 = 1 << iota
	caseUpper
)

// termsFn counts the terms and cases of a bundle's articles in memory
// and emits each term's and each word's sum once, at the bundle's end,
// where it emitted one count an article and term: CombinePerKey's own
// combining before the shuffle keeps 2,000 keys (Beam's lifting cache,
// evicted at random), and the thousands of terms of an archive missed it
// nearly every time, so that at 100,000 articles prism held some 14
// million counts, an element each, waiting for the combine. A bundle
// holds one count a distinct term and word: the archive's vocabulary.
type termsFn struct {
	Opts  Options
	terms map[uint64]reuse.TermStats
	cases map[uint64]uint8
}

func (fn *termsFn) StartBundle(func(uint64, reuse.TermStats), func(int), func(uint64, uint8)) {
	fn.terms, fn.cases = map[uint64]reuse.TermStats{}, map[uint64]uint8{}
}

func (fn *termsFn) ProcessElement(a Article, _ func(uint64, reuse.TermStats), emitSentences func(int), _ func(uint64, uint8)) {
	dt := reuse.CountTerms(a.Text, fn.Opts.engine())
	emitSentences(dt.Sentences)
	for _, c := range dt.Terms {
		stats := reuse.NewTermStats(a.ID, c)
		if sum, ok := fn.terms[c.Term]; ok {
			stats = sum.Merge(stats)
		}
		fn.terms[c.Term] = stats
	}
	for _, c := range dt.Cases {
		var bits uint8
		if c.Lower {
			bits |= caseLower
		}
		if c.Upper {
			bits |= caseUpper
		}
		fn.cases[c.Word] |= bits
	}
}

func (fn *termsFn) FinishBundle(emitTerm func(uint64, reuse.TermStats), _ func(int), emitCase func(uint64, uint8)) {
	for term, stats := range fn.terms {
		emitTerm(term, stats)
	}
	for word, bits := range fn.cases {
		emitCase(word, bits)
	}
	fn.terms, fn.cases = nil, nil
}

func mergeTermStats(a, b reuse.TermStats) reuse.TermStats { return a.Merge(b) }

func orCases(a, b uint8) uint8 { return a | b }

// keepLowered keeps the words both capitalised and written in lower case:
// only a capitalised word can be a name, and one that some article writes
// in lower case is none.
func keepLowered(word uint64, bits uint8, emit func(uint64)) {
	if bits == caseLower|caseUpper {
		emit(word)
	}
}

// A Sentenced is an article with its sentences as vectors of weighted
// terms.
type Sentenced struct {
	Article   Article
	Sentences reuse.DocumentSentences
}

// Sentences turns each article's sentences into vectors of terms weighed
// over all articles (reuse.TermTable), marking those that lie mostly in
// text set aside as boilerplate (aside, keyed by article ID, from
// AsideMarks). byID holds the articles keyed by ID; termStats, sentences
// and lowered come from Terms, and articles is the number of articles.
// The stage waits for after (a Barrier), so that it runs apart from
// another big stage. It returns the articles with their sentences, keyed
// by ID.
//
// Each worker holds the term table, one entry a distinct term of the
// whole collection.
func Sentences(s beam.Scope, opts Options, byID, aside, termStats, sentences, articles, lowered, after beam.PCollection) beam.PCollection {
	s = s.Scope("Sentences")
	return beam.ParDo(s, &sentencesFn{Opts: opts}, beam.CoGroupByKey(s, byID, aside),
		beam.SideInput{Input: termStats}, beam.SideInput{Input: sentences}, beam.SideInput{Input: articles},
		beam.SideInput{Input: lowered}, beam.SideInput{Input: after})
}

type sentencesFn struct {
	Opts Options
	// The side inputs are the same for every article: the table and the
	// words are built once a worker.
	table *reuse.TermTable
	lower map[uint64]bool
}

func (fn *sentencesFn) ProcessElement(id string, articles func(*Article) bool, marks func(*reuse.AsideMark) bool,
	termStats func(*reuse.TermStats) bool, sentences, docs int, lowered func(*uint64) bool, _ func(*int) bool, emit func(string, Sentenced)) error {
	a, ok, err := theArticle(id, articles)
	if err != nil || !ok {
		return err
	}
	if fn.table == nil {
		var all []reuse.TermStats
		var ts reuse.TermStats
		for termStats(&ts) {
			all = append(all, ts)
		}
		fn.table = reuse.NewTermTable(all, sentences, docs)
		fn.lower = map[uint64]bool{}
		var w uint64
		for lowered(&w) {
			fn.lower[w] = true
		}
	}
	var ms []reuse.AsideMark
	var m reuse.AsideMark
	for marks(&m) {
		ms = append(ms, m)
	}
	ds, err := fn.table.Sentences(a.Text, func(w uint64) bool { return fn.lower[w] }, ms, fn.Opts.engine())
	if err != nil {
		return fmt.Errorf("article %q: %v", id, err)
	}
	emit(id, Sentenced{Article: a, Sentences: ds})
	return nil
}

// AsideMarks reads the fingerprints of each hash (from
// FingerprintShards), as Seeds does, and emits
// each occurrence of those set aside as boilerplate (marked, widespread
// or repeated by a source), keyed by article ID
// (reuse.AsideMark): a sentence that lies mostly in them seeds no
// rewritten passage. A group holds the first position in each of at most
// MaxDocs+1 articles; beyond, the fingerprint is boilerplate and each
// occurrence is emitted as it comes. It is FingerprintPass making marks
// alone.
func AsideMarks(s beam.Scope, opts Options, shards, articles beam.PCollection) beam.PCollection {
	_, _, marks := FingerprintPass(s.Scope("AsideMarks"), opts, Reads{AsideMarks: true}, shards, articles)
	return marks
}

// asideMarks emits the marks of one fingerprint's occurrences.
func asideMarks(hash uint64, occurrences []reuse.Occurrence, opts reuse.Options, articles int, marked func(hash uint64) bool, emit func(string, reuse.AsideMark)) {
	first := map[string]int32{}
	if marked(hash) {
		// Marked text is set aside before any other rule, even in one
		// article.
		for _, o := range occurrences {
			if p, ok := first[o.Doc]; !ok || o.Pos < p {
				first[o.Doc] = o.Pos
			}
		}
		for doc, pos := range first {
			emit(doc, reuse.AsideMark{Hash: hash, Pos: pos, Group: reuse.AsideMarked})
		}
		return
	}
	g := reuse.NewFingerprintGroup(opts, articles)
	for _, o := range occurrences {
		g.Add(o)
		switch {
		case g.Boilerplate() && first != nil:
			for doc, pos := range first {
				emit(doc, reuse.AsideMark{Hash: hash, Pos: pos, Group: g.AsideReason()})
			}
			first = nil
			fallthrough
		case g.Boilerplate():
			emit(o.Doc, reuse.AsideMark{Hash: hash, Pos: o.Pos, Group: g.AsideReason()})
		default:
			if p, ok := first[o.Doc]; !ok || o.Pos < p {
				first[o.Doc] = o.Pos
			}
		}
	}
	if reason := g.AsideReason(); reason != "" && first != nil {
		for doc, pos := range first {
			emit(doc, reuse.AsideMark{Hash: hash, Pos: pos, Group: reason})
		}
	}
}
