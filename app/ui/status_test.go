package ui

import (
	"context"
	"errors"
	"testing"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
)

func TestTheAnalysisStatusKeepsOnlyTheNewestAnalysis(t *testing.T) {
	arts := []workspace.Article{{ID: "a1", Text: "one"}, {ID: "a2", Text: "two"}}
	result := newSnapshot(workspace.Workspace{Articles: arts}).finish(&reuse.Report{})
	other := newSnapshot(workspace.Workspace{Articles: arts[:1]}).finish(&reuse.Report{})
	tests := []struct {
		name    string
		steps   func(s *status) bool // the last step's report
		phase   phase
		result  *analysis
		stale   bool
		reports bool
	}{
		{"nothing analysed yet is stale", func(s *status) bool { return false },
			idle, nil, true, false},
		{"a running analysis is stale and keeps the last result", func(s *status) bool {
			g := s.start(func() {})
			s.finish(g, result, nil)
			s.start(func() {})
			return s.progress(s.gen, 3, 10)
		}, analysing, result, true, true},
		{"a finished analysis of the articles is current", func(s *status) bool {
			return s.finish(s.start(func() {}), result, nil)
		}, finished, result, false, true},
		{"a finished analysis of other articles is stale", func(s *status) bool {
			return s.finish(s.start(func() {}), other, nil)
		}, finished, other, true, true},
		{"a superseded analysis's result is dropped", func(s *status) bool {
			old := s.start(func() {})
			s.start(func() {})
			return s.finish(old, result, nil)
		}, analysing, nil, true, false},
		{"a superseded analysis's progress is dropped", func(s *status) bool {
			old := s.start(func() {})
			s.start(func() {})
			return s.progress(old, 5, 10)
		}, analysing, nil, true, false},
		{"a failed analysis keeps the last result, stale", func(s *status) bool {
			s.finish(s.start(func() {}), result, nil)
			return s.finish(s.start(func() {}), nil, errors.New("boom"))
		}, failed, result, true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s status
			reports := tt.steps(&s)
			if s.phase != tt.phase || s.result != tt.result || s.stale(arts) != tt.stale || reports != tt.reports {
				t.Errorf("phase %d, result %p, stale %v, last step taken %v; want %d, %p, %v, %v",
					s.phase, s.result, s.stale(arts), reports, tt.phase, tt.result, tt.stale, tt.reports)
			}
		})
	}
}

func TestStartingAnAnalysisCancelsTheRunningOne(t *testing.T) {
	var s status
	ctx, cancel := context.WithCancel(context.Background())
	s.start(cancel)
	s.start(func() {})
	if ctx.Err() == nil {
		t.Error("the first analysis still runs after the second started")
	}
}
