package stages

import (
	"strconv"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/wirediff/wirediff/app/reuse"
)

// Seeds reads the fingerprints of each hash (from FingerprintShards),
// sets aside those a text of Options.Boilerplate holds, those found in
// more articles than Options.MaxDocs and those one source repeats across
// its own articles (Options.SourceRepeats) as the command line does, and
// emits the seeds the others make, each packed without its Nears
// (appendSeedAt) and keyed by the shard of its pair of articles
// (Candidates gathers them), but for
// lone seeds (reuse.LoneSeed): a seed that no other seed of its pair
// can chain with and that the words around it show to make no passage on
// its own, such as a stock phrase two articles share, changes no
// comparison. articles is the number of articles, a singleton, which the
// default MaxDocs depends on (nine in ten of them, at least 100).
//
// A shard holds the fingerprints of its hashes; each group keeps at most
// MaxRepeats occurrences of MaxDocs+1 articles while it reads them
// (reuse.FingerprintGroup); it pairs them all, but emits only seeds that
// may matter, so the stock phrases of a large archive cost time here and
// no traffic after. It is FingerprintPass making seeds alone; the
// Analyze functions make the seeds in the pass that makes the rest.
func Seeds(s beam.Scope, opts Options, shards, articles beam.PCollection) beam.PCollection {
	seeds, _, _ := FingerprintPass(s.Scope("Seeds"), opts, Reads{Seeds: true}, shards, articles)
	return seeds
}

// setAside counts the fingerprints of a shard that the boilerplate rules
// set aside, by rule.
type setAside struct{ marked, boilerplate, bySource int64 }

// eachSeed calls each with every seed that the fingerprints of a shard
// (from FingerprintShards) make under the boilerplate rules, lone or not,
// as Seeds reads them.
func eachSeed(packed []byte, opts reuse.Options, articles int, marked func(hash uint64) bool, each func(reuse.Seed)) (setAside, error) {
	var aside setAside
	err := eachHashGroup(packed, func(hash uint64, occurrences []reuse.Occurrence) {
		hashSeeds(hash, occurrences, opts, articles, marked, &aside, each)
	})
	return aside, err
}

// hashSeeds calls each with every seed of one fingerprint's occurrences,
// counting it in aside if a boilerplate rule sets it aside.
func hashSeeds(hash uint64, occurrences []reuse.Occurrence, opts reuse.Options, articles int, marked func(hash uint64) bool, aside *setAside, each func(reuse.Seed)) {
	if marked(hash) {
		aside.marked++
		return
	}
	g := reuse.NewFingerprintGroup(opts, articles)
	for _, o := range occurrences {
		g.Add(o)
	}
	if g.Boilerplate() {
		aside.boilerplate++
		return
	}
	if g.BySource() {
		aside.bySource++
		return
	}
	g.EachSeed(each)
}

// pairKey names a pair of articles: quoting makes the key unambiguous
// whatever the IDs hold.
func pairKey(a, b string) string { return strconv.Quote(a) + strconv.Quote(b) }
