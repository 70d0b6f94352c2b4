package worker

import "github.com/wirediff/wirediff/app/reuse"

// The engine's story and boilerplate types, and the options that steer
// them, field by field in declaration order (see report.go).

var originRules = []reuse.OriginRule{reuse.Earliest, reuse.MostComplete}

func writeString(w *writer, s *string) { w.string(*s) }
func readString(r *reader, s *string)  { *s = r.string() }

func writeStoryMember(w *writer, m *reuse.StoryMember) {
	w.int(m.Doc)
	w.float(m.Reused)
	w.bool(m.Credited)
	w.int(m.Pair)
}

func readStoryMember(r *reader, m *reuse.StoryMember) {
	m.Doc = r.int()
	m.Reused = r.float()
	m.Credited = r.bool()
	m.Pair = r.int()
}

func writeInt(w *writer, v *int) { w.int(*v) }
func readInt(r *reader, v *int)  { *v = r.int() }

func writeStory(w *writer, s *reuse.Story) {
	w.int(s.Origin)
	writeEnum(w, s.OriginRule, originRules)
	writeSlice(w, s.Credit, writeString)
	writeSlice(w, s.Members, writeStoryMember)
	writeSlice(w, s.MemberPairs, writeInt)
}

func readStory(r *reader, s *reuse.Story) {
	r.tick()
	s.Origin = r.int()
	s.OriginRule = readEnum(r, originRules)
	s.Credit = readSlice(r, 1, readString)
	s.Members = readSlice(r, 11, readStoryMember)
	s.MemberPairs = readSlice(r, 1, readInt)
}

func writeSetAside(w *writer, s *reuse.SetAside) {
	w.string(s.Reason)
	w.string(s.Source)
	w.int(s.Docs)
	writeMember(w, &s.Example)
}

func readSetAside(r *reader, s *reuse.SetAside) {
	s.Reason = r.string()
	s.Source = r.string()
	s.Docs = r.int()
	readMember(r, &s.Example)
}

// writeStories writes what a report says of stories and boilerplate.
func writeStories(w *writer, rep *reuse.Report) {
	writeSlice(w, rep.Stories, writeStory)
	writeSlice(w, rep.SetAside, writeSetAside)
}

func readStories(r *reader, rep *reuse.Report) {
	rep.Stories = readSlice(r, 5, readStory)
	rep.SetAside = readSlice(r, 6, readSetAside)
}

// writeStoryOptions writes the options about stories and boilerplate.
func writeStoryOptions(w *writer, o *reuse.Options) {
	w.int(o.SourceRepeats)
	writeSlice(w, o.Boilerplate, writeString)
	w.bool(o.AllPairs)
}

func readStoryOptions(r *reader, o *reuse.Options) {
	o.SourceRepeats = r.int()
	o.Boilerplate = readSlice(r, 1, readString)
	o.AllPairs = r.bool()
}
