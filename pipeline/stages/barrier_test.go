package stages

import (
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
)

func init() {
	register.Function3x0[string, func(*int) bool, func(string)](passAfter)
	register.Function2x0[string, func(string, int)](keyByItself)
}

// passAfter passes its element on, once the barrier it takes is complete.
func passAfter(x string, _ func(*int) bool, emit func(string)) { emit(x) }

func keyByItself(x string, emit func(string, int)) { emit(x, len(x)) }

func TestBarrierIsEmptyAndHoldsNothingBack(t *testing.T) {
	for _, c := range []struct {
		name  string
		after func(s beam.Scope) []beam.PCollection
	}{
		{"a barrier of nothing", func(beam.Scope) []beam.PCollection { return nil }},
		{"a barrier of one collection", func(s beam.Scope) []beam.PCollection {
			return []beam.PCollection{beam.Create(s, "x", "y")}
		}},
		{"a barrier of a keyed collection", func(s beam.Scope) []beam.PCollection {
			return []beam.PCollection{beam.ParDo(s, keyByItself, beam.Create(s, "x", "yy"))}
		}},
		{"a barrier of an empty collection", func(s beam.Scope) []beam.PCollection {
			return []beam.PCollection{beam.CreateList(s, []string{})}
		}},
		{"a barrier of two collections", func(s beam.Scope) []beam.PCollection {
			return []beam.PCollection{beam.Create(s, "x"), beam.ParDo(s, keyByItself, beam.Create(s, "z"))}
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, s := beam.NewPipelineWithRoot()
			barrier := Barrier(s, c.after(s)...)
			passert.Empty(s, barrier)
			passed := beam.ParDo(s, passAfter, beam.Create(s, "a", "b", "c"), beam.SideInput{Input: barrier})
			passert.Equals(s, passed, "a", "b", "c")
			ptest.RunAndValidate(t, p)
		})
	}
}
