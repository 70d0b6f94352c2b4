package reuse

import (
	"cmp"
	"slices"
)

// A coverage records that words [w0, w1) of document doc lie in passage
// n of pair p.
type coverage struct {
	doc, w0, w1 int
	pair, n     int
	kind        Kind
}

// summarise fills in each document's reused share and the families of
// passages that recur in three or more documents. covered lists both
// sides of every passage, in pairs: entries 2i and 2i+1 are the two sides
// of one passage.
func summarise(r *Report, words [][]token, covered []coverage) {
	// Sort a copy by document and start, then merge overlapping ranges
	// into segments: one segment is one stretch of reused text.
	order := make([]int, len(covered))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(i, j int) int {
		p, q := covered[i], covered[j]
		if c := cmp.Compare(p.doc, q.doc); c != 0 {
			return c
		}
		return cmp.Compare(p.w0, q.w0)
	})
	type segment struct{ doc, w0, w1 int }
	var segs []segment
	segOf := make([]int, len(covered))
	for _, i := range order {
		c := covered[i]
		if n := len(segs); n > 0 && segs[n-1].doc == c.doc && c.w0 < segs[n-1].w1 {
			segs[n-1].w1 = max(segs[n-1].w1, c.w1)
		} else {
			segs = append(segs, segment{c.doc, c.w0, c.w1})
		}
		segOf[i] = len(segs) - 1
	}

	for _, s := range segs {
		if n := len(words[s.doc]); n > 0 {
			r.Documents[s.doc].Reused += float64(s.w1-s.w0) / float64(n)
		}
	}
	for doc, n := range rewrittenOnly(covered, len(words)) {
		if n > 0 {
			r.Documents[doc].Rewritten = float64(n) / float64(len(words[doc]))
		}
	}

	// Union the two segments of every passage; a component that spans
	// three or more documents is a family.
	parent := make([]int, len(segs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i := 0; i+1 < len(covered); i += 2 {
		x, y := find(segOf[i]), find(segOf[i+1])
		if x != y {
			parent[max(x, y)] = min(x, y)
		}
	}
	members := make(map[int][]Member)
	var roots []int
	for i, s := range segs {
		root := find(i)
		if _, ok := members[root]; !ok {
			roots = append(roots, root)
		}
		w := words[s.doc]
		members[root] = append(members[root], Member{Doc: s.doc, Span: Span{int(w[s.w0].start), int(w[s.w1-1].end)}})
	}
	for _, root := range roots {
		ms := members[root]
		docs := 0
		for i, m := range ms {
			if i == 0 || m.Doc != ms[i-1].Doc {
				docs++
			}
		}
		if docs >= 3 {
			r.Families = append(r.Families, Family{Members: ms})
		}
	}
	slices.SortStableFunc(r.Families, func(p, q Family) int { return cmp.Compare(len(q.Members), len(p.Members)) })
}

// rewrittenOnly counts, per document, the words that lie in a rewritten
// passage and in no copied one.
func rewrittenOnly(covered []coverage, docs int) []int {
	type interval struct{ w0, w1 int }
	rewritten := make([][]interval, docs)
	copied := make([][]interval, docs)
	for _, c := range covered {
		if c.kind == Rewritten {
			rewritten[c.doc] = append(rewritten[c.doc], interval{c.w0, c.w1})
		} else {
			copied[c.doc] = append(copied[c.doc], interval{c.w0, c.w1})
		}
	}
	// union merges overlapping intervals, sorted by start.
	union := func(s []interval) []interval {
		slices.SortFunc(s, func(p, q interval) int { return cmp.Compare(p.w0, q.w0) })
		out := s[:0]
		for _, x := range s {
			if n := len(out); n > 0 && x.w0 <= out[n-1].w1 {
				out[n-1].w1 = max(out[n-1].w1, x.w1)
			} else {
				out = append(out, x)
			}
		}
		return out
	}
	counts := make([]int, docs)
	for d := range docs {
		if len(rewritten[d]) == 0 {
			continue
		}
		cs := union(copied[d])
		for _, x := range union(rewritten[d]) {
			n := x.w1 - x.w0
			for _, c := range cs {
				n -= max(0, min(x.w1, c.w1)-max(x.w0, c.w0))
			}
			counts[d] += n
		}
	}
	return counts
}
