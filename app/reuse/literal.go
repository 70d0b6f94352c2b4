package reuse

import (
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

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
		x := ma[i]
		// right is row[j+1], diag next[j+1]: carried along the row
		// rather than loaded again.
		right, diag := int32(0), int32(0)
		row[len(mb)] = 0
		for j := len(mb) - 1; j >= 0; j-- {
			down := next[j]
			switch {
			case x == mb[j]:
				right = diag + 1
			case down >= right:
				right = down
			}
			row[j] = right
			diag = down
		}
	}

	// The runs' text is written into one buffer and made one string, cut
	// into the runs: a sentence pair has a dozen runs, and a string each
	// was a third of the cost. Neighbouring equal runs, where the prefix
	// or suffix meets an equal run of the middle, are one.
	al.text, al.runs = al.text[:0], al.runs[:0]
	al.equal(a[:pre])
	del, ins := al.del[:0], al.ins[:0]
	flushEdits := func() {
		al.edit(diffmatchpatch.DiffDelete, del)
		al.edit(diffmatchpatch.DiffInsert, ins)
		del, ins = del[:0], ins[:0]
	}
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		switch {
		case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
			if len(del)+len(ins) > 0 {
				flushEdits()
			}
			al.equal(ma[i : i+1])
			i, j = i+1, j+1
		case j == len(mb) || i < len(ma) && t[(i+1)*w+j] >= t[i*w+j+1]:
			del = append(del, ma[i])
			i++
		default:
			ins = append(ins, mb[j])
			j++
		}
	}
	flushEdits()
	al.del, al.ins = del, ins
	al.equal(a[len(a)-suf:])

	text := string(al.text)
	diffs := make([]diffmatchpatch.Diff, len(al.runs))
	from := 0
	for n, r := range al.runs {
		diffs[n] = diffmatchpatch.Diff{Type: r.op, Text: text[from:r.end]}
		from = r.end
	}
	return diffs
}

// A literalRun is one run of literalDiff's output: its operation and
// where its text ends in the aligner's text buffer.
type literalRun struct {
	op  diffmatchpatch.Operation
	end int
}

// equal writes runes as an equal run, extending the run before when it
// is equal too.
func (al *aligner) equal(runes []rune) {
	if len(runes) == 0 {
		return
	}
	al.appendRunes(runes)
	if n := len(al.runs); n > 0 && al.runs[n-1].op == diffmatchpatch.DiffEqual {
		al.runs[n-1].end = len(al.text)
		return
	}
	al.runs = append(al.runs, literalRun{diffmatchpatch.DiffEqual, len(al.text)})
}

// edit writes runes, if any, as a run of op.
func (al *aligner) edit(op diffmatchpatch.Operation, runes []rune) {
	if len(runes) > 0 {
		al.appendRunes(runes)
		al.runs = append(al.runs, literalRun{op, len(al.text)})
	}
}

func (al *aligner) appendRunes(runes []rune) {
	for _, r := range runes {
		al.text = utf8.AppendRune(al.text, r)
	}
}
