package reuse

// A Span is a half-open range [Start, End) of byte offsets into a
// document's text exactly as the caller gave it.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Len returns the number of bytes in s.
func (s Span) Len() int { return s.End - s.Start }

// Op says what an Edit does to turn side A of a passage into side B.
type Op string

const (
	Equal  Op = "equal"  // the words are the same on both sides
	Delete Op = "delete" // words of A that B dropped; B's span is empty
	Insert Op = "insert" // words B added; A's span is empty
)

// An Edit is one run of a passage's word alignment. Concatenating the A
// spans of a passage's edits yields the passage's A span exactly, and
// likewise for B.
type Edit struct {
	Op Op   `json:"op"`
	A  Span `json:"a"`
	B  Span `json:"b"`
	// Cosmetic marks an Equal run whose words match only after
	// normalisation: case, quotes, dashes, punctuation or compatibility
	// forms differ, the words do not.
	Cosmetic bool `json:"cosmetic,omitempty"`
}

// A Passage is one run of text that two documents share.
type Passage struct {
	A Span `json:"a"`
	B Span `json:"b"`
	// Words is the number of words the two sides have in common.
	Words int `json:"words"`
	// Identity is 2·Words / (words in A + words in B): 1 for a verbatim copy.
	Identity float64 `json:"identity"`
	// Quote reports that the passage lies mostly inside quotation marks on
	// at least one side: shared quotes are expected in news, copied
	// narration is the finding.
	Quote bool   `json:"quote"`
	Edits []Edit `json:"edits"`
}

// A Pair lists the passages two documents share. A < B always.
type Pair struct {
	A           int       `json:"a"`
	B           int       `json:"b"`
	SharedWords int       `json:"shared_words"`
	Similarity  float64   `json:"similarity"`
	Passages    []Passage `json:"passages"`
}

// DocumentSummary describes one input document in a Report.
type DocumentSummary struct {
	Name  string `json:"name"`
	Bytes int    `json:"bytes"`
	Words int    `json:"words"`
	// Reused is the share of the document's words that lie in a passage
	// shared with any other document.
	Reused float64 `json:"reused"`
}

// A Member is one occurrence of a family's text.
type Member struct {
	Doc  int  `json:"doc"`
	Span Span `json:"span"`
}

// A Family groups a passage that recurs in three or more documents.
type Family struct {
	Members []Member `json:"members"`
}

// A Report is the result of Analyze.
type Report struct {
	Documents []DocumentSummary `json:"documents"`
	Pairs     []Pair            `json:"pairs"`
	Families  []Family          `json:"families"`
}
