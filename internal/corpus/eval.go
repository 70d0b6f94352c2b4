package corpus

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// A Doc is one generated document.
type Doc struct {
	Name, Text string
	// Source and Published are the outlet and publication time, where
	// the generator gives them (Syndicated).
	Source    string
	Published time.Time
	// Story names the wire story a Syndicated document carries or is:
	// "story-007"; it is empty for an outlet's own article.
	Story string
}

// A Case is one known reuse: the bytes Susp of a pair's suspicious
// document were made from the bytes Src of its source.
type Case struct{ Susp, Src Span }

// A Pair is an evaluation pair: a suspicious document made of one article
// with passages of a source article inserted under one obfuscation, and
// the truth about where they went. For None there are no cases.
type Pair struct {
	Obfuscation Obfuscation
	Susp, Src   Doc
	Cases       []Case
}

// EvalConfig sizes the evaluation set.
type EvalConfig struct {
	Seed uint64
	// PairsPerObfuscation is the number of pairs made for each kind of
	// edit, and of unrelated (None) pairs.
	PairsPerObfuscation int
	// PassagesPerPair is the number of passages inserted into each
	// suspicious document (one block of paragraphs for Reordered).
	PassagesPerPair int
}

// DefaultEval gives about 230 cases.
var DefaultEval = EvalConfig{Seed: 2019, PairsPerObfuscation: 15, PassagesPerPair: 2}

// minShared is the length of a word run whose presence in two articles
// makes them related: the engine must report verbatim runs of 8 words.
const minShared = 8

// EvalPairs builds the evaluation set from the articles: for each of a
// copy desk's obfuscations, cfg.PairsPerObfuscation pairs, then as many
// unrelated pairs, then as many pairs for each of PAN's.
// A suspicious document is built on a host article that shares no run of
// eight words with its source, so the truth is all there is to find; the
// unrelated pairs are drawn among articles with the most short phrases in
// common that still share no such run, to test precision on hard cases.
func EvalPairs(arts []Article, cfg EvalConfig) ([]Pair, error) {
	if len(arts) < 4 {
		return nil, fmt.Errorf("need at least 4 articles, got %d", len(arts))
	}
	r := rand.New(rand.NewPCG(cfg.Seed, 0x5eed))
	parsed := make([][]para, len(arts))
	long := make([]map[uint64]bool, len(arts))
	short := make([]map[uint64]bool, len(arts))
	for i, a := range arts {
		parsed[i] = parse(a.Text)
		long[i] = shingles(a.Text, minShared)
		short[i] = shingles(a.Text, 3)
	}
	related := func(i, j int) bool { return i == j || shareAny(long[i], long[j]) }

	var pairs []Pair
	// addPairs makes the pairs of each of kinds from the random stream r.
	addPairs := func(r *rand.Rand, kinds []Obfuscation) error {
		order := r.Perm(len(arts))
		next := 0
		for _, kind := range kinds {
			for n := 0; n < cfg.PairsPerObfuscation; n++ {
				// Take sources in a shuffled cycle so pairs spread over the
				// articles; skip those too short for the passages wanted.
				var src int
				var blocks [][][]sent
				for tries := 0; ; tries++ {
					if tries > 4*len(arts) {
						return fmt.Errorf("no article long enough for %d %s passages", cfg.PassagesPerPair, kind)
					}
					src = order[next%len(order)]
					next++
					if blocks = choosePassages(r, kind, parsed[src], cfg.PassagesPerPair); blocks != nil {
						break
					}
				}
				host := r.IntN(len(arts))
				for related(host, src) {
					host = r.IntN(len(arts))
				}
				id := fmt.Sprintf("%03d-%s", len(pairs), kind)
				text, cases := insert(r, kind, arts[host].Text, parsed[host], blocks)
				pairs = append(pairs, Pair{
					Obfuscation: kind,
					Susp:        Doc{Name: id + "-" + arts[host].Name, Text: text},
					Src:         Doc{Name: arts[src].Name, Text: arts[src].Text},
					Cases:       cases,
				})
			}
		}
		return nil
	}
	if err := addPairs(r, deskKinds); err != nil {
		return nil, err
	}
	for n := 0; n < cfg.PairsPerObfuscation; n++ {
		a := r.IntN(len(arts))
		b, best := -1, -1
		for range 24 {
			c := r.IntN(len(arts))
			if related(a, c) {
				continue
			}
			if s := countShared(short[a], short[c]); s > best {
				b, best = c, s
			}
		}
		if b < 0 {
			return nil, fmt.Errorf("no article unrelated to %s", arts[a].Name)
		}
		pairs = append(pairs, Pair{
			Obfuscation: None,
			Susp:        Doc{Name: fmt.Sprintf("%03d-none-%s", len(pairs), arts[a].Name), Text: arts[a].Text},
			Src:         Doc{Name: arts[b].Name, Text: arts[b].Text},
		})
	}
	// PAN's kinds draw on a stream of their own: adding them left the
	// other pairs as they were.
	if err := addPairs(rand.New(rand.NewPCG(cfg.Seed, 0x9a9)), panKinds); err != nil {
		return nil, err
	}
	return pairs, nil
}

// choosePassages picks n disjoint passages of the article for kind: a run
// of sentences inside a paragraph or a run of whole paragraphs; for
// Reordered one run of 3 or 4 paragraphs. It returns nil if the article is
// too short.
func choosePassages(r *rand.Rand, kind Obfuscation, ps []para, n int) [][][]sent {
	body := ps
	if len(body) > 0 {
		body = body[1:] // the first line is the date
	}
	if kind == Reordered {
		n = 1
	}
	used := make([]bool, len(body))
	var out [][][]sent
	for tries := 0; len(out) < n; tries++ {
		if tries > 200 {
			return nil
		}
		var lo, hi int // paragraphs [lo, hi)
		short := false // PAN: a sentence or a few rather than paragraphs
		switch kind {
		case Reordered:
			hi = 3 + r.IntN(2)
		case Trimmed, Mixed:
			hi = 2 + r.IntN(2)
		case PANLow, PANHigh:
			// PAN's cases run from a few sentences to many paragraphs;
			// Wikinews articles allow a sentence to half a dozen.
			switch r.IntN(3) {
			case 0:
				hi, short = 1, true
			case 1:
				hi = 1 + r.IntN(2)
			default:
				hi = 3 + r.IntN(4)
			}
		default:
			hi = 1 + r.IntN(3)
		}
		if hi > len(body) {
			continue
		}
		lo = r.IntN(len(body) - hi + 1)
		hi += lo
		if slices.Contains(used[max(0, lo-1):min(len(used), hi+1)], true) {
			continue // keep passages apart in the source too
		}
		var block [][]sent
		words, sents, shortest := 0, 0, 1<<30
		if slices.ContainsFunc(body[lo:hi], isCaption) {
			continue
		}
		for _, p := range body[lo:hi] {
			block = append(block, p.sents)
			words += p.words()
			sents += len(p.sents)
			shortest = min(shortest, p.words())
		}
		// Now and then reuse only part of one paragraph.
		if short && len(block[0]) > 1 {
			k := 1 + r.IntN(min(3, len(block[0])))
			s := r.IntN(len(block[0]) - k + 1)
			block[0] = block[0][s : s+k]
			words = 0
			for _, x := range block[0] {
				words += len(strings.Fields(x.text))
			}
		}
		if kind != Reordered && kind != Trimmed && kind != Mixed && !isPAN(kind) && hi-lo == 1 && len(block[0]) >= 4 && r.IntN(2) == 0 {
			k := 2 + r.IntN(len(block[0])-2)
			s := r.IntN(len(block[0]) - k + 1)
			block[0] = block[0][s : s+k]
			words = 0
			for _, x := range block[0] {
				words += len(strings.Fields(x.text))
			}
		}
		switch {
		case isPAN(kind) && (words < 20 || words > 600):
			continue
		case !isPAN(kind) && (words < 25 || words > 320):
			continue
		case (kind == Trimmed || kind == Mixed) && sents < 4:
			continue
		case kind == Reordered && shortest < 15:
			continue
		}
		for i := lo; i < hi; i++ {
			used[i] = true
		}
		out = append(out, block)
	}
	return out
}

// insert builds a suspicious document: the host's paragraphs with each
// block, obfuscated, put in at its own place after the first line, and
// the cases that say where each block's text came from.
func insert(r *rand.Rand, kind Obfuscation, text string, host []para, blocks [][][]sent) (string, []Case) {
	// Distinct places after host paragraphs (so none before the date line),
	// and never two blocks in one gap.
	gaps := r.Perm(max(1, len(host)))[:min(len(blocks), max(1, len(host)))]
	for len(gaps) < len(blocks) {
		gaps = append(gaps, gaps[len(gaps)-1])
	}
	at := make(map[int][]int) // host paragraph index -> blocks after it
	for b, g := range gaps {
		at[g] = append(at[g], b)
	}
	var vocab []string // PAN inserts words of the document it writes into
	if isPAN(kind) {
		for _, f := range strings.Fields(text) {
			if _, w, _ := field(f); w != "" {
				vocab = append(vocab, w)
			}
		}
	}
	var sb strings.Builder
	var cases []Case
	sep := func() {
		if sb.Len() > 0 {
			sb.WriteString("\n\n")
		}
	}
	for i, p := range host {
		sep()
		sb.WriteString(text[p.src.Start:p.src.End])
		for _, b := range at[i] {
			var units []unit
			if isPAN(kind) {
				units = panObfuscate(r, kind, blocks[b], vocab)
			} else {
				units = obfuscate(r, kind, blocks[b])
			}
			first := len(cases)
			for _, u := range units {
				sep()
				start := sb.Len()
				sb.WriteString(u.text)
				cases = append(cases, Case{Span{start, sb.Len()}, u.src})
			}
			if kind != Reordered {
				// One case for the block: it is one run of reused text.
				c := Case{cases[first].Susp, cases[first].Src}
				for _, x := range cases[first:] {
					c.Susp.End = x.Susp.End
					c.Src.Start = min(c.Src.Start, x.Src.Start)
					c.Src.End = max(c.Src.End, x.Src.End)
				}
				cases = append(cases[:first], c)
			}
		}
	}
	sb.WriteByte('\n')
	return sb.String(), cases
}

// isCaption reports a photo caption or a byline, not news copy: a short
// paragraph, or one crediting an image as Wikinews captions do.
func isCaption(p para) bool {
	if p.words() < 8 {
		return true
	}
	for _, s := range p.sents {
		if strings.HasPrefix(s.text, "Image: ") {
			return true
		}
	}
	return false
}
