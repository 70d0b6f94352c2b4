package reuse

import (
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wirediff/wirediff/internal/corpus"
)

// seedDocs reads the five seed articles of testdata.
func seedDocs(t *testing.T) []Document {
	t.Helper()
	names, err := filepath.Glob("../../testdata/00*.txt")
	if err != nil || len(names) != 5 {
		t.Fatalf("seeds: %v %v", names, err)
	}
	docs := make([]Document, len(names))
	for i, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatal(err)
		}
		docs[i] = Document{Name: filepath.Base(n)[:3], Text: string(b)}
	}
	return docs
}

// run analyses docs with opts and checks the report's promises.
func run(t *testing.T, docs []Document, opts Options) *Report {
	t.Helper()
	r, err := Analyze(context.Background(), docs, opts)
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, docs, r, opts)
	checkStories(t, r)
	return r
}

// checkStories fails t unless every story's members point at pairs of
// the origin and that member, and member pairs at pairs of two members.
func checkStories(t *testing.T, r *Report) {
	t.Helper()
	for n, s := range r.Stories {
		if s.OriginRule != Earliest && s.OriginRule != MostComplete {
			t.Errorf("story %d: origin rule %q", n, s.OriginRule)
		}
		members := []int{s.Origin}
		for _, m := range s.Members {
			p := r.Pairs[m.Pair]
			if min(s.Origin, m.Doc) != p.A || max(s.Origin, m.Doc) != p.B {
				t.Errorf("story %d: member %d points at pair %d-%d", n, m.Doc, p.A, p.B)
			}
			if m.Reused <= 0 || m.Reused > 1 {
				t.Errorf("story %d: member %d reused %v", n, m.Doc, m.Reused)
			}
			members = append(members, m.Doc)
		}
		for _, i := range s.MemberPairs {
			p := r.Pairs[i]
			if !slices.Contains(members, p.A) || !slices.Contains(members, p.B) || p.A == s.Origin || p.B == s.Origin {
				t.Errorf("story %d: member pair %d-%d is not of two members", n, p.A, p.B)
			}
		}
	}
}

// storyOf returns the story whose origin and members are exactly docs.
func storyOf(r *Report, docs ...int) (Story, bool) {
	for _, s := range r.Stories {
		got := []int{s.Origin}
		for _, m := range s.Members {
			got = append(got, m.Doc)
		}
		slices.Sort(got)
		if slices.Equal(got, docs) {
			return s, true
		}
	}
	return Story{}, false
}

func TestSeedsMakeOneUPIStoryAndSmallQuotationStories(t *testing.T) {
	docs := seedDocs(t)
	r := run(t, docs, Options{})

	upi, ok := storyOf(r, 1, 2)
	if !ok {
		t.Fatalf("no story of exactly 001 and 002: %+v", r.Stories)
	}
	if upi.Origin != 1 || upi.OriginRule != MostComplete || !upi.Members[0].Credited || !slices.Contains(upi.Credit, "UPI") {
		t.Errorf("the UPI story: origin %d by %s, credit %v, member %+v; want 001, the most complete, crediting UPI",
			upi.Origin, upi.OriginRule, upi.Credit, upi.Members[0])
	}
	if _, ok := storyOf(r, 0, 2); !ok {
		t.Errorf("the Lavrov quote that 000 and 002 share is not a story of its own: %+v", r.Stories)
	}
	for _, s := range r.Stories {
		if len(s.Members) > 2 {
			t.Errorf("a story of %d documents (origin %d): shared quotations made the seeds one story", len(s.Members)+1, s.Origin)
		}
	}
	all := run(t, docs, Options{AllPairs: true})
	if len(r.Pairs) != len(all.Pairs) {
		t.Errorf("%d pairs, every pair gives %d: among five seeds no pair is explained by another's origin", len(r.Pairs), len(all.Pairs))
	}

	// The web app's demo names the sources: two versions of one UPI story
	// from UPI are a story, not UPI's boilerplate.
	for i, src := range []string{"USA Today", "UPI", "UPI", "", "RFE/RL"} {
		docs[i].Source = src
	}
	sourced := run(t, docs, Options{})
	if _, ok := storyOf(sourced, 1, 2); !ok || len(sourced.SetAside) != 0 || len(sourced.Pairs) != len(all.Pairs) {
		t.Errorf("with the demo's sources: UPI story %v, set aside %+v, %d pairs", ok, sourced.SetAside, len(sourced.Pairs))
	}
}

// wireStory returns one agency story and copies edited copies of it, as
// corpus.Syndicated makes them: the agency text first.
func wireStory(t *testing.T, copies int) ([]Document, []corpus.Doc) {
	t.Helper()
	arts, err := corpus.Wikinews()
	if err != nil {
		t.Fatal(err)
	}
	day, err := corpus.Syndicated(arts, copies+1, copies, 100, 3)
	if err != nil {
		t.Fatal(err)
	}
	slices.SortStableFunc(day, func(p, q corpus.Doc) int { return p.Published.Compare(q.Published) })
	docs := make([]Document, len(day))
	for i, d := range day {
		docs[i] = Document{Name: d.Name, Text: d.Text, Source: d.Source}
	}
	return docs, day
}

func TestAStorysOriginIsTheMostCompleteVersionOrTheEarliest(t *testing.T) {
	docs, day := wireStory(t, 30)
	agency := day[0].Source // the earliest is the agency's own text

	t.Run("without publication times, the agency text, which is the most complete", func(t *testing.T) {
		r := run(t, docs, Options{})
		if len(r.Stories) != 1 {
			t.Fatalf("%d stories, want 1", len(r.Stories))
		}
		s := r.Stories[0]
		if s.Origin != 0 || s.OriginRule != MostComplete || len(s.Members) != 30 {
			t.Errorf("origin %d (%s) by %s with %d members; want the agency text by most-complete with 30", s.Origin, docs[s.Origin].Source, s.OriginRule, len(s.Members))
		}
		// One alignment a copy, and a few for copies that share an edit.
		if len(r.Pairs) > 30+5 {
			t.Errorf("%d pairs for 30 copies", len(r.Pairs))
		}
		credited := 0
		for _, m := range s.Members {
			names := namesWord(docs[m.Doc].Text, agency)
			if m.Credited != names {
				t.Errorf("copy %d credited %v, but naming %s is %v", m.Doc, m.Credited, agency, names)
			}
			if m.Credited {
				credited++
			}
		}
		if credited == 0 || credited == 30 {
			t.Errorf("%d of 30 copies credit %s: the generator drops the credit from one in three", credited, agency)
		}
	})

	t.Run("with publication times, the earliest", func(t *testing.T) {
		timed := slices.Clone(docs)
		for i := range timed {
			timed[i].Published = day[i].Published
		}
		// A copy that ran first is the origin, complete or not.
		first := 17
		timed[first].Published = day[0].Published.Add(-time.Hour)
		r := run(t, timed, Options{})
		if len(r.Stories) != 1 {
			t.Fatalf("%d stories, want 1", len(r.Stories))
		}
		if s := r.Stories[0]; s.Origin != first || s.OriginRule != Earliest || len(s.Members) != 30 {
			t.Errorf("origin %d by %s with %d members; want copy %d, the earliest, with 30", s.Origin, s.OriginRule, len(s.Members), first)
		}
	})
}

func TestAMemberThatCopiesAnothersRewriteIsReportedAgainstIt(t *testing.T) {
	arts, err := corpus.Wikinews()
	if err != nil {
		t.Fatal(err)
	}
	// Paragraphs of 40 words or more, from the corpus's articles in turn.
	var paras []string
	for _, a := range arts {
		for _, p := range strings.Split(a.Text, "\n") {
			if len(strings.Fields(p)) >= 40 {
				paras = append(paras, p)
				break
			}
		}
	}
	body := strings.Join(paras[:3], "\n\n")
	origin := body + "\n\n" + paras[3]
	ending := paras[4]
	rewrite := body + "\n\n" + ending // the ending rewritten
	copyOfRewrite := strings.Replace(rewrite, " the ", " a ", 1)
	plain := strings.Replace(origin, " and ", " & ", 1)
	at := time.Date(2017, 4, 12, 9, 0, 0, 0, time.UTC)
	docs := []Document{
		{Name: "origin", Text: origin, Published: at},
		{Name: "rewrite", Text: rewrite, Published: at.Add(time.Hour)},
		{Name: "copy of the rewrite", Text: copyOfRewrite, Published: at.Add(2 * time.Hour)},
		{Name: "plain copy", Text: plain, Published: at.Add(3 * time.Hour)},
	}
	r := run(t, docs, Options{})
	s, ok := storyOf(r, 0, 1, 2, 3)
	if !ok || s.Origin != 0 {
		t.Fatalf("want one story from the origin with three members: %+v", r.Stories)
	}
	if len(s.MemberPairs) != 1 {
		t.Fatalf("member pairs %v, want the rewrite and its copy", s.MemberPairs)
	}
	p := r.Pairs[s.MemberPairs[0]]
	if p.A != 1 || p.B != 2 {
		t.Fatalf("member pair %d-%d, want 1-2", p.A, p.B)
	}
	found := false
	for _, ps := range p.Passages {
		found = found || strings.Contains(docs[2].Text[ps.B.Start:ps.B.End], ending[:60])
	}
	if !found {
		t.Errorf("the member pair has no passage with the rewritten ending")
	}
	for _, p := range r.Pairs {
		if p.A != 0 && !(p.A == 1 && p.B == 2) {
			t.Errorf("pair %d-%d of two members that share only the origin's text", p.A, p.B)
		}
	}
}

func TestTextThatManyCarryIsAStoryAndAnOutletsBoxIsSetAside(t *testing.T) {
	r0 := rand.New(rand.NewPCG(9, 9))
	words := func(n int) string { return strings.Join(randomText(r0, n), " ") }
	const shared = "The agency said the talks in Geneva would resume on Monday after a pause of three weeks."
	box := "Sign up for the Gazette newsletter and get the morning briefing in your inbox every day."

	t.Run("a sentence in 200 of 2,000 articles", func(t *testing.T) {
		docs := make([]Document, 2000)
		for i := range docs {
			text := words(60)
			if i%10 == 3 {
				text = words(30) + ". " + shared + " " + words(30)
			}
			docs[i] = Document{Name: "a", Text: text}
		}
		r := run(t, docs, Options{NoRewritten: true})
		if len(r.Stories) != 1 || len(r.Stories[0].Members) != 199 {
			t.Fatalf("%d stories, want one of 200 articles", len(r.Stories))
		}
		if len(r.Pairs) != 199 {
			t.Errorf("%d pairs, want one for each carrier but the origin", len(r.Pairs))
		}
		for d, s := range r.Documents {
			if carries := d%10 == 3; carries != (s.Reused > 0) {
				t.Errorf("article %d: reused %v, carries the sentence %v", d, s.Reused, carries)
			}
		}
		if len(r.SetAside) != 0 {
			t.Errorf("set aside %+v, want nothing", r.SetAside)
		}
		if len(r.Families) != 1 || len(r.Families[0].Members) != 200 {
			t.Errorf("%d families, want one of the 200 carriers", len(r.Families))
		}
	})

	t.Run("an outlet's newsletter box", func(t *testing.T) {
		docs := []Document{
			{Name: "g1", Source: "Gazette", Text: words(80) + ". " + box},
			{Name: "g2", Source: "Gazette", Text: words(80) + ". " + box},
			{Name: "g3", Source: "Gazette", Text: words(50) + ". " + shared + " " + words(20) + ". " + box},
			{Name: "h1", Source: "Herald", Text: words(40) + ". " + shared + " " + words(20)},
		}
		r := run(t, docs, Options{})
		if len(r.Pairs) != 1 || r.Pairs[0].A != 2 || r.Pairs[0].B != 3 {
			t.Errorf("pairs %+v, want only the Gazette and Herald articles that share a sentence", r.Pairs)
		}
		if len(r.SetAside) != 1 {
			t.Fatalf("set aside %+v, want the box", r.SetAside)
		}
		a := r.SetAside[0]
		if got := docs[a.Example.Doc].Text[a.Example.Span.Start:a.Example.Span.End]; a.Reason != "source" || a.Source != "Gazette" || a.Docs != 3 || !strings.Contains(got, "Gazette newsletter and get the morning briefing") {
			t.Errorf("set aside %+v %q, want the Gazette's box in its three articles", a, got)
		}
	})

	t.Run("text a user marks", func(t *testing.T) {
		docs := []Document{{Text: words(40) + ". " + box}, {Text: words(40) + ". " + box}}
		if r := run(t, docs, Options{}); len(r.Pairs) != 1 {
			t.Fatalf("unmarked, the box is shared: %d pairs", len(r.Pairs))
		}
		r := run(t, docs, Options{Boilerplate: []string{box}})
		if len(r.Pairs) != 0 || len(r.SetAside) != 1 || r.SetAside[0].Reason != "marked" || r.SetAside[0].Docs != 2 {
			t.Errorf("marked: pairs %d, set aside %+v", len(r.Pairs), r.SetAside)
		}
	})

	t.Run("a marked passage inside a pair that shares more", func(t *testing.T) {
		// The two UPI versions share six passages; marking one of them
		// must take it out of the pair, not only out of the index that
		// relates the pair.
		docs := seedDocs(t)
		pair := func(r *Report) Pair {
			for _, p := range r.Pairs {
				if p.A == 1 && p.B == 2 {
					return p
				}
			}
			t.Fatal("seeds 001 and 002 are no pair")
			return Pair{}
		}
		before := pair(run(t, docs, Options{}))
		longest := slices.MaxFunc(before.Passages, func(p, q Passage) int { return p.Words - q.Words })
		marked := docs[1].Text[longest.A.Start:longest.A.End]
		after := pair(run(t, docs, Options{Boilerplate: []string{marked}}))
		if after.SharedWords > before.SharedWords-longest.Words/2 {
			t.Errorf("marking a passage of %d words left the pair sharing %d of %d words", longest.Words, after.SharedWords, before.SharedWords)
		}
		for _, p := range after.Passages {
			if p.A.Start < longest.A.End && longest.A.Start < p.A.End && p.Words > longest.Words/2 {
				t.Errorf("the marked passage %v is still reported as %v (%d words)", longest.A, p.A, p.Words)
			}
		}
	})
}

func TestAllPairsComparesEveryCopyAndStoriesEachWithTheOrigin(t *testing.T) {
	r0 := rand.New(rand.NewPCG(5, 5))
	docs := make([]Document, 6)
	for i := range docs {
		docs[i] = Document{Text: strings.Join(randomText(r0, 30), " ") + ". " + para1 + " " + para2 + " " + strings.Join(randomText(r0, 30), " ")}
	}
	docs[0].Text = para3 + " " + docs[0].Text // the most complete
	tests := []struct {
		name  string
		opts  Options
		pairs int
	}{
		{"by default, each copy with the origin", Options{}, 5},
		{"with AllPairs, every pair", Options{AllPairs: true}, 15},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := run(t, docs, tc.opts)
			if len(r.Pairs) != tc.pairs || len(r.Stories) != 1 || len(r.Stories[0].Members) != 5 {
				t.Errorf("%d pairs and %d stories, want %d pairs and one story of six", len(r.Pairs), len(r.Stories), tc.pairs)
			}
		})
	}
}

func TestCompareAlignsAnyTwoMembers(t *testing.T) {
	docs := seedDocs(t)
	p, err := Compare(context.Background(), docs[1], docs[2], Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := run(t, docs, Options{AllPairs: true})
	want := r.Pairs[0] // 001 and 002, the UPI story
	if p.SharedWords != want.SharedWords || len(p.Passages) != len(want.Passages) || p.A != 0 || p.B != 1 {
		t.Errorf("Compare: %d words in %d passages, want %d in %d", p.SharedWords, len(p.Passages), want.SharedWords, len(want.Passages))
	}
	if p, _ := Compare(context.Background(), docs[0], Document{Text: other}, Options{}); len(p.Passages) != 0 || p.A != 0 || p.B != 1 {
		t.Errorf("000 and an unrelated text: pair %d-%d with %d passages, want none", p.A, p.B, len(p.Passages))
	}
}
