// Package stages holds the transforms of wirediff's Apache Beam pipeline,
// one a step of the engine (app/reuse), each with a name: read and
// tokenise, fingerprints per article, seeds from each fingerprint's
// group with boilerplate set aside, candidate pairs, the join with both
// texts, the pair comparison, and each article's reused share; by
// default, the stories (stories*.go): shared fingerprints and their
// signatures, groups of articles that plan their stories alone, the
// pairs a story compares, and the stories themselves. Build chains them
// from input files to JSONL files.
//
// Rewritten passages (AnalyzeRewritten) add stages: terms per article
// and their counts over all articles, sentence vectors, the similarity
// join of sentences by prefix term, and the pairs their similar
// sentences add; with Options.NoRewritten the pipeline finds copied
// passages only, as the command line does with --no-rewritten.
package stages

import (
	"time"

	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/reuse"
)

// An Article is one input article, in the command line's JSONL article
// format. Published is in ingest.ParseTime's canonical form (RFC 3339, or
// a date alone), or empty where unknown.
type Article struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Published string `json:"published"`
	URL       string `json:"url"`
	Text      string `json:"text"`
	// Converted marks a text file whose text is not its bytes (HTML,
	// UTF-16, Windows-1252): its document line then carries the text the
	// offsets point into, as the command line's JSON does.
	Converted bool `json:"-"`
}

// document returns the article as the engine's Document, named by its ID.
// Published was checked when the article was read.
func (a Article) document() reuse.Document {
	published, _, _ := ingest.ParseTime(a.Published)
	return reuse.Document{Name: a.ID, Title: a.Title, Source: a.Source, Published: published, URL: a.URL, Text: a.Text}
}

// Options are the engine's thresholds, a zero field taking the engine's
// default. The transforms carry these rather than reuse.Options, whose
// progress callback cannot travel to a worker.
type Options struct {
	KGram, Window, MinWords, MaxGap, MaxTrim, MaxSkip, MaxDocs, MaxRepeats, SourceRepeats int
	// AllPairs compares every pair of articles that share text instead of
	// grouping them into stories, as the command line's --all-pairs.
	AllPairs bool
	// Boilerplate lists texts the user marks as boilerplate, as the
	// command line's --boilerplate.
	Boilerplate []string
	// Rewritten passages: NoRewritten finds copied passages only, as the
	// command line's --no-rewritten does.
	MinSimilarity           float64
	SentenceGap, SummaryGap int
	NoRewritten             bool
	// Shards is the number of shards the fingerprints, the seeds, the
	// sentences by prefix term and the shared fingerprints are shuffled
	// in (FingerprintShards, Candidates, Similar, Signatures),
	// DefaultShards when 0:
	// a stage holds one shard at a time, so an archive far larger than
	// 100,000 articles wants more. No result depends on it.
	Shards int
	// DiffTimeout bounds each passage's word alignment, as the command
	// line's --diff-timeout: a wall-clock bound, so a run under load may
	// align differently from one at rest.
	DiffTimeout time.Duration
}

// engine returns the options for the engine, which compares every pair
// of articles that share text.
func (o Options) engine() reuse.Options {
	return reuse.Options{KGram: o.KGram, Window: o.Window, MinWords: o.MinWords, MaxGap: o.MaxGap, MaxTrim: o.MaxTrim,
		MaxSkip: o.MaxSkip, MaxDocs: o.MaxDocs, MaxRepeats: o.MaxRepeats,
		SourceRepeats: o.SourceRepeats, Boilerplate: o.Boilerplate, MinSimilarity: o.MinSimilarity, SentenceGap: o.SentenceGap,
		SummaryGap: o.SummaryGap, NoRewritten: o.NoRewritten, DiffTimeout: o.DiffTimeout, AllPairs: true}
}

// Counter names, in the namespace "wirediff".
const (
	Namespace           = "wirediff"
	CounterArticles     = "articles"
	CounterBadLines     = "bad lines skipped"
	CounterFingerprints = "fingerprints"
	CounterMarked       = "fingerprints set aside as marked"
	CounterBoilerplate  = "fingerprints set aside"
	CounterBySource     = "fingerprints set aside by source"
	CounterSeeds        = "seeds"
	CounterLoneSeeds    = "lone seeds dropped"
	CounterCandidates   = "candidate pairs"
	CounterNearPending  = "candidate pairs seeded again with Nears"
	CounterJoined       = "candidate pairs joined"
	CounterSimilar      = "similar sentence pairs"
	CounterPairs        = "pairs"
	CounterPassages     = "passages"
	CounterRewritten    = "rewritten passages"
	CounterStories      = "stories"
	CounterUnresolved   = "story links unresolved"
)
