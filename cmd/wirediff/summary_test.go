package main

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/fixture"
)

func TestShortenKeepsStartAndEnd(t *testing.T) {
	s := strings.Repeat("alpha ", 30) + "omega"
	got := shorten(s, 40)
	if !strings.HasPrefix(got, "alpha") || !strings.HasSuffix(got, "omega") || !strings.Contains(got, " … ") {
		t.Errorf("shorten = %q", got)
	}
	if utf8.RuneCountInString(got) > 43 {
		t.Errorf("shorten gave %d characters, want about 40", utf8.RuneCountInString(got))
	}
	if got := shorten("short", 40); got != "short" {
		t.Errorf("short text changed to %q", got)
	}
}

func TestRenderEditsMarksChangesAndListsCosmeticRuns(t *testing.T) {
	a := `Lavrov said "no" today`
	b := `Lavrov told reporters “no” today`
	sp := func(s, sub string) reuse.Span {
		i := strings.Index(s, sub)
		return reuse.Span{Start: i, End: i + len(sub)}
	}
	edits := []reuse.Edit{
		{Op: reuse.Equal, A: sp(a, "Lavrov "), B: sp(b, "Lavrov ")},
		{Op: reuse.Delete, A: sp(a, "said "), B: reuse.Span{Start: 7, End: 7}},
		{Op: reuse.Insert, A: reuse.Span{Start: 12, End: 12}, B: sp(b, "told reporters ")},
		{Op: reuse.Equal, Cosmetic: true, A: sp(a, `"no"`), B: sp(b, "“no”")},
		{Op: reuse.Equal, A: sp(a, " today"), B: sp(b, " today")},
	}
	got, cosmetic := renderEdits(a, b, edits)
	if want := `Lavrov [-said-] {+told reporters+} "no" today`; got != want {
		t.Errorf("edits = %q, want %q", got, want)
	}
	if want := `‹"no"› ~ ‹“no”›`; cosmetic != want {
		t.Errorf("cosmetic = %q, want %q", cosmetic, want)
	}
}

func TestRenderEditsShowsInvisibleCharactersAsCodePoints(t *testing.T) {
	a := "Putin said \u200b no to Tiller\u00adson"
	b := "Putin said no to Tillerson"
	at := strings.Index
	edits := []reuse.Edit{
		{Op: reuse.Equal, A: reuse.Span{Start: 0, End: at(a, "\u200b")}, B: reuse.Span{Start: 0, End: at(b, "no")}},
		{Op: reuse.Delete, A: reuse.Span{Start: at(a, "\u200b"), End: at(a, "no")}, B: reuse.Span{Start: at(b, "no"), End: at(b, "no")}},
		{Op: reuse.Equal, A: reuse.Span{Start: at(a, "no"), End: at(a, "Tiller")}, B: reuse.Span{Start: at(b, "no"), End: at(b, "Tiller")}},
		{Op: reuse.Equal, Cosmetic: true, A: reuse.Span{Start: at(a, "Tiller"), End: len(a)}, B: reuse.Span{Start: at(b, "Tiller"), End: len(b)}},
	}
	got, cosmetic := renderEdits(a, b, edits)
	if want := "Putin said [-[U+200B]-] no to Tiller\u00adson"; got != want {
		t.Errorf("edits = %q, want %q", got, want)
	}
	if want := "‹Tiller[U+00AD]son› ~ ‹Tillerson›"; cosmetic != want {
		t.Errorf("cosmetic = %q, want %q", cosmetic, want)
	}
}

func TestWrapIndentsContinuationLines(t *testing.T) {
	var b strings.Builder
	wrap(&b, "    edits: ", strings.Repeat("word ", 40))
	lines := strings.Split(strings.TrimSuffix(b.String(), "\n"), "\n")
	if len(lines) < 2 {
		t.Fatalf("not wrapped: %q", b.String())
	}
	for i, l := range lines {
		if utf8.RuneCountInString(l) > lineWidth {
			t.Errorf("line %d is %d characters long", i, utf8.RuneCountInString(l))
		}
		if i > 0 && !strings.HasPrefix(l, strings.Repeat(" ", len("    edits: "))+"word") {
			t.Errorf("line %d is not indented under the first: %q", i, l)
		}
	}
}

// FuzzSummary checks that any report, however inconsistent with its
// texts, prints without panicking and as valid UTF-8 where the texts are.
func FuzzSummary(f *testing.F) {
	f.Add("Moscow initially said Putin would not meet", "Moscow officials initially said “Putin”", 0, 20, 3, 30, 7, 200)
	f.Add("é—ü", "日本語", 1, 2, 1, 5, -3, 1)
	f.Fuzz(func(t *testing.T, ta, tb string, a0, a1, b0, b1, e0, e1 int) {
		docs := []reuse.Document{{Name: "a", Text: ta}, {Name: "b", Text: tb}}
		r := &reuse.Report{
			Documents: []reuse.DocumentSummary{{Name: "a"}, {Name: "b"}},
			Pairs: []reuse.Pair{{A: 0, B: 1, Passages: []reuse.Passage{{
				A: reuse.Span{Start: a0, End: a1}, B: reuse.Span{Start: b0, End: b1},
				Edits: []reuse.Edit{
					{Op: reuse.Equal, Cosmetic: true, A: reuse.Span{Start: a0, End: e0}, B: reuse.Span{Start: b0, End: e1}},
					{Op: reuse.Delete, A: reuse.Span{Start: e0, End: e1}},
					{Op: reuse.Insert, B: reuse.Span{Start: e1, End: b1}},
				},
			}, {
				Kind: reuse.Rewritten, A: reuse.Span{Start: e0, End: a1}, B: reuse.Span{Start: e1, End: b0},
				Sentences: []reuse.SentencePair{
					{A: reuse.Span{Start: a1, End: a0}, B: reuse.Span{Start: b0, End: e1}, Similarity: -1},
					{A: reuse.Span{Start: e0, End: e1}, B: reuse.Span{Start: e1, End: e0}, Similarity: 2},
				},
			}}}, {A: 0, B: 5}},
			Families: []reuse.Family{{Members: []reuse.Member{{Doc: 3, Span: reuse.Span{Start: e0, End: e1}}}}, {}},
		}
		var b strings.Builder
		writeSummary(&b, docs, r)
		if utf8.ValidString(ta) && utf8.ValidString(tb) && !utf8.ValidString(b.String()) {
			t.Fatalf("summary of valid texts is not valid UTF-8:\n%s", b.String())
		}
	})
}

func TestSummaryTellsCopiedFromRewrittenPassages(t *testing.T) {
	docs, r := fixture.Rewritten()
	var b strings.Builder
	writeSummary(&b, docs, r)
	out := b.String()
	for _, want := range []string{
		"in 2 passages (1 rewritten).",
		"18 shared words (11 copied words, 7 rewritten words)",
		"Passage 1 of 2: 11 words, identity 96%\n",
		"Passage 2 of 2: rewritten, 7 words, identity 33%\n",
		"2 sentence pairs:",
		"1. 62% similar",
		"2. 71% similar",
		"The talks lasted two hours, officials <b>said</b>.",
		"The meeting went on for two hours.",
		"Rewritten: the same sentences said in other words.",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q", want)
		}
	}
	// The pairs table splits the shared words by kind.
	if !strings.Contains(out, "   files    words  copied  rewritten") || !strings.Contains(out, "#1-#2     18      11          7") {
		t.Errorf("pairs table does not split copied and rewritten words")
	}
	// A copied passage keeps its word edits; a rewritten one lists its
	// sentence pairs instead.
	if n := strings.Count(out, "    edits: "); n != 1 {
		t.Errorf("%d edit lines, want one, for the copied passage", n)
	}
}
