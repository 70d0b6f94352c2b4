package reuse_test

import (
	"context"
	"fmt"
	"time"

	"github.com/wirediff/wirediff/app/reuse"
)

func ExampleAnalyze() {
	docs := []reuse.Document{
		{Name: "wire", Text: `Moscow initially said Putin would not meet with Tillerson, but later relented.`},
		{Name: "outlet", Text: `Moscow officials initially said Putin would not meet with Tillerson -- then relented.`},
	}
	r, err := reuse.Analyze(context.Background(), docs, reuse.Options{})
	if err != nil {
		panic(err)
	}
	for _, p := range r.Pairs {
		fmt.Printf("%s and %s share %d words\n", docs[p.A].Name, docs[p.B].Name, p.SharedWords)
		for _, ps := range p.Passages {
			fmt.Printf("%q\n", docs[p.A].Text[ps.A.Start:ps.A.End])
			for _, e := range ps.Edits {
				note := ""
				if e.Cosmetic {
					note = " (cosmetic)"
				}
				fmt.Printf("  %-6s %q → %q%s\n", e.Op, docs[p.A].Text[e.A.Start:e.A.End], docs[p.B].Text[e.B.Start:e.B.End], note)
			}
		}
	}
	// Output:
	// wire and outlet share 10 words
	// "Moscow initially said Putin would not meet with Tillerson, but later relented."
	//   equal  "Moscow " → "Moscow "
	//   insert "" → "officials "
	//   equal  "initially said Putin would not meet with " → "initially said Putin would not meet with "
	//   equal  "Tillerson, " → "Tillerson -- " (cosmetic)
	//   delete "but later " → ""
	//   insert "" → "then "
	//   equal  "relented." → "relented."
}

func ExampleOptions() {
	// Report only passages of twelve shared words or more.
	opts := reuse.DefaultOptions()
	opts.MinWords = 12
	docs := []reuse.Document{
		{Text: "Observers noted that Putin would not meet with Tillerson on Tuesday at all."},
		{Text: "Reporters heard Putin would not meet with Tillerson on Tuesday in private."},
	}
	r, _ := reuse.Analyze(context.Background(), docs, opts)
	fmt.Println(len(r.Pairs), "pairs with", opts.MinWords, "shared words or more")
	r, _ = reuse.Analyze(context.Background(), docs, reuse.Options{})
	fmt.Println(len(r.Pairs), "pair with the default", reuse.DefaultOptions().MinWords)
	// Output:
	// 0 pairs with 12 shared words or more
	// 1 pair with the default 8
}

func ExampleAnalyze_rewritten() {
	docs := []reuse.Document{
		{Name: "wire", Text: "The city council voted on Tuesday to approve a new budget that raises spending on public transport by twelve percent, after months of heated debate between members who wanted lower taxes and those who demanded better bus services. The mayor said the decision would help thousands of commuters who rely on buses every day, and promised that fares would not rise next year."},
		{Name: "outlet", Text: "On Tuesday the municipal council voted to adopt a fresh budget that lifts spending on public transit by twelve percent, following months of fierce argument between councillors who sought lower taxes and those who insisted on improved bus services. The mayor stated the move would assist thousands of commuters who depend on buses each day, and pledged that fares would not increase next year."},
	}
	r, err := reuse.Analyze(context.Background(), docs, reuse.Options{})
	if err != nil {
		panic(err)
	}
	for _, p := range r.Pairs {
		for _, ps := range p.Passages {
			fmt.Printf("%s passage, %d sentence pairs\n", ps.Kind, len(ps.Sentences))
			for _, s := range ps.Sentences {
				fmt.Printf("%.40q… ~ %.40q…\n", docs[p.A].Text[s.A.Start:s.A.End], docs[p.B].Text[s.B.Start:s.B.End])
			}
		}
	}
	// Output:
	// rewritten passage, 2 sentence pairs
	// "The city council voted on Tuesday to app"… ~ "On Tuesday the municipal council voted t"…
	// "The mayor said the decision would help t"… ~ "The mayor stated the move would assist t"…
}

func ExampleAnalyze_stories() {
	story := "The city council voted on Tuesday to close the old river bridge to heavy trucks from the first of May, " +
		"after engineers found cracks in two of its steel supports during a routine inspection last month."
	at := time.Date(2017, 4, 12, 9, 0, 0, 0, time.UTC)
	docs := []reuse.Document{
		{Name: "gazette", Published: at.Add(2 * time.Hour), Text: "WASHINGTON (UPI) -- " + story},
		{Name: "upi", Source: "UPI", Published: at, Text: "WASHINGTON, April 12 (UPI) -- " + story},
		{Name: "herald", Published: at.Add(3 * time.Hour), Text: "From our wires: " + story},
	}
	r, err := reuse.Analyze(context.Background(), docs, reuse.Options{})
	if err != nil {
		panic(err)
	}
	for _, s := range r.Stories {
		fmt.Printf("%s ran it first (%s)\n", docs[s.Origin].Name, s.OriginRule)
		for _, m := range s.Members {
			fmt.Printf("  %s carries %.0f%% of it, credits %v: %v\n", docs[m.Doc].Name, 100*m.Reused, s.Credit, m.Credited)
		}
	}
	fmt.Println(len(r.Pairs), "pairs aligned")
	// Output:
	// upi ran it first (earliest)
	//   gazette carries 100% of it, credits [UPI]: true
	//   herald carries 100% of it, credits [UPI]: false
	// 2 pairs aligned
}

func ExampleCompare() {
	a := reuse.Document{Name: "wire", Text: "Moscow initially said Putin would not meet with Tillerson, but later relented."}
	b := reuse.Document{Name: "outlet", Text: "Moscow officials initially said Putin would not meet with Tillerson -- then relented."}
	p, err := reuse.Compare(context.Background(), a, b, reuse.Options{})
	if err != nil {
		panic(err)
	}
	fmt.Printf("%d shared words in %d passage\n", p.SharedWords, len(p.Passages))
	// Output: 10 shared words in 1 passage
}
