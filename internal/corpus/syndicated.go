package corpus

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"time"
)

// Agencies are the wire services Syndicated's stories come from.
var Agencies = []string{"UPI", "Reuters", "AP", "AFP", "dpa"}

// syndicatedShare is the share of Syndicated's articles that are wire
// stories or their copies; the rest are each outlet's own.
const syndicatedShare = 0.8

// Syndicated builds a corpus of n articles of heavily syndicated copy:
// four in five are agency stories (about 2.5 KB, with a dateline naming
// the agency, "MOSCOW, April 12 (UPI) --") each carried by copies
// outlets, the rest the outlets' own articles, text that shares no
// sentences (as NewsroomDistinct's). A copy is cut, edited, re-typeset,
// reordered and wrapped in the outlet's own paragraphs as a pick-up of
// Newsroom is, and keeps the agency's name in its dateline two times in
// three. Every article has a source: the agency, or one of outlets outlets
// ("Outlet 007"), whose articles all end with its newsletter box; and a
// publication time: an agency story first, its copies up to a day later.
func Syndicated(arts []Article, n, copies, outlets int, seed uint64) ([]Doc, error) {
	if len(arts) == 0 {
		return nil, fmt.Errorf("no articles to build a corpus from")
	}
	if copies < 1 || outlets < 1 {
		return nil, fmt.Errorf("a story needs one copy or more, and one outlet or more")
	}
	r := rand.New(rand.NewPCG(seed, 0x5d1c))
	g := newWriter(arts)
	g.chain = true
	start := time.Date(2017, 4, 12, 6, 0, 0, 0, time.UTC)
	outlet := func() string { return fmt.Sprintf("Outlet %03d", r.IntN(outlets)) }
	// Each outlet's newsletter box is its own text.
	boxes := map[string]string{}
	signOff := func(source string) string {
		if _, ok := boxes[source]; !ok {
			boxes[source] = fmt.Sprintf("Get the %s newsletter: %s", source, g.chainParagraph(r))
		}
		return boxes[source]
	}

	var docs []Doc
	for float64(len(docs)+copies+1) <= syndicatedShare*float64(n) || len(docs) == 0 && n >= copies+1 {
		agency := Agencies[r.IntN(len(Agencies))]
		at := start.Add(time.Duration(r.IntN(24*60)) * time.Minute)
		wire := g.article(r, 1500+r.IntN(2000))
		body := wire[strings.Index(wire, "\n\n")+2:]
		city := strings.ToUpper(g.vocab[r.IntN(len(g.vocab))])
		wire = fmt.Sprintf("%s, %s (%s) -- %s", city, at.Format("January 2"), agency, body)
		story := fmt.Sprintf("story-%03d", len(docs)/(copies+1))
		docs = append(docs, Doc{Text: wire, Source: agency, Published: at, Story: story})
		for range copies {
			src := outlet()
			text := g.pickUp(r, "-\n\n"+wire) // the first paragraph stands for a date line
			if r.IntN(3) == 0 {
				text = strings.Replace(text, "("+agency+") ", "", 1)
			}
			text = strings.TrimRight(text, "\n") + "\n\n" + signOff(src) + "\n"
			docs = append(docs, Doc{Text: text, Source: src, Published: at.Add(time.Duration(1+r.IntN(24*60)) * time.Minute), Story: story})
		}
	}
	for len(docs) < n {
		src := outlet()
		text := strings.TrimRight(g.article(r, 800+r.IntN(3000)), "\n") + "\n\n" + signOff(src) + "\n"
		docs = append(docs, Doc{Text: text, Source: src, Published: start.Add(time.Duration(r.IntN(48*60)) * time.Minute)})
	}
	r.Shuffle(len(docs), func(i, j int) { docs[i], docs[j] = docs[j], docs[i] })
	for i := range docs {
		docs[i].Name = fmt.Sprintf("wire/%05d.txt", i)
	}
	return docs[:n], nil
}
