package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/difftest"
	"github.com/wirediff/wirediff/internal/fixture"
)

// TestRenderEditsShowsEveryDiffCase runs the table every renderer of a
// word diff shares against the summary's edits line, which shows A's
// text with deletions and insertions, its white space folded, and lists
// the cosmetic runs apart.
func TestRenderEditsShowsEveryDiffCase(t *testing.T) {
	cosmeticRE := regexp.MustCompile(`‹([^|›]*)\|([^›]*)›`)
	codePointRE := regexp.MustCompile(`\[U\+([0-9A-F]{4,5})\]`)
	unmark := func(s string) string {
		return codePointRE.ReplaceAllStringFunc(s, func(m string) string {
			cp, _ := strconv.ParseUint(codePointRE.FindStringSubmatch(m)[1], 16, 32)
			return string(rune(cp))
		})
	}
	for _, c := range difftest.Cases {
		t.Run(c.Name, func(t *testing.T) {
			wantEdits := ""
			if strings.Contains(c.Both, "[-") || strings.Contains(c.Both, "{+") {
				wantEdits = collapse(cosmeticRE.ReplaceAllStringFunc(c.Both, func(m string) string {
					return unmark(cosmeticRE.FindStringSubmatch(m)[1])
				}))
			}
			var pairs []string
			for _, m := range cosmeticRE.FindAllStringSubmatch(c.Both, -1) {
				pairs = append(pairs, "‹"+m[1]+"› ~ ‹"+m[2]+"›")
			}
			edits, cosmetic := renderEdits(c.A, c.B, c.Edits)
			if edits != wantEdits {
				t.Errorf("edits:\n got %q\nwant %q", edits, wantEdits)
			}
			if want := strings.Join(pairs, "; "); cosmetic != want {
				t.Errorf("cosmetic:\n got %q\nwant %q", cosmetic, want)
			}
		})
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
