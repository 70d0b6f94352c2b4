package reuse

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/snowballstem"
)

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
