package reuse

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

const (
	para1 = "Moscow initially said Putin would not meet with Tillerson, but later relented after two days of talks between the foreign ministers."
	para2 = "At the G7 meeting, British and U.S. officials were unable to persuade fellow members to adopt new sanctions against Russia for the chemical attack."
	para3 = "Tillerson is in Russia with the goal to persuade the Kremlin to stop supporting Syrian President Bashar al-Assad."
	other = "The weather in the capital stayed mild for the season, and the markets closed slightly higher on the day after a quiet session of trading."
)

func analyze(t *testing.T, texts ...string) (*Report, []Document) {
	t.Helper()
	docs := make([]Document, len(texts))
	for i, s := range texts {
		docs[i] = Document{Name: fmt.Sprint(i), Text: s}
	}
	r, err := Analyze(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, docs, r, Options{})
	return r, docs
}

// sides returns each passage of the pair (a, b) as "A text | B text".
func sides(r *Report, docs []Document, a, b int) []string {
	var out []string
	for _, p := range r.Pairs {
		if p.A == a && p.B == b {
			for _, ps := range p.Passages {
				out = append(out, docs[a].Text[ps.A.Start:ps.A.End]+" | "+docs[b].Text[ps.B.Start:ps.B.End])
			}
		}
	}
	return out
}

func TestAnalyzeFindsReuse(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		passages int      // how many passages the pair has
		contains []string // text each passage's A side must contain, in order
		excludes string   // text no passage may contain
	}{
		{"a verbatim paragraph is one passage", other + "\n\n" + para1, para1 + "\n\n" + para3, 1, []string{para1[:len(para1)-1]}, ""},
		{"a verbatim run of eight words is found", "Observers noted that Putin would not meet with Tillerson on Tuesday at all.", "Reporters heard Putin would not meet with Tillerson on Tuesday in private.", 1, []string{"Putin would not meet with Tillerson on Tuesday"}, ""},
		{"a run of seven words is not reported", "Observers noted that Putin would not meet with Tillerson, then left.", "Reporters heard Putin would not meet with Tillerson; markets rose.", 0, nil, ""},
		{"a common name alone is not reuse", "U.S. Secretary of State Rex Tillerson flew home.", "Critics of U.S. Secretary of State Rex Tillerson spoke.", 0, nil, ""},
		{"a swapped word keeps one passage", para2, strings.Replace(para2, "persuade", "convince", 1), 1, []string{"At the G7 meeting"}, ""},
		{"words inserted and dropped keep one passage", para1, strings.Replace(strings.Replace(para1, "Moscow initially", "Moscow officials initially", 1), "after two days of talks", "after talks", 1), 1, []string{"Moscow initially"}, ""},
		{"a sentence inserted by a copy desk keeps one passage", para1 + " " + para2, para1 + " The ministers then met reporters for an hour in the hall of the ministry. " + para2, 1, []string{"Moscow"}, ""},
		{"reordered paragraphs are each found", para1 + "\n\n" + other + "\n\n" + para2, para2 + "\n\n" + para1, 2, []string{"Moscow", "At the G7"}, ""},
		{"re-punctuation and typography do not split a passage", `He said "the talks were productive -- and frank," adding that Moscow initially said Putin would not meet with Tillerson.`, "He said “the talks were productive — and frank,” adding that Moscow initially said Putin would not meet with Tillerson.", 1, []string{"He said"}, ""},
		{"case does not matter", strings.ToUpper(para3), para3, 1, []string{"TILLERSON"}, ""},
		{"unrelated texts share nothing", other, para3, 0, nil, ""},
		{"a word that ends both date lines does not join them to the passage", "Wednesday, July 17, 2019\n\n" + para1, "Friday, September 6, 2019\n\n" + para1, 1, []string{"Moscow"}, "2019"},
		{"Cyrillic reuse is found", "Министр иностранных дел России Сергей Лавров заявил, что Москва не считает продуктивными любые закрытые союзы.", "Как сообщает агентство, министр иностранных дел России Сергей Лавров заявил, что Москва не считает продуктивными закрытые союзы.", 1, []string{"Министр"}, ""},
		{"Chinese reuse is found character by character", "新华社莫斯科电俄罗斯总统普京会见了美国国务卿蒂勒森。", "据报道俄罗斯总统普京会见了美国国务卿蒂勒森。", 1, []string{"俄罗斯总统普京会见了美国国务卿蒂勒森"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, docs := analyze(t, tt.a, tt.b)
			got := sides(r, docs, 0, 1)
			if len(got) != tt.passages {
				t.Fatalf("%d passages, want %d:\n%s", len(got), tt.passages, strings.Join(got, "\n"))
			}
			for i, want := range tt.contains {
				if !strings.Contains(strings.Split(got[i], " | ")[0], want) {
					t.Errorf("passage %d = %q, want it to contain %q", i, got[i], want)
				}
			}
			for i, p := range got {
				if tt.excludes != "" && strings.Contains(p, tt.excludes) {
					t.Errorf("passage %d = %q takes in %q", i, p, tt.excludes)
				}
			}
		})
	}
}

func TestTypographicDifferencesAreCosmetic(t *testing.T) {
	a := `April 12 (UPI) -- Moscow initially said Putin "would not meet" with Tillerson's team.`
	b := `April 12 (UPI) — Moscow initially said Putin “would not meet” with Tillerson’s team.`
	r, docs := analyze(t, a, b)
	if len(r.Pairs) != 1 || len(r.Pairs[0].Passages) != 1 {
		t.Fatalf("want one passage, got %+v", r.Pairs)
	}
	ps := r.Pairs[0].Passages[0]
	if ps.Identity != 1 {
		t.Errorf("identity %v, want 1: typography is not an edit", ps.Identity)
	}
	var cosmetic []string
	for _, e := range ps.Edits {
		if e.Op != Equal {
			t.Errorf("edit %s %q / %q: typography must not be an edit", e.Op, a[e.A.Start:e.A.End], b[e.B.Start:e.B.End])
		}
		if e.Cosmetic {
			cosmetic = append(cosmetic, docs[1].Text[e.B.Start:e.B.End])
		}
	}
	want := []string{"UPI) — ", "Putin “", "meet” ", "Tillerson’s "}
	if strings.Join(cosmetic, "|") != strings.Join(want, "|") {
		t.Errorf("cosmetic runs %q, want %q", cosmetic, want)
	}
}

func TestQuotationsAreFlagged(t *testing.T) {
	quote := `"Most recently, we saw rather alarming steps, when an unlawful attack against Syria was carried out," Lavrov said.`
	r, _ := analyze(t, "In Moscow, "+quote, "Reports from Moscow: "+quote)
	if len(r.Pairs) != 1 || !r.Pairs[0].Passages[0].Quote {
		t.Errorf("a shared quotation is not flagged as one: %+v", r.Pairs)
	}
	r, _ = analyze(t, para1, para1)
	if r.Pairs[0].Passages[0].Quote {
		t.Errorf("shared narration is flagged as a quotation")
	}
}

func TestSummaries(t *testing.T) {
	r, _ := analyze(t, para1+"\n\n"+other, para1, para1+" "+para3, para3)
	if got := r.Documents[1].Reused; got != 1 {
		t.Errorf("a document copied whole is %v reused, want 1", got)
	}
	if got := r.Documents[0].Reused; got <= 0.4 || got >= 0.6 {
		t.Errorf("a document half copied is %v reused, want about a half", got)
	}
	if len(r.Families) != 1 || len(r.Families[0].Members) != 3 {
		t.Fatalf("want one family of three (para1), got %+v", r.Families)
	}
	top := r.Pairs[0]
	if top.SharedWords < r.Pairs[len(r.Pairs)-1].SharedWords || top.Similarity <= 0 {
		t.Errorf("pairs not ranked by shared words: %+v", r.Pairs)
	}
}

func TestAnalyzeOddInput(t *testing.T) {
	tests := []struct {
		name string
		docs []string
	}{
		{"no documents", nil},
		{"one document", []string{para1}},
		{"empty documents", []string{"", ""}},
		{"only punctuation", []string{"!!! ... ---", "??? ,,,"}},
		{"invalid UTF-8 around shared text", []string{"\xff\xfe" + para1 + "\xc3", "\x80" + para1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, _ := analyze(t, tt.docs...)
			if len(tt.docs) < 2 && len(r.Pairs) != 0 {
				t.Errorf("pairs from fewer than two documents")
			}
		})
	}
}

func TestPathologicalInputStaysBounded(t *testing.T) {
	t.Run("a word repeated 200,000 times in two documents", func(t *testing.T) {
		big := strings.Repeat("again ", 200_000)
		r, _ := analyze(t, big, big)
		if len(r.Pairs) != 1 {
			t.Fatalf("want the two copies found, got %d pairs", len(r.Pairs))
		}
	})
	t.Run("2,000 tiny articles with the same sentence", func(t *testing.T) {
		texts := make([]string, 2000)
		for i := range texts {
			texts[i] = fmt.Sprintf("Article %d. The Associated Press contributed to this report from Moscow today.", i)
		}
		analyze(t, texts...) // MaxDocs makes the shared line boilerplate
	})
}

func TestAnalyzeStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Analyze(ctx, []Document{{Text: para1}, {Text: para1}}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestProgressAdvancesToTheTotal(t *testing.T) {
	var calls, last, total int
	opts := Options{Progress: func(done, n int) {
		if done < last || n < total {
			t.Errorf("progress went back: %d/%d after %d/%d", done, n, last, total)
		}
		calls, last, total = calls+1, done, n
	}}
	texts := make([]Document, 300)
	for i := range texts {
		texts[i] = Document{Text: fmt.Sprintf("%s %d %s", para1, i, other)}
	}
	if _, err := Analyze(context.Background(), texts, opts); err != nil {
		t.Fatal(err)
	}
	if last != total || calls < 10 || calls > 300 {
		t.Errorf("%d calls ending at %d/%d; want 10 to 300 calls ending at the total", calls, last, total)
	}
}

func TestOneHugeDocumentReportsProgressWhileRead(t *testing.T) {
	huge := strings.Repeat(other+" ", 20_000) // about 2.8 MB
	calls := 0
	opts := Options{Progress: func(done, total int) {
		if done < total*3/10 { // the reading phase
			calls++
		}
	}}
	if _, err := Analyze(context.Background(), []Document{{Text: huge}, {Text: para1}}, opts); err != nil {
		t.Fatal(err)
	}
	if calls < 10 {
		t.Errorf("%d progress calls while reading a 2.8 MB article; want at least 10 so a page can repaint", calls)
	}
}

// TestATwinPairsWithTheCloserCopy: seed 001 carries one quote twice, once
// with a doubled word; the other article's copy must be matched to the
// clean twin, even though the attribution after it differs.
func TestATwinPairsWithTheCloserCopy(t *testing.T) {
	clean := `"The world's two foremost nuclear powers cannot have this kind of relationship," the chief U.S. diplomat said Wednesday.`
	doubled := `"The world's two foremost nuclear powers cannot cannot have this kind of relationship."`
	a := doubled + "\n\nTillerson met Putin in the Kremlin for two hours on Wednesday afternoon.\n\n" + clean
	b := `"The world's two foremost nuclear powers cannot have this kind of relationship," he said at a news conference alongside Lavrov.`
	docs := []Document{{Text: a}, {Text: b}}
	r, err := Analyze(context.Background(), docs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkReport(t, docs, r, Options{})
	if len(r.Pairs) != 1 || len(r.Pairs[0].Passages) != 1 {
		t.Fatalf("want one passage, got %+v", r.Pairs)
	}
	if p := r.Pairs[0].Passages[0]; !strings.Contains(a[p.A.Start:p.A.End], "cannot have") || strings.Contains(a[p.A.Start:p.A.End], "cannot cannot") {
		t.Errorf("matched %q, want the clean twin", a[p.A.Start:p.A.End])
	}
}
