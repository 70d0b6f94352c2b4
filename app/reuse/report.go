package reuse

import "time"

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
	// normalisation: case, quotes, dashes, punctuation, white space,
	// invisible characters or compatibility forms differ, the words do
	// not. A symbol that differs between two shared words (an emoji, a
	// flag, a currency sign) is no typography: it is deleted and inserted
	// like a word.
	Cosmetic bool `json:"cosmetic,omitempty"`
}

// Kind says how a passage came from one article into the other.
type Kind string

const (
	// Copied text keeps runs of the same words in the same order: wire
	// copy as a copy desk edits it, a verbatim quote.
	Copied Kind = "copied"
	// Rewritten text says the same thing sentence by sentence in other
	// words: synonyms swapped in, clauses turned around, sentences merged
	// or condensed. Its Sentences pair up what says the same.
	Rewritten Kind = "rewritten"
)

// A SentencePair aligns one or more sentences of side A of a rewritten
// passage with one or more sentences of side B that say the same thing.
type SentencePair struct {
	A Span `json:"a"`
	B Span `json:"b"`
	// Similarity is the cosine of the two sides' weighted word stems, in
	// (0, 1]: how much of the weight of what they say they share.
	Similarity float64 `json:"similarity"`
	// Edits is the word diff of A against B, under the same rules as a
	// passage's Edits.
	Edits []Edit `json:"edits"`
}

// A Passage is one run of text that two documents share.
type Passage struct {
	// Kind is Copied or Rewritten. Where both apply, the passage is
	// copied: a copy desk's edits are shown as a word diff.
	Kind Kind `json:"kind"`
	A    Span `json:"a"`
	B    Span `json:"b"`
	// Words is the number of words the two sides have in common.
	Words int `json:"words"`
	// Identity is 2·Words / (words in A + words in B): 1 for a verbatim copy.
	Identity float64 `json:"identity"`
	// Quote reports that the passage lies mostly inside quotation marks on
	// at least one side: shared quotes are expected in news, copied
	// narration is the finding.
	Quote bool `json:"quote"`
	// Edits is the word diff of side A against side B. For a rewritten
	// passage it is usually long; Sentences is the reading aid.
	Edits []Edit `json:"edits"`
	// Sentences lists a rewritten passage's aligned sentences, in the
	// order of side A; it is empty for a copied passage.
	Sentences []SentencePair `json:"sentences,omitempty"`
}

// A Pair lists the passages two documents share. A < B always.
type Pair struct {
	A           int `json:"a"`
	B           int `json:"b"`
	SharedWords int `json:"shared_words"`
	// RewrittenWords is the part of SharedWords that lies in rewritten
	// passages.
	RewrittenWords int       `json:"rewritten_words"`
	Similarity     float64   `json:"similarity"`
	Passages       []Passage `json:"passages"`
}

// DocumentSummary describes one input document in a Report.
type DocumentSummary struct {
	Name string `json:"name"`
	// Title, Source, Published and URL repeat the Document's metadata
	// where known.
	Title     string    `json:"title,omitempty"`
	Source    string    `json:"source,omitempty"`
	Published time.Time `json:"published,omitzero"`
	URL       string    `json:"url,omitempty"`
	Bytes     int       `json:"bytes"`
	Words     int       `json:"words"`
	// Reused is the share of the document's words that lie in a passage
	// shared with any other document.
	Reused float64 `json:"reused"`
	// Rewritten is the share of the document's words that lie in a
	// rewritten passage and in no copied one; it is part of Reused.
	Rewritten float64 `json:"rewritten"`
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

// OriginRule says how a story's origin was chosen.
type OriginRule string

const (
	// Earliest: every member has a publication time and the origin is
	// the earliest.
	Earliest OriginRule = "earliest"
	// MostComplete: some publication time is unknown, and the origin is
	// the member that carries most of the story's shared text. It is a
	// guess: the fullest version is often, not always, the source.
	MostComplete OriginRule = "most-complete"
)

// A Story is a body of text that several documents carry: an agency
// story, a press release, a quote that did the rounds. One document can
// carry several stories.
type Story struct {
	// Origin is the document the others are compared with, an index into
	// Report.Documents, and OriginRule how it was chosen.
	Origin     int        `json:"origin"`
	OriginRule OriginRule `json:"origin_rule"`
	// Credit lists the names a member must give to credit the origin:
	// its source and the agencies named in its dateline or byline. It is
	// empty when none is known, and then no member is credited.
	Credit []string `json:"credit"`
	// Members are the other documents that carry the story, each aligned
	// with the origin.
	Members []StoryMember `json:"members"`
	// MemberPairs indexes the pairs of members that share text the origin
	// lacks, such as an outlet copying another's rewrite.
	MemberPairs []int `json:"member_pairs,omitempty"`
}

// A StoryMember is one document that carries a story.
type StoryMember struct {
	Doc int `json:"doc"`
	// Reused is the share of the story's text in the origin that the
	// member carries, copied or rewritten.
	Reused float64 `json:"reused"`
	// Credited reports that the member names the origin's source or
	// agency (Story.Credit) in its text, dateline or byline.
	Credited bool `json:"credited"`
	// Pair indexes the origin–member pair in Report.Pairs: its passages
	// hold the member's cuts, edits and additions.
	Pair int `json:"pair"`
}

// A SetAside is text treated as boilerplate and compared in no pair.
type SetAside struct {
	// Reason is "source" (one outlet repeats it across its articles),
	// "marked" (Options.Boilerplate) or "widespread" (in more than MaxDocs
	// documents).
	Reason string `json:"reason"`
	// Source is the outlet that repeats it, for Reason "source".
	Source string `json:"source,omitempty"`
	// Docs is how many documents carry it; Example is one occurrence.
	Docs    int    `json:"docs"`
	Example Member `json:"example"`
}

// A Report is the result of Analyze.
type Report struct {
	Documents []DocumentSummary `json:"documents"`
	// Pairs holds the pairs that were aligned: by default each story's
	// origin–member pairs, pairs of members that share text the origin
	// lacks, and pairs related by rewritten text only; with
	// Options.AllPairs, every related pair.
	Pairs    []Pair     `json:"pairs"`
	Families []Family   `json:"families"`
	Stories  []Story    `json:"stories"`
	SetAside []SetAside `json:"set_aside"`
}
