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
