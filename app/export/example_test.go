package export_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
)

func ExampleEscapeText() {
	fmt.Println(export.EscapeText(`<b>"Tom" & 'Jerry'</b>`))
	// Output: &lt;b&gt;&quot;Tom&quot; &amp; &#39;Jerry&#39;&lt;/b&gt;
}

func ExampleJSON() {
	r := &reuse.Report{Documents: []reuse.DocumentSummary{{Name: "a.txt", Bytes: 5, Words: 1}}}
	if err := export.JSON(os.Stdout, r); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {
	//   "documents": [
	//     {
	//       "name": "a.txt",
	//       "bytes": 5,
	//       "words": 1,
	//       "reused": 0,
	//       "rewritten": 0
	//     }
	//   ],
	//   "pairs": [],
	//   "families": [],
	//   "stories": [],
	//   "set_aside": []
	// }
}

func ExampleHTML() {
	docs := []reuse.Document{
		{Name: "wire.txt", Text: "Moscow officials initially said Putin would not meet with Tillerson on Wednesday."},
		{Name: "paper.txt", Text: "Moscow initially said Putin would not meet with Tillerson, but later relented."},
	}
	r, err := reuse.Analyze(context.Background(), docs, reuse.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	var b strings.Builder
	if err := export.HTML(&b, docs, r); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.HasPrefix(b.String(), "<!doctype html>"), strings.Contains(b.String(), "<del>officials"))
	// Output: true true
}

func ExampleDiffRuns() {
	a := `Lavrov said "no" to talks`
	b := `Lavrov told them “no” to talks`
	edits := []reuse.Edit{
		{Op: reuse.Equal, A: reuse.Span{Start: 0, End: 7}, B: reuse.Span{Start: 0, End: 7}},
		{Op: reuse.Delete, A: reuse.Span{Start: 7, End: 12}, B: reuse.Span{Start: 7, End: 7}},
		{Op: reuse.Insert, A: reuse.Span{Start: 12, End: 12}, B: reuse.Span{Start: 7, End: 17}},
		{Op: reuse.Equal, Cosmetic: true, A: reuse.Span{Start: 12, End: 16}, B: reuse.Span{Start: 17, End: 25}},
		{Op: reuse.Equal, A: reuse.Span{Start: 16, End: len(a)}, B: reuse.Span{Start: 25, End: len(b)}},
	}
	for _, r := range export.DiffRuns(a, b, edits, export.BothTexts) {
		switch r.Kind {
		case export.Deleted:
			fmt.Printf("[-%s-]", r.Text)
		case export.Inserted:
			fmt.Printf("{+%s+}", r.Text)
		case export.Cosmetic:
			fmt.Printf("‹%s|%s›", r.Text, r.Other)
		default:
			fmt.Print(r.Text)
		}
	}
	fmt.Println()
	// Output: Lavrov [-said-] {+told them+} ‹"no"|“no”› to talks
}

func ExampleTallyPairs() {
	pairs := []reuse.Pair{
		{SharedWords: 120, RewrittenWords: 40, Passages: []reuse.Passage{
			{Kind: reuse.Copied, Words: 80, Quote: true},
			{Kind: reuse.Rewritten, Words: 40},
		}},
		{SharedWords: 15, Passages: []reuse.Passage{{Kind: reuse.Copied, Words: 15}}},
	}
	t := export.TallyPairs(pairs)
	fmt.Printf("%d pairs, %d passages: %d copied, %d rewritten, %d quotations\n", t.Pairs, t.Passages, t.Copied(), t.Rewritten, t.Quotes)
	fmt.Printf("%d shared words: %d copied, %d rewritten\n", t.SharedWords, t.CopiedWords(), t.RewrittenWords)
	// Output:
	// 2 pairs, 3 passages: 2 copied, 1 rewritten, 1 quotations
	// 135 shared words: 95 copied, 40 rewritten
}
