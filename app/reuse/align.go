package reuse

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// An aligner turns regions into passages with word-level edits. It keeps
// its buffers between calls: a corpus has thousands of passages, and
// under WebAssembly every allocation counts.
type aligner struct {
	dmp    *diffmatchpatch.DiffMatchPatch
	runeOf wordTable // word hash → its rune, for the region being aligned
	ra, rb []rune
	// literalDiff's rows of bits, match masks and their index by rune.
	rows, masks []uint64
	maskOf      wordTable
	// The diff being turned into a passage, as runs of words.
	runs []diffRun
}

func newAligner(timeout time.Duration) *aligner {
	dmp := diffmatchpatch.New()
	// Zero disables go-diff's deadline; see Options.DiffTimeout.
	dmp.DiffTimeout = timeout
	return &aligner{dmp: dmp}
}

// wordRunes maps each distinct word of a region to a rune, so that
// go-diff, which diffs characters, diffs words: the classic line-mode
// trick of diff-match-patch applied to words. Runes start above ASCII and
// skip the surrogate range, which is not valid in a Go string and would
// collapse into U+FFFD inside go-diff's cleanup.
func (al *aligner) wordRunes(words []token, dst []rune) []rune {
	dst = dst[:0]
	for _, w := range words {
		v, ok := al.runeOf.get(w.hash)
		r := rune(v)
		if !ok {
			r = rune(0x100 + al.runeOf.n)
			if r >= 0xD800 {
				r += 0x800
			}
			al.runeOf.put(w.hash, uint64(r))
		}
		dst = append(dst, r)
	}
	return dst
}

// align diffs the words of region r and returns the passage, trimmed so
// that it starts and ends on shared words. ok is false when no word is
// shared.
//
// The returned region is the passage's word range on each side, and run
// is its longest run of shared words in a row.
func (al *aligner) align(textA, textB string, a, b []token, r region) (p Passage, words region, run int, ok bool) {
	al.runeOf.reset()
	wa, wb := a[r.a0:r.a1], b[r.b0:r.b1]
	al.ra = al.wordRunes(wa, al.ra)
	al.rb = al.wordRunes(wb, al.rb)
	var diffs []diffRun
	switch {
	case slices.Equal(al.ra, al.rb):
		// Verbatim, the commonest case in wire copy: nothing to diff.
		diffs = append(al.runs[:0], diffRun{diffmatchpatch.DiffEqual, len(al.ra)})
		al.runs = diffs
	case r.literal && len(al.ra)*len(al.rb) <= maxLiteralCells:
		diffs = al.literalDiff(al.ra, al.rb)
	default:
		d := al.dmp.DiffMainRunes(al.ra, al.rb, false)
		if !r.literal {
			d = al.cleanup(d)
		}
		// Each diff's words, counted once: a word is one rune of the
		// diff's text, of two to four bytes.
		diffs = al.runs[:0]
		for _, x := range d {
			diffs = append(diffs, diffRun{x.Type, utf8.RuneCountInString(x.Text)})
		}
		al.runs = diffs
	}

	// Trim edits at either end: a passage starts and ends on shared words.
	i, j := 0, 0 // words of wa and wb consumed
	for !r.keepHead && len(diffs) > 0 && diffs[0].op != diffmatchpatch.DiffEqual {
		if diffs[0].op == diffmatchpatch.DiffDelete {
			i += diffs[0].n
		} else {
			j += diffs[0].n
		}
		diffs = diffs[1:]
	}
	for !r.keepTail && len(diffs) > 0 && diffs[len(diffs)-1].op != diffmatchpatch.DiffEqual {
		diffs = diffs[:len(diffs)-1]
	}
	if len(diffs) == 0 {
		return Passage{}, region{}, 0, false
	}
	startI, startJ := i, j

	// Count words per side first: the spans end where the last word ends.
	endI, endJ := i, j
	for _, d := range diffs {
		if d.op != diffmatchpatch.DiffInsert {
			endI += d.n
		}
		if d.op != diffmatchpatch.DiffDelete {
			endJ += d.n
		}
	}
	// The passage takes in the punctuation that clings to its first and
	// last words: the opening quote, the full stop.
	p.A = Span{clingsBefore(textA, int(wa[i].start)), clingsAfter(textA, int(wa[endI-1].end))}
	p.B = Span{clingsBefore(textB, int(wb[j].start)), clingsAfter(textB, int(wb[endJ-1].end))}
	firstI, firstJ := i, j

	// Each edit runs from its first word to the next edit's first word,
	// so that the gaps between words (spaces, punctuation) belong to the
	// edit before them and the spans tile the passage exactly.
	posA := func(w int) int {
		switch {
		case w <= firstI:
			return p.A.Start
		case w >= endI:
			return p.A.End
		}
		return int(wa[w].start)
	}
	posB := func(w int) int {
		switch {
		case w <= firstJ:
			return p.B.Start
		case w >= endJ:
			return p.B.End
		}
		return int(wb[w].start)
	}
	// Most diffs become one edit each, an equal run too.
	p.Edits = make([]Edit, 0, len(diffs))
	for _, d := range diffs {
		n := d.n
		switch d.op {
		case diffmatchpatch.DiffDelete:
			p.Edits = append(p.Edits, Edit{Op: Delete, A: Span{posA(i), posA(i + n)}, B: Span{posB(j), posB(j)}})
			i += n
		case diffmatchpatch.DiffInsert:
			p.Edits = append(p.Edits, Edit{Op: Insert, A: Span{posA(i), posA(i)}, B: Span{posB(j), posB(j + n)}})
			j += n
		default:
			run = max(run, n)
			// Each shared word with the gap after it is written alike on
			// both sides, or differs only in typography (a cosmetic run),
			// or differs in a symbol such as an emoji in the gap: the word
			// stays shared and the differing rest of the gap is an edit.
			for t := 0; t < n; t++ {
				a0, a1, b0, b1 := posA(i+t), posA(i+t+1), posB(j+t), posB(j+t+1)
				p.Words++
				switch compareForm(textA[a0:a1], textB[b0:b1]) {
				case formSame:
					p.Edits = appendEqual(p.Edits, false, Span{a0, a1}, Span{b0, b1})
				case formTypography:
					p.Edits = appendEqual(p.Edits, true, Span{a0, a1}, Span{b0, b1})
				default:
					ea := int(wa[i+t].end) + typographyPrefix(textA[wa[i+t].end:a1])
					eb := int(wb[j+t].end) + typographyPrefix(textB[wb[j+t].end:b1])
					cosmetic := !sameForm(textA, textB, a0, ea, b0, eb)
					p.Edits = appendEqual(p.Edits, cosmetic, Span{a0, ea}, Span{b0, eb})
					if ea < a1 {
						p.Edits = append(p.Edits, Edit{Op: Delete, A: Span{ea, a1}, B: Span{eb, eb}})
					}
					if eb < b1 {
						p.Edits = append(p.Edits, Edit{Op: Insert, A: Span{a1, a1}, B: Span{eb, b1}})
					}
				}
			}
			i += n
			j += n
		}
	}
	p.Identity = float64(2*p.Words) / float64(endI-startI+endJ-startJ)
	return p, region{a0: r.a0 + startI, a1: r.a0 + endI, b0: r.b0 + startJ, b1: r.b0 + endJ}, run, true
}

// clingsBefore returns where the opening quotes and brackets in front of
// the word at start begin.
func clingsBefore(text string, start int) int {
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:start])
		if !strings.ContainsRune(`"'“‘„«([`, r) {
			break
		}
		start -= n
	}
	return start
}

// clingsAfter returns where the full stops, closing quotes and brackets
// after the word ending at end stop. Commas and dashes lead on to more
// text and stay out.
func clingsAfter(text string, end int) int {
	for end < len(text) {
		r, n := utf8.DecodeRuneInString(text[end:])
		if !strings.ContainsRune(`.!?…"'”’»)]`, r) {
			break
		}
		end += n
	}
	return end
}

// anchorWords is the length of an equality that semantic cleanup must
// keep.
const anchorWords = 4

// cleanup applies go-diff's semantic cleanup, which folds coincidental
// short equalities ("the", "of") into the edits around them, between
// anchors: equal runs of anchorWords or more words. Run over a whole
// passage, the cleanup would also fold a real four-word match into a long
// inserted paragraph next to it, because it weighs an equality against the
// edits on either side.
func (al *aligner) cleanup(diffs []diffmatchpatch.Diff) []diffmatchpatch.Diff {
	out := diffs[:0:0]
	start := 0
	flush := func(end int) {
		if end > start {
			out = append(out, al.dmp.DiffCleanupSemantic(slices.Clone(diffs[start:end]))...)
		}
	}
	for i, d := range diffs {
		if d.Type == diffmatchpatch.DiffEqual && utf8.RuneCountInString(d.Text) >= anchorWords {
			flush(i)
			out = append(out, d)
			start = i + 1
		}
	}
	flush(len(diffs))
	// DiffCleanupMerge can leave an empty edit where the semantic cleanup
	// of two neighbouring chunks cancelled out; an edit of no words would
	// be an insertion with nothing inserted.
	return slices.DeleteFunc(al.dmp.DiffCleanupMerge(out), func(d diffmatchpatch.Diff) bool { return d.Text == "" })
}

// appendEqual appends an Equal run to edits, extending the last one when
// it is an Equal run of the same kind that ends where this one starts.
func appendEqual(edits []Edit, cosmetic bool, a, b Span) []Edit {
	if n := len(edits); n > 0 {
		last := &edits[n-1]
		if last.Op == Equal && last.Cosmetic == cosmetic && last.A.End == a.Start && last.B.End == b.Start {
			last.A.End, last.B.End = a.End, b.End
			return edits
		}
	}
	return append(edits, Edit{Op: Equal, Cosmetic: cosmetic, A: a, B: b})
}

// sameForm reports whether a[a0:a1] and b[b0:b1], a word and the gap
// after it, are written alike: byte for byte, except that any run of
// white space equals any other. A line break where the other text has a
// space is layout, not an edit worth showing.
func sameForm(a, b string, a0, a1, b0, b1 int) bool {
	x, y := a[a0:a1], b[b0:b1]
	if x == y {
		return true // most shared words: one comparison of bytes, no runes
	}
	for x != "" && y != "" {
		rx, nx := utf8.DecodeRuneInString(x)
		ry, ny := utf8.DecodeRuneInString(y)
		sx, sy := unicode.IsSpace(rx), unicode.IsSpace(ry)
		if sx && sy {
			x, y = trimSpace(x), trimSpace(y)
			continue
		}
		if rx != ry || nx != ny || sx != sy {
			return false
		}
		x, y = x[nx:], y[ny:]
	}
	return trimSpace(x) == "" && trimSpace(y) == ""
}

func trimSpace(s string) string {
	for s != "" {
		r, n := utf8.DecodeRuneInString(s)
		if !unicode.IsSpace(r) {
			break
		}
		s = s[n:]
	}
	return s
}
