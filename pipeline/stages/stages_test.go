package stages

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/passert"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/testing/ptest"
	"github.com/wirediff/wirediff/app/reuse"
)

// The tests run every pipeline on prism, in this process.
func TestMain(m *testing.M) { ptest.MainWithDefault(m, "prism") }

func init() {
	register.Function2x1[uint64, reuse.Occurrence, string](occurrenceString)
	register.Function2x1[string, Candidate, string](candidateString)
	register.Function2x1[string, Candidate, string](candidateSeedsString)
	register.Function1x1[Joined, string](joinedString)
	register.Function2x1[string, reuse.Covered, string](coveredString)
	register.Function2x0[reuse.Seed, func(uint64, reuse.Occurrence)](seedOccurrences)
	register.Function3x1[int32, []byte, func(string), error](packedSeedStrings)
	register.Function2x0[Candidate, func(string, Candidate)](keyCandidate)
	register.Function1x1[Article, string](articleString)
	register.Function2x0[reuse.Covered, func(string, reuse.Covered)](keyCovered)
}

func occurrenceString(h uint64, o reuse.Occurrence) string {
	return fmt.Sprintf("%x %s@%d", h, o.Doc, o.Pos)
}
func seedString(_ string, s reuse.Seed) string     { return fmt.Sprint(s.A, " ", s.B, " ", s.I, " ", s.J) }
func candidateString(k string, c Candidate) string { return fmt.Sprint(k, c) }
func joinedString(j Joined) string {
	return fmt.Sprintf("%s=%q %s=%q %v %v", j.A.ID, j.A.Text, j.B.ID, j.B.Text, j.I, j.J)
}
func coveredString(id string, c reuse.Covered) string { return fmt.Sprint(id, c) }
func articleString(a Article) string {
	return fmt.Sprintf("%s|%s|%s|%s|%s|%q|%v", a.ID, a.Title, a.Source, a.Published, a.URL, a.Text, a.Converted)
}

// seedOccurrences turns a seed into the two occurrences of one
// fingerprint that make it, hashed by its text.
func seedOccurrences(s reuse.Seed, emit func(uint64, reuse.Occurrence)) {
	h := uint64(len(s.A)*31 + int(s.I))
	emit(h, reuse.Occurrence{Doc: s.A, Pos: s.I})
	emit(h, reuse.Occurrence{Doc: s.B, Pos: s.J})
}

// packedSeedStrings describes each seed of a packed shard of Seeds.
func packedSeedStrings(_ int32, packed []byte, emit func(string)) error {
	r := reader{b: packed}
	for len(r.b) > 0 {
		emit(seedString("", r.seedAt()))
	}
	return r.err
}

func keyCovered(c reuse.Covered, emit func(string, reuse.Covered)) { emit("a", c) }
func keyCandidate(c Candidate, emit func(string, Candidate))       { emit(c.A, c) }

// run runs the pipeline on prism and fails the test on error.
func run(t *testing.T, p *beam.Pipeline) beam.PipelineResult {
	t.Helper()
	res, err := ptest.RunWithMetrics(p)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

const (
	wire   = "Moscow initially said Putin would not meet with Tillerson, but later relented and the two met for two hours on Wednesday."
	outlet = "Officials in Moscow initially said Putin would not meet with Tillerson -- then relented, and the two met for two hours on Wednesday."
	other  = "The weather in Lisbon stayed warm all week, and the beaches were full of people from the north."
)

func TestReadTakesJSONLinesAndTextFiles(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "day.jsonl"),
		`{"id":"upi-1","title":"Tillerson in Moscow","source":"UPI","published":"2017-04-12T09:30:00Z","url":"https://example.com/1","text":"`+wire+`"}`+"\n\n"+
			`{"id":"ap-2","text":"`+other+`"}`+"\n")
	write(t, filepath.Join(dir, "outlet.txt"), outlet)
	write(t, filepath.Join(dir, "page.html"), "<html><body><p>"+other+"</p></body></html>")
	p, s := beam.NewPipelineWithRoot()
	articles := Read(s, filepath.Join(dir, "*"))
	passert.Equals(s, beam.ParDo(s, articleString, articles),
		"upi-1|Tillerson in Moscow|UPI|2017-04-12T09:30:00Z|https://example.com/1|"+fmt.Sprintf("%q", wire)+"|false",
		"ap-2|||||"+fmt.Sprintf("%q", other)+"|false",
		"outlet.txt|||||"+fmt.Sprintf("%q", outlet)+"|false",
		"page.html|||||"+fmt.Sprintf("%q", other)+"|true")
	if got := Counters(run(t, p))[CounterArticles]; got != 4 {
		t.Errorf("the articles counter says %d, want 4", got)
	}
}

func TestReadSkipsABadLineAndCountsIt(t *testing.T) {
	dir := t.TempDir()
	write(t, filepath.Join(dir, "day.jsonl"), `{"id":"a","text":"fine"}`+"\n"+`{"id":"b","text":42}`+"\n"+`{"text":"no id"}`+"\n")
	p, s := beam.NewPipelineWithRoot()
	passert.Equals(s, beam.ParDo(s, articleString, Read(s, filepath.Join(dir, "*.jsonl"))),
		`a|||||"fine"|false`, `day.jsonl:3|||||"no id"|false`)
	cs := Counters(run(t, p))
	if cs[CounterArticles] != 2 || cs[CounterBadLines] != 1 {
		t.Errorf("counters say %d articles and %d bad lines, want 2 and 1", cs[CounterArticles], cs[CounterBadLines])
	}
}

func TestFingerprintEmitsTheEnginesFingerprints(t *testing.T) {
	var want []any
	for _, a := range []Article{{ID: "w", Text: wire}, {ID: "o", Text: outlet}} {
		fps, _ := reuse.Fingerprints(a.Text, reuse.Options{})
		for _, f := range fps {
			want = append(want, occurrenceString(f.Hash, reuse.Occurrence{Doc: a.ID, Source: a.Source, Pos: f.Pos}))
		}
	}
	p, s := beam.NewPipelineWithRoot()
	articles := beam.Create(s, Article{ID: "w", Text: wire}, Article{ID: "o", Text: outlet})
	passert.Equals(s, beam.ParDo(s, occurrenceString, Fingerprint(s, Options{}, articles)), want...)
	if got := Counters(run(t, p))[CounterFingerprints]; got != int64(len(want)) {
		t.Errorf("the fingerprints counter says %d, want %d", got, len(want))
	}
}

func TestSeedsPairOccurrencesAndSetBoilerplateAside(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	occ := beam.ParDo(s, seedOccurrences, beam.Create(s,
		reuse.Seed{A: "a", B: "b", I: 1, J: 7},
		reuse.Seed{A: "c", B: "d", I: 2, J: 3}))
	// A fingerprint in four articles, over MaxDocs 3: boilerplate.
	boiler := beam.ParDo(s, seedOccurrences, beam.Create(s,
		reuse.Seed{A: "x1", B: "x2", I: 50, J: 50}, reuse.Seed{A: "x1", B: "x3", I: 50, J: 50}, reuse.Seed{A: "x1", B: "x4", I: 50, J: 50}))
	opts := Options{MaxDocs: 3, Shards: 2}
	seeds := Seeds(s, opts, FingerprintShards(s, opts, beam.Flatten(s, occ, boiler)), beam.Create(s, 8))
	passert.Equals(s, beam.ParDo(s, packedSeedStrings, seeds), "a b 1 7", "c d 2 3")
	if got := Counters(run(t, p))[CounterBoilerplate]; got != 1 {
		t.Errorf("the fingerprints-set-aside counter says %d, want 1", got)
	}
}

func TestSeedsDropMarkedTextAndLoneSeeds(t *testing.T) {
	const box = " Sign up for our daily newsletter to get the news first."
	// Three shards: some hold several fingerprints.
	opts := Options{Boilerplate: []string{box}, Shards: 3}
	arts := []Article{{ID: "w", Text: wire + box}, {ID: "o", Text: outlet + box},
		// Shares a stock phrase with the wire, and nothing else.
		{ID: "x", Text: "Critics said Putin would not meet with anyone who initially said the two met for two weeks."}}
	// The seeds the engine keeps, by its rules.
	marked := reuse.Marked(opts.engine())
	groups := map[uint64]*reuse.FingerprintGroup{}
	var order []uint64
	wantMarked := map[uint64]bool{}
	for _, a := range arts {
		fps, _ := reuse.Fingerprints(a.Text, opts.engine())
		for _, f := range fps {
			if marked(f.Hash) {
				wantMarked[f.Hash] = true
				continue
			}
			if groups[f.Hash] == nil {
				groups[f.Hash] = reuse.NewFingerprintGroup(opts.engine(), len(arts))
				order = append(order, f.Hash)
			}
			groups[f.Hash].Add(reuse.Occurrence{Doc: a.ID, Pos: f.Pos, Near: f.Near})
		}
	}
	var want []any
	lone := 0
	for _, h := range order {
		for _, seed := range groups[h].Seeds() {
			if reuse.LoneSeed(seed, opts.engine()) {
				lone++
			} else {
				want = append(want, seedString("", seed))
			}
		}
	}
	if lone == 0 || len(want) == 0 || len(wantMarked) == 0 {
		t.Fatalf("%d lone seeds, %d kept, %d marked fingerprints: the test needs some of each", lone, len(want), len(wantMarked))
	}
	p, s := beam.NewPipelineWithRoot()
	articles := beam.Create(s, arts[0], arts[1], arts[2])
	seeds := Seeds(s, opts, FingerprintShards(s, opts, Fingerprint(s, opts, articles)), Count(s, articles))
	passert.Equals(s, beam.ParDo(s, packedSeedStrings, seeds), want...)
	cs := Counters(run(t, p))
	if cs[CounterMarked] != int64(len(wantMarked)) || cs[CounterLoneSeeds] != int64(lone) {
		t.Errorf("counters say %d marked fingerprints and %d lone seeds, want %d and %d", cs[CounterMarked], cs[CounterLoneSeeds], len(wantMarked), lone)
	}
}

// candidateSeedsString describes a candidate with its seeds in order of
// position, in which Candidates need not give them.
func candidateSeedsString(k string, c Candidate) string {
	seeds := make([]string, len(c.I))
	for n := range c.I {
		seeds[n] = fmt.Sprintf("%06d:%06d", c.I[n], c.J[n])
	}
	slices.Sort(seeds)
	return fmt.Sprint(k, " ", c.A, " ", c.B, " ", seeds)
}

func TestCandidatesGatherEachPairsSeedsAndDropUnrelatedPairs(t *testing.T) {
	const (
		sentence = "railwayn bridgei bridgeq councila trades railwayv islandl doctorr"
		seven    = "crossing harbour ferry plan winter the against"
	)
	arts := []Article{
		// Wire copy: a chain of seeds long enough to relate the pair.
		{ID: "w", Text: wire}, {ID: "o", Text: outlet},
		// One sentence of eight words, one seed: too short a chain to
		// tell without the words around it, which make a passage.
		{ID: "a", Text: "Rain fell across the northern valleys on Tuesday morning. " + sentence + ". Farmers counted their losses by evening."},
		{ID: "b", Text: "Markets closed higher after a quiet week of trading. " + sentence + ". Analysts expect growth to slow next year."},
		// A sentence of seven words, two seeds that may chain but make
		// no passage.
		{ID: "p", Text: "Rain fell across the northern valleys on Tuesday. " + seven + ". Farmers counted their losses by evening."},
		{ID: "q", Text: "Markets closed higher after a quiet week. " + seven + ". Analysts expect growth to slow next year."},
	}
	// The engine's seeds, and the pairs whose seeds may relate.
	opts := Options{Shards: 3}
	groups := map[uint64]*reuse.FingerprintGroup{}
	for _, a := range arts {
		fps, _ := reuse.Fingerprints(a.Text, opts.engine())
		for _, f := range fps {
			if groups[f.Hash] == nil {
				groups[f.Hash] = reuse.NewFingerprintGroup(opts.engine(), len(arts))
			}
			groups[f.Hash].Add(reuse.Occurrence{Doc: a.ID, Pos: f.Pos, Near: f.Near})
		}
	}
	kept := map[[2]string][]reuse.Seed{}
	for _, g := range groups {
		for _, seed := range g.Seeds() {
			if !reuse.LoneSeed(seed, opts.engine()) {
				kept[[2]string{seed.A, seed.B}] = append(kept[[2]string{seed.A, seed.B}], seed)
			}
		}
	}
	var want []any
	long, pendingKept, pendingDropped := 0, 0, 0
	for _, seeds := range kept {
		switch {
		case reuse.LongChain(seeds, opts.engine()):
			long++
		case reuse.MayRelate(seeds, opts.engine()):
			pendingKept++
		default:
			pendingDropped++
			continue
		}
		want = append(want, candidateSeedsString(seeds[0].A, candidateOf(seeds)))
	}
	if long == 0 || pendingKept == 0 || pendingDropped == 0 {
		t.Fatalf("%d pairs with a long chain, %d others that may relate, %d that do not: the test needs some of each", long, pendingKept, pendingDropped)
	}
	p, s := beam.NewPipelineWithRoot()
	articles := beam.Create(s, arts[0], arts[1], arts[2], arts[3], arts[4], arts[5])
	shards, count := FingerprintShards(s, opts, Fingerprint(s, opts, articles)), Count(s, articles)
	candidates := Candidates(s, opts, Seeds(s, opts, shards, count), shards, count)
	passert.Equals(s, beam.ParDo(s, candidateSeedsString, candidates), want...)
	cs := Counters(run(t, p))
	if cs[CounterCandidates] != int64(len(kept)) || cs[CounterJoined] != int64(len(want)) {
		t.Errorf("the counters say %d candidate pairs and %d joined, want %d and %d", cs[CounterCandidates], cs[CounterJoined], len(kept), len(want))
	}
	if cs[CounterNearPending] != int64(pendingKept+pendingDropped) {
		t.Errorf("the counters say %d pairs seeded again with Nears, want %d (the pairs without a long chain)", cs[CounterNearPending], pendingKept+pendingDropped)
	}
}

func TestJoinGivesEachCandidateBothTexts(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	byID := ByID(s, beam.Create(s, Article{ID: "a", Text: "text of a"}, Article{ID: "b", Text: "text of b"}, Article{ID: "c", Text: "text of c"}))
	cands := beam.ParDo(s, keyCandidate, beam.Create(s, Candidate{"a", "b", []int32{1}, []int32{2}}, Candidate{"b", "c", []int32{3}, []int32{4}}))
	passert.Equals(s, beam.ParDo(s, joinedString, Join(s, byID, cands)),
		`a="text of a" b="text of b" [1] [2]`, `b="text of b" c="text of c" [3] [4]`)
	run(t, p)
}

func TestJoinRefusesTwoArticlesWithOneID(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	byID := ByID(s, beam.Create(s, Article{ID: "a", Text: "one"}, Article{ID: "a", Text: "two"}, Article{ID: "b", Text: "three"}))
	Join(s, byID, beam.ParDo(s, keyCandidate, beam.Create(s, Candidate{"a", "b", []int32{0}, []int32{0}})))
	if _, err := ptest.RunWithMetrics(p); err == nil || !strings.Contains(err.Error(), `two articles have the ID "a"`) {
		t.Errorf("two articles with ID a gave %v, want an error that says so", err)
	}
}

func TestCompareUsesTheEnginesPairComparison(t *testing.T) {
	opts := reuse.Options{NoRewritten: true, AllPairs: true}
	want, err := reuse.Analyze(context.Background(), []reuse.Document{{Name: "o", Text: outlet}, {Name: "w", Text: wire}}, opts)
	if err != nil || len(want.Pairs) != 1 {
		t.Fatalf("Analyze gave %v pairs, %v; the test needs one", len(want.Pairs), err)
	}
	wantLine, err := pairLine("o", "w", want.Pairs[0])
	if err != nil {
		t.Fatal(err)
	}
	// Every seed of the two, as Seeds would give them.
	var groups []*reuse.FingerprintGroup
	index := map[uint64]*reuse.FingerprintGroup{}
	for _, a := range []Article{{ID: "o", Text: outlet}, {ID: "w", Text: wire}} {
		fps, _ := reuse.Fingerprints(a.Text, opts)
		for _, f := range fps {
			if index[f.Hash] == nil {
				index[f.Hash] = reuse.NewFingerprintGroup(opts, 2)
				groups = append(groups, index[f.Hash])
			}
			index[f.Hash].Add(reuse.Occurrence{Doc: a.ID, Pos: f.Pos})
		}
	}
	j := Joined{A: Article{ID: "o", Text: outlet}, B: Article{ID: "w", Text: wire}}
	for _, g := range groups {
		for _, seed := range g.Seeds() {
			j.I, j.J = append(j.I, seed.I), append(j.J, seed.J)
		}
	}
	if len(j.I) == 0 {
		t.Fatal("the two texts share no seed")
	}
	unrelated := Joined{A: Article{ID: "o", Text: outlet}, B: Article{ID: "z", Text: other}, I: []int32{0}, J: []int32{0}}
	p, s := beam.NewPipelineWithRoot()
	lines, covered := Compare(s, Options{}, beam.Create(s, j, unrelated))
	passert.Equals(s, lines, wantLine)
	passert.Count(s, covered, "passage sides", 2*len(want.Pairs[0].Passages))
	cs := Counters(run(t, p))
	if cs[CounterPairs] != 1 || cs[CounterPassages] != int64(len(want.Pairs[0].Passages)) {
		t.Errorf("counters say %d pairs and %d passages, want 1 and %d", cs[CounterPairs], cs[CounterPassages], len(want.Pairs[0].Passages))
	}
}

func TestSummariseGivesEveryArticleItsReusedShare(t *testing.T) {
	p, s := beam.NewPipelineWithRoot()
	byID := ByID(s, beam.Create(s, Article{ID: "a", Text: "one two three four"}, Article{ID: "b", Text: "five six"}))
	// Two overlapping passages in a, words 0–2 and 1–3: three of its
	// four words are reused; b shares nothing.
	covered := beam.ParDo(s, keyCovered, beam.Create(s, reuse.Covered{W0: 0, W1: 2, Kind: reuse.Copied}, reuse.Covered{W0: 1, W1: 3, Kind: reuse.Copied}))
	passert.Equals(s, Summarise(s, byID, covered),
		`{"type":"document","name":"a","bytes":18,"words":4,"reused":0.75,"rewritten":0}`,
		`{"type":"document","name":"b","bytes":8,"words":2,"reused":0,"rewritten":0}`)
	run(t, p)
}

func write(t *testing.T, name, text string) {
	t.Helper()
	if err := os.WriteFile(name, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
