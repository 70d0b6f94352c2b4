package reuse

import (
	mathbits "math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/arabic"
	"github.com/blevesearch/snowballstem/danish"
	"github.com/blevesearch/snowballstem/dutch"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/finnish"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/hungarian"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/norwegian"
	"github.com/blevesearch/snowballstem/portuguese"
	"github.com/blevesearch/snowballstem/romanian"
	"github.com/blevesearch/snowballstem/russian"
	"github.com/blevesearch/snowballstem/spanish"
	"github.com/blevesearch/snowballstem/swedish"
	"github.com/blevesearch/snowballstem/tamil"
	"github.com/blevesearch/snowballstem/turkish"
)

// A language says how the words of a document become the terms that
// sentence similarity compares: the stems of its words, or, for a
// language with no stemmer here, character n-grams. Stop words stay in:
// their inverse sentence frequency weighs them down, and they make the
// Dice coefficient of two short sentences less erratic (Sanchez-Perez et
// al. keep them too).
type language struct {
	name string
	stem func(*snowballstem.Env) bool // nil: character n-grams
	// salt keeps the stems of different languages apart in one table.
	salt uint64
	// stop holds its commonest function words, and bit is its bit among
	// the languages whose stop word a word is (stopLanguages).
	stop string
	bit  uint32
	// caseMarksNames is true where a capital letter inside a sentence
	// marks a name: not in German, which capitalises every noun.
	caseMarksNames bool
}

// The languages with a stemmer, each with its commonest function words,
// the kind that make up a third of any running text: detectLanguage tells
// the languages of one script apart by them.
var languages = []*language{
	newLanguage("english", english.Stem, "the of and to a in is that for on was with as by at from it he she his her be are were has have had not this but or an they their said will would which who its been also than more"),
	newLanguage("french", french.Stem, "le la les de des du un une et en est que qui dans pour pas sur au aux il elle ne se ce par plus avec son sa ses ont été a"),
	newLanguage("german", german.Stem, "der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an er hat aus bei sie nach wird einer um"),
	newLanguage("spanish", spanish.Stem, "el la de que y en los del se las por un una con no para es al lo como más pero sus le ha fue este entre"),
	newLanguage("italian", italian.Stem, "il di che e la per un in è del della le non si da una con dei sono gli al alla anche più ha nel come"),
	newLanguage("portuguese", portuguese.Stem, "de a o que e do da em um para com não uma os no se na por mais as dos ao das foi pelo pela seu sua"),
	newLanguage("dutch", dutch.Stem, "de het een van en in is dat op te zijn met voor niet die er aan ook als bij door heeft werd dan worden"),
	newLanguage("swedish", swedish.Stem, "och att det som en på är av för med till den har de inte om ett var jag men från vid sig kan"),
	newLanguage("danish", danish.Stem, "og at det som en på er af for med til den har de ikke om et var jeg men fra ved sig kan blev"),
	newLanguage("norwegian", norwegian.Stem, "og at det som en på er av for med til den har de ikke om et var jeg men fra ved seg kan ble"),
	newLanguage("finnish", finnish.Stem, "ja on ei se että hän oli ovat mutta kun myös tai jos niin ole vain sen kuin joka mukaan"),
	newLanguage("romanian", romanian.Stem, "și de la în a cu că pe din un o nu este mai care pentru au fost se ca al ale"),
	newLanguage("hungarian", hungarian.Stem, "a az és hogy nem is egy meg van már csak de el ki volt mint vagy lesz még azt"),
	newLanguage("turkish", turkish.Stem, "ve bir bu da de için ile olarak çok daha gibi en ama ne kadar olan sonra ancak değil"),
	newLanguage("russian", russian.Stem, "и в не на что с по как он она к а из за это о от для его же но у был было так мы только"),
	newLanguage("arabic", arabic.Stem, "في من على إلى أن عن مع التي الذي هذا هذه كان وقد ما لا أو بين قال ذلك"),
	newLanguage("tamil", tamil.Stem, "ஒரு மற்றும் இந்த அந்த என்று இது அது"),
}

// stopLanguages tells each stop word, by hashWord, the languages whose
// stop word it is: detectLanguage looks each word up once.
var stopLanguages = func() *stopTable {
	words := map[uint64]uint32{}
	for _, l := range languages {
		for _, w := range strings.Fields(l.stop) {
			words[tableKey(hashWord(w))] |= l.bit
		}
	}
	return newStopTable(words)
}()

func newLanguage(name string, stem func(*snowballstem.Env) bool, stop string) *language {
	l := &language{name: name, stem: stem, salt: mix(hashString(name)),
		caseMarksNames: name != "german", stop: stop}
	l.bit = 1 << uint(countLanguages)
	countLanguages++
	return l
}

// countLanguages numbers the languages as newLanguage makes them.
var countLanguages int

func languageNamed(name string) *language {
	for _, l := range languages {
		if l.name == name {
			return l
		}
	}
	return nil
}

// ngrams is the language of last resort: a script with no stemmer here,
// or one whose spacing varies, as Urdu writes وزیر اعظم and وزیراعظم
// alike. Its terms are runs of characters that ignore word boundaries.
var ngrams = &language{name: "n-grams"}

// detectLanguage picks the language of a document from its script and,
// for the Latin script, from the share of each language's stop words.
// Text it cannot place gets character n-grams.
func detectLanguage(text string, words []token) *language {
	// The first two hundred and fifty words, a short article, tell as well
	// as all of them: a third of running text is function words.
	words = words[:min(len(words), 250)]
	var hits stopCounts
	for _, w := range words {
		stopLanguages.add(&hits, w.hash)
	}
	// Scripts in a loop of their own, which calls nothing, so that the
	// counts stay in registers rather than cross every look-up above.
	var latin, cyrillic, arabicScript, urdu, tamilScript, other int
	for _, w := range words {
		if text[w.start] < utf8.RuneSelf {
			latin++ // ASCII, most words of most text: nothing to decode
			continue
		}
		r, _ := utf8.DecodeRuneInString(text[w.start:])
		switch {
		case r < 0x250:
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyrillic++
		case unicode.Is(unicode.Arabic, r):
			arabicScript++
			// Letters of Urdu and Persian that Arabic does not use.
			if strings.ContainsAny(text[w.start:w.end], "پچژگکیےںٹڈڑھہ") {
				urdu++
			}
		case unicode.Is(unicode.Tamil, r):
			tamilScript++
		default:
			other++
		}
	}
	switch top := max(latin, cyrillic, arabicScript, tamilScript, other); {
	case top == 0 || top == other:
		return ngrams
	case top == cyrillic:
		return languageNamed("russian")
	case top == arabicScript:
		if 10*urdu > arabicScript {
			return ngrams
		}
		return languageNamed("arabic")
	case top == tamilScript:
		return languageNamed("tamil")
	}
	// Latin script: the language whose stop words are commonest, if they
	// are common enough to be running text in it (a third of the words of
	// English prose; a tenth is a safe floor).
	best, bestHits := ngrams, 0
	for _, l := range languages {
		if h := hits.count(mathbits.TrailingZeros32(l.bit)); h > bestHits {
			best, bestHits = l, h
		}
	}
	if 10*bestHits < latin {
		return ngrams
	}
	return best
}

// A termer turns sentences into numbered terms, stemming each distinct
// word once. Term numbers run from 0 in order of first appearance.
type termer struct {
	env   *snowballstem.Env
	words wordTable // word hash ^ language salt → its entry + 1
	entry []wordEntry
	terms wordTable // stem or n-gram hash → term number + 1
	count int32     // term numbers given
	runes []rune
}

// A wordEntry is what the termer knows of one word of one language.
type wordEntry struct {
	term  int32
	lower bool // some document writes it in lower case: not a name
}

func newTermer() *termer {
	return &termer{env: snowballstem.NewEnv("")}
}

// A term is one occurrence of a term in a sentence, with what it counts
// for: 1, or nameWeight for a name, a number or a quoted word.
type term struct {
	id int32
	tf float32
}

// nameWeight is what a name, a number or a quoted word counts for
// against another word. Independent reports of one event share its names
// and figures ("Trump", "Fox Business Network", "April 12") and the
// quotes its speakers gave; rewritten copy shares the words around them
// as well.
const nameWeight = 0.5

// number returns the term number of hash, giving it one if it has none.
func (t *termer) number(hash uint64) int32 {
	if v, ok := t.terms.get(hash); ok {
		return int32(v - 1)
	}
	t.count++
	t.terms.put(hash, uint64(t.count))
	return t.count - 1
}

// enter returns the entry of each word of a document in a stemmed
// language, appended to dst with the case of its first letter
// (entryUpper, entryDigit), and notes the words it writes in lower case.
// Every document's words must be entered before any sentence's terms are
// asked for, since whether a word is a name depends on all of them.
func (t *termer) enter(text string, words []token, lang *language, dst []int32) []int32 {
	for _, w := range words {
		key := w.hash ^ lang.salt
		v, ok := t.words.get(key)
		e := int32(v) - 1
		if !ok {
			t.env.SetCurrent(foldWord(text[w.start:w.end]))
			lang.stem(t.env)
			e = int32(len(t.entry))
			t.entry = append(t.entry, wordEntry{term: t.number(mix(hashString(t.env.Current()) ^ lang.salt))})
			t.words.put(key, uint64(e)+1)
		}
		// The first letter is read here once, so that sentenceTerms never
		// goes back to the text.
		switch initialCase(text[w.start:w.end]) {
		case caseLower:
			t.entry[e].lower = true
		case caseUpper:
			e |= entryUpper
		case caseDigit:
			e |= entryDigit
		}
		dst = append(dst, e)
	}
	return dst
}

// The bits of an entered word beside its entry number: how its first
// letter is written where it occurs.
const (
	entryUpper = 1 << 30
	entryDigit = 1 << 29
	entryMask  = entryDigit - 1
)

// The case of a word's first letter.
const (
	caseOther = iota
	caseLower
	caseUpper
	caseDigit
)

// initialCase returns the case of a word's first letter, or caseDigit
// for a word that starts with a digit.
func initialCase(w string) int {
	if c := w[0]; c < utf8.RuneSelf {
		return int(asciiCases[c])
	}
	return runeCase(w)
}

// asciiCases holds initialCase for each ASCII character: a look-up, small
// enough to inline, for the first letter of most words.
var asciiCases = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z':
			t[c] = caseLower
		case 'A' <= c && c <= 'Z':
			t[c] = caseUpper
		case '0' <= c && c <= '9':
			t[c] = caseDigit
		}
	}
	return t
}()

// runeCase is initialCase for a word that starts beyond ASCII.
func runeCase(w string) int {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case unicode.IsLower(r):
		return caseLower
	case unicode.IsUpper(r):
		return caseUpper
	case unicode.IsDigit(r):
		return caseDigit
	}
	return caseOther
}

// sentenceTerms appends the terms of words[s.w0:s.w1] to dst, with
// repeats: term frequency counts. entries holds the document's word
// entries from enter, or nil for a language of character n-grams;
// quoted tells the words inside quotation marks.
func (t *termer) sentenceTerms(text string, words []token, entries []int32, quoted []bool, s sentence, lang *language, dst []term) []term {
	if entries == nil {
		return t.ngramTerms(text, words[s.w0:s.w1], dst)
	}
	for n := s.w0; n < s.w1; n++ {
		v := entries[n]
		e := t.entry[v&entryMask]
		tf := float32(1)
		if quoted[n] || isName(v, e, lang) {
			tf = nameWeight
		}
		dst = append(dst, term{e.term, tf})
	}
	return dst
}

// isName reports whether an entered word is a number, or, in a language
// that capitalises names only, a capitalised word that no document writes
// in lower case: "Putin" and "Fox", not the "The" that starts a sentence.
func isName(v int32, e wordEntry, lang *language) bool {
	return v&entryDigit != 0 || lang.caseMarksNames && v&entryUpper != 0 && !e.lower
}

// ngramTerms appends the character n-grams of words, read as one run of
// letters with no spaces: three letters a term, two for the scripts
// written without spaces, where a character is already close to a word.
func (t *termer) ngramTerms(text string, words []token, dst []term) []term {
	t.runes = t.runes[:0]
	for _, w := range words {
		for _, r := range text[w.start:w.end] {
			if isWordRune(r) {
				t.runes = append(t.runes, unicode.ToLower(r))
			}
		}
	}
	n := 3
	if len(t.runes) > 0 && isSpaceless(t.runes[0]) {
		n = 2
	}
	for i := 0; i+n <= len(t.runes); i++ {
		h := uint64(fnvOffset)
		for _, r := range t.runes[i : i+n] {
			h = (h ^ uint64(r)) * fnvPrime
		}
		dst = append(dst, term{t.number(mix(h)), 1})
	}
	return dst
}

// foldWord returns the form of a word that stemmers expect: lower case,
// one kind of apostrophe, no invisible characters or abbreviation periods,
// as hashWord folds it (without its NFKC, which the stemmers do not need).
func foldWord(w string) string {
	// Most words are ASCII: a byte at a time, with no rune to decode or
	// to look up in the case tables.
	ascii := make([]byte, 0, len(w))
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= utf8.RuneSelf:
			return foldRunes(w)
		case c == '.':
		case 'A' <= c && c <= 'Z':
			ascii = append(ascii, c+'a'-'A')
		default:
			ascii = append(ascii, c)
		}
	}
	return string(ascii)
}

// foldRunes is foldWord for a word beyond ASCII.
func foldRunes(w string) string {
	var b strings.Builder
	b.Grow(len(w))
	for _, r := range w {
		switch {
		case r == '.' || isIgnorable(r):
		case r == '’' || r == 'ʼ':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

func hashString(s string) uint64 {
	h := uint64(fnvOffset)
	for i := 0; i < len(s); i++ {
		h = (h ^ uint64(s[i])) * fnvPrime
	}
	return h
}
