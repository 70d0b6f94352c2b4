package e2e

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// A taskTrace records the page's main-thread tasks through Chromium's
// trace, with the CPU time of each: on a loaded machine a task's length
// is mostly the time its thread waited for a core, which the longtask
// observer cannot tell apart; the thread's own time can. It records too
// what V8's optimizing compiler took: after each load it compiles the
// module's hot functions again on background threads (2 to 3 s of CPU
// time during journey 22's import and analysis), and on two cores,
// beside the worker, the page's thread then waits for a core most.
type taskTrace struct {
	mu     sync.Mutex
	events []traceEvent
	done   chan struct{}
}

// traceEvent is what the trace says of a task or a mark: times in µs.
type traceEvent struct {
	Name string  `json:"name"`
	Cat  string  `json:"cat"`
	Ph   string  `json:"ph"`
	Ts   float64 `json:"ts"`
	Dur  float64 `json:"dur"`
	Tdur float64 `json:"tdur"` // the thread's CPU time
	Pid  int     `json:"pid"`
	Tid  int     `json:"tid"`
}

// optimizing is the trace event of V8's compiling a WebAssembly
// function with its optimizing compiler, TurboFan.
const optimizing = "wasm.TopTierCompilation"

// phaseMark is the prefix of the performance marks that name phases
// (watchPhases sets one at each phase).
const phaseMark = "phase:"

// traceTasks starts tracing the browser's top-level tasks and the page's
// performance marks.
func (s *session) traceTasks() *taskTrace {
	s.t.Helper()
	tr := &taskTrace{done: make(chan struct{})}
	chromedp.Listen(s.ctx, func(ev any) {
		switch e := ev.(type) {
		case *tracing.EventDataCollected:
			tr.mu.Lock()
			defer tr.mu.Unlock()
			for _, v := range e.Value {
				var x traceEvent
				if json.Unmarshal(v, &x) == nil && (x.Ph == "X" && (strings.Contains(x.Cat, "toplevel") || x.Name == optimizing) || strings.HasPrefix(x.Name, phaseMark)) {
					tr.events = append(tr.events, x)
				}
			}
		case *tracing.EventTracingComplete:
			close(tr.done)
		}
	})
	s.do("trace the page's tasks", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{
			IncludedCategories: []string{"toplevel", "blink.user_timing", "v8.wasm"},
		}})
		return err
	}))
	return tr
}

// report stops the trace and gives, for each phase, the CPU time of its
// longest task by that time, what the task took in all, and the CPU time
// V8's optimizing compiler took meanwhile in the page's process. The
// page's main thread is the one that set the phase marks.
func (tr *taskTrace) report(s *session) string {
	s.t.Helper()
	s.do("stop tracing", chromedp.Func(func(ctx context.Context, t *chromedp.Target) error {
		_, err := cdp.Call(ctx, t, tracing.End, cdp.Empty{})
		return err
	}))
	select {
	case <-tr.done:
	case <-time.After(30 * time.Second):
		return "the trace did not complete"
	}
	tr.mu.Lock()
	defer tr.mu.Unlock()
	type phase struct {
		name      string
		at        float64
		cpu, wall float64 // the longest task's, in µs
		compiling float64 // V8's optimizing compiler's CPU time, in µs
	}
	var phases []*phase
	pid, tid := -1, -1
	for _, e := range tr.events {
		if strings.HasPrefix(e.Name, phaseMark) && strings.Contains(e.Cat, "user_timing") {
			phases = append(phases, &phase{name: strings.TrimPrefix(e.Name, phaseMark), at: e.Ts})
			pid, tid = e.Pid, e.Tid
		}
	}
	slices.SortStableFunc(phases, func(a, b *phase) int { return cmp.Compare(a.at, b.at) })
	for _, e := range tr.events {
		if e.Ph != "X" || e.Pid != pid {
			continue
		}
		var in *phase
		for _, p := range phases {
			if p.at <= e.Ts {
				in = p
			}
		}
		switch {
		case in == nil:
		case e.Name == optimizing:
			in.compiling += e.Tdur
		case e.Tid == tid && strings.Contains(e.Cat, "toplevel") && e.Tdur > in.cpu:
			in.cpu, in.wall = e.Tdur, e.Dur
		}
	}
	var lines []string
	for _, p := range phases {
		lines = append(lines, fmt.Sprintf("%s: longest task by CPU time %.0f ms (it took %.0f ms); V8's optimizing compiler %.0f ms", p.name, p.cpu/1000, p.wall/1000, p.compiling/1000))
	}
	return strings.Join(lines, "\n")
}
