// Package reuse finds the passages that news articles share — recycled
// wire copy, press-release text, common quotations — and the word-level
// edits between the copies.
//
// The engine is pure Go with no dependency on the browser: the wirediff
// web app runs it compiled to WebAssembly, the wirediff command runs it
// natively, and both give the same answers.
//
// # Pipeline
//
// Data flows one way, one step per file:
//
//	text → words (tokens.go) → fingerprints (fingerprint.go) → index
//	(index.go) → boilerplate set aside (boilerplate.go) → stories and the
//	pairs to compare (stories.go, absorb.go, origin.go) → seeds
//	(compare.go) → chains, extension, regions (chain.go) → word
//	alignment (align.go) → copied passages (copied.go)
//
//	words → sentences (sentences.go) → language and terms (language.go,
//	terms.go) → sentence index
//	(simindex.go) and similar sentences (join.go) → clusters (cluster.go)
//	and summaries (condense.go) → copied passages bridged and joined
//	(bridge.go) → summaries that lift sentences (lifted.go) → rewritten
//	passages, copied ones taken in where they are fragments (rewrite.go)
//	→ sentence pairs (sentpairs.go, literal.go)
//
//	passages → quotation marks (quote.go) → story members and credit
//	(members.go, credit.go) → report (analyze.go, summary.go, report.go)
//
// Words. A document is split into words by Unicode class, so accented
// Latin, Cyrillic, Greek, Arabic and Hebrew work as English does, and Han
// ideographs and kana, written without spaces, are one word per character.
// Each word keeps its byte offsets into the text exactly as given; only
// its hash is normalised (NFKC, lower case, one apostrophe, no periods or
// invisible characters). Punctuation is never a word, so quotes, dashes,
// ellipses and re-punctuation cannot break a match; where they differ
// inside a shared passage the alignment marks the run cosmetic, unless
// the punctuation says something (a question or exclamation mark, a
// percent sign: typography.go), which is an edit.
//
// Fingerprints. Every run of KGram consecutive words (4) is hashed, and
// robust winnowing (Schleimer, Wilkerson and Aiken, "Winnowing: local
// algorithms for document fingerprinting", SIGMOD 2003 — the algorithm of
// MOSS) keeps the minimum of every Window (5) consecutive hashes. That keeps
// about a third of the k-grams and guarantees that any verbatim run of
// KGram+Window-1 = 8 words shared by two documents yields a common
// fingerprint.
//
// Index. All fingerprints of all documents go into one slice sorted by
// hash; equal hashes are adjacent, so the pairs of documents that share
// anything are found in one pass, and cost grows with the number of words
// rather than with the square of the number of documents. Pairs that share
// no fingerprint are never compared. One document counts a fingerprint at
// most MaxRepeats times, which keeps degenerate input (a word repeated
// 200,000 times) linear.
//
// Boilerplate. A fingerprint is set aside, and the report says so with an
// example, when one source repeats it across its own articles
// (SourceRepeats of them, more than half of those that carry it: a
// sign-off, a newsletter box), when a user marked it (Boilerplate), or
// when more than MaxDocs documents carry it (nine in ten of a collection
// of more than 100: a footer on every page of an archive). Text that many
// outlets carry is not boilerplate but a story. A sentence that lies
// mostly in set-aside text seeds no rewritten passage either.
//
// Stories. A story is a body of text that several documents carry. It is
// built from the shared fingerprints, not from the pairs: fingerprints
// carried by exactly the same documents form a signature, and signatures,
// heaviest first (fingerprints times documents), join the story whose
// members hold three in four of their documents, or a story they are a
// peer of (half its mass, Jaccard 0.5 between the documents), or start
// one; a lone four-word fingerprint in three or more documents starts
// none, and a document joins an existing story only with two of its
// fingerprints. A paragraph that some copies cut carries a subset of the
// story's documents and joins it, while a quote that travelled further
// than the story carries documents the story lacks and stands apart, so
// articles that share only quotations never merge into one story. A
// story whose members lie mostly inside a heavier story's is absorbed by
// it. The origin is the earliest member where every member has a
// publication time, else the one that carries most of the story's shared
// text, each fingerprint weighed by its carriers (a guess, reported as
// such); in either case only among members that carry a quarter of what
// the fullest carries. Each member is aligned with the origin, once even
// if the pair is in two stories; two members that share four or more
// fingerprints the origin lacks are aligned with each other too (the
// first of them as an origin ranks with each other carrier, so that costs
// one alignment a copy as well), and reported if they share MinWords
// words outside their passages with the origin. A passage belongs to the
// story, of those the origin carries, with most fingerprints in it; a
// member with no passage of its story is dropped, and so is a pair
// compared for a story that no story uses. A member credits the origin
// when its text names the origin's source or an agency named in the
// origin's first or last 1,000 bytes (dateline, byline), an agency by any
// of its names (UPI, United Press International). With AllPairs every
// related pair is compared, as before stories; pairs related only by
// rewritten text are compared in both modes.
//
// Seeds and chains. For a pair whose winnowed matches grow into at least
// one candidate passage, every shared k-gram becomes a seed (a sorted
// merge of the two documents' k-grams): a four-word match between two
// related articles is worth following even where winnowing skipped it.
// Seeds that follow each other on both sides within MaxSkip words form a
// chain; a seed that goes backwards on either side starts a new one, so
// reordered paragraphs come back as separate passages. This is the seed
// chaining of local text-reuse aligners such as passim (Smith, Cordell and
// Mullen, "Computational methods for uncovering reprinted texts in
// antebellum newspapers", American Literary History 27(3), 2015).
//
// Extension. Each chain grows outwards word by word through matching
// text; at a mismatch it may skip up to MaxSkip words on the two sides
// together if matching resumes and is confirmed by three words (two after
// a skip of one or two words, or one word that ends a sentence on both
// sides). This is the imperfection budget of WCopyfind (Bloomfield,
// WCopyfind 4, University of Virginia) — "said" becoming "told reporters"
// does not end a passage — and the X-drop style extension of BLAST
// (Altschul et al., J. Mol. Biol. 215, 1990) applied to words. At a
// sentence end, extension goes on only if the next sentence starts with
// three matching words: a paragraph that opens with "The" on both sides
// lends the passage nothing.
//
// Regions. Extended chains become regions, which are made disjoint
// (larger first; a smaller region loses the words it shares with a larger
// one at either end, or is dropped), then merged: regions that overlap or
// touch within MaxSkip words on both sides; two substantial regions
// (MinWords on each side) at most MaxGap words apart on both sides, as
// around a sentence a copy desk rewrote or inserted; and two substantial
// regions contiguous on one side and at most MaxTrim words apart on the
// other, as where a copy desk cut a paragraph. A gap is never bridged when
// another substantial region explains it — the paragraph that was moved
// elsewhere — so reordering is not mistaken for a cut. Finally a region
// whose ends lie within MaxSkip words of a sentence boundary on one side
// (and MaxGap on the other) is completed to the sentence boundaries: the
// rewritten tail of a sentence ("in Syria" against "on the Syrian
// regime"), an appended attribution (", police said.") or a lead-in
// ("Meanwhile,") is part of the edit a reader wants to see.
//
// Alignment. Each region is aligned word by word with go-diff
// (github.com/sergi/go-diff, a port of Fraser's diff-match-patch, which
// implements Myers' O(ND) difference algorithm, Algorithmica 1(2), 1986).
// go-diff diffs characters, so each distinct word of the region is mapped
// to one rune and DiffMainRunes diffs the runes; DiffCleanupSemantic then
// folds coincidental one-word equalities into the surrounding edits. The
// cleanup runs between anchors — equal runs of four words or more — so a
// real match beside a long inserted paragraph is not folded away. The
// passage is trimmed to start and end on shared words, except at ends
// completed to a sentence boundary, and takes in the opening quotes and
// closing punctuation that cling to its first and last words. Equal runs
// are split into exact and cosmetic runs by comparing the original bytes
// of each word and the gap after it (white space folded); a run is
// cosmetic when only typography differs (typography.go: punctuation,
// white space, invisible characters, case, compatibility forms). A symbol
// that differs in the gap, such as an emoji or a flag, is a deletion and
// an insertion after the shared word. A passage needs
// MinWords (8) shared words, and a pair is reported only if one of its
// passages has a verbatim run of MinWords words: stock phrases chained
// together are a coincidence on their own, and part of the reuse next to
// real reuse. Where two candidate passages of a pair still overlap, the
// larger is kept.
//
// Report. Each pair gets its passages, shared words and a similarity
// (2·shared / (words in A + words in B)); each document its reused share
// (words in any passage / all words). Passage sides that overlap within a
// document are merged into segments, and segments linked by passages
// across three or more documents form a family. A passage is a quotation
// when most of its words lie inside quotation marks on either side.
//
// # Rewritten passages
//
// A newsroom that rewrites wire copy keeps what each sentence says and
// few runs of its words (sentences.go, language.go, terms.go, simindex.go, join.go,
// cluster.go, condense.go, lifted.go, rewrite.go, bridge.go,
// sentpairs.go, literal.go).
//
// Sentences and terms. Each document is split into sentences at a full
// stop, question or exclamation mark (in Latin, Arabic, Devanagari or CJK
// punctuation) or a line break; fragments under six words, such as a
// dateline, join the next, and runs without punctuation are cut every 60
// words. Each sentence becomes a vector of terms: the Snowball stems
// (github.com/blevesearch/snowballstem) of its words, in the language
// detected from the script and the commonest function words, or, for a
// language with no stemmer here or whose spacing varies, character
// 3-grams that ignore spaces (Urdu writes وزیر اعظم and وزیراعظم alike;
// 2-grams for Han and kana). A term weighs tf·isf·idf: inverse sentence
// frequency over all the documents compared, which weighs stop words
// down without dropping them (as Sanchez-Perez et al. do), and a factor
// that falls as more than two documents carry the term, so the names and
// facts every report of one event repeats count for little. Names,
// numbers and quoted words count half a word: independent reports share
// them, rewrites share the words around them too.
//
// Seeds. Pairs of sentences in different documents whose cosine and
// Dice coefficient both reach MinSimilarity (0.33) seed a passage, after
// Sanchez-Perez, Gelbukh and Sidorov, "Adaptive algorithm for plagiarism
// detection: the best-performing approach at PAN 2014 text alignment
// competition" (CLEF 2015); so do three or more pairs in a row, in order
// on both sides, whose cosine reaches 0.2: a story rewritten sentence by
// sentence keeps its order, independent reports tell it in their own.
// All come from one similarity join with prefix filtering (Bayardo, Ma
// and Srikant, "Scaling up all pairs similarity search", WWW 2007) at
// the lower threshold, never from comparing all pairs; a term in the
// prefixes of more than 12 documents pairs nothing (wire copy carried by
// dozens is found as copied). Each sentence in turn lists the later
// sentences that share a term of its prefix, each once, and checks them
// against a table of its own terms.
//
// Clusters. Seeds within SentenceGap (4) sentences of each other on both
// sides are clustered, alternately by side, and split into chains that
// run forwards on both sides; a cluster whose two fragments are not
// similar as wholes is clustered again with a smaller gap, as in
// Sanchez-Perez et al. A lone sentence pair must reach MinSimilarity+0.2.
//
// Summaries. A summary's sentences each condense several of its source's,
// so they are less alike. A cluster spread over SummaryGap (24)
// sentences on one side replaces the clusters it covers if its long side
// is 1.5 times its short one and spans 30% of its text, and half of the
// long side's sentences are a little alike (0.1) to one of the short
// side's: a summary explains what it spans, a topic's words scattered
// over a long essay do not. And a run of three or more sentences whose
// best counterparts reach 0.2 is a summary if it fills seven in ten of
// the sentences it spans and its counterparts span twice its words and
// half the other text, which it explains (65%), unless one cluster
// already pairs half its sentences one to one: that is a rewritten
// passage with text on the same topic around it. A summary's short side
// has at most 500 words.
//
// Summaries that lift sentences. A summary often takes a sentence or two
// word for word from across its source, and is otherwise found as those
// copied sentences, in pieces. Sanchez-Perez et al. run a summary
// setting beside the usual one: the same seeds clustered again with a
// larger gap, whose output is chosen where the long side is three times
// the short one. Here the copied passages are seeds too, each of their
// sentences paired in proportion along them, with every other sentence's
// most similar counterpart (a second counterpart, further off, is only a
// sentence on the same topic). A run of consecutive sentences on the
// short side that holds two copied passages or more, whose counterparts
// lie within SummaryGap sentences of each other on the long side and
// span three times its words or more (summaryCompression), similar as
// wholes (MinSimilarity), with a short side of at most 500 words, is one
// summary, and takes in its copied passages. A desk that trims a story
// keeps most of it, under three times; two copies that a desk put among
// other text have that text between them, similar to nothing, and the
// run stops there. It takes two copied passages because on PAN 2013's
// training data, in the random and translation subsets, a run with one
// was mostly (16 of 21) a rewritten passage stretched by a similar
// sentence further off.
//
// Copied wins where both apply. A cluster made mostly of sentences that
// lie in copied passages belongs to them, unless similar sentences fill
// it (three in four of its sentences have a counterpart: on its shorter
// side with three seeds or more, on both sides with two), as where a
// rewrite left a few phrases standing; then it takes in the copied
// fragments inside it whose identity is under 0.85 (0.7 for one of more
// than 3·MinWords shared words). A summary takes in
// the short phrases it copies word for word (up to 3·MinWords words),
// if they cover less than half its short side or its long side is three
// times its short one or more: a desk that trims a story keeps most of
// it, a summary condenses it (each PAN 2013 summary 3.6 times or more)
// and lifts a sentence here and there. Copy as a copy desk edits it
// is never taken in. Two copied passages in order on both sides, with at
// most SentenceGap sentences between them and a similar sentence pair
// among those, are one copied passage: a desk rewrote a sentence in the
// middle of the story it copied. Two that cross (the other way round on
// one side), one of them heavily edited, are one passage on the same
// terms, if its diff keeps MinWords shared words: a rewrite that moves
// sentences about leaves crossing fragments with rewritten text between
// them, as the extension of Sanchez-Perez et al. joins seeds whatever
// their order within a gap. Two copied passages at most MaxGap words
// apart on both sides, in either order, one of them heavily edited
// (identity under 0.85), are one passage too: words and phrases shuffled
// within a passage, as a rewrite that turns clauses around does, leave
// copied fragments that cross; paragraphs a desk moved keep their words
// and stay apart.
//
// A rewritten passage's sentence pairs are its seeds, most similar first,
// each joining the pair that holds one of its sentences (two sentences
// merged into one) or starting its own, disjoint on both sides. Their
// word diffs keep every shared word (no semantic cleanup): in a
// paraphrase, the few words two sentences share are what a reader looks
// for. A pair of sentences is short, so its diff comes from the table of
// the classic longest-common-subsequence dynamic programme (literal.go),
// which costs less there than go-diff's bisection. Joined by what lies between them, they are the passage's diff
// when they run in order; otherwise the passage is diffed whole. A
// passage needs 12 shared stems, counted before any diff (MinWords shared
// words for character n-grams, with the semantic cleanup of a copied
// passage, so that coincidences do not count).
//
// # Evaluation
//
// cmd/eval measures the engine with PAN's plagdet (Potthast, Stein,
// Barrón-Cedeño and Rosso, "An evaluation framework for plagiarism
// detection", COLING 2010) on edited copies of Wikinews articles with
// known truth; the README reports the figures.
//
// # Performance
//
// The hot path is slices of integers: 64-bit word hashes, sorted
// fingerprint and seed slices, a rune buffer reused across alignments.
// Under WebAssembly map lookups and allocations cost several times what
// they cost natively, while tight loops over slices run close to native
// speed; the only map is the per-passage word-to-rune table that go-diff
// needs, cleared and reused.
package reuse
