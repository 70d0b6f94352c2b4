package ui

import (
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/workspace"
)

func TestAPairTheAnalysisDidNotAlignIsComparedWhenItOpens(t *testing.T) {
	demo := workspace.Demo()
	upi := demo.Articles[1]
	// Two paragraphs of the UPI story in a text of its own: the two share
	// text, but no analysis has a pair of them.
	paras := strings.Split(upi.Text, "\n\n")
	copyOf := workspace.Article{ID: "a9", Title: "A copy", Text: "Our own lead sentence here.\n\n" + paras[2] + "\n\n" + paras[3]}
	weather := workspace.Article{ID: "a10", Title: "Weather", Text: "Rain is expected across the north on Sunday, with sunshine returning by midweek."}
	tests := []struct {
		name     string
		a, b     workspace.Article
		pending  bool
		passages bool
		summary  string
	}{
		{"two articles that share text: their passages, said to be compared on request", upi, copyOf, false, true, "Compared on request, as the analysis compares only the stories' pairs:"},
		{"two articles that share nothing: said so, compared on request", upi, weather, false, false, "Compared on request: these two articles share no passage of eight words or more."},
		{"while the analysis runs: no comparison of its own", upi, copyOf, true, false, "Analysing the articles…"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pv := newPairView().Articles(tt.a, tt.b).Pending(tt.pending)
			mount(t, pv)
			doc := page(t, pv)
			if got := squash(textOf(byClass(doc, "pair-summary")[0])); !strings.HasPrefix(got, tt.summary) {
				t.Errorf("the summary reads %q, want it to start %q", got, tt.summary)
			}
			if got := len(byClass(byID(doc, "side-a"), "passage")) > 0; got != tt.passages {
				t.Errorf("passages highlighted: %v, want %v", got, tt.passages)
			}
		})
	}
}
