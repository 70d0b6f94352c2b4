package reuse

import (
	"strings"
	"testing"
)

// words returns the text of each token.
func words(text string) []string {
	var out []string
	for _, t := range tokenize(text, nil) {
		out = append(out, text[t.start:t.end])
	}
	return out
}

func TestTokenizeSplitsWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain English splits at spaces and punctuation", "Tillerson met Putin, briefly.", []string{"Tillerson", "met", "Putin", "briefly"}},
		{"an apostrophe between letters stays in the word", "Putin's and Russia’s", []string{"Putin's", "and", "Russia’s"}},
		{"a closing single quote is not part of the word", "‘productive’ talks", []string{"productive", "talks"}},
		{"the periods of an abbreviation stay in the word", "U.S. officials", []string{"U.S.", "officials"}},
		{"the period of an initial stays in the word", "Andrew V. Pestano", []string{"Andrew", "V.", "Pestano"}},
		{"a sentence's full stop is not part of its last word", "in Syria. Then", []string{"in", "Syria", "Then"}},
		{"digit groups stay whole", "1,000 troops and 2.5 percent", []string{"1,000", "troops", "and", "2.5", "percent"}},
		{"hyphens and dashes split words", "face-to-face — talks--today", []string{"face", "to", "face", "talks", "today"}},
		{"a soft hyphen inside a word is kept in it", "inter\u00ADnational", []string{"inter\u00ADnational"}},
		{"Cyrillic words are words", "Сергей Лавров заявил", []string{"Сергей", "Лавров", "заявил"}},
		{"Greek and Hebrew words are words", "Αθήνα שלום", []string{"Αθήνα", "שלום"}},
		{"accents and combining marks stay in the word", "café cafe\u0301", []string{"café", "cafe\u0301"}},
		{"each Han character is a token", "普京会见", []string{"普", "京", "会", "见"}},
		{"kana are one token per character", "ロシア", []string{"ロ", "シ", "ア"}},
		{"a kana character keeps its decomposed voicing mark", "か\u3099た", []string{"か\u3099", "た"}},
		{"a mark that follows no letter is no word", "love ❤\ufe0f you \u0301 #\ufe0f\u20e3", []string{"love", "you"}},
		{"a keycap digit is a word with its marks", "1\ufe0f\u20e3 goal", []string{"1\ufe0f\u20e3", "goal"}},
		{"invalid UTF-8 separates words", "Moscow\xffKremlin", []string{"Moscow", "Kremlin"}},
		{"empty text has no words", "", nil},
		{"punctuation alone has no words", "… — “” --", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := words(tt.text)
			if strings.Join(got, "|") != strings.Join(tt.want, "|") || len(got) != len(tt.want) {
				t.Errorf("tokenize(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestNormalisationMakesTheSameWord(t *testing.T) {
	tests := []struct {
		name string
		a, b string
	}{
		{"case is folded", "Kremlin", "KREMLIN"},
		{"curly and straight apostrophes", "Russia’s", "Russia's"},
		{"an abbreviation with and without periods", "U.S.", "US"},
		{"compatibility forms (NFKC)", "ﬁre", "fire"},
		{"full-width letters (NFKC)", "Ｐｕｔｉｎ", "Putin"},
		{"decomposed and composed kana (NFKC)", "か\u3099", "が"},
		{"composed and decomposed accents", "café", "cafe\u0301"},
		{"a soft hyphen", "inter\u00ADnational", "international"},
		{"a zero-width space inside a word", "Tiller\u200Bson", "Tillerson"},
		{"Cyrillic case", "ЛАВРОВ", "Лавров"},
		{"Greek final sigma", "λόγος", "ΛΌΓΟΣ"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := tokenize(tt.a, nil), tokenize(tt.b, nil)
			if len(a) != 1 || len(b) != 1 {
				t.Fatalf("want one word each, got %q and %q", words(tt.a), words(tt.b))
			}
			if a[0].hash != b[0].hash {
				t.Errorf("%q and %q hash differently", tt.a, tt.b)
			}
		})
	}
}

func TestDifferentWordsStayDifferent(t *testing.T) {
	pairs := [][2]string{{"said", "told"}, {"Putin", "Putins"}, {"Лавров", "Лаврова"}, {"普", "京"}}
	for _, p := range pairs {
		a, b := tokenize(p[0], nil), tokenize(p[1], nil)
		if a[0].hash == b[0].hash {
			t.Errorf("%q and %q hash alike", p[0], p[1])
		}
	}
}

func TestQuotedWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // one letter a word: q quoted, n not
	}{
		{"straight quotes toggle", `he said "we agree" today`, "nnqqn"},
		{"curly quotes open and close", "he said “we agree” today", "nnqqn"},
		{"guillemets open and close", "il a dit « nous sommes » hier", "nnnqqn"},
		{"German quotes open low and close high", "er sagte „wir sind“ heute", "nnqqn"},
		{"a line break ends an unclosed quote", "\"we agree\nsaid he", "qqnn"},
		{"a quote reopened on the next paragraph counts again", "\"we agree\n\n\"and more,\" he said", "qqqqnn"},
		{"apostrophes are not quotation marks", "Putin's view of the players' union", "nnnnnn"},
		{"British single quotes open and close", "he said ‘we agree’ today", "nnqqn"},
		{"straight single quotes open and close", "he said 'we agree' today", "nnqqn"},
		{"a single quote inside double quotes keeps the double open", `"he called it 'a shame' and left" she said`, "qqqqqqqnn"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got strings.Builder
			for _, q := range quotedWords(tt.text, tokenize(tt.text, nil), nil) {
				if q {
					got.WriteByte('q')
				} else {
					got.WriteByte('n')
				}
			}
			if got.String() != tt.want {
				t.Errorf("quotedWords(%q) = %s, want %s", tt.text, got.String(), tt.want)
			}
		})
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"", "U.S. officials said", "Putin’s “productive” talks—today", "普京 Лавров café\u00AD", "\xff\xfe a", "❤\ufe0f か\u3099 1\ufe0f\u20e3 \u0301a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		toks := tokenize(text, nil)
		prev := int32(0)
		for _, tok := range toks {
			if tok.start < prev || tok.end <= tok.start || int(tok.end) > len(text) {
				t.Fatalf("token [%d,%d) out of order or bounds in %d bytes", tok.start, tok.end, len(text))
			}
			prev = tok.end
		}
		// Folding what normalisation folds must not change the words.
		folded := strings.NewReplacer("’", "'", "“", "\"", "”", "\"", "—", "--", "\u00AD", "").Replace(text)
		if !strings.ContainsAny(text, "’\u00AD") { // these two can join or split words
			ft := tokenize(folded, nil)
			if len(ft) != len(toks) {
				t.Fatalf("folding typography changed the word count from %d to %d", len(toks), len(ft))
			}
			for i := range ft {
				if ft[i].hash != toks[i].hash {
					t.Fatalf("folding typography changed word %d", i)
				}
			}
		}
		// Case must not matter for ASCII text.
		if isASCII(text) {
			lt := tokenize(strings.ToLower(text), nil)
			for i := range lt {
				if lt[i].hash != toks[i].hash {
					t.Fatalf("lower-casing changed word %d", i)
				}
			}
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
