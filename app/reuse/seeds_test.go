package reuse

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func readSeeds(t testing.TB) []Document {
	t.Helper()
	names, _ := filepath.Glob("../../testdata/0*.txt")
	if len(names) != 5 {
		t.Fatalf("want the five seed articles in testdata, found %d", len(names))
	}
	var docs []Document
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, Document{Name: filepath.Base(name), Text: string(data)})
	}
	return docs
}

// TestSeedFindings asserts the findings the demo shows users, so that a
// careless -update of the golden file cannot lose them.
func TestSeedFindings(t *testing.T) {
	docs := readSeeds(t)
	r, err := Analyze(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, docs, r, Options{})
	pair := func(a, b int) Pair {
		for _, p := range r.Pairs {
			if p.A == a && p.B == b {
				return p
			}
		}
		t.Fatalf("no pair %d-%d", a, b)
		return Pair{}
	}
	// find returns the passage of p whose A side holds every fragment.
	find := func(p Pair, fragments ...string) (Passage, bool) {
		for _, ps := range p.Passages {
			text := docs[p.A].Text[ps.A.Start:ps.A.End]
			all := true
			for _, f := range fragments {
				all = all && strings.Contains(text, f)
			}
			if all {
				return ps, true
			}
		}
		return Passage{}, false
	}
	cosmetic := func(p Pair, ps Passage, a, b string) bool {
		for _, e := range ps.Edits {
			if e.Cosmetic && strings.Contains(docs[p.A].Text[e.A.Start:e.A.End], a) && strings.Contains(docs[p.B].Text[e.B.Start:e.B.End], b) {
				return true
			}
		}
		return false
	}

	upi := pair(1, 2)
	if upi.SharedWords != r.Pairs[0].SharedWords {
		t.Errorf("the two UPI versions are not the top pair")
	}
	for _, want := range [][]string{
		{"Moscow", "initially said Putin would not meet with Tillerson"},
		{"Prior to the meeting,", "Lavrov urged Tillerson to prevent", "U.S. bombings"},
		{"Lavrov", "both countries should work together", "not consider any closed alliances and misalliances productive"},
		{"Russia also accused the United States of"},
		{"At the G7 meeting, British and U.S. officials were unable to persuade fellow members to adopt new sanctions against Russia"},
	} {
		if _, ok := find(upi, want...); !ok {
			t.Errorf("001 and 002 do not share the passage %q", want)
		}
	}
	if ps, ok := find(upi, "April 12 (UPI) --"); !ok || !cosmetic(upi, ps, "--", "—") {
		t.Errorf("the -- against — of the dateline is not a cosmetic difference")
	}
	if ps, ok := find(upi, `does "not consider`); !ok || !cosmetic(upi, ps, `"`, "“") {
		t.Errorf("the straight against curly quote is not a cosmetic difference")
	}

	lavrov := pair(0, 2)
	ps, ok := find(lavrov, "Most recently, we saw rather alarming steps")
	if !ok {
		t.Fatalf("000 and 002 do not share the Lavrov quote")
	}
	if !ps.Quote {
		t.Errorf("the Lavrov quote is not marked as a quotation")
	}
}
