package reuse

// A wordTable maps 64-bit word hashes to 64-bit values: open addressing
// with linear probing in one flat slice. The termer looks up every word
// of every document, and a Go map costs several times as much per lookup,
// most of all under WebAssembly.
type wordTable struct {
	// slots holds each key beside its value, so that a look-up touches
	// one cache line, not one in a slice of keys and one in a slice of
	// values.
	slots []tableSlot
	n     int
	used  []int32 // the slots in use, for reset
}

type tableSlot struct{ key, val uint64 }

// slot returns where k is or would go. The hashes are well mixed (see
// mix), so their low bits index the table directly.
func (t *wordTable) slot(k uint64) int {
	mask := len(t.slots) - 1
	for i := int(k) & mask; ; i = (i + 1) & mask {
		if t.slots[i].key == k || t.slots[i].key == 0 {
			return i
		}
	}
}

// get returns the value stored for k, or 0. It is small enough to
// inline: the termer calls it for every word of every document, and a
// call costs most under WebAssembly.
func (t *wordTable) get(k uint64) (uint64, bool) {
	k = tableKey(k)
	mask := len(t.slots) - 1 // -1 in a table never filled: no slot to look at
	for i := int(k) & mask; mask >= 0; i = (i + 1) & mask {
		switch t.slots[i].key {
		case k:
			return t.slots[i].val, true
		case 0:
			return 0, false
		}
	}
	return 0, false
}

// put stores v for k.
func (t *wordTable) put(k, v uint64) {
	if 2*(t.n+1) > len(t.slots) {
		t.grow()
	}
	k = tableKey(k)
	i := t.slot(k)
	if t.slots[i].key == 0 {
		t.slots[i].key = k
		t.n++
		t.used = append(t.used, int32(i))
	}
	t.slots[i].val = v
}

// reset empties the table and keeps its memory: a table that is filled
// and emptied thousands of times, once per alignment, clears only the
// slots it used.
func (t *wordTable) reset() {
	for _, i := range t.used {
		t.slots[i].key = 0
	}
	t.used, t.n = t.used[:0], 0
}

func (t *wordTable) grow() { t.resize(max(1024, 2*len(t.slots))) }

// reserve makes room for n keys, for a table about to take many of them
// at once: growing as they come re-inserts every key at each doubling.
func (t *wordTable) reserve(n int) {
	size := max(1024, len(t.slots))
	for 2*(n+1) > size {
		size *= 2
	}
	if size > len(t.slots) {
		t.resize(size)
	}
}

// resize moves the keys into a table of size slots, a power of two.
func (t *wordTable) resize(size int) {
	old := t.slots
	t.slots, t.n, t.used = make([]tableSlot, size), 0, t.used[:0]
	for _, s := range old {
		if s.key != 0 {
			j := t.slot(s.key)
			t.slots[j] = s
			t.n++
			t.used = append(t.used, int32(j))
		}
	}
}

// tableKey keeps 0 free to mark an empty slot.
func tableKey(k uint64) uint64 {
	if k == 0 {
		return 1
	}
	return k
}
