package stages

import (
	"context"
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.Function3x0[Article, Groups, func(string, storyDoc)](storyDocOf)
	register.Emitter2[string, storyDoc]()
	register.DoFn4x1[string, func(*Signature) bool, func(*storyDoc) bool, func(string, string), error](&planFn{})
	register.Iter1[Signature]()
	register.Iter1[storyDoc]()
	register.Emitter2[string, string]()
	register.Function3x0[string, Candidate, func(string, Candidate)](keyCandidateByPair)
	register.Function4x0[string, func(*Candidate) bool, func(*string) bool, func(string, Candidate)](plannedCandidate)
	register.Iter1[string]()
	register.DoFn4x1[context.Context, Joined, Groups, func(string, comparedPair), error](&storyCompareFn{})
	register.Emitter2[string, comparedPair]()
}

// A storyDoc is what the stories of a group need of an article: its
// metadata, its text to look for credit, and its number of words.
type storyDoc struct {
	Article Article
	Words   int
}

// StoryDocs keys each article that a group holds by its group.
func StoryDocs(s beam.Scope, articles, groups beam.PCollection) beam.PCollection {
	s = s.Scope("StoryDocs")
	return beam.ParDo(s, storyDocOf, articles, beam.SideInput{Input: groups})
}

func storyDocOf(a Article, groups Groups, emit func(string, storyDoc)) {
	if g, ok := groups.Of[a.ID]; ok {
		// No option changes what a word is.
		_, words := reuse.Fingerprints(a.Text, reuse.Options{})
		emit(g, storyDoc{a, words})
	}
}

// planGroup plans the stories of one group with the engine
// (reuse.PlanStories).
func planGroup(opts Options, signatures func(*Signature) bool, docs func(*storyDoc) bool) (*reuse.StoryPlan, map[string]Article, error) {
	var prints []reuse.SharedPrint
	var sig Signature
	for signatures(&sig) {
		prints = append(prints, sig.Prints...)
		sig = Signature{}
	}
	var ds []reuse.Document
	var words []int
	articles := map[string]Article{}
	var d storyDoc
	for docs(&d) {
		ds, words = append(ds, d.Article.document()), append(words, d.Words)
		articles[d.Article.ID] = d.Article
	}
	plan, err := reuse.PlanStories(ds, words, prints, opts.engine())
	return plan, articles, err
}

// PlanPairs plans the stories of each group and emits the pairs to
// compare for them, keyed by pair, each with its group. A group holds its
// signatures and its articles' texts.
func PlanPairs(s beam.Scope, opts Options, signatures, docs beam.PCollection) beam.PCollection {
	s = s.Scope("PlanPairs")
	return beam.ParDo(s, &planFn{Opts: opts}, beam.CoGroupByKey(s, signatures, docs))
}

type planFn struct{ Opts Options }

func (fn *planFn) ProcessElement(group string, signatures func(*Signature) bool, docs func(*storyDoc) bool, emit func(string, string)) error {
	plan, _, err := planGroup(fn.Opts, signatures, docs)
	if err != nil {
		return fmt.Errorf("planning the stories of %q's group: %v", group, err)
	}
	for _, p := range plan.Pairs() {
		emit(pairKey(p[0], p[1]), group)
	}
	return nil
}

func keyCandidateByPair(_ string, c Candidate, emit func(string, Candidate)) {
	emit(pairKey(c.A, c.B), c)
}

// Planned keeps the candidate pairs that a story plans to compare, keyed
// by the ID of article A as Join wants them.
func Planned(s beam.Scope, candidates, plannedPairs beam.PCollection) beam.PCollection {
	s = s.Scope("Planned")
	byPair := beam.ParDo(s, keyCandidateByPair, candidates)
	return beam.ParDo(s, plannedCandidate, beam.CoGroupByKey(s, byPair, plannedPairs))
}

func plannedCandidate(_ string, candidates func(*Candidate) bool, groups func(*string) bool, emit func(string, Candidate)) {
	var g string
	if !groups(&g) {
		return
	}
	var c Candidate
	for candidates(&c) {
		emit(c.A, c)
	}
}

// A comparedPair is a pair that shares a passage, on its way to its
// group's stories: its line, its shared words and its passages' words.
type comparedPair struct {
	A, B        string
	Line        string
	SharedWords int
	Ranges      []reuse.WordRange
	// Unplanned marks a pair that only similar sentences link, which
	// FinishStories keeps unless its articles are members of one story.
	Unplanned bool
}

// CompareForStories compares each joined pair as Compare does and keys
// the pairs that share a passage by their group.
func CompareForStories(s beam.Scope, opts Options, joined, groups beam.PCollection) beam.PCollection {
	s = s.Scope("CompareForStories")
	return beam.ParDo(s, &storyCompareFn{Opts: opts}, joined, beam.SideInput{Input: groups})
}

type storyCompareFn struct{ Opts Options }

func (fn *storyCompareFn) ProcessElement(ctx context.Context, j Joined, groups Groups, emit func(string, comparedPair)) error {
	c, ok, err := comparePair(ctx, j, fn.Opts)
	if err != nil || !ok {
		return err
	}
	line, err := pairLine(j.A.ID, j.B.ID, c.Pair)
	if err != nil {
		return err
	}
	emit(groups.Of[j.A.ID], comparedPair{j.A.ID, j.B.ID, line, c.Pair.SharedWords, c.Ranges, false})
	return nil
}
