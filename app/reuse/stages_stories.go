package reuse

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"
)

// This file exports Analyze's stories for engines that plan them group by
// group (the Beam pipeline in pipeline/). Stories grow from signatures,
// the fingerprints that exactly the same documents carry, taken heaviest
// first; a signature only ever touches the stories of its own documents.
// So a corpus splits into groups of documents that plan their stories
// alone, with Analyze's result: link the documents of every signature
// that StartsStory, then those of every other signature whose documents
// lie at least half in one group (MayJoinStory), until none is left to
// link. A signature that is left out never joins a story, since a story's
// members always lie in one group. A stock phrase in hundreds of
// articles of as many stories links nothing.

// StartsStory reports whether a signature, prints fingerprints that
// exactly docs documents carry, may start a story: all but one
// fingerprint in three or more documents, a stock phrase, which may only
// join a story.
func StartsStory(prints, docs int) bool { return prints > 1 || docs <= 2 }

// MayJoinStory reports whether a signature of docs documents, inside of
// which are members of a story, can join that story: it must have at
// least half its documents among the story's members. Analyze's rules
// (three in four inside, or as alike as Jaccard 0.5 with the members)
// both imply it.
func MayJoinStory(inside, docs int) bool { return 2*inside >= docs }

// A SharedPrint is a fingerprint that two or more documents carry and
// that no boilerplate rule sets aside: its hash and every occurrence, in
// any order (Source is not used).
type SharedPrint struct {
	Hash        uint64
	Occurrences []Occurrence
}

// A StoryPlan is the stories of a group of documents before their pairs
// are aligned: which pairs to compare (Pairs), then the stories from the
// comparisons (Stories).
type StoryPlan struct {
	an    *analysis
	names []string
	plan  *storyPlan
}

// PlanStories groups docs into stories from the fingerprints they share,
// as Analyze does without Options.AllPairs, and chooses the pairs to
// compare. words[i] is the number of words of docs[i] (Fingerprints
// counts them); every document that an occurrence names must be among
// docs. The plan is Analyze's for the documents of a whole corpus given
// in order of name where docs are a group closed under the rule above
// (StartsStory, MayJoinStory) and prints are every fingerprint shared
// within the group, with each document's boilerplate set aside as
// Analyze sets it aside. It returns an error for an occurrence of an
// unknown document or two documents of one name.
func PlanStories(docs []Document, words []int, prints []SharedPrint, opts Options) (*StoryPlan, error) {
	if len(words) != len(docs) {
		return nil, fmt.Errorf("reuse: %d documents and %d word counts", len(docs), len(words))
	}
	opts = opts.withDefaults()
	opts.AllPairs = false
	order := make([]int, len(docs))
	for i := range order {
		order[i] = i
	}
	// Analyze numbers documents in the order given, and ties between
	// stories and origins fall to the lower number: the order of names.
	slices.SortFunc(order, func(i, j int) int { return strings.Compare(docs[i].Name, docs[j].Name) })
	p := &StoryPlan{an: &analysis{ctx: context.Background(), opts: opts,
		docs: make([]Document, len(docs)), wordCounts: make([]int, len(docs))}, names: make([]string, len(docs))}
	byName := make(map[string]int32, len(docs))
	for n, i := range order {
		p.an.docs[n], p.an.wordCounts[n], p.names[n] = docs[i], words[i], docs[i].Name
		if _, dup := byName[docs[i].Name]; dup {
			return nil, fmt.Errorf("reuse: two documents are named %q", docs[i].Name)
		}
		byName[docs[i].Name] = int32(n)
	}
	var x index
	for _, sp := range prints {
		for _, o := range sp.Occurrences {
			d, ok := byName[o.Doc]
			if !ok {
				return nil, fmt.Errorf("reuse: a fingerprint of %q, a document not given", o.Doc)
			}
			x = append(x, fingerprint{sp.Hash, d, o.Pos})
		}
	}
	// The occurrences come in any order, and x.sort keeps the order of
	// equal hashes: a shared print's documents must be in order (its
	// set is searched), so sort by document and position too.
	slices.SortFunc(x, compareFingerprints)
	p.plan = p.an.planStories(x)
	return p, nil
}

// Names returns the documents' names in order of name: Story.Origin and
// StoryMember.Doc index it.
func (p *StoryPlan) Names() []string { return p.names }

// Pairs returns the pairs of documents to compare, each by name, the
// name that sorts first as A, in order.
func (p *StoryPlan) Pairs() [][2]string {
	out := make([][2]string, len(p.plan.pairs))
	for n, pair := range p.plan.pairs {
		a, b := unpackPair(pair)
		out[n] = [2]string{p.names[a], p.names[b]}
	}
	return out
}

// A NamedComparison is a Comparison of documents A and B by name, A the
// one that sorts first, as ComparePair returns it.
type NamedComparison struct {
	A, B string
	Comparison
}

// Stories returns the stories of the plan, as Analyze reports them, from
// the comparisons of its pairs that share a passage (ComparePair), in any
// order: a story's Origin and members' Doc index Names, and its members'
// Pair and MemberPairs index compared, member pairs in the order of their
// documents, as Analyze lists them. Of each comparison's Pair, only
// SharedWords is read. kept reports which comparisons the report keeps
// as pairs: those a story uses.
func (p *StoryPlan) Stories(compared []NamedComparison) (stories []Story, kept []bool, err error) {
	index := make(map[string]int, len(p.names))
	for n, name := range p.names {
		index[name] = n
	}
	pairs := make([]Pair, len(compared))
	spans := make([][]region, len(compared))
	for n, c := range compared {
		a, okA := index[c.A]
		b, okB := index[c.B]
		if !okA || !okB || a >= b {
			return nil, nil, fmt.Errorf("reuse: the pair %q, %q is not two documents of the plan in order of name", c.A, c.B)
		}
		pairs[n] = c.Pair
		pairs[n].A, pairs[n].B = a, b
		for _, r := range c.Ranges {
			spans[n] = append(spans[n], region{a0: r.A0, a1: r.A1, b0: r.B0, b1: r.B1})
		}
	}
	stories, drop := p.an.stories(p.plan, pairs, spans)
	// Analyze lists member pairs in the order it compared them, that of
	// their documents.
	for _, st := range stories {
		slices.SortFunc(st.MemberPairs, func(i, j int) int {
			return cmp.Compare(packPair(int32(pairs[i].A), int32(pairs[i].B)), packPair(int32(pairs[j].A), int32(pairs[j].B)))
		})
	}
	kept = make([]bool, len(compared))
	for n := range kept {
		kept[n] = !drop[n]
	}
	return stories, kept, nil
}

// CoMembers reports whether the documents named a and b are members of
// one story of the plan. With rewritten passages, Analyze compares a pair
// that the plan does not compare, linked only by similar sentences, if
// its documents are not: co-members are each compared with the origin.
func (p *StoryPlan) CoMembers(a, b string) bool {
	ia, ib := slices.Index(p.names, a), slices.Index(p.names, b)
	return ia >= 0 && ib >= 0 && p.plan.coMembers(ia, ib)
}
