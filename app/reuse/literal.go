package reuse

import (
	"math/bits"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// maxLiteralCells bounds the table of literalDiff: a pair of sentences,
// or two merged sentences against one, has a few thousand cells; longer
// regions go to go-diff, whose cost grows with their edits rather than
// with the product of their lengths.
const maxLiteralCells = 1 << 14

// literalDiff diffs two short rune strings (words mapped to runes) by
// their longest common subsequence: the lengths of the longest common
// subsequences of their suffixes (suffixLCS), then one walk from the
// start that takes a shared word wherever it is on a longest path and
// otherwise deletes before it inserts, as go-diff orders the two. A
// sentence pair has a few dozen words, where this costs a fraction of
// go-diff's bisection and its allocations, and keeps every word the two
// share, which is what a literal alignment asks for.
//
// It returns the diff as runs of words, in a buffer of the aligner's:
// align needs only their operations and lengths, so no run has a text.
func (al *aligner) literalDiff(a, b []rune) []diffRun {
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

	rows, words := al.suffixLCS(ma, mb)
	// lcs returns the length of the longest common subsequence of ma[i:]
	// and mb[j:]: the zeros among the first len(mb)-j bits of row
	// len(ma)-i (see suffixLCS).
	lcs := func(i, j int) int {
		row, k := rows[(len(ma)-i)*words:], len(mb)-j
		ones := 0
		for _, v := range row[:k/64] {
			ones += bits.OnesCount64(v)
		}
		if k%64 != 0 {
			ones += bits.OnesCount64(row[k/64] & (1<<(k%64) - 1))
		}
		return k - ones
	}

	// Neighbouring equal runs, where the prefix or suffix meets an equal
	// run of the middle, are one.
	al.runs = al.runs[:0]
	al.equal(pre)
	del, ins := 0, 0
	flushEdits := func() {
		al.edit(diffmatchpatch.DiffDelete, del)
		al.edit(diffmatchpatch.DiffInsert, ins)
		del, ins = 0, 0
	}
	i, j := 0, 0
	for i < len(ma) || j < len(mb) {
		switch {
		case i < len(ma) && j < len(mb) && ma[i] == mb[j]:
			if del+ins > 0 {
				flushEdits()
			}
			al.equal(1)
			i, j = i+1, j+1
		case j == len(mb) || i < len(ma) && lcs(i+1, j) >= lcs(i, j+1):
			del++
			i++
		default:
			ins++
			j++
		}
	}
	flushEdits()
	al.equal(suf)
	return al.runs
}

// suffixLCS computes the lengths of the longest common subsequences of
// the suffixes of a and b, 64 cells to an operation: the bit-parallel
// algorithm of Allison and Dix (1986) in the form of Crochemore et al.
// ("A fast and practical bit-vector algorithm for the longest common
// subsequence problem", 2001), run over both strings reversed so that its
// prefixes are their suffixes. Bit p of a row stands for b[len(b)-1-p];
// row r, after the last r runes of a, has a zero at p where the longest
// common subsequence of a[len(a)-r:] and b[len(b)-1-p:] is one longer
// than that of a[len(a)-r:] and b[len(b)-p:]. It returns the rows, each
// words uint64s long, in a buffer of the aligner's.
func (al *aligner) suffixLCS(a, b []rune) (rows []uint64, words int) {
	words = (len(b) + 63) / 64
	// The match mask of each distinct rune of b: bit p set where
	// b[len(b)-1-p] is that rune.
	al.maskOf.reset()
	al.masks = al.masks[:0]
	for p := range len(b) {
		key := maskKey(b[len(b)-1-p])
		at, ok := al.maskOf.get(key)
		if !ok {
			at = uint64(len(al.masks))
			al.maskOf.put(key, at)
			for range words {
				al.masks = append(al.masks, 0)
			}
		}
		al.masks[int(at)+p/64] |= 1 << (p % 64)
	}
	n := (len(a) + 1) * words
	if cap(al.rows) < n {
		al.rows = make([]uint64, n)
	}
	rows = al.rows[:n]
	for k := range words {
		rows[k] = ^uint64(0)
	}
	for r := 1; r <= len(a); r++ {
		prev, cur := rows[(r-1)*words:r*words], rows[r*words:(r+1)*words]
		at, ok := al.maskOf.get(maskKey(a[len(a)-r]))
		if !ok {
			copy(cur, prev) // a rune b lacks changes nothing
			continue
		}
		m := al.masks[at : int(at)+words]
		carry := uint64(0)
		for k, v := range prev {
			var sum uint64
			sum, carry = bits.Add64(v, v&m[k], carry)
			cur[k] = sum | v&^m[k]
		}
	}
	return rows, words
}

// maskKey is a rune's key in the aligner's table of match masks: above
// the 0 and 1 that the table keeps for itself, low bits unchanged.
func maskKey(r rune) uint64 { return 1<<40 | uint64(uint32(r)) }

// A diffRun is one run of a word diff: its operation and how many words
// it has.
type diffRun struct {
	op diffmatchpatch.Operation
	n  int
}

// equal writes n words as an equal run, extending the run before when it
// is equal too.
func (al *aligner) equal(n int) {
	if n == 0 {
		return
	}
	if k := len(al.runs); k > 0 && al.runs[k-1].op == diffmatchpatch.DiffEqual {
		al.runs[k-1].n += n
		return
	}
	al.runs = append(al.runs, diffRun{diffmatchpatch.DiffEqual, n})
}

// edit writes n words, if any, as a run of op.
func (al *aligner) edit(op diffmatchpatch.Operation, n int) {
	if n > 0 {
		al.runs = append(al.runs, diffRun{op, n})
	}
}
