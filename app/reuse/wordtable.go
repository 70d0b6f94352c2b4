package reuse

// A wordTable maps 64-bit word hashes to 64-bit values: open addressing
// with linear probing in two flat slices. The termer looks up every word
// of every document, and a Go map costs several times as much per lookup,
// most of all under WebAssembly.
type wordTable struct {
	keys, vals []uint64
	n          int
	used       []int32 // the slots in use, for reset
}

// slot returns where k is or would go. The hashes are well mixed (see
// mix), so their low bits index the table directly.
func (t *wordTable) slot(k uint64) int {
	mask := len(t.keys) - 1
	for i := int(k) & mask; ; i = (i + 1) & mask {
		if t.keys[i] == k || t.keys[i] == 0 {
			return i
		}
	}
}

// get returns the value stored for k.
func (t *wordTable) get(k uint64) (uint64, bool) {
	if t.n == 0 {
		return 0, false
	}
	k = tableKey(k)
	i := t.slot(k)
	return t.vals[i], t.keys[i] == k
}

// put stores v for k.
func (t *wordTable) put(k, v uint64) {
	if 2*(t.n+1) > len(t.keys) {
		t.grow()
	}
	k = tableKey(k)
	i := t.slot(k)
	if t.keys[i] == 0 {
		t.keys[i] = k
		t.n++
		t.used = append(t.used, int32(i))
	}
	t.vals[i] = v
}

// reset empties the table and keeps its memory: a table that is filled
// and emptied thousands of times, once per alignment, clears only the
// slots it used.
func (t *wordTable) reset() {
	for _, i := range t.used {
		t.keys[i] = 0
	}
	t.used, t.n = t.used[:0], 0
}

func (t *wordTable) grow() {
	keys, vals := t.keys, t.vals
	size := max(1024, 2*len(keys))
	t.keys, t.vals, t.n, t.used = make([]uint64, size), make([]uint64, size), 0, t.used[:0]
	for i, k := range keys {
		if k != 0 {
			j := t.slot(k)
			t.keys[j], t.vals[j] = k, vals[i]
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
