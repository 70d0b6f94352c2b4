package reuse

import "github.com/sergi/go-diff/diffmatchpatch"

// maxLiteralCells bounds the table of literalDiff: a pair of sentences,
// or two merged sentences against one, has a few thousand cells; longer
// regions go to go-diff, whose cost grows with their edits rather than
// with the product of their lengths.
const maxLiteralCells = 1 << 14

// literalDiff diffs two short rune strings (words mapped to runes) by
// their longest common subsequence: the classic dynamic programme over a
// table of suffixes, then one walk from the start that takes a shared
// word wherever it is on a longest path and otherwise deletes before it
// inserts, as go-diff orders the two. A sentence pair has a few dozen
// words, where a table costs a fraction of go-diff's bisection and its
// allocations, and keeps every word the two share, which is what a
// literal alignment asks for.
func (al *aligner) literalDiff(a, b []rune) []diffmatchpatch.Diff {
	// The common prefix and suffix need no table.
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	ma, mb := a[pre:len(a)-suf], b[pre:len(b)-suf]

	// t[i*w+j] is the length of the longest common subsequence of
	// ma[i:] and mb[j:].
	w := len(mb) + 1
	cells := (len(ma) + 1) * w
	if cap(al.lcs) < cells {
		al.lcs = make([]int32, cells)
	}
	t := al.lcs[:cells]
	for j := range w {
		t[len(ma)*w+j] = 0
	}
	for i := len(ma) - 1; i >= 0; i-- {
		row, next := t[i*w:i*w+w], t[(i+1)*w:(i+1)*w+w]
		row[len(mb)] = 0
		for j := len(mb) - 1; j >= 0; j-- {
			switch {
			case ma[i] == mb[j]:
				row[j] = next[j+1] + 1
			case next[j] >= row[j+1]:
				row[j] = next[j]
			default:
				row[j] = row[j+1]
			}
		}
	}

	var diffs []diffmatchpatch.Diff
	add := func(op diffmatchpatch.Operation, runes []rune) {
		if len(runes) > 0 {
			diffs = append(diffs, diffmatchpatch.Diff{Type: op, Text: string(runes)})
		}
	}
	add(diffmatchpatch.DiffEqual, a[:pre])
	var del, ins, eq []rune
	flushEdits := func() {
		add(diffmatchpatch.DiffDelete, del)
		add(diffmatchpatch.DiffInsert, ins)
		del, ins = del[:0], ins[:0]
	}
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		switch {
		case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
			if len(del)+len(ins) > 0 {
				flushEdits()
			}
			eq = append(eq, ma[i])
			i, j = i+1, j+1
			continue
		case j == len(mb) || i < len(ma) && t[(i+1)*w+j] >= t[i*w+j+1]:
			del = append(del, ma[i])
			i++
		default:
			ins = append(ins, mb[j])
			j++
		}
		if len(eq) > 0 {
			add(diffmatchpatch.DiffEqual, eq)
			eq = eq[:0]
		}
	}
	add(diffmatchpatch.DiffEqual, eq)
	flushEdits()
	add(diffmatchpatch.DiffEqual, a[len(a)-suf:])
	return mergeEqual(diffs)
}

// mergeEqual joins neighbouring equal runs, which literalDiff leaves
// apart where the prefix or suffix meets an equal run of the middle.
func mergeEqual(diffs []diffmatchpatch.Diff) []diffmatchpatch.Diff {
	out := diffs[:0]
	for _, d := range diffs {
		if n := len(out); n > 0 && out[n-1].Type == diffmatchpatch.DiffEqual && d.Type == diffmatchpatch.DiffEqual {
			out[n-1].Text += d.Text
			continue
		}
		out = append(out, d)
	}
	return out
}
