package reuse

import (
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// checkLiteralDiff checks that diffs rebuild a and b, that no two
// neighbouring runs are both equal, and that the diff shares as many runes
// as the longest common subsequence of a and b.
func checkLiteralDiff(t *testing.T, a, b []rune, diffs []diffmatchpatch.Diff) {
	t.Helper()
	var gotA, gotB []rune
	shared := 0
	for n, d := range diffs {
		r := []rune(d.Text)
		if len(r) == 0 {
			t.Fatalf("run %d is empty: %q", n, diffs)
		}
		if n > 0 && d.Type == diffmatchpatch.DiffEqual && diffs[n-1].Type == diffmatchpatch.DiffEqual {
			t.Fatalf("runs %d and %d are both equal: %q", n-1, n, diffs)
		}
		if d.Type != diffmatchpatch.DiffInsert {
			gotA = append(gotA, r...)
		}
		if d.Type != diffmatchpatch.DiffDelete {
			gotB = append(gotB, r...)
		}
		if d.Type == diffmatchpatch.DiffEqual {
			shared += len(r)
		}
	}
	if string(gotA) != string(a) || string(gotB) != string(b) {
		t.Fatalf("diffs %q rebuild %q and %q, want %q and %q", diffs, string(gotA), string(gotB), string(a), string(b))
	}
	// The longest common subsequence by the textbook recurrence.
	prev, row := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				row[j+1] = prev[j] + 1
			default:
				row[j+1] = max(row[j], prev[j+1])
			}
		}
		prev, row = row, prev
	}
	if shared != prev[len(b)] {
		t.Fatalf("diffs %q share %d runes, the longest common subsequence has %d", diffs, shared, prev[len(b)])
	}
}

// literalDiffs is literalDiff's runs with their text, cut from a and b,
// as go-diff gives a diff: what the tests compare.
func literalDiffs(al *aligner, a, b []rune) []diffmatchpatch.Diff {
	var diffs []diffmatchpatch.Diff
	i, j := 0, 0
	for _, r := range al.literalDiff(a, b) {
		var text []rune
		switch r.op {
		case diffmatchpatch.DiffInsert:
			text = b[j : j+r.n]
			j += r.n
		case diffmatchpatch.DiffDelete:
			text = a[i : i+r.n]
			i += r.n
		default:
			text = a[i : i+r.n]
			i, j = i+r.n, j+r.n
		}
		diffs = append(diffs, diffmatchpatch.Diff{Type: r.op, Text: string(text)})
	}
	return diffs
}

// tableLiteralDiff is literalDiff as it was before suffixLCS: the
// textbook table of the suffixes' longest common subsequences, one cell at
// a time, then the same walk. literalDiff must give exactly its diffs.
func tableLiteralDiff(a, b []rune) []diffmatchpatch.Diff {
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
	t := make([]int32, cells)
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
	return mergeEqualRuns(diffs)
}

// mergeEqual joins neighbouring equal runs, which literalDiff leaves
// apart where the prefix or suffix meets an equal run of the middle.
func mergeEqualRuns(diffs []diffmatchpatch.Diff) []diffmatchpatch.Diff {
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

// TestLiteralDiffIsTheTable compares literalDiff with the table on random
// strings over small alphabets, where ties are common, long enough for
// the rows of bits to take several words.
func TestLiteralDiffIsTheTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	al := newAligner(0)
	for n := range 3000 {
		alphabet := 2 + n%9
		random := func(max int) []rune {
			r := make([]rune, rng.IntN(max+1))
			for i := range r {
				r[i] = 0x100 + rune(rng.IntN(alphabet))
			}
			return r
		}
		a, b := random(1+n%200), random(1+n%130)
		if len(a)*len(b) > maxLiteralCells {
			continue
		}
		got, want := literalDiffs(al, a, b), tableLiteralDiff(a, b)
		if !slices.Equal(got, want) {
			t.Fatalf("%q against %q: got %q, the table gives %q", string(a), string(b), got, want)
		}
	}
}

func TestLiteralDiffKeepsEverySharedWord(t *testing.T) {
	for _, c := range []struct{ name, a, b string }{
		{"identical sentences are one equal run", "abcdef", "abcdef"},
		{"a word replaced is a deletion then an insertion", "abXdef", "abYdef"},
		{"clauses turned around keep the longer one in place", "abcdefgh", "efghabcd"},
		{"a word added at either end", "bcd", "abcde"},
		{"nothing shared", "abc", "xyz"},
		{"one side empty", "", "abc"},
		{"repeated words", "aaaa", "aa"},
		{"lone shared words between edits", "axbycz", "apbqcr"},
	} {
		t.Run(c.name, func(t *testing.T) {
			al := newAligner(0)
			a, b := []rune(c.a), []rune(c.b)
			checkLiteralDiff(t, a, b, literalDiffs(al, a, b))
		})
	}
}

// TestLiteralDiffFindsWhatGoDiffFinds compares the table with go-diff,
// which the aligner uses for longer regions: without a deadline go-diff's
// bisection finds a shortest edit script, and so as many shared words.
func TestLiteralDiffFindsWhatGoDiffFinds(t *testing.T) {
	al := newAligner(-1 * time.Second)
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	for _, c := range [][2]string{
		{"thequickbrownfox", "aquickredfoxjumped"},
		{"abcabba", "cbabac"},
		{"abcdefghij", "jihgfedcba"},
	} {
		a, b := []rune(c[0]), []rune(c[1])
		want := 0
		for _, d := range dmp.DiffMainRunes(a, b, false) {
			if d.Type == diffmatchpatch.DiffEqual {
				want += len([]rune(d.Text))
			}
		}
		got := 0
		for _, d := range literalDiffs(al, a, b) {
			if d.Type == diffmatchpatch.DiffEqual {
				got += len([]rune(d.Text))
			}
		}
		if got != want {
			t.Errorf("%q against %q: the table shares %d runes, go-diff %d", c[0], c[1], got, want)
		}
	}
}

// FuzzLiteralDiff checks that the table's diff rebuilds both sides and
// keeps a longest common subsequence, on strings over a small alphabet,
// where repeats make ties common.
func FuzzLiteralDiff(f *testing.F) {
	f.Add([]byte("abcabba"), []byte("cbabac"))
	f.Add([]byte(""), []byte("abc"))
	f.Add([]byte("aaaa"), []byte("aaaa"))
	f.Add([]byte("the cat sat"), []byte("a cat sat down"))
	f.Fuzz(func(t *testing.T, x, y []byte) {
		if len(x)*len(y) > maxLiteralCells {
			t.Skip()
		}
		// Small alphabets make ties; runes above ASCII, as wordRunes
		// gives them.
		toRunes := func(p []byte) []rune {
			r := make([]rune, len(p))
			for i, c := range p {
				r[i] = 0x100 + rune(c%8)
			}
			return r
		}
		a, b := toRunes(x), toRunes(y)
		al := newAligner(0)
		got := literalDiffs(al, a, b)
		checkLiteralDiff(t, a, b, got)
		if want := tableLiteralDiff(a, b); !slices.Equal(got, want) {
			t.Fatalf("got %q, the table gives %q", got, want)
		}
	})
}
