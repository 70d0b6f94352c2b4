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
	Documents []jsonDocument `json:"documents"`
	Pairs     []reuse.Pair   `json:"pairs"`
	Families  []reuse.Family `json:"families"`
}

// JSON writes r in the command line's --json shape, indented:
//
//	{"documents": [{"name", "bytes", "words", "reused", "rewritten"}],
//	 "pairs": [{"a", "b", "shared_words", "rewritten_words", "similarity",
//	   "passages": [{"kind", "a": {"start", "end"}, "b", "words", "identity", "quote",
//	                 "edits": [{"op", "a", "b", "cosmetic"}],
//	                 "sentences": [{"a", "b", "similarity", "edits"}]}]}],
//	 "families": [{"members": [{"doc", "span"}]}]}
//
// "kind" is "copied" or "rewritten"; "sentences" is only there for a
// rewritten passage.
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
