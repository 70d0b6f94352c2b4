package stages

import (
	"cmp"
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.Function4x1[context.Context, int32, []byte, func(Signature), error](signaturesOf)
	register.Emitter1[Signature]()
	register.Function2x0[Signature, func([]string)](strongLinks)
	register.Emitter1[[]string]()
	register.Function3x0[Signature, Groups, func([]string)](stockLinks)
	register.Combiner3[Groups, []string, Groups](&unionFindFn{})
	register.DoFn4x0[context.Context, Signature, Groups, func(string, Signature)](&keySignatureFn{})
	register.Emitter2[string, Signature]()
}

// SharedPrints reads the fingerprints of each hash (from
// FingerprintShards), as Seeds does, and emits
// each that two or more articles carry and no boilerplate rule sets
// aside, with every occurrence (its article and position, without its
// Near and source), packed (appendSharedPrint) under its set of articles
// (setKey) and keyed by the shard of that set (Options.Shards), for
// Signatures. A group holds the occurrences of at most MaxDocs+1
// articles: one more makes it boilerplate. It is FingerprintPass making
// shared prints alone.
func SharedPrints(s beam.Scope, opts Options, shards, articles beam.PCollection) beam.PCollection {
	_, prints, _ := FingerprintPass(s.Scope("SharedPrints"), opts, Reads{SharedPrints: true}, shards, articles)
	return prints
}

// sharedPrint calls emit with one fingerprint's occurrences and the key
// of their set of articles, if two or more articles carry it and no
// boilerplate rule sets it aside.
func sharedPrint(hash uint64, occurrences []reuse.Occurrence, opts reuse.Options, articles int, marked func(hash uint64) bool, emit func(string, reuse.SharedPrint)) {
	if marked(hash) {
		return // counted where the seeds are made (hashSeeds)
	}
	g := reuse.NewFingerprintGroup(opts, articles)
	var all []reuse.Occurrence
	for _, o := range occurrences {
		if g.Add(o); g.Boilerplate() {
			return
		}
		// Planning reads an occurrence's article and position only;
		// its Near and source would multiply the bytes shuffled.
		all = append(all, reuse.Occurrence{Doc: o.Doc, Pos: o.Pos})
	}
	if g.BySource() {
		return
	}
	var set []string
	for _, o := range all {
		set = append(set, o.Doc)
	}
	slices.Sort(set)
	if set = slices.Compact(set); len(set) < 2 {
		return
	}
	emit(setKey(set), reuse.SharedPrint{Hash: hash, Occurrences: all})
}

// setKey names a sorted set of article IDs; quoting makes it unambiguous.
func setKey(ids []string) string {
	var b strings.Builder
	for _, id := range ids {
		b.WriteString(strconv.Quote(id))
	}
	return b.String()
}

// A Signature is the fingerprints that exactly the same articles carry,
// Docs, sorted: the unit stories are made of.
type Signature struct {
	Docs   []string
	Prints []reuse.SharedPrint
}

// Signatures gathers the shared prints (from SharedPrints) by their set
// of articles: a CombineFn concatenates the records of a shard, as for
// the fingerprints, and each shard is read into memory at once and
// grouped by set. A signature holds every occurrence of its
// fingerprints, in order of hash: at most MaxDocs articles times the
// text they share.
func Signatures(s beam.Scope, sharedPrints beam.PCollection) beam.PCollection {
	s = s.Scope("Signatures")
	return beam.ParDo(s, signaturesOf, beam.CombinePerKey(s, &concatFn{}, sharedPrints))
}

func signaturesOf(ctx context.Context, _ int32, packed []byte, emit func(Signature)) error {
	shardBytes.Update(ctx, int64(len(packed)))
	return eachGroup(packed, (*reader).sharedPrint, func(_ string, prints []reuse.SharedPrint) {
		sig := Signature{Prints: slices.Clone(prints)}
		slices.SortFunc(sig.Prints, func(p, q reuse.SharedPrint) int { return cmp.Compare(p.Hash, q.Hash) })
		for _, o := range sig.Prints[0].Occurrences {
			sig.Docs = append(sig.Docs, o.Doc)
		}
		slices.Sort(sig.Docs)
		sig.Docs = slices.Compact(sig.Docs)
		emit(sig)
	})
}

// Groups maps each article that a linking signature names to its
// group, named by the ID of its first article in the order of IDs.
type Groups struct {
	Of map[string]string
}

// GroupArticles splits the articles into the groups that plan their
// stories alone (reuse.StartsStory, reuse.MayJoinStory): the articles of
// every signature that can start a story are linked; then those of every
// stock phrase (one fingerprint in three or more articles) that has half
// its articles or more in one group, and the groups are made again. The
// groups are connected components, found by a union-find that Beam
// combines (unionFindFn), twice: its accumulator holds each linked
// article's parent, O(articles), on one worker. A stock phrase that only
// the second round brings half into one group would need a third round;
// it is counted ("story links unresolved") and left out.
func GroupArticles(s beam.Scope, signatures beam.PCollection) beam.PCollection {
	s = s.Scope("GroupArticles")
	strong := beam.ParDo(s, strongLinks, signatures)
	first := beam.Combine(s, &unionFindFn{}, strong)
	stock := beam.ParDo(s, stockLinks, signatures, beam.SideInput{Input: first})
	return beam.Combine(s, &unionFindFn{}, beam.Flatten(s, strong, stock))
}

func strongLinks(sig Signature, emit func([]string)) {
	if reuse.StartsStory(len(sig.Prints), len(sig.Docs)) {
		emit(sig.Docs)
	}
}

func stockLinks(sig Signature, groups Groups, emit func([]string)) {
	if !reuse.StartsStory(len(sig.Prints), len(sig.Docs)) && mayJoin(sig, groups) {
		emit(sig.Docs)
	}
}

// mayJoin reports whether half or more of the signature's articles lie in
// one group.
func mayJoin(sig Signature, groups Groups) bool {
	inside := map[string]int{}
	for _, d := range sig.Docs {
		if g, ok := groups.Of[d]; ok {
			inside[g]++
			if reuse.MayJoinStory(inside[g], len(sig.Docs)) {
				return true
			}
		}
	}
	return false
}

// unionFindFn combines links, each a set of articles, into connected
// components. Its accumulator maps an article to its parent, a root to
// itself, each root the least ID of its component.
type unionFindFn struct{}

func (*unionFindFn) CreateAccumulator() Groups { return Groups{Of: map[string]string{}} }

func (*unionFindFn) AddInput(g Groups, docs []string) Groups {
	for _, d := range docs[1:] {
		union(g.Of, docs[0], d)
	}
	if len(docs) == 1 {
		find(g.Of, docs[0])
	}
	return g
}

func (*unionFindFn) MergeAccumulators(a, b Groups) Groups {
	for d, p := range b.Of {
		union(a.Of, d, p)
	}
	return a
}

func (*unionFindFn) ExtractOutput(g Groups) Groups {
	out := Groups{Of: make(map[string]string, len(g.Of))}
	for d := range g.Of {
		out.Of[d] = find(g.Of, d)
	}
	return out
}

// find returns the root of d's component, adding d as a root of its own
// if it is new, and shortens the path it walked.
func find(parent map[string]string, d string) string {
	root := d
	for {
		p, ok := parent[root]
		if !ok {
			parent[root] = root
		}
		if !ok || p == root {
			break
		}
		root = p
	}
	for d != root {
		next := parent[d]
		parent[d] = root
		d = next
	}
	return root
}

func union(parent map[string]string, a, b string) {
	ra, rb := find(parent, a), find(parent, b)
	if ra != rb {
		parent[max(ra, rb)] = min(ra, rb)
	}
}

// KeyByGroup keys each signature whose articles all lie in one group by
// that group. The rest link nothing and never join a story; those that
// have half their articles in one group would have needed another round
// of GroupArticles, and are counted.
func KeyByGroup(s beam.Scope, signatures, groups beam.PCollection) beam.PCollection {
	s = s.Scope("KeyByGroup")
	return beam.ParDo(s, &keySignatureFn{}, signatures, beam.SideInput{Input: groups})
}

type keySignatureFn struct{ unresolved beam.Counter }

func (fn *keySignatureFn) Setup() { fn.unresolved = beam.NewCounter(Namespace, CounterUnresolved) }

func (fn *keySignatureFn) ProcessElement(ctx context.Context, sig Signature, groups Groups, emit func(string, Signature)) {
	g, ok := groups.Of[sig.Docs[0]]
	if ok && !slices.ContainsFunc(sig.Docs, func(d string) bool { return groups.Of[d] != g }) {
		emit(g, sig)
		return
	}
	if mayJoin(sig, groups) {
		fn.unresolved.Inc(ctx, 1)
	}
}
