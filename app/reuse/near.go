package reuse

import "slices"

// This file lets a distributed engine tell, before it joins a candidate
// pair with its two texts, the seeds and pairs that comparePair would
// turn into no passage: most candidates of an archive share a stock
// phrase or two ("said in a statement") and nothing else. comparePair
// first asks whether a chain of the pair's winnowed seeds, cut at
// sentence ends (unstraddle) and extended (extend), spans MinWords words
// on both sides, and returns nothing otherwise. That question needs only
// the words around each chain's ends, which every fingerprint carries
// (Near). The answer here is an upper bound of extend's, computed from
// seven bits of each word's hash: equal words have equal bits, so every
// step extend takes is one the bound may take, and a bound below
// MinWords proves the pair unrelated. A word the stretch does not hold
// makes the answer "may relate".

// Near is what one occurrence of a fingerprint tells about the words
// around it, for LoneSeed and MayRelate. About 50 bytes with the default
// options.
type Near struct {
	// From is the position of the first word of Words.
	From int32
	// Words holds a byte for each word from From on, up to
	// nearRadius words either side of the fingerprint: seven bits of the
	// word's hash, and the top bit set where a sentence ends after it,
	// as extension reads sentence ends.
	Words []byte
	// End reports that Words run to the last word of the document.
	End bool
	// Grams lists the other fingerprints of the document that start
	// within KGram+MaxSkip words of this one, three bytes each: the
	// distance plus KGram+MaxSkip, and sixteen bits of the hash.
	Grams []byte
}

// Limits of Near's size: a byte holds a distance in Grams.
const (
	maxNearReach  = 127
	maxNearRadius = 120
)

// nearRadius is how many words Near keeps on each side of a fingerprint:
// what extension examines to go MinWords-KGram words beyond the seed and
// stop there, with its skips (MaxSkip) and the three words that confirm
// one, and at least the reach of chaining.
func nearRadius(o Options) int {
	return min(maxNearRadius, max(o.MaxSkip+o.MinWords-o.KGram+4, o.KGram+o.MaxSkip))
}

// nearWords holds what Near describes, for every word of one document.
type nearWords struct {
	bytes    []byte
	kgrams   []uint64
	winnowed []int32 // the fingerprints' positions, in order
	k        int
	radius   int
	reach    int
}

func newNearWords(text string, ws []token, kgrams []uint64, o Options) *nearWords {
	n := &nearWords{bytes: make([]byte, len(ws)), kgrams: kgrams, k: o.KGram, radius: nearRadius(o), reach: o.KGram + o.MaxSkip}
	for i, w := range ws {
		n.bytes[i] = byte(mix(w.hash)) & 0x7f
		if sentenceEndsAfter(text, ws, i) {
			n.bytes[i] |= 0x80
		}
	}
	return n
}

// around returns the Near of the fingerprint at position p.
func (n *nearWords) around(p int) Near {
	from, to := max(0, p-n.radius), min(len(n.bytes), p+n.k+n.radius)
	near := Near{From: int32(from), Words: n.bytes[from:to:to], End: to == len(n.bytes)}
	if n.reach > maxNearReach {
		return near // MayChain does not read Grams then
	}
	start, _ := slices.BinarySearch(n.winnowed, int32(p-n.reach))
	for _, q := range n.winnowed[start:] {
		if int(q) > p+n.reach {
			break
		}
		if int(q) != p {
			h := n.kgrams[q]
			near.Grams = append(near.Grams, byte(int(q)-p+n.reach), byte(h), byte(h>>8))
		}
	}
	return near
}

// mayChain reports whether another seed of the pair may chain with s (in
// chainSeeds, one within KGram+MaxSkip words after or before it on both
// sides): such a seed starts at a fingerprint of both documents with the
// same hash, which both Grams list.
func mayChain(s Seed, o Options) bool {
	reach := o.KGram + o.MaxSkip
	if reach > maxNearReach {
		return true
	}
	ga, gb := s.NearA.Grams, s.NearB.Grams
	for x := 0; x+2 < len(ga); x += 3 {
		da := int(ga[x]) - reach
		for y := 0; y+2 < len(gb); y += 3 {
			db := int(gb[y]) - reach
			if ga[x+1] == gb[y+1] && ga[x+2] == gb[y+2] && (da > 0 && db > 0 || da < 0 && db < 0) {
				return true
			}
		}
	}
	return false
}

// LongChain reports whether some chain of seeds, one pair's, spans so
// many words on both sides that MayRelate is true whatever the seeds'
// NearA and NearB hold: a distributed engine can tell such a pair from
// its seeds' positions alone and needs the Nears of the other pairs
// only. Most seeds of an archive's wire copy belong to such pairs.
func LongChain(seeds []Seed, opts Options) bool {
	o := opts.withDefaults()
	return slices.ContainsFunc(chainsOf(seeds, o), func(r region) bool { return longRegion(r, o) })
}

// chainsOf returns the chains of one pair's seeds, as comparePair makes
// them from the seeds sorted by position.
func chainsOf(seeds []Seed, o Options) []region {
	ss := make([]seed, len(seeds))
	for n, s := range seeds {
		ss[n] = seed{0, 1, s.I, s.J}
	}
	sortSeeds(ss)
	return chainSeeds(ss, o.KGram, o.MaxSkip)
}

// longRegion reports whether region r spans MinWords words on both sides
// however unstraddle cuts it: it cuts at most KGram-1 words at each end.
func longRegion(r region, o Options) bool {
	return r.a1-r.a0 >= o.MinWords+2*(o.KGram-1) && r.b1-r.b0 >= o.MinWords+2*(o.KGram-1)
}

// mayRelate reports whether the chain region r, whose first seed is
// first and last seed last, may pass comparePair's first test: false
// means that unstraddled and extended it spans fewer than MinWords words
// on one side.
func mayRelate(r region, first, last Seed, o Options) bool {
	if longRegion(r, o) {
		return true
	}
	v := &nearView{a: [2]Near{first.NearA, last.NearA}, b: [2]Near{first.NearB, last.NearB}}
	r = v.unstraddle(r, o.KGram)
	a1, b1 := v.forward(r.a1, r.b1, o.MaxSkip)
	a0, b0 := v.backward(r.a0-1, r.b0-1, o.MaxSkip)
	return v.unknown || a1-a0 >= o.MinWords && b1-b0 >= o.MinWords
}

// nearView reads the words of both sides of a pair from Nears. Reading
// a word none of them holds sets unknown.
type nearView struct {
	a, b    [2]Near
	unknown bool
	states  [][2]int // buffer for forward and backward
}

// at returns the byte of word x of one side; in is false for a position
// outside the document, known false for one the Nears do not hold.
func at(ns *[2]Near, x int) (b byte, in, known bool) {
	if x < 0 {
		return 0, false, true
	}
	for _, n := range ns {
		from, to := int(n.From), int(n.From)+len(n.Words)
		if x >= from && x < to {
			return n.Words[x-from], true, true
		}
		if n.End && x >= to {
			return 0, false, true
		}
	}
	return 0, false, false
}

// match is extend's test of words x and y, up to the bits Near keeps: a
// position outside a document matches nothing.
func (v *nearView) match(x, y int) bool {
	bx, inx, kx := at(&v.a, x)
	by, iny, ky := at(&v.b, y)
	if kx && !inx || ky && !iny {
		return false
	}
	if !kx || !ky {
		v.unknown = true
		return false
	}
	return bx&0x7f == by&0x7f
}

// ends is sentenceEndsAfter on one side.
func (v *nearView) ends(ns *[2]Near, x int) bool {
	b, in, known := at(ns, x)
	switch {
	case x < 0 || known && !in:
		return true
	case !known:
		v.unknown = true
		return true
	}
	return b&0x80 != 0
}

func (v *nearView) endsA(x int) bool { return v.ends(&v.a, x) }
func (v *nearView) endsB(y int) bool { return v.ends(&v.b, y) }

// unstraddle is the engine's unstraddle, read from the Nears.
func (v *nearView) unstraddle(r region, k int) region {
	return unstraddleBy(r, k, func(i, j int) bool { return v.endsA(i) || v.endsB(j) })
}

// crosses is extend's test for going on past a sentence end.
func (v *nearView) crosses(i, j, step int) bool {
	for t := 0; t < 3; t++ {
		if !v.match(i+t*step, j+t*step) {
			return false
		}
	}
	return true
}

// maxStates bounds the positions forward and backward visit; past it the
// answer is unknown. Stretches of Near's size never come close.
const maxStates = 4096

// forward returns the furthest ends that extend's forward pass from
// (i, j) may reach: it takes every step extend might take, a matching
// word or any confirmed skip, where extend takes one of them.
func (v *nearView) forward(i, j, maxSkip int) (maxI, maxJ int) {
	maxI, maxJ = i, j
	v.explore(i, j, func(i, j int, push func(i, j int)) {
		maxI, maxJ = max(maxI, i), max(maxJ, j)
		if v.match(i, j) && (!(v.endsA(i-1) || v.endsB(j-1)) || v.crosses(i, j, 1)) {
			push(i+1, j+1)
		}
		eachSkip(maxSkip, v.endsA(i-1) || v.endsB(j-1), func(di, dj, t int) (bool, bool) {
			x, y := i+di+t, j+dj+t
			if !v.match(x, y) {
				return false, false
			}
			return true, v.endsA(x) && v.endsB(y)
		}, func(di, dj int) bool { push(i+di, j+dj); return true })
	})
	return maxI, maxJ
}

// backward returns the earliest starts that extend's backward pass from
// words (i, j), before the region, may reach.
func (v *nearView) backward(i, j, maxSkip int) (minA, minB int) {
	minA, minB = i+1, j+1
	v.explore(i, j, func(i, j int, push func(i, j int)) {
		minA, minB = min(minA, i+1), min(minB, j+1)
		if v.match(i, j) && (!(v.endsA(i) || v.endsB(j)) || v.crosses(i, j, -1)) {
			push(i-1, j-1)
		}
		eachSkip(maxSkip, v.endsA(i) || v.endsB(j), func(di, dj, t int) (bool, bool) {
			x, y := i-di-t, j-dj-t
			if !v.match(x, y) {
				return false, false
			}
			return true, v.endsA(x-1) && v.endsB(y-1)
		}, func(di, dj int) bool { push(i-di, j-dj); return true })
	})
	return minA, minB
}

// explore visits every state reachable from (i, j) once, until one is
// unknown.
func (v *nearView) explore(i, j int, visit func(i, j int, push func(i, j int))) {
	v.states = append(v.states[:0], [2]int{i, j})
	push := func(i, j int) {
		if !slices.Contains(v.states, [2]int{i, j}) {
			v.states = append(v.states, [2]int{i, j})
		}
	}
	for n := 0; n < len(v.states) && !v.unknown; n++ {
		if n == maxStates {
			v.unknown = true
			return
		}
		s := v.states[n]
		visit(s[0], s[1], push)
	}
}
