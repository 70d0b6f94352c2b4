package stages

import (
	"fmt"
	"io"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
)

// DistributionShardBytes is the distribution of the packed bytes each
// stage that reads shards (fingerprints, seeds, sentences by term,
// shared fingerprints) reads a shard at a time: its sum, by step, is the
// stage's input as prism sends it, which sampled sizes do not give for a
// lifted combine's output.
const DistributionShardBytes = "shard bytes read"

var shardBytes = beam.NewDistribution(Namespace, DistributionShardBytes)

// Counters returns the pipeline's counters by name, summed over its
// steps; a counter that never moved is 0.
func Counters(res beam.PipelineResult) map[string]int64 {
	out := map[string]int64{}
	for _, name := range CounterNames {
		out[name] = 0
	}
	if res == nil {
		return out
	}
	for _, c := range res.Metrics().AllMetrics().Counters() {
		if c.Namespace() == Namespace {
			out[c.Name()] += c.Result()
		}
	}
	return out
}

// CounterNames lists the counters in the order of the stages.
var CounterNames = []string{CounterArticles, CounterBadLines, CounterFingerprints, CounterMarked, CounterBoilerplate, CounterBySource,
	CounterSeeds, CounterLoneSeeds, CounterCandidates, CounterNearPending, CounterJoined, CounterSimilar, CounterPairs, CounterPassages, CounterRewritten,
	CounterStories, CounterUnresolved}

// PrintCounters writes the counters, one a line.
func PrintCounters(w io.Writer, res beam.PipelineResult) {
	cs := Counters(res)
	for _, name := range CounterNames {
		fmt.Fprintf(w, "%-34s %d\n", name+":", cs[name])
	}
}
