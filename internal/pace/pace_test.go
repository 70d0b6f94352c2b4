package pace

import (
	"testing"
	"time"
)

func TestEveryPausesOnlyOnceItsTimeHasPassed(t *testing.T) {
	for _, tc := range []struct {
		name  string
		every time.Duration
		want  int
	}{
		{"no time at all between pauses pauses after every piece", 0, 5},
		{"an hour between pauses never pauses", time.Hour, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			pauses := 0
			tick := Every(tc.every, func() { pauses++ })
			for range 5 {
				tick()
			}
			if pauses != tc.want {
				t.Errorf("paused %d times after 5 pieces, want %d", pauses, tc.want)
			}
		})
	}
}

func TestEveryWithNoPauseDoesNothing(t *testing.T) {
	tick := Every(0, nil)
	tick() // must not call a nil function
}

func TestEveryCountsFromTheLastPause(t *testing.T) {
	pauses := 0
	tick := Every(100*time.Millisecond, func() { pauses++ })
	time.Sleep(120 * time.Millisecond)
	tick() // due: 120 ms since Every
	tick() // not due: just paused
	if pauses != 1 {
		t.Errorf("paused %d times, want 1: once when due, not again right after", pauses)
	}
}
