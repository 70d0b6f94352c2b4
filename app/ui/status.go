package ui

import (
	"context"

	"github.com/wirediff/wirediff/app/workspace"
)

// phase is where the analysis of the articles on screen is.
type phase int

const (
	idle      phase = iota // nothing analysed yet: the articles are loading
	analysing              // an analysis runs; done of total steps so far
	finished               // result is the analysis of the articles
	failed                 // the last analysis stopped: err, or cancelled
)

// status is the analysis lifecycle, as one value: App owns the only one.
// result is the last analysis that finished, kept while a newer one runs:
// the pair view shows it, marked as being updated, and the list keeps
// the reused share of the texts that did not change.
type status struct {
	phase       phase
	gen         int // numbers the analyses, so a superseded one's reports are dropped
	done, total int
	result      *analysis
	err         error
	cancel      context.CancelFunc
}

// running reports that an analysis runs.
func (s status) running() bool { return s.phase == analysing }

// stale reports that no finished analysis of exactly these articles is
// on hand.
func (s status) stale(arts []workspace.Article) bool {
	return s.phase != finished || !s.result.covers(arts)
}

// start begins analysis number gen+1, stopping the one that runs: its
// result would describe articles that changed.
func (s *status) start(cancel context.CancelFunc) int {
	s.stop()
	s.gen++
	s.phase, s.done, s.total, s.err, s.cancel = analysing, 0, 0, nil, cancel
	return s.gen
}

// stop cancels the running analysis, if any.
func (s *status) stop() {
	if s.cancel != nil {
		s.cancel()
		s.cancel = nil
	}
}

// progress records how far analysis gen got, reporting false when gen is
// not the one running.
func (s *status) progress(gen, done, total int) bool {
	if gen != s.gen || s.phase != analysing {
		return false
	}
	s.done, s.total = done, total
	return true
}

// finish records the end of analysis gen, reporting false when a newer
// one runs.
func (s *status) finish(gen int, result *analysis, err error) bool {
	if gen != s.gen {
		return false
	}
	s.cancel = nil
	if err != nil {
		s.phase, s.err = failed, err
		return true
	}
	s.phase, s.result = finished, result
	return true
}
