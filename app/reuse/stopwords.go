package reuse

import "fmt"

// A stopTable tells the languages whose stop word a word is, for
// detectLanguage, which asks it for the first words of every document.
// Most of those words are no stop word and a third are, in no order a
// processor can predict, so a look-up takes no branch: each word has two
// places in the table, both are read, and a place whose key differs
// counts for nothing (two-choice cuckoo hashing: Pagh and Rodler, "Cuckoo
// hashing", J. Algorithms 51(2), 2004).
type stopTable struct {
	mask  uint64
	slots []stopSlot
}

// A stopSlot holds a stop word's hash and, one byte a language, a 1 in
// the byte of each language whose stop word it is: added up over a
// document's words, the bytes count each language's stop words.
type stopSlot struct {
	key   uint64
	lanes stopCounts
}

// stopCounts holds a count a language, one byte each: detectLanguage
// counts at most languageSampleWords words.
type stopCounts [3]uint64

// maxStopLanguages is how many languages stopCounts has a byte for.
const maxStopLanguages = 8 * len(stopCounts{})

// newStopTable places each word (tableKey of its hashWord) with its
// languages' bits, growing the table until every word has one of its
// two places.
func newStopTable(words map[uint64]uint32) *stopTable {
	for size := 1024; ; size *= 2 {
		if t, ok := placeStopWords(words, size); ok {
			return t
		}
	}
}

func placeStopWords(words map[uint64]uint32, size int) (*stopTable, bool) {
	t := &stopTable{mask: uint64(size - 1), slots: make([]stopSlot, size)}
	for key, bits := range words {
		if key == 0 {
			panic("reuse: a stop table's keys go through tableKey (0 marks an empty place)")
		}
		if bits>>maxStopLanguages != 0 {
			panic(fmt.Sprintf("reuse: a stop table counts at most %d languages", maxStopLanguages))
		}
		s := stopSlot{key: key}
		for l := range maxStopLanguages {
			if bits&(1<<l) != 0 {
				s.lanes[l/8] |= 1 << (8 * (l % 8))
			}
		}
		// Cuckoo insertion: a word takes its first place, or its second,
		// and a word it pushes out moves to its other place.
		i := key & t.mask
		for range size {
			s, t.slots[i] = t.slots[i], s
			if s.key == 0 {
				break
			}
			if i == s.key&t.mask {
				i = s.key >> 32 & t.mask
			} else {
				i = s.key & t.mask
			}
		}
		if s.key != 0 {
			return nil, false
		}
	}
	return t, true
}

// add adds to c a 1 for each language whose stop word the word with hash
// h is.
func (t *stopTable) add(c *stopCounts, h uint64) {
	h = tableKey(h) // 0 marks an empty place
	a, b := &t.slots[h&t.mask], &t.slots[h>>32&t.mask]
	ma, mb := sameMask(a.key, h), sameMask(b.key, h)
	c[0] += a.lanes[0]&ma | b.lanes[0]&mb
	c[1] += a.lanes[1]&ma | b.lanes[1]&mb
	c[2] += a.lanes[2]&ma | b.lanes[2]&mb
}

// count returns language l's count.
func (c *stopCounts) count(l int) int { return int(c[l/8] >> (8 * (l % 8)) & 0xff) }

// sameMask returns all ones if a == b, else 0, without a branch.
func sameMask(a, b uint64) uint64 {
	x := a ^ b
	return (x|-x)>>63 - 1
}
