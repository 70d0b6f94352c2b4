package reuse

import (
	"encoding/binary"
	"testing"
)

func TestWinnowKeepsOnePositionPerWindow(t *testing.T) {
	tests := []struct {
		name   string
		kgrams []uint64
		w      int
		want   []int
	}{
		{"the minimum of each window", []uint64{77, 74, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 62, 7, 50}, 4, []int{3, 6, 8, 11, 13}},
		{"a tie keeps the earlier choice while it is in the window", []uint64{5, 5, 5, 5, 5, 5, 5, 5}, 4, []int{3, 7}},
		{"fewer k-grams than a window keep their minimum", []uint64{9, 3, 7}, 4, []int{1}},
		{"no k-grams, no fingerprints", nil, 4, nil},
		{"a window of one keeps every position", []uint64{3, 1, 2}, 1, []int{0, 1, 2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			winnow(tt.kgrams, tt.w, func(pos int) { got = append(got, pos) })
			if len(got) != len(tt.want) {
				t.Fatalf("winnow = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("winnow = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

// FuzzWinnow checks winnowing's guarantee: every window of w k-grams
// holds a selected position whose hash is the window's minimum, and
// positions come in increasing order.
func FuzzWinnow(f *testing.F) {
	f.Add([]byte{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, uint8(4))
	f.Add([]byte{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0}, uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, w uint8) {
		window := int(w%8) + 1
		kgrams := make([]uint64, len(data)/2)
		for i := range kgrams {
			kgrams[i] = uint64(binary.LittleEndian.Uint16(data[2*i:])) % 16 // many ties
		}
		selected := make([]bool, len(kgrams))
		last := -1
		winnow(kgrams, window, func(pos int) {
			if pos <= last {
				t.Fatalf("position %d after %d", pos, last)
			}
			last = pos
			selected[pos] = true
		})
		for start := 0; start+window <= len(kgrams); start++ {
			min := kgrams[start]
			for _, h := range kgrams[start : start+window] {
				min = minU(min, h)
			}
			ok := false
			for i := start; i < start+window; i++ {
				ok = ok || selected[i] && kgrams[i] == min
			}
			if !ok {
				t.Fatalf("window at %d of %v has no selected minimum", start, kgrams)
			}
		}
	})
}

func minU(a, b uint64) uint64 {
	if a < b {
		return a
	}
	return b
}
