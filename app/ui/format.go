package ui

import (
	"fmt"
	"strconv"
)

// compact writes n in at most four characters, for heat-map cells.
func compact(n int) string {
	switch {
	case n < 1000:
		return strconv.Itoa(n)
	case n < 9950:
		return fmt.Sprintf("%.1fk", float64(n)/1000)
	default:
		return fmt.Sprintf("%.0fk", float64(n)/1000)
	}
}

// What each figure means, where it appears: as a tooltip on the figure
// and in the "What the figures mean" legend.
const (
	defSharedWords = "Shared words: the words two articles have in common, in every passage they share, copied or rewritten."
	defSimilar     = "Similar: how much of the two articles is shared, twice the shared words over the words of both articles; 100% is the same text twice."
	defWords       = "Words: how many words the two sides of this passage have in common."
	defIdentical   = "Identical: how much of the passage is the same word for word, its identity: twice its shared words over the words of both its sides; 100% is a verbatim copy."
	defReused      = "Reused: the share of an article's words that lie in a passage it shares with another article."
	defSentence    = "Similar, for a sentence pair: how much of what the two sentences say they have in common, by the weight of their words."
)
