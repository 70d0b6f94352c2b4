package stages

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.Function3x1[int32, []byte, func(string), error](sharedPrintStrings)
	register.Function1x1[Signature, string](signatureString)
	register.Function1x1[Groups, string](groupsString)
	register.Function2x1[string, Signature, string](keyedSignatureString)
	register.Function2x1[string, string, string](plannedPairString)
	register.Function2x0[reuse.Occurrence, func(uint64, reuse.Occurrence)](hashOccurrence)
}

func sharedPrintString(k string, p reuse.SharedPrint) string {
	var occ []string
	for _, o := range p.Occurrences {
		occ = append(occ, fmt.Sprintf("%s@%d", o.Doc, o.Pos))
	}
	slices.Sort(occ)
	return fmt.Sprintf("%s %x %s", k, p.Hash, strings.Join(occ, " "))
}

// sharedPrintStrings reads the records of SharedPrints, each of which
// must lie in the shard of its key among sharedPrintTestShards.
func sharedPrintStrings(shard int32, packed []byte, emit func(string)) error {
	r := reader{b: packed}
	for len(r.b) > 0 {
		k, p := r.sharedPrint()
		if r.err == nil && shard != keyShard(k, sharedPrintTestShards) {
			return fmt.Errorf("%s %x in shard %d", k, p.Hash, shard)
		}
		emit(sharedPrintString(k, p))
	}
	return r.err
}

const sharedPrintTestShards = 2

func signatureString(sig Signature) string {
	line := strings.Join(sig.Docs, ",")
	for _, p := range sig.Prints {
		line += " " + sharedPrintString(fmt.Sprint(p.Hash), p)
	}
	return line
}

func groupsString(g Groups) string {
	var out []string
	for d, root := range g.Of {
		out = append(out, d+"→"+root)
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

func keyedSignatureString(g string, sig Signature) string {
	return g + " " + strings.Join(sig.Docs, ",")
}
func plannedPairString(pair, group string) string { return pair + " in " + group }

// hashOccurrence keys an occurrence by a hash read from its source field,
// which the test does not otherwise use.
func hashOccurrence(o reuse.Occurrence, emit func(uint64, reuse.Occurrence)) {
	var h uint64
	fmt.Sscanf(o.Source, "%x", &h)
	emit(h, reuse.Occurrence{Doc: o.Doc, Pos: o.Pos})
}

func TestSharedPrintsKeepEveryOccurrenceAndSetBoilerplateAside(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	fps := beam.ParDo(s, hashOccurrence, beam.Create(s,
		// Carried by a twice and by b: every occurrence is kept.
		reuse.Occurrence{Doc: "a", Source: "1", Pos: 5}, reuse.Occurrence{Doc: "b", Source: "1", Pos: 3},
		reuse.Occurrence{Doc: "a", Source: "1", Pos: 0},
		// One article's own: shared by nobody.
		reuse.Occurrence{Doc: "a", Source: "2", Pos: 9},
		// In four articles, more than MaxDocs: boilerplate.
		reuse.Occurrence{Doc: "a", Source: "3", Pos: 1}, reuse.Occurrence{Doc: "b", Source: "3", Pos: 1},
		reuse.Occurrence{Doc: "c", Source: "3", Pos: 1}, reuse.Occurrence{Doc: "d", Source: "3", Pos: 1}))
	opts := Options{MaxDocs: 3, Shards: sharedPrintTestShards}
	prints := SharedPrints(s, opts, FingerprintShards(s, opts, fps), beam.Create(s, 4))
	passert.Equals(s, beam.ParDo(s, sharedPrintStrings, prints), `"a""b" 1 a@0 a@5 b@3`)
	run(t, p)
}

func TestSignaturesGatherThePrintsOfEachSetOfArticles(t *testing.T) {
	for _, shards := range []int{1, 3} {
		p, s := beam.NewPipelineWithRoot()
		fps := beam.ParDo(s, hashOccurrence, beam.Create(s,
			reuse.Occurrence{Doc: "b", Source: "2", Pos: 7}, reuse.Occurrence{Doc: "a", Source: "2", Pos: 4},
			reuse.Occurrence{Doc: "a", Source: "1", Pos: 3}, reuse.Occurrence{Doc: "b", Source: "1", Pos: 6},
			reuse.Occurrence{Doc: "c", Source: "4", Pos: 0}, reuse.Occurrence{Doc: "b", Source: "4", Pos: 0},
			reuse.Occurrence{Doc: "a", Source: "4", Pos: 0},
			reuse.Occurrence{Doc: "b", Source: "5", Pos: 9}, reuse.Occurrence{Doc: "c", Source: "5", Pos: 8},
			reuse.Occurrence{Doc: "a", Source: "9", Pos: 11}, reuse.Occurrence{Doc: "b", Source: "9", Pos: 12}))
		opts := Options{MaxDocs: 3, Shards: shards}
		sigs := Signatures(s, SharedPrints(s, opts, FingerprintShards(s, opts, fps), beam.Create(s, 4)))
		// Each signature's prints come in order of hash.
		passert.Equals(s, beam.ParDo(s, signatureString, sigs),
			"a,b 1 1 a@3 b@6 2 2 a@4 b@7 9 9 a@11 b@12", "a,b,c 4 4 a@0 b@0 c@0", "b,c 5 5 b@9 c@8")
		run(t, p)
	}
}

func sig(prints int, docs ...string) Signature {
	s := Signature{Docs: docs}
	for i := range prints {
		var occ []reuse.Occurrence
		for _, d := range docs {
			occ = append(occ, reuse.Occurrence{Doc: d, Pos: int32(i)})
		}
		s.Prints = append(s.Prints, reuse.SharedPrint{Hash: uint64(i), Occurrences: occ})
	}
	return s
}

func TestGroupArticlesLinksWhatMayJoinAStoryAndNoStockPhrase(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	sigs := beam.Create(s,
		sig(3, "a", "b"), // a story's text
		sig(2, "c", "d"), // another story's
		sig(1, "x", "y"), // one fingerprint of two articles may start a story
		// A stock phrase with two of its three articles in a's group
		// may join a's story: e is linked to it.
		sig(1, "a", "b", "e"),
		// One with no more than one article in any group joins no story
		// and links nothing.
		sig(1, "a", "c", "f", "g"),
	)
	groups := GroupArticles(s, sigs)
	passert.Equals(s, beam.ParDo(s, groupsString, groups), "a→a b→a c→c d→c e→a x→x y→x")
	passert.Equals(s, beam.ParDo(s, keyedSignatureString, KeyByGroup(s, sigs, groups)),
		"a a,b", "c c,d", "x x,y", "a a,b,e")
	run(t, p)
}

func TestPlanPairsComparesEachCopyWithItsOrigin(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	// Three copies of one text; "m" ran first, so it is the origin.
	signatures := beam.ParDo(s, keySignatureByFirst, beam.Create(s, sig(6, "k", "m", "n")))
	docs := beam.ParDo(s, keyStoryDoc, beam.Create(s,
		Article{ID: "k", Published: "2017-04-12T10:00:00Z", Text: wire},
		Article{ID: "m", Published: "2017-04-12T09:00:00Z", Text: wire},
		Article{ID: "n", Published: "2017-04-12T11:00:00Z", Text: wire}))
	passert.Equals(s, beam.ParDo(s, plannedPairString, PlanPairs(s, Options{}, signatures, docs)),
		`"k""m" in k`, `"m""n" in k`)
	run(t, p)
}

func TestPlannedKeepsOnlyThePairsAStoryCompares(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	cands := beam.ParDo(s, keyCandidate, beam.Create(s,
		Candidate{"a", "b", []int32{1}, []int32{2}}, Candidate{"a", "c", []int32{3}, []int32{4}}))
	planned := beam.ParDo(s, keyPlanned, beam.Create(s, pairKey("a", "b")))
	passert.Equals(s, beam.ParDo(s, candidateString, Planned(s, cands, planned)), "a{a b [1] [2]}")
	run(t, p)
}

func init() {
	register.Function2x0[Signature, func(string, Signature)](keySignatureByFirst)
	register.Function2x0[Article, func(string, storyDoc)](keyStoryDoc)
	register.Function2x0[string, func(string, string)](keyPlanned)
}

func keySignatureByFirst(sig Signature, emit func(string, Signature)) { emit(sig.Docs[0], sig) }
func keyStoryDoc(a Article, emit func(string, storyDoc)) {
	_, words := reuse.Fingerprints(a.Text, reuse.Options{})
	emit("k", storyDoc{a, words})
}
func keyPlanned(pair string, emit func(string, string)) { emit(pair, "g") }
