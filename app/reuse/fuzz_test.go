package reuse

import (
	"context"
	"testing"
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
