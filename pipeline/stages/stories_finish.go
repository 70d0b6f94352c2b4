package stages

import (
	"context"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.DoFn8x1[context.Context, string, func(*Signature) bool, func(*storyDoc) bool, func(*comparedPair) bool,
		func(string), func(string), func(string, reuse.Covered), error](&finishFn{})
	register.Iter1[comparedPair]()
	register.Emitter1[string]()
	register.Emitter2[string, reuse.Covered]()
}

// The story line: the command line's JSON story with articles named by
// ID, and pairs by the IDs of their articles A and B.
type (
	storyJSON struct {
		Type        string           `json:"type"`
		Origin      string           `json:"origin"`
		OriginRule  reuse.OriginRule `json:"origin_rule"`
		Credit      []string         `json:"credit"`
		Members     []memberJSON     `json:"members"`
		MemberPairs [][2]string      `json:"member_pairs,omitempty"`
	}
	memberJSON struct {
		Doc      string    `json:"doc"`
		Reused   float64   `json:"reused"`
		Credited bool      `json:"credited"`
		Pair     [2]string `json:"pair"`
	}
)

// FinishStories makes each group's stories from its pairs' comparisons
// (reuse.StoryPlan.Stories, after planning them again): it returns the
// story lines, the lines of the pairs a story uses, and the passages'
// sides in each article of those pairs, keyed by ID, for Summarise. A
// group holds its signatures, its articles' texts and its pairs' lines.
func FinishStories(s beam.Scope, opts Options, signatures, docs, compared beam.PCollection) (stories, pairs, covered beam.PCollection) {
	s = s.Scope("FinishStories")
	return beam.ParDo3(s, &finishFn{Opts: opts}, beam.CoGroupByKey(s, signatures, docs, compared))
}

type finishFn struct {
	Opts                                Options
	stories, pairs, passages, rewritten beam.Counter
}

func (fn *finishFn) Setup() {
	fn.stories = beam.NewCounter(Namespace, CounterStories)
	fn.pairs = beam.NewCounter(Namespace, CounterPairs)
	fn.passages = beam.NewCounter(Namespace, CounterPassages)
	fn.rewritten = beam.NewCounter(Namespace, CounterRewritten)
}

func (fn *finishFn) ProcessElement(ctx context.Context, group string, signatures func(*Signature) bool, docs func(*storyDoc) bool,
	compared func(*comparedPair) bool, emitStory, emitPair func(string), emitCovered func(string, reuse.Covered)) error {
	plan, _, err := planGroup(fn.Opts, signatures, docs)
	if err != nil {
		return fmt.Errorf("planning the stories of %q's group: %v", group, err)
	}
	var cs []comparedPair
	var ncs []reuse.NamedComparison
	var c comparedPair
	var unplanned []comparedPair
	for compared(&c) {
		if c.Unplanned {
			// Analyze compares such a pair unless its articles are members
			// of one story; it belongs to no story.
			if !plan.CoMembers(c.A, c.B) {
				unplanned = append(unplanned, c)
			}
			c = comparedPair{}
			continue
		}
		cs = append(cs, c)
		// Of the pair, the stories read its shared words only.
		ncs = append(ncs, reuse.NamedComparison{A: c.A, B: c.B,
			Comparison: reuse.Comparison{Pair: reuse.Pair{SharedWords: c.SharedWords}, Ranges: c.Ranges}})
		c = comparedPair{}
	}
	stories, kept, err := plan.Stories(ncs)
	if err != nil {
		return fmt.Errorf("the stories of %q's group: %v", group, err)
	}
	names := plan.Names()
	pair := func(i int) [2]string { return [2]string{cs[i].A, cs[i].B} }
	for _, st := range stories {
		line := storyJSON{Type: "story", Origin: names[st.Origin], OriginRule: st.OriginRule, Credit: st.Credit, Members: []memberJSON{}}
		for _, m := range st.Members {
			line.Members = append(line.Members, memberJSON{names[m.Doc], m.Reused, m.Credited, pair(m.Pair)})
		}
		for _, i := range st.MemberPairs {
			line.MemberPairs = append(line.MemberPairs, pair(i))
		}
		out, err := marshalLine(line)
		if err != nil {
			return err
		}
		fn.stories.Inc(ctx, 1)
		emitStory(out)
	}
	cs = append(cs, unplanned...)
	for range unplanned {
		kept = append(kept, true)
	}
	for n, c := range cs {
		if !kept[n] {
			continue
		}
		fn.pairs.Inc(ctx, 1)
		fn.passages.Inc(ctx, int64(len(c.Ranges)))
		fn.rewritten.Inc(ctx, int64(countRewritten(c.Ranges)))
		emitPair(c.Line)
		for _, r := range c.Ranges {
			emitCovered(c.A, reuse.Covered{W0: r.A0, W1: r.A1, Kind: r.Kind})
			emitCovered(c.B, reuse.Covered{W0: r.B0, W1: r.B1, Kind: r.Kind})
		}
	}
	return nil
}

// AnalyzeStories chains the stages of the default answers, stories:
// the seeds and candidates as Analyze has them, the stories' groups
// planned from the shared fingerprints, only the pairs they plan joined
// and compared, and the stories finished group by group; without
// Options.NoRewritten, also the pairs that only similar sentences link
// (StoryWork), each compared with both kinds of seeds.
func AnalyzeStories(s beam.Scope, opts Options, articles beam.PCollection) (documents, pairs, stories beam.PCollection) {
	byID := ByID(s, articles)
	count := Count(s, articles)
	shards := FingerprintShards(s, opts, Fingerprint(s, opts, articles))
	// One pass over the fingerprint shards for the seeds, the shared
	// prints and, with rewritten passages, the marks of set-aside text.
	seeds, sharedPrints, marks := FingerprintPass(s, opts, Reads{Seeds: true, SharedPrints: true, AsideMarks: !opts.NoRewritten}, shards, count)
	candidates := Candidates(s, opts, seeds, shards, count)

	signatures := Signatures(s, sharedPrints)
	groups := GroupArticles(s, signatures)
	grouped := KeyByGroup(s, signatures, groups)
	docs := StoryDocs(s, articles, groups)
	plannedPairs := PlanPairs(s, opts, grouped, docs)
	if opts.NoRewritten {
		compared := CompareForStories(s, opts, Join(s, byID, Planned(s, candidates, plannedPairs)), groups)
		stories, pairs, covered := FinishStories(s, opts, grouped, docs, compared)
		return Summarise(s, byID, covered), pairs, stories
	}
	// With rewritten passages, as AnalyzeRewritten: the sentences, their
	// similarity join, and the pairs it links, planned or not.
	termStats, sentences, lowered := Terms(s, opts, articles)
	// The sentences wait for the candidates, as in AnalyzeRewritten.
	sentenced := Sentences(s, opts, byID, marks, termStats, sentences, count, lowered, Barrier(s, candidates))
	work := StoryWork(s, opts, PairWork(s, opts, candidates, Similar(s, opts, sentenced)), plannedPairs)
	compared, loneLines, loneCovered := CompareRewrittenForStories(s, opts, JoinSentenced(s, opts, sentenced, work), groups)
	stories, pairs, covered := FinishStories(s, opts, grouped, docs, compared)
	pairs = beam.Flatten(s, pairs, loneLines)
	covered = beam.Flatten(s, covered, loneCovered)
	return Summarise(s, byID, covered), pairs, stories
}

// countRewritten returns how many of a pair's passages are rewritten.
func countRewritten(ranges []reuse.WordRange) int {
	n := 0
	for _, r := range ranges {
		if r.Kind == reuse.Rewritten {
			n++
		}
	}
	return n
}

// WriteStories writes the story lines to PREFIX-stories.jsonl.
func WriteStories(s beam.Scope, prefix string, stories beam.PCollection) {
	textio.Write(s.Scope("WriteStories"), prefix+"-stories.jsonl", stories)
}
