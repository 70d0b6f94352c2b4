package stages

import (
	"bytes"
	"encoding/json"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/textio"
	"github.com/wirediff/wirediff/app/reuse"
)

// The output's lines, one JSON object a line. A document line is the
// command line's JSON document entry named by the article's ID, with the
// article's text where offsets do not point into its file's bytes; a pair
// line is the command line's JSON pair with its articles' IDs for a and
// b. "type" tells the two apart where files are concatenated.
type (
	documentJSON struct {
		Type string `json:"type"`
		reuse.DocumentSummary
		Text string `json:"text,omitempty"`
	}
	pairJSON struct {
		Type string `json:"type"`
		// These hide the Pair's document indexes.
		A string `json:"a"`
		B string `json:"b"`
		reuse.Pair
	}
)

func documentLine(a Article, d reuse.DocumentSummary) (string, error) {
	line := documentJSON{Type: "document", DocumentSummary: d}
	if a.Converted {
		line.Text = a.Text
	}
	return marshalLine(line)
}

func pairLine(a, b string, p reuse.Pair) (string, error) {
	// Lists are never null, as in the command line's JSON.
	p.Passages = append([]reuse.Passage{}, p.Passages...)
	for n := range p.Passages {
		if p.Passages[n].Edits == nil {
			p.Passages[n].Edits = []reuse.Edit{}
		}
	}
	return marshalLine(pairJSON{Type: "pair", A: a, B: b, Pair: p})
}

// marshalLine encodes v as the command line does, without HTML escaping.
func marshalLine(v any) (string, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return string(bytes.TrimSuffix(buf.Bytes(), []byte("\n"))), nil
}

// Write writes the document lines to PREFIX-documents.jsonl and the pair
// lines to PREFIX-pairs.jsonl, in no particular order.
func Write(s beam.Scope, prefix string, documents, pairs beam.PCollection) {
	s = s.Scope("Write")
	textio.Write(s, prefix+"-documents.jsonl", documents)
	textio.Write(s, prefix+"-pairs.jsonl", pairs)
}
