package export

import (
	"encoding/json"
	"errors"
	"io"

	"github.com/wirediff/wirediff/app/reuse"
)

// jsonDocument is a document entry of the JSON export: the engine's
// summary, plus the analysed text when offsets do not refer to the file.
type jsonDocument struct {
	reuse.DocumentSummary
	Text string `json:"text,omitempty"`
}

type jsonReport struct {
	Documents []jsonDocument   `json:"documents"`
	Pairs     []reuse.Pair     `json:"pairs"`
	Families  []reuse.Family   `json:"families"`
	Stories   []reuse.Story    `json:"stories"`
	SetAside  []reuse.SetAside `json:"set_aside"`
}

// JSON writes r in the command line's --json shape, indented:
//
//	{"documents": [{"name", "bytes", "words", "reused", "rewritten"}],
//	 "pairs": [{"a", "b", "shared_words", "rewritten_words", "similarity",
//	   "passages": [{"kind", "a": {"start", "end"}, "b", "words", "identity", "quote",
//	                 "edits": [{"op", "a", "b", "cosmetic"}],
//	                 "sentences": [{"a", "b", "similarity", "edits"}]}]}],
//	 "families": [{"members": [{"doc", "span"}]}],
//	 "stories": [{"origin", "origin_rule", "credit",
//	   "members": [{"doc", "reused", "credited", "pair"}], "member_pairs"}],
//	 "set_aside": [{"reason", "source", "docs", "example": {"doc", "span"}}]}
//
// "kind" is "copied" or "rewritten"; "sentences" is only there for a
// rewritten passage. A document also has "title", "source", "published"
// and "url" where known. A story's "origin" and "doc" index "documents",
// its "pair" and "member_pairs" index "pairs"; "origin_rule" is
// "earliest" or "most-complete".
//
// Lists are never null, so consumers can iterate without checks.
func JSON(w io.Writer, r *reuse.Report) error {
	return JSONWithTexts(w, r, nil)
}

// JSONWithTexts is JSON, adding "text" to the entry of each document i in
// texts: the text the offsets refer to, for inputs such as HTML whose
// analysed text is not the file's bytes.
func JSONWithTexts(w io.Writer, r *reuse.Report, texts map[int]string) error {
	if r == nil {
		return errors.New("export: no report")
	}
	out := jsonReport{
		Documents: make([]jsonDocument, len(r.Documents)),
		Pairs:     make([]reuse.Pair, len(r.Pairs)),
		Families:  make([]reuse.Family, len(r.Families)),
		Stories:   make([]reuse.Story, len(r.Stories)),
		SetAside:  append([]reuse.SetAside{}, r.SetAside...),
	}
	for i, s := range r.Stories {
		s.Members = append([]reuse.StoryMember{}, s.Members...)
		s.Credit = append([]string{}, s.Credit...)
		out.Stories[i] = s
	}
	for i, d := range r.Documents {
		out.Documents[i] = jsonDocument{DocumentSummary: d, Text: texts[i]}
	}
	for i, p := range r.Pairs {
		p.Passages = append([]reuse.Passage{}, p.Passages...)
		for j := range p.Passages {
			if p.Passages[j].Edits == nil {
				p.Passages[j].Edits = []reuse.Edit{}
			}
		}
		out.Pairs[i] = p
	}
	for i, f := range r.Families {
		f.Members = append([]reuse.Member{}, f.Members...)
		out.Families[i] = f
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false) // readable texts; JSON needs no HTML escaping
	return enc.Encode(out)
}
