package reuse

import (
	"math/bits"
	"strings"
	"testing"
)

// The stop table counts, for every word, exactly the languages that list
// it among their stop words: a map built the plain way is the reference.
func TestStopTableCountsEachLanguageThatListsAWord(t *testing.T) {
	want := map[uint64]uint32{}
	var words []string
	for _, l := range languages {
		for _, w := range strings.Fields(l.stop) {
			want[hashWord(w)] |= l.bit
			words = append(words, w)
		}
	}
	words = append(words, "Putin", "wire", "copy", "Moskau", "", "9")
	for _, w := range words {
		var c stopCounts
		stopLanguages.add(&c, hashWord(w))
		stopLanguages.add(&c, hashWord(w))
		for _, l := range languages {
			n := 0
			if want[hashWord(w)]&l.bit != 0 {
				n = 2
			}
			if got := c.count(bits.TrailingZeros32(l.bit)); got != n {
				t.Errorf("%q twice counts %d for %s, want %d", w, got, l.name, n)
			}
		}
	}
}

// A table too small for its words grows until each has one of its two
// places.
func TestStopTableGrowsUntilEveryWordHasAPlace(t *testing.T) {
	words := map[uint64]uint32{}
	for n := range 3000 {
		words[mix(uint64(n)+1)] = 1 << (n % maxStopLanguages)
	}
	table := newStopTable(words)
	for key, langs := range words {
		var c stopCounts
		table.add(&c, key)
		for l := range maxStopLanguages {
			if want := int(langs >> l & 1); c.count(l) != want {
				t.Fatalf("key %x counts %d for language %d, want %d", key, c.count(l), l, want)
			}
		}
	}
}
