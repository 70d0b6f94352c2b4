package reuse

// kgramHashes returns the hash of every run of k consecutive words:
// out[i] stands for words i … i+k-1. Texts shorter than k words have none.
func kgramHashes(words []token, k int, out []uint64) []uint64 {
	out = out[:0]
	for i := 0; i+k <= len(words); i++ {
		h := uint64(0)
		for _, w := range words[i : i+k] {
			h = h*0x9E3779B97F4A7C15 + w.hash
		}
		out = append(out, mix(h))
	}
	return out
}

// winnow selects fingerprints from kgrams by robust winnowing (Schleimer,
// Wilkerson and Aiken 2003): in every window of w consecutive k-grams it
// keeps the smallest hash, the rightmost one on a tie, and records a
// position only once. Any run of w+k-1 words that two texts share yields
// at least one common fingerprint, while about 2/(w+1) of the positions
// are kept. It calls keep with each selected position in increasing order.
func winnow(kgrams []uint64, w int, keep func(pos int)) {
	if len(kgrams) == 0 {
		return
	}
	if len(kgrams) < w {
		w = len(kgrams)
	}
	last := -1
	for start := 0; start+w <= len(kgrams); start++ {
		// Robust winnowing keeps the previous choice while it stays in the
		// window and is still minimal, so a run of equal hashes (a word
		// repeated many times) yields one fingerprint per window, not one
		// per position.
		min := start + w - 1
		for i := start + w - 2; i >= start; i-- {
			if kgrams[i] < kgrams[min] {
				min = i
			}
		}
		if last >= start && kgrams[last] == kgrams[min] {
			min = last
		}
		if min != last {
			keep(min)
			last = min
		}
	}
}
