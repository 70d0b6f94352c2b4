package reuse

import (
	"context"
	"reflect"
	"slices"
	"testing"
	"time"
)

// FuzzAnalyze runs the whole engine on two or three related texts and
// checks every promise of the report: no panic, spans inside the texts,
// passages sorted and disjoint on each side, and edits that rebuild both
// sides exactly.
func FuzzAnalyze(f *testing.F) {
	f.Add("Moscow initially said Putin would not meet with Tillerson, but later relented.",
		"Moscow officials initially said Putin would not meet with Tillerson.", "")
	f.Add("April 12 (UPI) -- U.S. Secretary of State Rex Tillerson said late Wednesday that his meeting was \"productive.\"",
		"April 12 (UPI) — U.S. Secretary of State Rex Tillerson said late Wednesday that his meeting was “productive.”", "extra")
	f.Add("a a a a a a a a a a a a a a a a a a a a a a", "a a a a a a a a a a a a a a", "a a a a a a a a a")
	f.Add("普京会见了美国国务卿蒂勒森并且讨论了叙利亚问题", "普京会见了美国国务卿蒂勒森并讨论了叙利亚问题", "")
	f.Add(budgetWire, budgetRewrite, arrestWire)
	f.Add(budgetWire+"\n"+arrestWire, arrestMerged+" "+budgetRewrite, "وزیر اعظم نے بجٹ پیش کیا۔ وزیراعظم نے بجٹ پیش کیا۔")
	f.Add("Fans 🇺🇸 cheered as the team ❤\ufe0f won the final 👍🏻 in Paris on Sunday night, officials said.",
		"Fans 🇬🇧 cheered as the team ❤ won the final 👍🏿 in Paris on Sunday night, officials said 🎉.", "か\u3099 #\ufe0f\u20e3")
	// A brief that lifts two sentences of a long story (liftedSummaries).
	f.Add(liftFirst+" "+retold+" "+liftLast, readSeeds(f)[1].Text, unrelated)
	f.Fuzz(func(t *testing.T, a, b, c string) {
		// Give the texts something to share so that passages are common.
		docs := []Document{{Text: a}, {Text: b + " " + a}, {Text: c + b}}
		r, err := Analyze(context.Background(), docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkReport(t, docs, r, Options{})
	})
}

// FuzzStories runs the engine on five documents that share the fuzzed
// texts in several ways, some with a source and a publication time, and
// checks the stories' promises (members point at their pairs with the
// origin, member pairs at pairs of two members) and that every pair it
// reports is the pair Options.AllPairs reports, to the passage.
func FuzzStories(f *testing.F) {
	f.Add(budgetWire, budgetRewrite, arrestWire, uint8(0))
	f.Add(budgetWire, budgetRewrite, arrestWire, uint8(0xff))
	f.Add("Moscow initially said Putin would not meet with Tillerson, but later relented.",
		"Sign up for the Gazette newsletter and get the morning briefing in your inbox every day.", "", uint8(0x5a))
	f.Add("a a a a a a a a a a a a a a a a a a a a a a", "a a a a a a a a a a a a a a", "a a a a a a a a a", uint8(3))
	f.Fuzz(func(t *testing.T, a, b, c string, mask uint8) {
		docs := []Document{{Text: a}, {Text: b + " " + a}, {Text: c + " " + b}, {Text: a + "\n\n" + c}, {Text: b}}
		at := time.Date(2017, 4, 12, 9, 0, 0, 0, time.UTC)
		for i := range docs {
			if mask&(1<<i) != 0 {
				docs[i].Source = []string{"Gazette", "UPI"}[i%2]
			}
			if mask&(0x20<<(i%3)) != 0 {
				docs[i].Published = at.Add(time.Duration(int(mask)*i%7) * time.Hour)
			}
		}
		r, err := Analyze(context.Background(), docs, Options{})
		if err != nil {
			t.Fatal(err)
		}
		checkReport(t, docs, r, Options{})
		checkStories(t, r)
		all, err := Analyze(context.Background(), docs, Options{AllPairs: true})
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range r.Pairs {
			i := slices.IndexFunc(all.Pairs, func(q Pair) bool { return q.A == p.A && q.B == p.B })
			if i < 0 || !reflect.DeepEqual(p, all.Pairs[i]) {
				t.Errorf("pair %d-%d differs from the one AllPairs gives", p.A, p.B)
			}
		}
	})
}
