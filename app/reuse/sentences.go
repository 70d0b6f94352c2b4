package reuse

import (
	"strings"
	"unicode/utf8"
)

// A sentence is words [w0, w1) of one document: a unit that a rewrite
// keeps together, so rewritten passages are found sentence by sentence.
type sentence struct {
	w0, w1 int32
}

// Sentence sizes, in words. A fragment shorter than minSentenceWords
// ("Yes.", a dateline such as "Monday, October 7, 2019") says too little
// to compare, and every article of an agency starts with one, so it joins
// the sentence after it, as short fragments do in Sanchez-Perez et al.
// (CLEF 2015); text with no
// punctuation is cut every maxSentenceWords words, so that a sentence
// stays a unit a rewrite could have kept.
const (
	minSentenceWords = 6
	maxSentenceWords = 60
)

// splitSentences returns the sentences of a document, in order, covering
// every word once. A sentence ends where sentenceEndsAfter says so: at a
// full stop, question or exclamation mark (in Latin, Arabic, Devanagari
// and CJK punctuation) or a line break.
func splitSentences(text string, words []token, dst []sentence) []sentence {
	dst = dst[:0]
	start := 0
	for w := range words {
		n := w + 1 - start
		if n < maxSentenceWords && (n < minSentenceWords || w+1 < len(words) && words[w+1].start == words[w].end+1 && text[words[w].end] == ' ') {
			continue // the commonest cases, decided without a call
		}
		if n >= maxSentenceWords || sentenceEndsAfter(text, words, w) {
			dst = append(dst, sentence{int32(start), int32(w + 1)})
			start = w + 1
		}
	}
	if start < len(words) {
		if n := len(dst); n > 0 && len(words)-start < minSentenceWords && dst[n-1].w1-dst[n-1].w0 < maxSentenceWords {
			dst[n-1].w1 = int32(len(words)) // a short tail joins the last sentence
		} else {
			dst = append(dst, sentence{int32(start), int32(len(words))})
		}
	}
	return dst
}

// sentenceEnds holds the characters that end a sentence or a paragraph:
// the Latin full stop, question and exclamation marks, the line break,
// and their kin in other scripts (the Arabic question mark and full stop
// used in Urdu, the Devanagari danda, the ideographic full stop and the
// full-width marks of Chinese and Japanese).
const sentenceEnds = ".!?\n؟۔।॥。！？"

// sentenceEndsAfter reports whether a sentence or paragraph ends after
// word w: the text between it and the next word holds one of
// sentenceEnds. w may be -1 or the last word: the text's edges end
// sentences too.
func sentenceEndsAfter(text string, words []token, w int) bool {
	if w < 0 || w+1 >= len(words) {
		return true
	}
	gap := text[words[w].end:words[w+1].start]
	if len(gap) == 1 && gap[0] == ' ' {
		return false // the commonest gap, decided at once
	}
	for i := 0; i < len(gap); i++ {
		switch c := gap[i]; {
		case c == '.' || c == '!' || c == '?' || c == '\n':
			return true
		case c >= utf8.RuneSelf:
			return strings.ContainsAny(gap[i:], sentenceEnds)
		}
	}
	return false
}
