package ui

import (
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
)

// A snapshot is the articles as they were when an analysis started. The
// engine reports documents by index; the snapshot maps them back to
// article IDs, which stay valid while the list changes.
type snapshot struct {
	ids  []string
	docs []reuse.Document
}

func newSnapshot(ws workspace.Workspace) snapshot {
	s := snapshot{ids: make([]string, len(ws.Articles)), docs: ws.Documents()}
	for i, art := range ws.Articles {
		s.ids[i] = art.ID
	}
	return s
}

// finish pairs a report with the articles it describes.
func (s snapshot) finish(r *reuse.Report) *analysis {
	an := &analysis{
		report: r,
		ids:    s.ids,
		docs:   s.docs,
		index:  make(map[string]int, len(s.ids)),
		pairs:  make(map[[2]int]int, len(r.Pairs)),
		reused: make(map[string]float64, len(s.ids)),
		words:  make(map[string]int, len(s.ids)),
	}
	for i, id := range s.ids {
		an.index[id] = i
	}
	for i, p := range r.Pairs {
		an.pairs[[2]int{p.A, p.B}] = i
	}
	for i, d := range r.Documents {
		if i < len(s.ids) {
			an.reused[s.ids[i]] = d.Reused
			an.words[s.ids[i]] = d.Words
		}
	}
	return an
}

// An analysis is a finished report and the articles it describes.
type analysis struct {
	report *reuse.Report
	ids    []string // article ID of each document index
	docs   []reuse.Document
	index  map[string]int // document index of each article ID
	pairs  map[[2]int]int // index into report.Pairs by document indexes
	reused map[string]float64
	words  map[string]int
	// excerpts are the family and set-aside excerpts made so far: the
	// overview renders them again with every slice it draws.
	excerpts map[excerptOf]string
}

// excerptOf names an excerpt: a span of a document.
type excerptOf struct {
	doc  int
	span reuse.Span
}

// covers reports whether the analysis is of exactly these articles.
func (an *analysis) covers(arts []workspace.Article) bool {
	if an == nil || len(arts) != len(an.ids) {
		return false
	}
	for i, art := range arts {
		if art.ID != an.ids[i] || art.Text != an.docs[i].Text {
			return false
		}
	}
	return true
}

// pair finds the pair of two articles. swapped reports that the report
// lists b first, so a caller shows the sides in the report's order.
func (an *analysis) pair(a, b string) (p *reuse.Pair, swapped bool) {
	if an == nil {
		return nil, false
	}
	i, okA := an.index[a]
	j, okB := an.index[b]
	if !okA || !okB {
		return nil, false
	}
	if i > j {
		i, j, swapped = j, i, true
	}
	k, ok := an.pairs[[2]int{i, j}]
	if !ok {
		return nil, swapped
	}
	return &an.report.Pairs[k], swapped
}

// named returns the analysed documents and the report with the articles'
// current titles: a rename does not need a new analysis.
func (an *analysis) named(ws workspace.Workspace) ([]reuse.Document, *reuse.Report) {
	docs := make([]reuse.Document, len(an.docs))
	copy(docs, an.docs)
	report := *an.report
	report.Documents = make([]reuse.DocumentSummary, len(an.report.Documents))
	copy(report.Documents, an.report.Documents)
	current := ws.Documents()
	for i, id := range an.ids {
		if _, k, ok := ws.Find(id); ok {
			docs[i].Name = current[k].Name
			if i < len(report.Documents) {
				report.Documents[i].Name = current[k].Name
			}
		}
	}
	return docs, &report
}

// about returns what the analysis says of an article: its words and
// reused share, if the analysis is of this very text and measured it (a
// lone article is not analysed: there is nothing to compare it with).
func (an *analysis) about(art workspace.Article) (words int, reused float64, ok bool) {
	if an == nil {
		return 0, 0, false
	}
	i, found := an.index[art.ID]
	if !found || an.docs[i].Text != art.Text {
		return 0, 0, false
	}
	words, measured := an.words[art.ID]
	if !measured {
		return 0, 0, false
	}
	return words, an.reused[art.ID], true
}
