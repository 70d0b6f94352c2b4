package reuse

import (
	"cmp"
	"slices"
)

// absorb merges each story into the story of most mass that holds three
// in four or more of its members and has more mass than it, lightest
// first, and returns the rest in their order. A story's mass is its
// fingerprints times the documents that carry each: a stock phrase that
// five articles share is light, and takes in no quote.
func absorb[T any](stories []T, members func(T) []int32, mass func(T) int, merge func(into *T, s T)) []T {
	masses := make([]int, len(stories))
	order := make([]int, len(stories))
	for i, s := range stories {
		order[i], masses[i] = i, mass(s)
	}
	slices.SortStableFunc(order, func(i, j int) int { return cmp.Compare(masses[i], masses[j]) })
	of := map[int32][]int{} // document → the stories it is a member of
	for i, s := range stories {
		for _, d := range members(s) {
			of[d] = append(of[d], i)
		}
	}
	gone := make([]bool, len(stories))
	for _, i := range order {
		ms := members(stories[i])
		overlap := map[int]int{}
		for _, d := range ms {
			for _, j := range of[d] {
				if j != i && !gone[j] && masses[j] > masses[i] {
					overlap[j]++
				}
			}
		}
		best := -1
		for j, n := range overlap {
			if 4*n >= 3*len(ms) && (best < 0 || masses[j] > masses[best] || masses[j] == masses[best] && j < best) {
				best = j
			}
		}
		if best < 0 {
			continue
		}
		merge(&stories[best], stories[i])
		masses[best] += masses[i]
		gone[i] = true
		for _, d := range members(stories[best]) {
			if !slices.Contains(of[d], best) {
				of[d] = append(of[d], best)
			}
		}
	}
	out := stories[:0]
	for i, s := range stories {
		if !gone[i] {
			out = append(out, s)
		}
	}
	return out
}
