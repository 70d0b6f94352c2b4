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
