package stages

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/transforms/stats"
)

func init() { register.Function1x1[Article, int](one) }

func one(Article) int { return 1 }

// Count returns the number of articles, a singleton.
func Count(s beam.Scope, articles beam.PCollection) beam.PCollection {
	s = s.Scope("Count")
	return stats.Sum(s, beam.ParDo(s, one, articles))
}

// Analyze chains the stages from the articles to their document and pair
// lines.
func Analyze(s beam.Scope, opts Options, articles beam.PCollection) (documents, pairs beam.PCollection) {
	if !opts.NoRewritten {
		return AnalyzeRewritten(s, opts, articles)
	}
	byID := ByID(s, articles)
	shards, count := FingerprintShards(s, opts, Fingerprint(s, opts, articles)), Count(s, articles)
	joined := Join(s, byID, Candidates(s, opts, Seeds(s, opts, shards, count), shards, count))
	pairs, covered := Compare(s, opts, joined)
	return Summarise(s, byID, covered), pairs
}

// Build adds the whole pipeline to s: read the files pattern matches,
// analyse them, and write the lines to files named after prefix: with
// Options.AllPairs every pair that shares text, else the stories and
// their pairs, as the command line gives them.
func Build(s beam.Scope, pattern, prefix string, opts Options) {
	articles := Read(s, pattern)
	if !opts.AllPairs {
		// Stories (stories_finish.go), the command line's default.
		documents, pairs, stories := AnalyzeStories(s, opts, articles)
		Write(s, prefix, documents, pairs)
		WriteStories(s, prefix, stories)
		return
	}
	documents, pairs := Analyze(s, opts, articles)
	Write(s, prefix, documents, pairs)
}
