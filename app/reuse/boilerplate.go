package reuse

import (
	"slices"
	"sort"
)

// Why a fingerprint is set aside as boilerplate.
const (
	asideSource     = "source"
	asideMarked     = "marked"
	asideWidespread = "widespread"
)

// setAside removes the boilerplate from x, sorted by hash, and returns
// the rest with what was set aside, in the report's terms and as each
// document's set-aside words, sorted and disjoint. A fingerprint is boilerplate when a
// user marked it (Options.Boilerplate), when one source repeats it across
// its articles (Options.SourceRepeats), or when more than MaxDocs
// documents carry it. Text that many outlets carry is not boilerplate: it
// is a story.
func (a *analysis) setAside(x index) (index, []SetAside, [][]wordRange) {
	o := a.opts
	maxDocs := o.maxDocs(len(a.docs))
	marked := a.markedHashes()
	a.marked = marked
	sourceOf, sources := sourceIDs(a.docs)

	type occurrence struct {
		doc, pos int32
		hash     uint64
		group    int32 // 0 marked, 1 widespread, 2+s source s
	}
	var aside []occurrence
	var srcs []int32
	kept := x[:0]
	for start := 0; start < len(x); {
		end := start + 1
		for end < len(x) && x[end].hash == x[start].hash {
			end++
		}
		run := x[start:end]
		start = end
		group := int32(-1)
		switch {
		case len(marked) > 0 && sortedHas(marked, run[0].hash):
			group = 0
		case run[0].doc != run[len(run)-1].doc:
			docs := 0
			srcs = srcs[:0]
			for i, f := range run {
				if i == 0 || f.doc != run[i-1].doc {
					docs++
					if s := sourceOf[f.doc]; s >= 0 {
						srcs = append(srcs, s)
					}
				}
			}
			if docs > maxDocs {
				group = 1
			} else if s, ok := repeatedBySource(srcs, docs, o.SourceRepeats); ok {
				group = 2 + s
			}
		}
		if group < 0 {
			kept = append(kept, run...)
			continue
		}
		for i, f := range run {
			if i == 0 || f.doc != run[i-1].doc {
				aside = append(aside, occurrence{f.doc, f.pos, f.hash, group})
			}
		}
	}
	if len(aside) == 0 {
		return kept, []SetAside{}, nil
	}

	// Join each document's set-aside fingerprints into stretches of text,
	// and count the documents that carry each stretch, known by its group
	// and first fingerprint.
	// sort.Slice rather than a generic sort here and below: each generic
	// instantiation adds code to the WebAssembly binary, and these slices
	// are short.
	sort.Slice(aside, func(i, j int) bool {
		p, q := aside[i], aside[j]
		return p.doc < q.doc || p.doc == q.doc && p.pos < q.pos
	})
	type key struct {
		group int32
		hash  uint64
	}
	at := map[key]int{} // each fingerprint of a stretch → its entry in out
	out := []SetAside{}
	words := make([][]wordRange, len(a.docs))
	join := int32(o.KGram + o.Window)
	for i := 0; i < len(aside); {
		first := aside[i]
		last := first.pos
		j := i + 1
		for j < len(aside) && aside[j].doc == first.doc && aside[j].group == first.group && aside[j].pos-last <= join {
			last = aside[j].pos
			j++
		}
		stretch := aside[i:j]
		i = j
		words[first.doc] = append(words[first.doc], wordRange{int(first.pos), int(last) + o.KGram})
		// The same text elsewhere has the same fingerprints inside; those
		// at its ends take in the words around it, which differ.
		known := -1
		for _, f := range stretch {
			if n, ok := at[key{f.group, f.hash}]; ok {
				known = n
				break
			}
		}
		if known >= 0 {
			out[known].Docs++
			continue
		}
		for _, f := range stretch {
			at[key{f.group, f.hash}] = len(out)
		}
		w := a.words[first.doc]
		end := min(int(last)+o.KGram, len(w)) - 1
		s := SetAside{Docs: 1, Example: Member{Doc: int(first.doc), Span: Span{int(w[first.pos].start), int(w[end].end)}}}
		switch first.group {
		case 0:
			s.Reason = asideMarked
		case 1:
			s.Reason = asideWidespread
		default:
			s.Reason, s.Source = asideSource, sources[first.group-2]
		}
		out = append(out, s)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Docs > out[j].Docs })
	for d, ws := range words {
		words[d] = mergeRanges(ws)
	}
	return kept, out, words
}

// mergeRanges sorts word ranges and merges those that overlap or touch.
func mergeRanges(rs []wordRange) []wordRange {
	sort.Slice(rs, func(i, j int) bool { return rs[i].w0 < rs[j].w0 })
	out := rs[:0]
	for _, r := range rs {
		if n := len(out); n > 0 && r.w0 <= out[n-1].w1 {
			out[n-1].w1 = max(out[n-1].w1, r.w1)
		} else {
			out = append(out, r)
		}
	}
	return out
}

// mostlyIn reports whether most of the words [w0, w1) lie in rs, sorted
// and disjoint.
func mostlyIn(rs []wordRange, w0, w1 int) bool {
	n := 0
	for _, r := range rs {
		n += max(0, min(r.w1, w1)-max(r.w0, w0))
	}
	return 2*n > w1-w0
}

// markedHashes returns the sorted hashes of every k-gram of the texts a
// user marked as boilerplate.
func (a *analysis) markedHashes() []uint64 {
	var all []uint64
	for _, text := range a.opts.Boilerplate {
		all = append(all, kgramHashes(tokenize(text, nil), a.opts.KGram, nil)...)
	}
	slices.Sort(all)
	return slices.Compact(all)
}

func sortedHas(sorted []uint64, h uint64) bool {
	_, ok := slices.BinarySearch(sorted, h)
	return ok
}

// sourceIDs numbers the documents' sources: sourceOf[d] is -1 for a
// document with no source.
func sourceIDs(docs []Document) (sourceOf []int32, names []string) {
	ids := map[string]int32{}
	sourceOf = make([]int32, len(docs))
	for d, doc := range docs {
		if doc.Source == "" {
			sourceOf[d] = -1
			continue
		}
		id, ok := ids[doc.Source]
		if !ok {
			id = int32(len(names))
			ids[doc.Source] = id
			names = append(names, doc.Source)
		}
		sourceOf[d] = id
	}
	return sourceOf, names
}

// repeatedBySource returns the source that repeats a fingerprint as its
// own boilerplate, if one does: srcs holds the sources of the docs
// documents that carry it (those with one), and the source must be that
// of repeats of them or more, and of more than half. It sorts srcs.
func repeatedBySource(srcs []int32, docs, repeats int) (int32, bool) {
	s, n := commonest(srcs)
	return s, n >= repeats && 2*n > docs
}

// commonest returns the value that occurs most often in s, which it
// sorts, and how often; (-1, 0) for an empty s.
func commonest(s []int32) (int32, int) {
	slices.Sort(s)
	best, n := int32(-1), 0
	for i := 0; i < len(s); {
		j := i + 1
		for j < len(s) && s[j] == s[i] {
			j++
		}
		if j-i > n {
			best, n = s[i], j-i
		}
		i = j
	}
	return best, n
}

// mostlySetAside reports whether sentence s of the index lies mostly in
// text set aside as boilerplate.
func (a *analysis) mostlySetAside(aside [][]wordRange, s int32) bool {
	sent := a.sentences.sents[s]
	return mostlyIn(aside[a.sentences.docOf[s]], int(sent.w0), int(sent.w1))
}
