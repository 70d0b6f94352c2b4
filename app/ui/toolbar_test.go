package ui

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

// disabled reports whether a control is disabled. go-app's encoder
// writes disabled="false" for an enabled one; in the browser it sets the
// property.
func disabled(n *html.Node) bool {
	return hasAttr(n, "disabled") && attr(n, "disabled") != "false"
}

func TestExportButtonsAreDisabledWhenThereIsNothingToExportAndSayWhy(t *testing.T) {
	const on = ""
	tests := []struct {
		name      string
		bar       *toolbar
		report    string // why the report exports are disabled; on when enabled
		workspace string // why the workspace export is disabled
	}{
		{"while the saved articles load", newToolbar(),
			"still loading", "still loading"},
		{"with no articles", newToolbar().Loaded(true).CanExport(true),
			"add at least two", "no articles"},
		{"with one article", newToolbar().Loaded(true).CanExport(true).Articles(1),
			"add at least two", on},
		{"with two articles being analysed", newToolbar().Loaded(true).Articles(2),
			"still running", on},
		{"with two articles analysed", newToolbar().Loaded(true).CanExport(true).Articles(2),
			on, on},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mount(t, tt.bar)
			doc := page(t, tt.bar)
			for id, why := range map[string]string{"export-json": tt.report, "export-html": tt.report, "export-workspace": tt.workspace} {
				b := byID(doc, id)
				if b == nil {
					t.Fatalf("no #%s", id)
				}
				off, title := disabled(b), attr(b, "title")
				switch {
				case why == on && off:
					t.Errorf("#%s is disabled (%q)", id, title)
				case why != on && !off:
					t.Errorf("#%s is enabled, want it disabled because %q", id, why)
				case why != on && !strings.Contains(title, why):
					t.Errorf("#%s says %q, want it to say why: %q", id, title, why)
				case title == "":
					t.Errorf("#%s has no title", id)
				}
			}
		})
	}
}

func TestThePageDisablesTheExportsOnceTheArticlesAreGone(t *testing.T) {
	h := start(t, &MemoryStore{})
	for _, id := range []string{"export-json", "export-html", "export-workspace"} {
		if disabled(byID(h.page(), id)) {
			t.Errorf("#%s is disabled with the five demo articles analysed", id)
		}
	}
	h.click(h.probe.app.onClearAll)
	for _, id := range []string{"export-json", "export-html", "export-workspace"} {
		if !disabled(byID(h.page(), id)) {
			t.Errorf("#%s is enabled with no articles", id)
		}
	}
	// The action, should one come anyway, makes no file.
	for _, kind := range []string{exportJSON, exportHTML, exportWorkspace} {
		if f, refused := h.probe.app.exportFile(kind); refused == "" || f.data != nil {
			t.Errorf("export %s with no articles made %q, refusal %q", kind, f.name, refused)
		}
	}
}

func TestTheJSONExportHoldsEachArticlesTitleAndText(t *testing.T) {
	h := start(t, &MemoryStore{})
	h.do(actionRename, renameRequest{ID: "a3", Title: "UPI wire", Source: "UPI"})
	f, refused := h.probe.app.exportFile(exportJSON)
	if refused != "" {
		t.Fatal(refused)
	}
	if f.name != "wirediff-report.json" || f.mime != "application/json" {
		t.Errorf("the export is %s (%s)", f.name, f.mime)
	}
	var report struct {
		Documents []struct {
			Name string `json:"name"`
			Text string `json:"text"`
		} `json:"documents"`
		Pairs []struct {
			A, B     int
			Passages []struct {
				A, B struct{ Start, End int }
			}
		} `json:"pairs"`
	}
	if err := json.Unmarshal(f.data, &report); err != nil {
		t.Fatal(err)
	}
	demo := workspace.Demo()
	if len(report.Documents) != len(demo.Articles) {
		t.Fatalf("%d documents, want %d", len(report.Documents), len(demo.Articles))
	}
	for i, art := range demo.Articles {
		want := art.Title
		if art.ID == "a3" {
			want = "UPI wire" // renamed after the analysis
		}
		if got := report.Documents[i]; got.Name != want || got.Text != art.Text {
			t.Errorf("document %d is %q with %d bytes of text, want %q with %d", i, got.Name, len(got.Text), want, len(art.Text))
		}
	}
	// The offsets point into the texts given, so a reader needs nothing
	// else to see each passage.
	if len(report.Pairs) == 0 {
		t.Fatal("no pairs")
	}
	for _, p := range report.Pairs {
		for _, ps := range p.Passages {
			a, b := report.Documents[p.A].Text, report.Documents[p.B].Text
			if ps.A.End > len(a) || ps.B.End > len(b) || ps.A.Start >= ps.A.End || ps.B.Start >= ps.B.End {
				t.Errorf("pair %d/%d: a passage's spans %v %v do not fit the texts", p.A, p.B, ps.A, ps.B)
			}
		}
	}
}
