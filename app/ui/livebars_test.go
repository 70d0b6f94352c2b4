package ui

import (
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/session"
)

func TestTheNoticeIsALiveRegionThatOffersUndoOnlyAfterARemoval(t *testing.T) {
	tests := []struct {
		name   string
		notice session.Notice
		kind   string
		undo   bool
	}{
		{"no notice yet is an empty region, info", session.Notice{}, "info", false},
		{"an error says so in its kind", session.Notice{Kind: session.Error, Text: "Could not save."}, "error", false},
		{"a removal offers Undo", session.Notice{Kind: session.Info, Text: "Deleted “x”.", Undo: true}, "info", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := newNoticeBar().Notice(tt.notice)
			mount(t, n)
			doc := page(t, n)
			s := byID(doc, "status")
			if s == nil || attr(s, "role") != "status" || attr(s, "aria-live") != "polite" {
				t.Fatal("#status is not a polite live region")
			}
			if attr(s, "data-kind") != tt.kind {
				t.Errorf("data-kind %q, want %q", attr(s, "data-kind"), tt.kind)
			}
			if got := strings.NewReplacer("“ ", "“", " ”", "”").Replace(squash(textOf(s))); !strings.HasPrefix(got, tt.notice.Text) {
				t.Errorf("it says %q, want %q", got, tt.notice.Text)
			}
			if (byID(doc, "undo") != nil) != tt.undo {
				t.Errorf("Undo shown: %v, want %v", byID(doc, "undo") != nil, tt.undo)
			}
		})
	}
}

func TestTheProgressRegionSaysWhenAnAnalysisRunsAndEnds(t *testing.T) {
	tests := []struct {
		name     string
		bar      *progressBar
		progress bool   // #progress shown
		value    string // its aria-valuenow
		says     string
	}{
		{"before any analysis it is empty", newProgressBar(), false, "", ""},
		{"a running analysis shows how far it got", newProgressBar().Running(true).Articles(5).Steps(3, 12), true, "25", "Analysing 5 articles… 25%"},
		{"before its first step it is at 0", newProgressBar().Running(true).Articles(2), true, "0", "Analysing 2 articles… 0%"},
		{"a finished analysis is said to be", newProgressBar().Finished(true), false, "", "Analysis finished."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			mount(t, tt.bar)
			doc := page(t, tt.bar)
			region := byID(doc, "analysis-status")
			if region == nil || attr(region, "role") != "status" || attr(region, "aria-live") != "polite" {
				t.Fatal("#analysis-status is not a polite live region")
			}
			p := byID(doc, "progress")
			if (p != nil) != tt.progress {
				t.Fatalf("#progress shown %v, want %v", p != nil, tt.progress)
			}
			if p != nil && attr(p, "aria-valuenow") != tt.value {
				t.Errorf("aria-valuenow %q, want %q", attr(p, "aria-valuenow"), tt.value)
			}
			if got := squash(textOf(region)); got != tt.says {
				t.Errorf("the region says %q, want %q", got, tt.says)
			}
		})
	}
}
