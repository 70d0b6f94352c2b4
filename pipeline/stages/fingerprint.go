package stages

import (
	"context"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn3x0[context.Context, Article, func(uint64, reuse.Occurrence)](&fingerprintFn{})
	register.Emitter2[uint64, reuse.Occurrence]()
}

// Fingerprint tokenises each article and emits its winnowed
// fingerprints, keyed by hash, each with the article's ID, source and
// position, and the words around it (reuse.Near: about 50 bytes with the
// default options), which tell the seeds and pairs that can make no
// passage before the texts are joined.
func Fingerprint(s beam.Scope, opts Options, articles beam.PCollection) beam.PCollection {
	s = s.Scope("Fingerprint")
	return beam.ParDo(s, &fingerprintFn{Opts: opts}, articles)
}

type fingerprintFn struct {
	Opts         Options
	fingerprints beam.Counter
}

func (fn *fingerprintFn) Setup() { fn.fingerprints = beam.NewCounter(Namespace, CounterFingerprints) }

func (fn *fingerprintFn) ProcessElement(ctx context.Context, a Article, emit func(uint64, reuse.Occurrence)) {
	fps, _ := reuse.Fingerprints(a.Text, fn.Opts.engine())
	fn.fingerprints.Inc(ctx, int64(len(fps)))
	for _, f := range fps {
		emit(f.Hash, reuse.Occurrence{Doc: a.ID, Source: a.Source, Pos: f.Pos, Near: f.Near})
	}
}
