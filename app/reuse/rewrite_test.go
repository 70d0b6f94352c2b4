package reuse

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// Texts for the rewritten-passage tests: an agency paragraph and the ways
// a newsroom rewrites one.
const (
	budgetWire = `The city council voted on Tuesday to approve a new budget that raises spending on public transport by twelve percent, after months of heated debate between members who wanted lower taxes and those who demanded better bus services. The mayor said the decision would help thousands of commuters who rely on buses every day, and promised that fares would not rise next year.`
	// About a third of the words replaced, clauses turned: no eight
	// words survive in a row.
	budgetRewrite = `On Tuesday the municipal council voted to adopt a fresh budget that lifts spending on public transit by twelve percent, following months of fierce argument between councillors who sought lower taxes and those who insisted on improved bus services. The mayor stated the move would assist thousands of commuters who depend on buses each day, and pledged that fares would not increase next year.`

	arrestWire   = `Police arrested two men near the central station late on Friday night. Both suspects were carrying stolen phones and a large amount of cash, officers said.`
	arrestMerged = `Officers said they detained two suspects with stolen phones and a large sum of cash near the central station late on Friday.`

	unrelated = `Heavy snow closed mountain roads across the region on Sunday, and ski resorts reported their busiest weekend of the season. Forecasters expect milder weather by Wednesday, when rain is likely in the valleys.`
)

func TestRewrittenPassages(t *testing.T) {
	tests := []struct {
		name string
		a, b string
		// want is the number of rewritten passages; every one must cover
		// cover[0] in A and cover[1] in B.
		want  int
		cover [2]string
		// merged, if set, is the A side of one of the sentence pairs.
		merged string
	}{
		{
			name:  "a paragraph with a third of its words replaced by synonyms is one rewritten passage",
			a:     budgetWire,
			b:     budgetRewrite,
			want:  1,
			cover: [2]string{"city council voted", "fares would not increase"},
		},
		{
			name:  "the rewrite is found inside longer articles",
			a:     unrelated + "\n\n" + budgetWire + "\n\nReaders can find more local news on our website.",
			b:     "Subscribe to our newsletter for the morning briefing.\n\n" + budgetRewrite,
			want:  1,
			cover: [2]string{"public transport by twelve", "public transit by twelve"},
		},
		{
			name:   "two sentences merged into one are one sentence pair",
			a:      budgetWire + "\n\n" + arrestWire,
			b:      budgetRewrite + "\n\n" + arrestMerged,
			want:   1,
			cover:  [2]string{"Police arrested", "Officers said they detained"},
			merged: "Police arrested two men near the central station late on Friday night. Both suspects were carrying stolen phones and a large amount of cash, officers said.",
		},
		{
			name: "unrelated texts share no rewritten passage",
			a:    budgetWire,
			b:    unrelated,
			want: 0,
		},
		{
			name: "a verbatim copy is copied, not rewritten",
			a:    budgetWire,
			b:    budgetWire,
			want: 0,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			docs := []Document{{Name: "a", Text: tt.a}, {Name: "b", Text: tt.b}}
			r, err := Analyze(context.Background(), docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkReport(t, docs, r, Options{})
			var got []Passage
			for _, p := range r.Pairs {
				for _, ps := range p.Passages {
					if ps.Kind == Rewritten {
						got = append(got, ps)
					}
				}
			}
			if len(got) != tt.want {
				t.Fatalf("%d rewritten passages, want %d: %+v", len(got), tt.want, r.Pairs)
			}
			for _, ps := range got {
				if !strings.Contains(tt.a[ps.A.Start:ps.A.End], tt.cover[0]) || !strings.Contains(tt.b[ps.B.Start:ps.B.End], tt.cover[1]) {
					t.Errorf("passage A %q\nB %q\nwant it to cover %q and %q", tt.a[ps.A.Start:ps.A.End], tt.b[ps.B.Start:ps.B.End], tt.cover[0], tt.cover[1])
				}
				if len(ps.Sentences) == 0 {
					t.Errorf("a rewritten passage without sentence pairs")
				}
				found := tt.merged == ""
				for _, sp := range ps.Sentences {
					found = found || tt.a[sp.A.Start:sp.A.End] == tt.merged
				}
				if !found {
					t.Errorf("no sentence pair has %q on side A: %+v", tt.merged, ps.Sentences)
				}
			}
		})
	}
}

func TestCopiedTextStaysCopiedWithNoRewritten(t *testing.T) {
	docs := []Document{{Text: budgetWire}, {Text: budgetRewrite}}
	r, err := Analyze(context.Background(), docs, Options{NoRewritten: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Pairs) != 0 {
		t.Errorf("NoRewritten still reports %+v", r.Pairs)
	}
}

// TestIndependentReportsAreNotRewrittenCopy runs the seeds: 000, 003 and
// 004 come from three newsrooms that reported one meeting in their own
// words. They share names, figures and quotes, and nothing they share
// outside quotations may be called rewritten.
func TestIndependentReportsAreNotRewrittenCopy(t *testing.T) {
	docs := readSeeds(t)
	r, err := Analyze(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, docs, r, Options{})
	independent := map[int]bool{0: true, 3: true, 4: true}
	for _, p := range r.Pairs {
		if !independent[p.A] || !independent[p.B] {
			continue
		}
		for _, ps := range p.Passages {
			if ps.Kind == Rewritten && !ps.Quote {
				t.Errorf("%s and %s: narration reported as rewritten: %q / %q", docs[p.A].Name, docs[p.B].Name,
					docs[p.A].Text[ps.A.Start:ps.A.End], docs[p.B].Text[ps.B.Start:ps.B.End])
			}
		}
	}
}

func TestSplitSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"full stops, questions and exclamations end sentences", "One two three four five six. Seven eight nine ten eleven twelve? Thirteen fourteen fifteen sixteen seventeen eighteen!", []string{"One two three four five six", "Seven eight nine ten eleven twelve", "Thirteen fourteen fifteen sixteen seventeen eighteen"}},
		{"a line break ends a paragraph", "A headline of six words here\nThe body of the story starts here.", []string{"A headline of six words here", "The body of the story starts here"}},
		{"a dateline joins the first sentence", "Monday, October 7, 2019\nThe body of the story starts here.", []string{"Monday, October 7, 2019\nThe body of the story starts here"}},
		{"a short fragment joins the next sentence", "Yes. He said it was over and done.", []string{"Yes. He said it was over and done"}},
		{"a short tail joins the last sentence", "He said it was over and done. Yes.", []string{"He said it was over and done. Yes"}},
		{"abbreviations do not end sentences", "The U.S. envoy met Mr. Lavrov in Moscow.", []string{"The U.S. envoy met Mr. Lavrov in Moscow"}},
		{"Urdu and Hindi full stops end sentences", "یہ ایک بہت لمبا جملہ ہے۔ یہ دوسرا بہت لمبا جملہ ہے۔", []string{"یہ ایک بہت لمبا جملہ ہے", "یہ دوسرا بہت لمبا جملہ ہے"}},
		{"the ideographic full stop ends sentences", "今天天气很好。我们去公园散步。", []string{"今天天气很好", "我们去公园散步"}},
		{"no text has no sentences", "  ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			words := tokenize(tt.text, nil)
			var got []string
			for _, s := range splitSentences(tt.text, words, nil) {
				got = append(got, tt.text[words[s.w0].start:words[s.w1-1].end])
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestLongTextWithoutPunctuationIsCutIntoSentences(t *testing.T) {
	text := strings.Repeat("word ", 3*maxSentenceWords+5)
	words := tokenize(text, nil)
	sents := splitSentences(text, words, nil)
	if len(sents) != 4 {
		t.Fatalf("%d sentences, want 4", len(sents))
	}
	checkSentences(t, words, sents)
}

// checkSentences fails t unless sents cover words in order, each once.
func checkSentences(t *testing.T, words []token, sents []sentence) {
	t.Helper()
	at := int32(0)
	for _, s := range sents {
		if s.w0 != at || s.w1 <= s.w0 || s.w1-s.w0 > maxSentenceWords+minSentenceWords {
			t.Fatalf("sentence %v after word %d", s, at)
		}
		at = s.w1
	}
	if int(at) != len(words) {
		t.Fatalf("sentences end at word %d of %d", at, len(words))
	}
}

func FuzzSplitSentences(f *testing.F) {
	for _, s := range []string{budgetWire, arrestWire, "A. B. C.", "یہ ایک جملہ ہے۔", "x\n\ny"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		words := tokenize(text, nil)
		checkSentences(t, words, splitSentences(text, words, nil))
	})
}

func TestDetectLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{budgetWire, "english"},
		{"Le conseil municipal a voté mardi pour un nouveau budget qui augmente les dépenses de transport.", "french"},
		{"Der Stadtrat hat am Dienstag einen neuen Haushalt beschlossen, der die Ausgaben für den Verkehr erhöht.", "german"},
		{"Городской совет во вторник утвердил новый бюджет, который увеличивает расходы на транспорт.", "russian"},
		{"وزیر اعظم نے منگل کو نئے بجٹ کی منظوری دی جس میں ٹرانسپورٹ کے اخراجات بڑھائے گئے ہیں۔", "n-grams"},
		{"今天天气很好，我们去公园散步。", "n-grams"},
	}
	for _, tt := range tests {
		if got := detectLanguage(tt.text, tokenize(tt.text, nil)).name; got != tt.want {
			t.Errorf("detectLanguage(%.40q) = %s, want %s", tt.text, got, tt.want)
		}
	}
}

func TestUrduCompoundsMatchWithOrWithoutTheSpace(t *testing.T) {
	// وزیر اعظم and وزیراعظم are one word written two ways: character
	// n-grams ignore the space.
	tm := newTermer()
	a, b := "وزیر اعظم نے بجٹ پیش کیا", "وزیراعظم نے بجٹ پیش کیا"
	wa, wb := tokenize(a, nil), tokenize(b, nil)
	ta := tm.sentenceTerms(a, wa, nil, make([]bool, len(wa)), sentence{0, int32(len(wa))}, ngrams, nil)
	tb := tm.sentenceTerms(b, wb, nil, make([]bool, len(wb)), sentence{0, int32(len(wb))}, ngrams, nil)
	if len(ta) != len(tb) {
		t.Fatalf("%d and %d terms", len(ta), len(tb))
	}
	for i := range ta {
		if ta[i] != tb[i] {
			t.Fatalf("term %d differs", i)
		}
	}
}

// rewriteOf003 rewrites three sentences of seed 003 in order, each in
// other words, as a newsroom rewrites agency copy: no two are alike
// enough on their own, the three in a row are.
const rewriteOf003 = "Earlier in the day the two senior diplomats met to deal with the consequences of the chemical attack in northwestern Syria last week, which pushed the former Cold War rivals to a fresh low. In a television interview with the state broadcaster MIR on Wednesday, Putin said that ties with the United States had worsened. Last week a White House note to reporters said a meeting between Tillerson and Putin had been planned, yet the Kremlin seemed to have backed away from the talks as the rift over Syria grew.\n\nAnalysts in Moscow expect no quick thaw between the two capitals."

func TestSentencesRewrittenInOrderAreOnePassage(t *testing.T) {
	docs := readSeeds(t)
	docs = append(docs, Document{Name: "rewrite", Text: rewriteOf003})
	r, err := Analyze(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, docs, r, Options{})
	found := false
	for _, p := range r.Pairs {
		for _, ps := range p.Passages {
			if ps.Kind != Rewritten || p.B != 5 {
				continue
			}
			if p.A != 3 {
				t.Errorf("the rewrite of seed 003 is reported against %s", docs[p.A].Name)
				continue
			}
			found = true
			b := docs[5].Text[ps.B.Start:ps.B.End]
			if !strings.HasPrefix(b, "Earlier in the day") || !strings.HasSuffix(b, "as the rift over Syria grew.") || len(ps.Sentences) != 3 {
				t.Errorf("the passage covers %q in %d sentence pairs, want the three rewritten sentences", b, len(ps.Sentences))
			}
		}
	}
	if !found {
		t.Error("the rewrite of three sentences of 003 is not found")
	}
}

// TestABriefThatCondensesAStoryIsOneRewrittenPassage reads the story and
// the brief of testdata/golden/rewritten.txtar: four sentences that
// condense eight paragraphs are one rewritten passage spanning the story.
func TestABriefThatCondensesAStoryIsOneRewrittenPassage(t *testing.T) {
	ar, err := txtar.ParseFile("../../testdata/golden/rewritten.txtar")
	if err != nil {
		t.Fatal(err)
	}
	texts := map[string]string{}
	for _, f := range ar.Files {
		texts[f.Name] = string(f.Data)
	}
	story, brief := texts["story.txt"], texts["brief.txt"]
	docs := []Document{{Name: "story", Text: story}, {Name: "brief", Text: brief}}
	r, err := Analyze(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, docs, r, Options{})
	if len(r.Pairs) != 1 || len(r.Pairs[0].Passages) != 1 || r.Pairs[0].Passages[0].Kind != Rewritten {
		t.Fatalf("want one rewritten passage, got %+v", r.Pairs)
	}
	p := r.Pairs[0].Passages[0]
	if a := story[p.A.Start:p.A.End]; !strings.Contains(a, "Negotiators from twelve countries") || !strings.Contains(a, "ratified by national parliaments") {
		t.Errorf("the story's side %q does not span the story", a)
	}
	if b := brief[p.B.Start:p.B.End]; !strings.Contains(b, "Twelve nations") || strings.Contains(b, "Weather") {
		t.Errorf("the brief's side is %q, want the brief without the weather", b)
	}
}

// TestShuffledFragmentsOfOnePassageAreOne checks joinCrossing: a
// paragraph whose halves were swapped and edited word by word, as PAN's
// random obfuscation does, leaves two copied fragments that cross, and is
// one passage; the same halves swapped without edits are paragraphs a
// desk moved about, and stay two.
func TestShuffledFragmentsOfOnePassageAreOne(t *testing.T) {
	first := `The city council voted on Tuesday to approve a new budget that raises spending on public transport by twelve percent, after months of heated debate between members who wanted lower taxes.`
	second := `The mayor said the decision would help thousands of commuters who rely on buses every day, and promised that fares would not rise next year.`
	// Each half keeps a run of eight words or more and loses a third of
	// the rest.
	firstEdited := `Councillors voted on Tuesday to approve a new budget that lifts outlays on public transit by twelve per cent, following months of fierce debate between those who sought lower taxes.`
	secondEdited := `According to the mayor the decision would help thousands of commuters who rely on buses daily, and fares are promised not to go up next year.`
	host := "Readers can find more local news on our website every morning. "
	for _, c := range []struct {
		name     string
		a, b     string
		passages int
	}{
		{"edited halves swapped are one passage", first + " " + second, host + secondEdited + " " + firstEdited, 1},
		{"verbatim paragraphs swapped are two", first + "\n\n" + second, host + "\n\n" + second + "\n\n" + first, 2},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs := []Document{{Name: "a", Text: c.a}, {Name: "b", Text: c.b}}
			r, err := Analyze(context.Background(), docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkReport(t, docs, r, Options{})
			if len(r.Pairs) != 1 || len(r.Pairs[0].Passages) != c.passages {
				t.Fatalf("want %d passages, got %+v", c.passages, r.Pairs)
			}
			if c.passages == 1 {
				p := r.Pairs[0].Passages[0]
				if a := c.a[p.A.Start:p.A.End]; !strings.Contains(a, "city council") || !strings.Contains(a, "rely on buses") {
					t.Errorf("the passage covers %q, want both halves", a)
				}
			}
		})
	}
}

func TestASummaryExplainedByOneToOneClustersIsNot(t *testing.T) {
	// A summary candidate whose short side, A, is sentences 10–19.
	summary := rewriteCluster{i0: 10, i1: 19, j0: 0, j1: 60}
	for _, c := range []struct {
		name     string
		clusters []rewriteCluster
		want     bool
	}{
		{"no cluster inside leaves it a summary", nil, false},
		{"clusters pairing four of its ten sentences leave it a summary",
			[]rewriteCluster{{i0: 10, i1: 11, j0: 2, j1: 3}, {i0: 15, i1: 16, j0: 30, j1: 31}}, false},
		{"a cluster pairing six of its ten sentences one to one explains it",
			[]rewriteCluster{{i0: 12, i1: 17, j0: 20, j1: 25}}, true},
		{"two clusters pairing three sentences each are pieces of it",
			[]rewriteCluster{{i0: 10, i1: 12, j0: 2, j1: 4}, {i0: 15, i1: 17, j0: 30, j1: 32}}, false},
		{"a cluster reaching outside it does not count",
			[]rewriteCluster{{i0: 5, i1: 17, j0: 20, j1: 32}}, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := explained(c.clusters, summary); got != c.want {
				t.Errorf("explained = %v, want %v", got, c.want)
			}
		})
	}
}

func TestCopiedSentencesOfACondensingSummaryAreItsOwn(t *testing.T) {
	// A summary candidate of ten sentences of ten words each on side A
	// (words 100–200) against side B's sentences 0–9, of long words each:
	// B is long/10 times as long as A.
	sa := make([]sentence, 30)
	for i := range sa {
		sa[i] = sentence{int32(10 * i), int32(10*i + 10)}
	}
	summary := rewriteCluster{i0: 10, i1: 19, j0: 0, j1: 9}
	copied := func(spans ...[2]int) []candidate {
		var out []candidate
		for n, s := range spans {
			out = append(out, candidate{words: region{a0: s[0], a1: s[1], b0: 50 * n, b1: 50*n + s[1] - s[0]}})
		}
		return out
	}
	for _, c := range []struct {
		name   string
		long   int // words in each of side B's sentences
		copied []candidate
		want   bool
	}{
		{"copy covering half of the short side of a story cut to half is copy a desk cut",
			20, copied([2]int{100, 130}, [2]int{150, 175}), true},
		{"copy covering a third of it leaves it a summary",
			20, copied([2]int{100, 130}), false},
		{"copy covering half of a summary that condenses its source five times is the summary's",
			50, copied([2]int{100, 130}, [2]int{150, 175}), false},
		{"a summary that condenses three times is a summary",
			30, copied([2]int{100, 200}), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			sb := make([]sentence, 10)
			for j := range sb {
				sb[j] = sentence{int32(c.long * j), int32(c.long*j + c.long)}
			}
			a := &analysis{}
			if got := a.copiedSummary(summary, sa, sb, c.copied); got != c.want {
				t.Errorf("copiedSummary = %v, want %v", got, c.want)
			}
		})
	}
}

// TestCrossingCopiesWithARewriteBetweenAreOne checks bridgeCopies on
// copies that cross: a paragraph whose sentences a rewrite put in reverse
// order, editing the first and last word by word and rewriting the one
// between them (too long for joinCrossing's MaxGap), is one passage; the
// same sentences moved about without edits are paragraphs a desk moved,
// and stay apart.
func TestCrossingCopiesWithARewriteBetweenAreOne(t *testing.T) {
	first := `The city council voted on Tuesday to approve a new budget that raises spending on public transport by twelve percent, after months of heated debate between members who wanted lower taxes.`
	middle := `Opposition members argued that the extra money should have gone to repairing roads and bridges in the northern districts, where residents have complained for years about potholes, closed lanes and long detours on their way to work, school and the hospital.`
	last := `The mayor said the decision would help thousands of commuters who rely on buses every day, and promised that fares would not rise next year.`
	firstEdited := `Councillors voted on Tuesday to approve a new budget that lifts outlays on public transit by twelve per cent, following months of fierce debate between those who sought lower taxes.`
	middleRewritten := `Members of the opposition said the additional money ought to have gone on repairing bridges and roads in northern districts, where residents have complained for years about potholes, lane closures and lengthy detours when travelling to school, work and hospital.`
	lastEdited := `According to the mayor the decision would help thousands of commuters who rely on buses every day, and ticket prices will stay where they are.`
	host := "Readers can find more local news on our website every morning. "
	for _, c := range []struct {
		name string
		a, b string
		one  bool
	}{
		{"edited sentences in reverse order with a rewritten one between are one passage",
			first + " " + middle + " " + last, host + lastEdited + " " + middleRewritten + " " + firstEdited, true},
		{"verbatim paragraphs in reverse order stay apart",
			first + "\n\n" + middle + "\n\n" + last, host + "\n\n" + last + "\n\n" + middle + "\n\n" + first, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			docs := []Document{{Name: "a", Text: c.a}, {Name: "b", Text: c.b}}
			r, err := Analyze(context.Background(), docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkReport(t, docs, r, Options{})
			if len(r.Pairs) != 1 {
				t.Fatalf("want one pair, got %+v", r.Pairs)
			}
			ps := r.Pairs[0].Passages
			if got := len(ps) == 1; got != c.one {
				t.Fatalf("one passage: %v, want %v; passages %+v", got, c.one, ps)
			}
			if c.one {
				if a := c.a[ps[0].A.Start:ps[0].A.End]; !strings.Contains(a, "city council") || !strings.Contains(a, "rely on buses") {
					t.Errorf("the passage covers %q, want the whole paragraph", a)
				}
			}
		})
	}
}
