package reuse

import (
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
			checkLiteralDiff(t, a, b, al.literalDiff(a, b))
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
		for _, d := range al.literalDiff(a, b) {
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
		checkLiteralDiff(t, a, b, al.literalDiff(a, b))
	})
}
