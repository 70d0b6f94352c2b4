package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
)

// Newsroom builds a benchmark corpus of n articles, about 2.5 KB each on
// average, with the reuse of a newsroom's day: a few wire stories, each
// picked up by two to six outlets that trim, edit, re-typeset and reorder
// it and wrap it in their own paragraphs, while most text is unique.
//
// Unique text recombines the Wikinews paragraphs with every other word, at
// random, replaced by a word drawn from the whole corpus, so that word
// frequencies, word lengths and punctuation stay those of news copy while
// two articles made from one paragraph rarely share a run of eight words:
// 1,000 articles are not 171 articles repeated. (With four words in ten
// replaced, chance matches made more pairs of articles than the wire copy.)
//
// Because every unique article recombines the same 171 articles' paragraphs
// with half their words replaced, any two made from one paragraph share a
// quarter of its words in place: to a detector of rewritten copy, such a
// day is full of heavy rewrites. NewsroomDistinct is the same day with
// unique text that shares no sentences.
func Newsroom(arts []Article, n int, seed uint64) ([]Doc, error) {
	return newsroom(arts, n, seed, false)
}

// NewsroomDistinct is Newsroom with its unique text, and the outlets'
// own paragraphs, written by a word-bigram chain over the Wikinews
// articles: text with news copy's words, word frequencies and punctuation
// in which two articles share words but not sentences, as unrelated
// articles of one day do. The wire stories and their pick-ups are the
// same as in Newsroom.
func NewsroomDistinct(arts []Article, n int, seed uint64) ([]Doc, error) {
	return newsroom(arts, n, seed, true)
}

func newsroom(arts []Article, n int, seed uint64, distinct bool) ([]Doc, error) {
	if len(arts) == 0 {
		return nil, fmt.Errorf("no articles to build a corpus from")
	}
	r := rand.New(rand.NewPCG(seed, 0xdea5))
	g := newWriter(arts)
	g.chain = distinct

	// About one article in five is, or carries, wire copy.
	wires := max(1, (n+12)/25)
	budget := max(3, n/5)
	var docs []string
	for w := 0; w < wires && len(docs)+3 <= budget; w++ {
		wire := g.article(r, 1500+r.IntN(2000))
		docs = append(docs, wire)
		outlets := min(2+r.IntN(5), budget-len(docs))
		for range outlets {
			docs = append(docs, g.pickUp(r, wire))
		}
	}
	for len(docs) < n {
		docs = append(docs, g.article(r, 800+r.IntN(3000)))
	}
	r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	out := make([]Doc, n)
	for i, t := range docs[:n] {
		out[i] = Doc{Name: fmt.Sprintf("day/%04d.txt", i), Text: t}
	}
	return out, nil
}

// A writer makes new text out of the Wikinews articles.
type writer struct {
	paras [][]string // the fields of each body paragraph
	vocab []string   // every word of the corpus, repeats included
	dates []string   // the articles' date lines

	// chain makes paragraphs from the word-bigram chain next, whose
	// sentences start at one of starts.
	chain  bool
	next   map[string][]string
	starts []string
}

func newWriter(arts []Article) *writer {
	g := &writer{next: make(map[string][]string)}
	for _, a := range arts {
		ps := parse(a.Text)
		for i, p := range ps {
			text := a.Text[p.src.Start:p.src.End]
			if i == 0 {
				g.dates = append(g.dates, text)
				continue
			}
			f := strings.Fields(text)
			g.paras = append(g.paras, f)
			for j, x := range f {
				if j == 0 || strings.ContainsAny(f[j-1], ".!?") {
					g.starts = append(g.starts, x)
				}
				if j+1 < len(f) {
					g.next[x] = append(g.next[x], f[j+1])
				}
			}
			for _, x := range f {
				if _, w, _ := field(x); w != "" {
					g.vocab = append(g.vocab, strings.ToLower(w))
				}
			}
		}
	}
	if len(g.dates) == 0 {
		g.dates = []string{"Monday, April 10, 2017"}
	}
	return g
}

// paragraph returns a corpus paragraph with half its words replaced, or,
// with chain, a paragraph from the word-bigram chain.
func (g *writer) paragraph(r *rand.Rand) string {
	if g.chain {
		return g.chainParagraph(r)
	}
	src := g.paras[r.IntN(len(g.paras))]
	f := make([]string, len(src))
	for i, x := range src {
		lead, w, trail := field(x)
		if w != "" && r.IntN(10) < 5 {
			x = lead + matchCase(w, g.vocab[r.IntN(len(g.vocab))]) + trail
		}
		f[i] = x
	}
	return strings.Join(f, " ")
}

// chainParagraph walks the word-bigram chain for two to five sentences of
// up to 40 words each. Two steps in five jump to a word drawn from the
// whole corpus instead: the chain alone would repeat the articles' own
// runs of eight words, which is copy.
func (g *writer) chainParagraph(r *rand.Rand) string {
	var f []string
	for range 2 + r.IntN(4) {
		w := g.starts[r.IntN(len(g.starts))]
		for n := 0; ; n++ {
			f = append(f, w)
			next := g.next[w]
			if strings.ContainsAny(w, ".!?") || len(next) == 0 || n == 40 {
				break
			}
			if r.IntN(5) < 2 {
				w = g.vocab[r.IntN(len(g.vocab))]
			} else {
				w = next[r.IntN(len(next))]
			}
		}
		if last := f[len(f)-1]; !strings.ContainsAny(last, ".!?") {
			f[len(f)-1] = last + "."
		}
	}
	return strings.Join(f, " ")
}

// article writes a unique article of about size bytes: a date line, then
// paragraphs separated by blank lines.
func (g *writer) article(r *rand.Rand, size int) string {
	var b strings.Builder
	b.WriteString(g.dates[r.IntN(len(g.dates))])
	for b.Len() < size {
		b.WriteString("\n\n")
		b.WriteString(g.paragraph(r))
	}
	b.WriteByte('\n')
	return b.String()
}

// pickUp is one outlet's version of a wire story: its own date line and
// often a paragraph of its own, then the top of the story (copy desks cut
// from the bottom) in one to three blocks, each edited in its own way,
// sometimes with the outlet's own paragraphs between or after them.
func (g *writer) pickUp(r *rand.Rand, wire string) string {
	ps := parse(wire)[1:]
	keep := max(1, len(ps)*(6+r.IntN(5))/10)
	ps = ps[:keep]
	var b strings.Builder
	b.WriteString(g.dates[r.IntN(len(g.dates))])
	add := func(s string) {
		b.WriteString("\n\n")
		b.WriteString(s)
	}
	if r.IntN(2) == 0 {
		add(g.paragraph(r))
	}
	for len(ps) > 0 {
		k := min(len(ps), 1+r.IntN(4))
		var block [][]sent
		for _, p := range ps[:k] {
			block = append(block, p.sents)
		}
		ps = ps[k:]
		kind := Obfuscations[r.IntN(len(Obfuscations))]
		for _, u := range obfuscate(r, kind, block) {
			add(u.text)
		}
		if r.IntN(4) == 0 {
			add(g.paragraph(r))
		}
	}
	b.WriteByte('\n')
	return b.String()
}
