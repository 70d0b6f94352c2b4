package corpus

import (
	"math"
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

// PAN's artificial obfuscation (Potthast, Stein, Barrón-Cedeño and Rosso,
// "An evaluation framework for plagiarism detection", COLING 2010; the
// PAN-PC-10 and PAN-PC-11 corpora): a "random plagiarist" rewrites the
// source passage by random text operations — shuffling, deleting,
// inserting and replacing words or short phrases, the inserted words
// taken from the document the passage goes into —, by semantic word
// variation (a word replaced by a synonym, antonym or hypernym) and by
// POS-preserving word shuffling, at a low or a high degree. None of it is
// what a copy desk does: it models the public plagiarism corpora, so that
// the engine is not measured only against the edits this package's other
// kinds were written from. Here the operations are mixed within each
// passage, and a part of speech is guessed from function-word lists and
// suffixes rather than by a tagger.
const (
	// PANLow touches 10 to 15% of the passage's words: deletes,
	// replaces, moves or varies them. Inserted words come on top.
	PANLow Obfuscation = "pan-low"
	// PANHigh touches 30 to 40% of the passage's words.
	PANHigh Obfuscation = "pan-high"
)

// panKinds are generated from a random stream of their own, so that adding
// them changed none of the copy-desk pairs.
var panKinds = []Obfuscation{PANLow, PANHigh}

func isPAN(k Obfuscation) bool { return k == PANLow || k == PANHigh }

// A ptok is one white-space-delimited field of a passage being obfuscated.
type ptok struct {
	text string
	// orig: the field is a source word; touched: an operation changed,
	// moved or was applied to it.
	orig, touched bool
}

// panObfuscate rewrites a passage under a PAN kind, paragraph by
// paragraph, drawing inserted words from vocab (the host article's words).
func panObfuscate(r *rand.Rand, kind Obfuscation, paras [][]sent, vocab []string) []unit {
	lo, hi := 0.10, 0.15
	if kind == PANHigh {
		lo, hi = 0.30, 0.40
	}
	share := lo + r.Float64()*(hi-lo)
	out := make([]unit, 0, len(paras))
	for _, p := range paras {
		var f []string
		for _, s := range p {
			f = append(f, strings.Fields(s.text)...)
		}
		toks := make([]ptok, len(f))
		for i, x := range f {
			toks[i] = ptok{text: x, orig: true}
		}
		toks = panEdit(r, toks, int(math.Ceil(share*float64(len(toks)))), vocab)
		f = f[:0]
		for _, t := range toks {
			f = append(f, t.text)
		}
		out = append(out, unit{strings.Join(f, " "), Span{p[0].src.Start, p[len(p)-1].src.End}})
	}
	return out
}

// panOps are the operations of the random plagiarist with their weights:
// the random text operations, then semantic variation and POS-preserving
// shuffling. Each applies at a random place, changes toks and returns
// them and how many more source words it touched (0 if it did not apply
// there, or only inserted words).
var panOps = []struct {
	weight int
	op     func(r *rand.Rand, toks []ptok, vocab []string) ([]ptok, int)
}{
	{2, panDelete}, {2, panInsert}, {2, panReplace}, {2, panShuffle},
	{1, panSemantic}, {1, panPOSSwap},
}

// panEdit applies random operations until target source words are
// touched: deleted, replaced, moved or varied.
func panEdit(r *rand.Rand, toks []ptok, target int, vocab []string) []ptok {
	total := 0
	for _, o := range panOps {
		total += o.weight
	}
	done := 0
	for tries := 0; done < target && tries < 50*(target+1); tries++ {
		w := r.IntN(total)
		for _, o := range panOps {
			if w -= o.weight; w < 0 {
				var n int
				toks, n = o.op(r, toks, vocab)
				done += n
				break
			}
		}
	}
	return toks
}

// fresh counts the source words among toks not touched before, and marks
// every one of toks touched.
func fresh(toks []ptok) int {
	n := 0
	for i := range toks {
		if toks[i].orig && !toks[i].touched {
			n++
		}
		toks[i].touched = true
	}
	return n
}

// phrase returns 1 to 3 consecutive words of vocab, without punctuation.
func phrase(r *rand.Rand, vocab []string) []ptok {
	if len(vocab) == 0 {
		return nil
	}
	k := 1 + r.IntN(3)
	i := r.IntN(len(vocab))
	var out []ptok
	for _, v := range vocab[i:min(len(vocab), i+k)] {
		out = append(out, ptok{text: v, touched: true})
	}
	return out
}

func panDelete(r *rand.Rand, toks []ptok, _ []string) ([]ptok, int) {
	k := 1 + r.IntN(3)
	if len(toks) <= k {
		return toks, 0
	}
	i := r.IntN(len(toks) - k + 1)
	n := fresh(toks[i : i+k])
	return append(toks[:i], toks[i+k:]...), n
}

func panInsert(r *rand.Rand, toks []ptok, vocab []string) ([]ptok, int) {
	ins := phrase(r, vocab)
	i := r.IntN(len(toks) + 1)
	return append(toks[:i], append(ins, toks[i:]...)...), 0
}

// panReplace puts host words in place of a short phrase, keeping the
// punctuation around it.
func panReplace(r *rand.Rand, toks []ptok, vocab []string) ([]ptok, int) {
	k := 1 + r.IntN(3)
	ins := phrase(r, vocab)
	if len(toks) < k || len(ins) == 0 {
		return toks, 0
	}
	i := r.IntN(len(toks) - k + 1)
	lead, _, _ := field(toks[i].text)
	_, _, trail := field(toks[i+k-1].text)
	ins[0].text = lead + ins[0].text
	ins[len(ins)-1].text += trail
	n := fresh(toks[i : i+k])
	return append(toks[:i], append(ins, toks[i+k:]...)...), n
}

// panShuffle puts 2 to 4 neighbouring fields in another order.
func panShuffle(r *rand.Rand, toks []ptok, _ []string) ([]ptok, int) {
	k := 2 + r.IntN(3)
	if len(toks) < k {
		return toks, 0
	}
	i := r.IntN(len(toks) - k + 1)
	w := toks[i : i+k]
	before := make([]string, k)
	for j := range w {
		before[j] = w[j].text
	}
	for range 5 {
		r.Shuffle(k, func(a, b int) { w[a], w[b] = w[b], w[a] })
		for j := range w {
			if w[j].text != before[j] {
				return toks, fresh(w)
			}
		}
	}
	return toks, 0
}

// panSemantic replaces a word by a synonym, an antonym or a hypernym.
func panSemantic(r *rand.Rand, toks []ptok, _ []string) ([]ptok, int) {
	var cand []int
	for i, t := range toks {
		if _, w, _ := field(t.text); !t.touched && len(semantic(strings.ToLower(w))) > 0 {
			cand = append(cand, i)
		}
	}
	if len(cand) == 0 {
		return toks, 0
	}
	i := cand[r.IntN(len(cand))]
	lead, w, trail := field(toks[i].text)
	alts := semantic(strings.ToLower(w))
	toks[i].text = lead + matchCase(w, alts[r.IntN(len(alts))]) + trail
	return toks, fresh(toks[i : i+1])
}

func semantic(w string) []string {
	var out []string
	out = append(out, synonyms[w]...)
	out = append(out, antonyms[w]...)
	return append(out, hypernyms[w]...)
}

// panPOSSwap swaps two nearby words of the same guessed part of speech,
// leaving the punctuation where it was.
func panPOSSwap(r *rand.Rand, toks []ptok, _ []string) ([]ptok, int) {
	if len(toks) < 2 {
		return toks, 0
	}
	i := r.IntN(len(toks))
	li, wi, ti := field(toks[i].text)
	if wi == "" {
		return toks, 0
	}
	c := posClass(toks, i)
	var cand []int
	for j := max(0, i-8); j < min(len(toks), i+9); j++ {
		if _, wj, _ := field(toks[j].text); j != i && wj != "" && !strings.EqualFold(wj, wi) && posClass(toks, j) == c {
			cand = append(cand, j)
		}
	}
	if len(cand) == 0 {
		return toks, 0
	}
	j := cand[r.IntN(len(cand))]
	lj, wj, tj := field(toks[j].text)
	toks[i].text, toks[j].text = li+wj+ti, lj+wi+tj
	return toks, fresh(toks[i:i+1]) + fresh(toks[j:j+1])
}

// closedClasses are function words by part of speech.
var closedClasses = func() map[string]string {
	m := map[string]string{}
	for class, ws := range map[string]string{
		"det":  "the a an this that these those its his her their our my your some any each every no",
		"prep": "in on at of for with from by to into over under after before during about against between through across near without within since",
		"pron": "he she it they we i you him them us me who which",
		"aux":  "is was were are be been being has had have will would could should can may might must do does did",
		"conj": "and or but nor yet so",
	} {
		for _, w := range strings.Fields(ws) {
			m[w] = class
		}
	}
	return m
}()

// posClass guesses the part of speech of toks[i] from function-word lists,
// capitals, digits and suffixes: enough to keep a shuffle's sentence shape.
func posClass(toks []ptok, i int) string {
	_, w, _ := field(toks[i].text)
	lw := strings.ToLower(w)
	if c, ok := closedClasses[lw]; ok {
		return c
	}
	c, _ := utf8.DecodeRuneInString(w)
	sentenceStart := i == 0 || strings.ContainsAny(toks[i-1].text[max(0, len(toks[i-1].text)-1):], ".!?")
	switch {
	case unicode.IsDigit(c):
		return "num"
	case unicode.IsUpper(c) && !sentenceStart:
		return "name"
	case strings.HasSuffix(lw, "ly"):
		return "adv"
	case strings.HasSuffix(lw, "ing"):
		return "ing"
	case strings.HasSuffix(lw, "ed"):
		return "past"
	case strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss"):
		return "plural"
	}
	return "word"
}

// antonyms and hypernyms of common words of news copy, for semantic
// variation alongside synonyms.
var antonyms = map[string][]string{
	"increase": {"decrease"}, "increased": {"decreased"}, "rose": {"fell"}, "fell": {"rose"},
	"won": {"lost"}, "lost": {"won"}, "win": {"lose"}, "first": {"last"}, "last": {"first"},
	"new": {"old"}, "old": {"new"}, "large": {"small"}, "small": {"large"}, "big": {"little"},
	"high": {"low"}, "low": {"high"}, "more": {"less", "fewer"}, "less": {"more"}, "many": {"few"},
	"early": {"late"}, "late": {"early"}, "before": {"after"}, "after": {"before"}, "long": {"short"},
	"open": {"closed"}, "opened": {"closed"}, "closed": {"opened"}, "north": {"south"}, "south": {"north"},
	"east": {"west"}, "west": {"east"}, "agreed": {"disagreed"}, "accepted": {"rejected"}, "rejected": {"accepted"},
	"public": {"private"}, "private": {"public"}, "good": {"bad"}, "best": {"worst"}, "major": {"minor"},
	"began": {"ended"}, "start": {"end"}, "against": {"for"}, "never": {"always"}, "always": {"never"},
	"above": {"below"}, "up": {"down"}, "down": {"up"}, "including": {"excluding"}, "killed": {"saved"},
}

var hypernyms = map[string][]string{
	"car": {"vehicle"}, "truck": {"vehicle"}, "bus": {"vehicle"}, "plane": {"aircraft"}, "helicopter": {"aircraft"},
	"city": {"place", "settlement"}, "town": {"place"}, "village": {"settlement"}, "country": {"state"},
	"police": {"authorities"}, "officers": {"officials"}, "soldiers": {"people"}, "troops": {"forces"},
	"man": {"person"}, "woman": {"person"}, "boy": {"child"}, "girl": {"child"}, "men": {"people"}, "women": {"people"},
	"president": {"official", "leader"}, "minister": {"official"}, "senator": {"politician"}, "mayor": {"official"},
	"hospital": {"facility"}, "school": {"institution"}, "university": {"institution"}, "court": {"institution"},
	"earthquake": {"disaster"}, "flood": {"disaster"}, "storm": {"event"}, "fire": {"event"}, "election": {"event"},
	"gun": {"weapon"}, "rifle": {"weapon"}, "bomb": {"device"}, "phone": {"device"}, "computer": {"machine"},
	"river": {"waterway"}, "sea": {"body of water"}, "dog": {"animal"}, "cat": {"animal"}, "bird": {"animal"},
	"football": {"sport"}, "cricket": {"sport"}, "tennis": {"sport"}, "match": {"event"}, "game": {"contest"},
	"monday": {"day"}, "tuesday": {"day"}, "wednesday": {"day"}, "thursday": {"day"}, "friday": {"day"},
	"saturday": {"day"}, "sunday": {"day"}, "january": {"month"}, "march": {"month"}, "april": {"month"},
	"dollars": {"money"}, "million": {"number"}, "said": {"communicated"}, "told": {"communicated to"},
	"killed": {"harmed"}, "arrested": {"held"}, "company": {"organisation"}, "party": {"organisation"},
	"government": {"organisation"}, "team": {"group"}, "army": {"force"}, "film": {"work"}, "book": {"work"},
}
