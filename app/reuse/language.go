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

// languageSampleWords is how many words detectLanguage reads. A
// language's count of stop words is one byte (stopCounts), so it must
// stay under 256: the array below fails to compile otherwise.
const languageSampleWords = 250

var _ [255 - languageSampleWords]struct{}

// detectLanguage picks the language of a document from its script and,
// for the Latin script, from the share of each language's stop words.
// Text it cannot place gets character n-grams.
func detectLanguage(text string, words []token) *language {
	// The first two hundred and fifty words, a short article, tell as well
	// as all of them: a third of running text is function words.
	words = words[:min(len(words), languageSampleWords)]
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
