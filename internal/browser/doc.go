// Package browser holds the little the page's and the worker's
// browser-only code share: handing the thread back to the browser
// between slices of long work (Breathe), turning a JavaScript
// exception into an error (Catch), and waiting for a promise or a Blob's
// bytes (Await, BlobBytes), the last three in the browser only.
package browser

import "time"

// PauseEvery is how long a slice of work on the page's only thread runs
// before it calls Breathe, so that no task holds the page for long.
const PauseEvery = 20 * time.Millisecond
