// Package pace spaces out the pauses of long work done in pieces: the
// page runs Go on its only thread, and work that takes longer than a
// few milliseconds (decoding an import or a report, encoding a request
// or records) must hand the thread back to the browser now and then,
// though not after every piece, which would cost more than the work.
package pace

import "time"

// Every returns the function to call after each piece of work: it calls
// pause whenever every has passed since the last pause, or since Every
// was called. With a nil pause it does nothing.
func Every(every time.Duration, pause func()) func() {
	if pause == nil {
		return func() {}
	}
	last := time.Now()
	return func() {
		if now := time.Now(); now.Sub(last) >= every {
			pause()
			last = time.Now()
		}
	}
}
