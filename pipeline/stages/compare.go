package stages

import (
	"context"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn4x1[context.Context, Joined, func(string), func(string, reuse.Covered), error](&compareFn{})
	register.Emitter1[string]()
	register.Emitter2[string, reuse.Covered]()
}

// Compare compares each joined pair with the engine's own pair comparison
// (reuse.ComparePair). It returns the pairs that share a passage as JSON
// lines, and each passage's side in each article, keyed by the
// article's ID.
func Compare(s beam.Scope, opts Options, joined beam.PCollection) (pairLines, covered beam.PCollection) {
	s = s.Scope("Compare")
	return beam.ParDo2(s, &compareFn{Opts: opts}, joined)
}

type compareFn struct {
	Opts            Options
	pairs, passages beam.Counter
}

func (fn *compareFn) Setup() {
	fn.pairs = beam.NewCounter(Namespace, CounterPairs)
	fn.passages = beam.NewCounter(Namespace, CounterPassages)
}

func (fn *compareFn) ProcessElement(ctx context.Context, j Joined, emitLine func(string), emitCovered func(string, reuse.Covered)) error {
	c, ok, err := comparePair(ctx, j, fn.Opts)
	if err != nil || !ok {
		return err
	}
	return emitComparison(ctx, fn.pairs, fn.passages, j.A.ID, j.B.ID, c, emitLine, emitCovered)
}

// emitComparison emits the line of pair a, b and each passage's side in
// each article, and counts the pair and its passages.
func emitComparison(ctx context.Context, pairs, passages beam.Counter, a, b string, c reuse.Comparison,
	emitLine func(string), emitCovered func(string, reuse.Covered)) error {
	line, err := pairLine(a, b, c.Pair)
	if err != nil {
		return err
	}
	pairs.Inc(ctx, 1)
	passages.Inc(ctx, int64(len(c.Pair.Passages)))
	emitLine(line)
	for _, r := range c.Ranges {
		emitCovered(a, reuse.Covered{W0: r.A0, W1: r.A1, Kind: r.Kind})
		emitCovered(b, reuse.Covered{W0: r.B0, W1: r.B1, Kind: r.Kind})
	}
	return nil
}

// comparePair compares a joined pair with the engine's own pair
// comparison; ok is false when the two share no passage.
func comparePair(ctx context.Context, j Joined, opts Options) (c reuse.Comparison, ok bool, err error) {
	seeds := make([]reuse.Seed, len(j.I))
	for n := range j.I {
		seeds[n] = reuse.Seed{A: j.A.ID, B: j.B.ID, I: j.I[n], J: j.J[n]}
	}
	c, ok, err = reuse.ComparePair(ctx, j.A.document(), j.B.document(), seeds, opts.engine())
	if err != nil {
		return c, false, fmt.Errorf("comparing %q and %q: %v", j.A.ID, j.B.ID, err)
	}
	return c, ok, nil
}
