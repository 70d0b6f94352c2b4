package reuse

import (
	"cmp"
	"slices"
)

// A fingerprint is a selected k-gram: its hash, the document and the
// position of its first word.
type fingerprint struct {
	hash uint64
	doc  int32
	pos  int32
}

// A seed is a k-gram that two documents share: words i… of document a
// equal words j… of document b, with a < b.
type seed struct {
	a, b int32
	i, j int32
}

// index holds every document's fingerprints in one slice sorted by hash,
// so that shared fingerprints sit next to each other. A sorted slice beats
// a map here: one allocation, and a sort is a tight loop, which matters
// under WebAssembly, where map-heavy Go code runs several times slower
// than natively.
type index []fingerprint

// sort orders x by hash, keeping the order of equal hashes, which is by
// document and position as Analyze appends them. It is an LSD radix sort,
// 16 bits a pass: four linear passes over the slice beat a comparison sort
// several times here, and more so under WebAssembly.
func (x index) sort() {
	if len(x) < 1<<14 {
		// Clearing the counts four times would cost more than sorting.
		slices.SortFunc(x, compareFingerprints)
		return
	}
	tmp := make(index, len(x))
	src, dst := x, tmp
	var count [1 << 16]int
	for shift := 0; shift < 64; shift += 16 {
		clear(count[:])
		for _, f := range src {
			count[uint16(f.hash>>shift)]++
		}
		sum := 0
		for i, c := range count {
			count[i] = sum
			sum += c
		}
		for _, f := range src {
			d := uint16(f.hash >> shift)
			dst[count[d]] = f
			count[d]++
		}
		src, dst = dst, src
	}
	// Four passes: the sorted data is back in x.
}

// compareFingerprints orders fingerprints by hash, document and
// position.
func compareFingerprints(p, q fingerprint) int {
	if c := cmp.Compare(p.hash, q.hash); c != 0 {
		return c
	}
	if c := cmp.Compare(p.doc, q.doc); c != 0 {
		return c
	}
	return cmp.Compare(p.pos, q.pos)
}

// seeds returns every pair of occurrences of a fingerprint in two
// different documents, sorted by documents and then by position.
//
// Two guards keep pathological input linear: a fingerprint found in more
// than maxDocs documents is boilerplate (a byline, a legal notice) and
// seeds nothing, and a document contributes at most maxRepeats
// occurrences of one fingerprint, so a word repeated 200,000 times cannot
// multiply into billions of seeds.
func (x index) seeds(maxDocs, maxRepeats int) []seed {
	var out []seed
	var group []fingerprint
	for start := 0; start < len(x); {
		end := start + 1
		for end < len(x) && x[end].hash == x[start].hash {
			end++
		}
		run := x[start:end]
		start = end
		if len(run) < 2 || run[0].doc == run[len(run)-1].doc {
			continue // sorted by doc: one document only
		}
		var ok bool
		if group, ok = capRun(run, func(f fingerprint) int32 { return f.doc }, maxDocs, maxRepeats, group[:0]); !ok {
			continue
		}
		for i, f := range group {
			for _, g := range group[i+1:] {
				if g.doc != f.doc {
					out = append(out, seed{f.doc, g.doc, f.pos, g.pos})
				}
			}
		}
	}
	// Two packed keys instead of four comparisons: this sort is a tenth
	// of the run time on a large corpus.
	slices.SortFunc(out, func(p, q seed) int {
		if c := cmp.Compare(uint64(p.a)<<32|uint64(p.b), uint64(q.a)<<32|uint64(q.b)); c != 0 {
			return c
		}
		return cmp.Compare(uint64(p.i)<<32|uint64(p.j), uint64(q.i)<<32|uint64(q.j))
	})
	return out
}

// capRun applies the boilerplate guards to a run of occurrences of one
// hash, sorted by document: it appends to group at most maxRepeats
// occurrences from each document, and reports false for a run found in
// more than maxDocs documents, which is boilerplate and pairs nothing.
func capRun[T any](run []T, docOf func(T) int32, maxDocs, maxRepeats int, group []T) ([]T, bool) {
	docs, repeats := 0, 0
	for i, f := range run {
		if i == 0 || docOf(f) != docOf(run[i-1]) {
			docs++
			repeats = 0
		}
		if repeats++; repeats <= maxRepeats {
			group = append(group, f)
		}
	}
	return group, docs <= maxDocs
}

// A gram is one k-gram of a document, for dense matching within a pair.
type gram struct {
	hash uint64
	pos  int32
}

// sortedGrams returns every k-gram of a document sorted by hash.
func sortedGrams(kgrams []uint64) []gram {
	gs := make([]gram, len(kgrams))
	for i, h := range kgrams {
		gs[i] = gram{h, int32(i)}
	}
	slices.SortFunc(gs, func(p, q gram) int {
		if c := cmp.Compare(p.hash, q.hash); c != 0 {
			return c
		}
		return cmp.Compare(p.pos, q.pos)
	})
	return gs
}

// denseSeeds returns every k-gram that documents a < b share, not only
// the winnowed ones, sorted by position in a: once winnowing has shown
// that two documents are related, a four-word match between them is worth
// following even where winnowing skipped it. A k-gram counts at most
// maxRepeats times on each side.
func denseSeeds(a, b int32, ga, gb []gram, maxRepeats int, out []seed) []seed {
	out = out[:0]
	for x, y := 0, 0; x < len(ga) && y < len(gb); {
		switch h := ga[x].hash; {
		case h < gb[y].hash:
			x++
		case h > gb[y].hash:
			y++
		default:
			xe, ye := x, y
			for xe < len(ga) && ga[xe].hash == h {
				xe++
			}
			for ye < len(gb) && gb[ye].hash == h {
				ye++
			}
			for _, p := range ga[x:min(xe, x+maxRepeats)] {
				for _, q := range gb[y:min(ye, y+maxRepeats)] {
					out = append(out, seed{a, b, p.pos, q.pos})
				}
			}
			x, y = xe, ye
		}
	}
	slices.SortFunc(out, func(p, q seed) int {
		return cmp.Compare(uint64(p.i)<<32|uint64(p.j), uint64(q.i)<<32|uint64(q.j))
	})
	return out
}
