package reuse_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/corpus"
)

// A namedStory is a Story with documents and pairs by name, comparable
// across reports.
type namedStory struct {
	Origin, Rule string
	Credit       []string
	Members      []string // doc reused credited A B
	MemberPairs  [][2]string
}

// storyGroups splits docs into the groups that plan their stories alone,
// by the rule of StartsStory and MayJoinStory, to a fixed point. It
// returns each document's group and how many signatures linked nothing.
func storyGroups(sigs map[string][]string, prints map[string]int) (group map[string]string, unlinked int) {
	parent := map[string]string{}
	var find func(d string) string
	find = func(d string) string {
		p, ok := parent[d]
		if !ok || p == d {
			parent[d] = d
			return d
		}
		r := find(p)
		parent[d] = r
		return r
	}
	link := func(docs []string) {
		for _, d := range docs[1:] {
			if a, b := find(docs[0]), find(d); a != b {
				parent[max(a, b)] = min(a, b)
			}
		}
	}
	linked := map[string]bool{}
	for key, docs := range sigs {
		if reuse.StartsStory(prints[key], len(docs)) {
			link(docs)
			linked[key] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for key, docs := range sigs {
			if linked[key] {
				continue
			}
			inside := map[string]int{}
			for _, d := range docs {
				inside[find(d)]++
			}
			for _, n := range inside {
				if reuse.MayJoinStory(n, len(docs)) {
					link(docs)
					linked[key], changed = true, true
					break
				}
			}
		}
	}
	group = map[string]string{}
	for key, docs := range sigs {
		if !linked[key] {
			unlinked++
			continue
		}
		for _, d := range docs {
			group[d] = find(d)
		}
	}
	return group, unlinked
}

// runStoryStages plans and finishes the stories group by group with the
// exported steps, as the Beam pipeline does, comparing the planned pairs
// for copied passages only (ComparePair) under Options.NoRewritten, else
// for both kinds (CompareRewritten). It returns the stories, the pairs
// they keep, and how the corpus split.
func runStoryStages(t *testing.T, docs []reuse.Document, opts reuse.Options) (stories []namedStory, pairs map[[2]string]reuse.Pair, groups, largest, unlinked int) {
	t.Helper()
	var rewritten map[[2]string]reuse.Comparison
	if !opts.NoRewritten {
		// A planned pair gets every seed of its documents, as with
		// AllPairs, and its similar sentences.
		rewritten = runRewrittenStages(t, docs, opts)
	}
	byName := map[string]reuse.Document{}
	words := map[string]int{}
	fpGroups := map[uint64]*reuse.FingerprintGroup{}
	occurrences := map[uint64][]reuse.Occurrence{}
	for _, d := range docs {
		byName[d.Name] = d
		fps, n := reuse.Fingerprints(d.Text, opts)
		words[d.Name] = n
		for _, f := range fps {
			if fpGroups[f.Hash] == nil {
				fpGroups[f.Hash] = reuse.NewFingerprintGroup(opts, len(docs))
			}
			o := reuse.Occurrence{Doc: d.Name, Source: d.Source, Pos: f.Pos}
			fpGroups[f.Hash].Add(o)
			occurrences[f.Hash] = append(occurrences[f.Hash], o)
		}
	}
	seeds := map[[2]string][]reuse.Seed{}
	shuffle := rand.New(rand.NewPCG(1, 2))
	sigs := map[string][]string{}
	sigPrints := map[string][]reuse.SharedPrint{}
	for h, g := range fpGroups {
		for _, s := range g.Seeds() {
			seeds[[2]string{s.A, s.B}] = append(seeds[[2]string{s.A, s.B}], s)
		}
		var set []string
		for _, o := range occurrences[h] {
			if !slices.Contains(set, o.Doc) {
				set = append(set, o.Doc)
			}
		}
		if g.Boilerplate() || g.BySource() || len(set) < 2 {
			continue
		}
		slices.Sort(set)
		key := fmt.Sprintf("%q", set)
		sigs[key] = set
		// A distributed engine gathers a fingerprint's occurrences in
		// any order.
		occs := slices.Clone(occurrences[h])
		shuffle.Shuffle(len(occs), func(i, j int) { occs[i], occs[j] = occs[j], occs[i] })
		sigPrints[key] = append(sigPrints[key], reuse.SharedPrint{Hash: h, Occurrences: occs})
	}
	counts := map[string]int{}
	for key, ps := range sigPrints {
		counts[key] = len(ps)
	}
	group, unlinked := storyGroups(sigs, counts)
	members := map[string][]string{}
	for d, g := range group {
		members[g] = append(members[g], d)
	}
	printsOf := map[string][]reuse.SharedPrint{}
	for key, set := range sigs {
		g, ok := group[set[0]]
		if !ok || slices.ContainsFunc(set, func(d string) bool { return group[d] != g }) {
			continue
		}
		printsOf[g] = append(printsOf[g], sigPrints[key]...)
	}

	pairs = map[[2]string]reuse.Pair{}
	mostOccurrences := 0
	for g, names := range members {
		largest = max(largest, len(names))
		n := 0
		for _, sp := range printsOf[g] {
			n += len(sp.Occurrences)
		}
		mostOccurrences = max(mostOccurrences, n)
		var gdocs []reuse.Document
		var gwords []int
		for _, n := range names {
			gdocs, gwords = append(gdocs, byName[n]), append(gwords, words[n])
		}
		plan, err := reuse.PlanStories(gdocs, gwords, printsOf[g], opts)
		if err != nil {
			t.Fatal(err)
		}
		var compared []reuse.NamedComparison
		for _, p := range plan.Pairs() {
			var c reuse.Comparison
			ok := false
			if opts.NoRewritten {
				if c, ok, err = reuse.ComparePair(context.Background(), byName[p[0]], byName[p[1]], seeds[p], opts); err != nil {
					t.Fatal(err)
				}
			} else {
				c, ok = rewritten[p]
			}
			if ok {
				compared = append(compared, reuse.NamedComparison{A: p[0], B: p[1], Comparison: c})
			}
		}
		sts, kept, err := plan.Stories(compared)
		if err != nil {
			t.Fatal(err)
		}
		for n, c := range compared {
			if kept[n] {
				pairs[[2]string{c.A, c.B}] = c.Pair
			}
		}
		for _, st := range sts {
			stories = append(stories, nameStory(st, plan.Names(), func(i int) [2]string { return [2]string{compared[i].A, compared[i].B} }))
		}
	}
	t.Logf("the largest plan reads %d fingerprint occurrences", mostOccurrences)
	return stories, pairs, len(members), largest, unlinked
}

func nameStory(st reuse.Story, names []string, pair func(int) [2]string) namedStory {
	ns := namedStory{Origin: names[st.Origin], Rule: string(st.OriginRule), Credit: st.Credit}
	for _, m := range st.Members {
		p := pair(m.Pair)
		ns.Members = append(ns.Members, fmt.Sprint(names[m.Doc], m.Reused, m.Credited, p[0], p[1]))
	}
	for _, i := range st.MemberPairs {
		ns.MemberPairs = append(ns.MemberPairs, pair(i))
	}
	return ns
}

func TestStoriesPlannedGroupByGroupAreAnalyzes(t *testing.T) {
	arts, err := corpus.Wikinews()
	if err != nil {
		t.Fatal(err)
	}
	day, err := corpus.Newsroom(arts, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	syndicated, err := corpus.Syndicated(arts, 200, 3, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	distinct, err := corpus.NewsroomDistinct(arts, 300, 1)
	if err != nil {
		t.Fatal(err)
	}
	// A story that 150 outlets carry makes a group of some 18,000
	// fingerprint occurrences, more than the index sorts by comparison.
	widely, err := corpus.Syndicated(arts, 200, 150, 10, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name         string
		docs         []reuse.Document
		opts         reuse.Options
		wantStories  int // at least
		wantUnlinked int // signatures left out, at least
	}{
		{"a newsroom's day of 300 articles", corpusDocuments(day), reuse.Options{NoRewritten: true}, 10, 1},
		{"a syndicated archive of 200 articles with sources and times", corpusDocuments(syndicated), reuse.Options{NoRewritten: true}, 10, 1},
		{"the day with boilerplate set at three articles", corpusDocuments(day), reuse.Options{NoRewritten: true, MaxDocs: 3, MaxRepeats: 2}, 10, 0},
		{"the day with rewritten passages", corpusDocuments(day), reuse.Options{}, 10, 1},
		{"the distinct day with rewritten passages", corpusDocuments(distinct), reuse.Options{}, 10, 1},
		{"the day and a wire story that 150 outlets carry", corpusDocuments(append(slices.Clone(day), widely...)), reuse.Options{NoRewritten: true}, 10, 1},
	} {
		// Both paths align the same passages, each with its own deadline:
		// without one, a loaded machine cannot make them differ.
		tc.opts.DiffTimeout = -1
		t.Run(tc.name, func(t *testing.T) {
			docs := slices.Clone(tc.docs)
			slices.SortFunc(docs, func(p, q reuse.Document) int { return strings.Compare(p.Name, q.Name) })
			opts := tc.opts
			want, err := reuse.Analyze(context.Background(), docs, opts)
			if err != nil {
				t.Fatal(err)
			}
			memberPairs := 0
			for _, st := range want.Stories {
				memberPairs += len(st.MemberPairs)
			}
			t.Logf("Analyze: %d stories, %d member pairs", len(want.Stories), memberPairs)
			if len(want.Stories) < tc.wantStories {
				t.Fatalf("Analyze found %d stories, want at least %d: the case tests too little", len(want.Stories), tc.wantStories)
			}
			stories, pairs, groups, largest, unlinked := runStoryStages(t, docs, opts)
			t.Logf("%d stories in %d groups of at most %d articles; %d signatures linked nothing", len(stories), groups, largest, unlinked)
			if unlinked < tc.wantUnlinked {
				t.Errorf("%d signatures linked nothing, want at least %d: the case does not show what may be left out", unlinked, tc.wantUnlinked)
			}
			if largest >= len(docs)/2 {
				t.Errorf("the largest group holds %d of %d articles: the corpus does not split", largest, len(docs))
			}
			docNames := make([]string, len(docs))
			for i, d := range docs {
				docNames[i] = d.Name
			}
			names := func(i int) string { return docNames[i] }
			var wantStories []namedStory
			for _, st := range want.Stories {
				wantStories = append(wantStories, nameStory(st, docNames, func(i int) [2]string {
					return [2]string{names(want.Pairs[i].A), names(want.Pairs[i].B)}
				}))
			}
			key := func(s namedStory) string { return jsonOf(t, s) }
			got := map[string]bool{}
			for _, s := range stories {
				got[key(s)] = true
			}
			if len(stories) != len(want.Stories) {
				t.Errorf("the groups give %d stories, Analyze %d", len(stories), len(want.Stories))
			}
			for _, s := range wantStories {
				if !got[key(s)] {
					t.Errorf("the groups miss Analyze's story %s", key(s))
				}
			}
			// With rewritten passages, Analyze also keeps pairs that only
			// similar sentences link, which belong to no story: the groups
			// keep the pairs that stories use.
			wantPairs := want.Pairs
			if !opts.NoRewritten {
				wantPairs = nil
				for i, p := range want.Pairs {
					if slices.ContainsFunc(want.Stories, func(st reuse.Story) bool {
						return slices.ContainsFunc(st.Members, func(m reuse.StoryMember) bool { return m.Pair == i }) || slices.Contains(st.MemberPairs, i)
					}) {
						wantPairs = append(wantPairs, p)
					}
				}
			}
			if len(pairs) != len(wantPairs) {
				t.Errorf("the groups keep %d pairs, Analyze %d", len(pairs), len(wantPairs))
			}
			for _, p := range wantPairs {
				k := [2]string{names(p.A), names(p.B)}
				g, ok := pairs[k]
				if !ok {
					t.Errorf("the groups miss the pair %v", k)
					continue
				}
				g.A, g.B = p.A, p.B
				if gj, wj := jsonOf(t, g), jsonOf(t, p); gj != wj {
					t.Errorf("pair %v differs:\ngroups:  %.300s\nAnalyze: %.300s", k, gj, wj)
				}
			}
		})
	}
}

// corpusDocuments makes a generated corpus the engine's documents, with
// their sources and publication times.
func corpusDocuments(cs []corpus.Doc) []reuse.Document {
	out := make([]reuse.Document, 0, len(cs))
	for _, d := range cs {
		out = append(out, reuse.Document{Name: d.Name, Source: d.Source, Published: d.Published, Text: d.Text})
	}
	return out
}
