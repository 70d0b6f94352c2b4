package worker

import (
	"time"

	"github.com/wirediff/wirediff/app/reuse"
)

// The engine's types field by field, in declaration order. A field added
// to one of them must be added here too: TestEveryFieldCrossesTheWire
// fails until it is.

func writeSpan(w *writer, s *reuse.Span) { w.int(s.Start); w.int(s.End) }
func readSpan(r *reader, s *reuse.Span)  { s.Start = r.int(); s.End = r.int() }

func writeEdit(w *writer, e *reuse.Edit) {
	writeEnum(w, e.Op, ops)
	writeSpan(w, &e.A)
	writeSpan(w, &e.B)
	w.bool(e.Cosmetic)
}

func readEdit(r *reader, e *reuse.Edit) {
	e.Op = readEnum(r, ops)
	readSpan(r, &e.A)
	readSpan(r, &e.B)
	e.Cosmetic = r.bool()
}

func writeSentencePair(w *writer, s *reuse.SentencePair) {
	writeSpan(w, &s.A)
	writeSpan(w, &s.B)
	w.float(s.Similarity)
	writeSlice(w, s.Edits, writeEdit)
}

func readSentencePair(r *reader, s *reuse.SentencePair) {
	readSpan(r, &s.A)
	readSpan(r, &s.B)
	s.Similarity = r.float()
	s.Edits = readSlice(r, 6, readEdit)
}

func writePassage(w *writer, p *reuse.Passage) {
	writeEnum(w, p.Kind, kinds)
	writeSpan(w, &p.A)
	writeSpan(w, &p.B)
	w.int(p.Words)
	w.float(p.Identity)
	w.bool(p.Quote)
	writeSlice(w, p.Edits, writeEdit)
	writeSlice(w, p.Sentences, writeSentencePair)
}

func readPassage(r *reader, p *reuse.Passage) {
	p.Kind = readEnum(r, kinds)
	readSpan(r, &p.A)
	readSpan(r, &p.B)
	p.Words = r.int()
	p.Identity = r.float()
	p.Quote = r.bool()
	p.Edits = readSlice(r, 6, readEdit)
	p.Sentences = readSlice(r, 13, readSentencePair)
}

func writePair(w *writer, p *reuse.Pair) {
	w.int(p.A)
	w.int(p.B)
	w.int(p.SharedWords)
	w.int(p.RewrittenWords)
	w.float(p.Similarity)
	writeSlice(w, p.Passages, writePassage)
}

func readPair(r *reader, p *reuse.Pair) {
	r.tick()
	p.A = r.int()
	p.B = r.int()
	p.SharedWords = r.int()
	p.RewrittenWords = r.int()
	p.Similarity = r.float()
	p.Passages = readSlice(r, 17, readPassage)
}

func writeSummary(w *writer, d *reuse.DocumentSummary) {
	w.string(d.Name)
	w.string(d.Title)
	w.string(d.Source)
	w.time(d.Published)
	w.string(d.URL)
	w.int(d.Bytes)
	w.int(d.Words)
	w.float(d.Reused)
	w.float(d.Rewritten)
}

func readSummary(r *reader, d *reuse.DocumentSummary) {
	d.Name = r.string()
	d.Title = r.string()
	d.Source = r.string()
	d.Published = r.time()
	d.URL = r.string()
	d.Bytes = r.int()
	d.Words = r.int()
	d.Reused = r.float()
	d.Rewritten = r.float()
}

func writeMember(w *writer, m *reuse.Member) { w.int(m.Doc); writeSpan(w, &m.Span) }
func readMember(r *reader, m *reuse.Member)  { m.Doc = r.int(); readSpan(r, &m.Span) }

func writeFamily(w *writer, f *reuse.Family) { writeSlice(w, f.Members, writeMember) }
func readFamily(r *reader, f *reuse.Family)  { f.Members = readSlice(r, 3, readMember) }

// writeReport writes a report; nil is written as a report with no
// documents, no pairs and no families, all nil.
func writeReport(w *writer, rep *reuse.Report) {
	if rep == nil {
		rep = &reuse.Report{}
	}
	writeSlice(w, rep.Documents, writeSummary)
	writeSlice(w, rep.Pairs, writePair)
	writeSlice(w, rep.Families, writeFamily)
	writeStories(w, rep)
}

func readReport(r *reader) *reuse.Report {
	rep := &reuse.Report{}
	rep.Documents = readSlice(r, 23, readSummary)
	rep.Pairs = readSlice(r, 13, readPair)
	rep.Families = readSlice(r, 1, readFamily)
	readStories(r, rep)
	return rep
}

func writeDocument(w *writer, d *reuse.Document) {
	w.breathe() // the page encodes requests of many articles
	w.string(d.Name)
	w.string(d.Title)
	w.string(d.Source)
	w.time(d.Published)
	w.string(d.URL)
	w.string(d.Text)
}

func readDocument(r *reader, d *reuse.Document) {
	d.Name = r.string()
	d.Title = r.string()
	d.Source = r.string()
	d.Published = r.time()
	d.URL = r.string()
	d.Text = r.string()
}

// writeOptions writes every option but Progress, a function, which the
// receiving side supplies.
func writeOptions(w *writer, o *reuse.Options) {
	w.int(o.KGram)
	w.int(o.Window)
	w.int(o.MinWords)
	w.int(o.MaxGap)
	w.int(o.MaxTrim)
	w.int(o.MaxSkip)
	w.int(o.MaxDocs)
	w.int(o.MaxRepeats)
	w.float(o.MinSimilarity)
	w.int(o.SentenceGap)
	w.int(o.SummaryGap)
	writeStoryOptions(w, o)
	w.bool(o.NoRewritten)
	w.int(int(o.DiffTimeout))
}

func readOptions(r *reader, o *reuse.Options) {
	o.KGram = r.int()
	o.Window = r.int()
	o.MinWords = r.int()
	o.MaxGap = r.int()
	o.MaxTrim = r.int()
	o.MaxSkip = r.int()
	o.MaxDocs = r.int()
	o.MaxRepeats = r.int()
	o.MinSimilarity = r.float()
	o.SentenceGap = r.int()
	o.SummaryGap = r.int()
	readStoryOptions(r, o)
	o.NoRewritten = r.bool()
	o.DiffTimeout = time.Duration(r.int())
}
