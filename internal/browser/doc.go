// Package browser holds the little the page's and the worker's
// browser-only code share: handing the thread back to the browser
// between slices of long work (Breathe), and turning a JavaScript
// exception into an error (Catch, in the browser only).
package browser

import "time"

// PauseEvery is how long a slice of work on the page's only thread runs
// before it calls Breathe, so that no task holds the page for long.
const PauseEvery = 20 * time.Millisecond
