package stages

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.Function3x0[string, Work, func(string, Work)](keyWorkByPair)
	register.DoFn4x0[string, func(*Work) bool, func(*string) bool, func(string, Work)](&storyWorkFn{})
	register.DoFn6x1[context.Context, JoinedWork, Groups, func(string, comparedPair), func(string), func(string, reuse.Covered), error](&storyRewrittenFn{})
}

// StoryWork keeps the pairs that stories with rewritten passages compare,
// as Analyze does without AllPairs: the pairs a story plans (plannedPairs,
// from PlanPairs), with their seeds and similar sentences, and the pairs
// that only similar sentences link, without seeds (Analyze gives seeds to
// the planned pairs only), where those may make a rewritten passage.
// Whether the two of such a pair are members of one story, and so not
// compared, is known only to their group's plan: FinishStories decides.
// work comes from PairWork; it returns the pairs keyed by article A.
func StoryWork(s beam.Scope, opts Options, work, plannedPairs beam.PCollection) beam.PCollection {
	s = s.Scope("StoryWork")
	byPair := beam.ParDo(s, keyWorkByPair, work)
	return beam.ParDo(s, &storyWorkFn{Opts: opts}, beam.CoGroupByKey(s, byPair, plannedPairs))
}

func keyWorkByPair(_ string, w Work, emit func(string, Work)) { emit(pairKey(w.A, w.B), w) }

type storyWorkFn struct{ Opts Options }

func (fn *storyWorkFn) ProcessElement(_ string, works func(*Work) bool, groups func(*string) bool, emit func(string, Work)) {
	var w Work
	if !works(&w) {
		return // planned, but neither seeds nor sentences can make a passage
	}
	var g string
	if w.Planned = groups(&g); !w.Planned {
		w.I, w.J = nil, nil
		if !reuse.MayRewrite(w.Similar, fn.Opts.engine()) {
			return
		}
	}
	emit(w.A, w)
}

// CompareRewrittenForStories compares each joined pair with both kinds of
// seeds (reuse.CompareRewritten). It keys by group, for FinishStories,
// the planned pairs and those whose articles lie in one group; the others
// belong to no story and are written as they are: it returns their pair
// lines and their passages' sides, as Compare does.
func CompareRewrittenForStories(s beam.Scope, opts Options, joined, groups beam.PCollection) (compared, pairLines, covered beam.PCollection) {
	s = s.Scope("CompareRewrittenForStories")
	return beam.ParDo3(s, &storyRewrittenFn{Opts: opts}, joined, beam.SideInput{Input: groups})
}

type storyRewrittenFn struct {
	Opts                       Options
	pairs, passages, rewritten beam.Counter
}

func (fn *storyRewrittenFn) Setup() {
	fn.pairs = beam.NewCounter(Namespace, CounterPairs)
	fn.passages = beam.NewCounter(Namespace, CounterPassages)
	fn.rewritten = beam.NewCounter(Namespace, CounterRewritten)
}

func (fn *storyRewrittenFn) ProcessElement(ctx context.Context, j JoinedWork, groups Groups, emitCompared func(string, comparedPair),
	emitLine func(string), emitCovered func(string, reuse.Covered)) error {
	w := j.Work
	c, ok, err := compareJoined(ctx, j, fn.Opts)
	if err != nil || !ok {
		return err
	}
	ga, inA := groups.Of[w.A]
	gb, inB := groups.Of[w.B]
	if !w.Planned && (!inA || !inB || ga != gb) {
		fn.rewritten.Inc(ctx, int64(countRewritten(c.Ranges)))
		return emitComparison(ctx, fn.pairs, fn.passages, w.A, w.B, c, emitLine, emitCovered)
	}
	line, err := pairLine(w.A, w.B, c.Pair)
	if err != nil {
		return err
	}
	emitCompared(ga, comparedPair{w.A, w.B, line, c.Pair.SharedWords, c.Ranges, !w.Planned})
	return nil
}
