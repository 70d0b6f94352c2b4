package reuse

import (
	"fmt"
	"os"
	"strconv"
	"testing"
)

func TestZZCase(t *testing.T) {
	susp, src := os.Getenv("SUSP"), os.Getenv("SRC")
	if susp == "" {
		t.Skip()
	}
	s0, _ := strconv.Atoi(os.Getenv("S0")); s1, _ := strconv.Atoi(os.Getenv("S1"))
	r0, _ := strconv.Atoi(os.Getenv("R0")); r1, _ := strconv.Atoi(os.Getenv("R1"))
	a, _ := os.ReadFile(susp)
	b, _ := os.ReadFile(src)
	texts := []string{string(a), string(b)}
	var words [][]token; var quoted [][]bool; var langs []*language
	for _, s := range texts { w := tokenize(s, nil); words = append(words, w); quoted = append(quoted, quotedWords(s, w, nil)); langs = append(langs, detectLanguage(s, w)) }
	x := buildSentenceIndex(texts, words, quoted, langs, newTermer())
	txt := func(s int) string { d := x.docOf[s]; return texts[d][words[d][x.sents[s].w0].start:words[d][x.sents[s].w1-1].end] }
	in := func(s, lo, hi int) bool { d := x.docOf[s]; st := int(words[d][x.sents[s].w0].start); return st >= lo && st < hi }
	for s := range x.sents {
		if x.docOf[s] != 0 || !in(s, s0, s1) { continue }
		fmt.Printf("S %.100q\n", txt(s))
		for u := range x.sents {
			if x.docOf[u] != 1 || !in(u, r0, r1) { continue }
			c, d := cosineDice(x.vector(int32(s)), x.vector(int32(u)))
			if c > 0.15 { fmt.Printf("   %.2f %.2f %.80q\n", c, d, txt(u)) }
		}
	}
}

func TestZZCaseFull(t *testing.T) {
	susp, src := os.Getenv("SUSP"), os.Getenv("SRC")
	if susp == "" {
		t.Skip()
	}
	a, _ := os.ReadFile(susp)
	b, _ := os.ReadFile(src)
	docs := []Document{{Text: string(a)}, {Text: string(b)}}
	r, _ := Analyze(t.Context(), docs, Options{})
	for _, p := range r.Pairs {
		for _, ps := range p.Passages {
			fmt.Printf("%s A %v B %v words %d sents %d\n", ps.Kind, ps.A, ps.B, ps.Words, len(ps.Sentences))
		}
	}
}
