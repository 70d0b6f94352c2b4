package stages

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/typex"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.Function2x0[beam.X, func(int)](noneOf)
	register.Function3x0[beam.X, beam.Y, func(int)](noneOfKV)
}

// Barrier returns an empty collection that is complete once each of cols
// is. A stage that takes it as a side input, unread, waits until the
// stages that make cols are done: the runner schedules a stage only once
// its side inputs are complete. prism runs up to eight stages at once,
// whatever the cores, and a stage holds its whole input, encoded several
// times over, while it runs; a barrier keeps two big stages apart (README,
// "Scale"). With no cols, the barrier holds nothing back.
func Barrier(s beam.Scope, cols ...beam.PCollection) beam.PCollection {
	s = s.Scope("Barrier")
	if len(cols) == 0 {
		return beam.CreateList(s, []int{})
	}
	var done []beam.PCollection
	for _, c := range cols {
		if typex.IsKV(c.Type()) {
			done = append(done, beam.ParDo(s, noneOfKV, c))
		} else {
			done = append(done, beam.ParDo(s, noneOf, c))
		}
	}
	if len(done) == 1 {
		return done[0]
	}
	return beam.Flatten(s, done...)
}

func noneOf(beam.X, func(int)) {}

func noneOfKV(beam.X, beam.Y, func(int)) {}
