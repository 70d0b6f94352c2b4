package ui

import (
	"fmt"
	"math"
	"strconv"
)

// thousands writes n with thin separators: 12,345.
func thousands(n int) string {
	s := strconv.Itoa(n)
	if n < 0 {
		return "-" + thousands(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

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

// percent writes a share from 0 to 1 as a whole percentage; a share that
// is not zero never shows as 0%.
func percent(f float64) string {
	p := math.Round(100 * f)
	if p == 0 && f > 0 {
		return "<1%"
	}
	return strconv.Itoa(int(p)) + "%"
}

// plural writes "1 passage", "2 passages".
func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return thousands(n) + " " + many
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
