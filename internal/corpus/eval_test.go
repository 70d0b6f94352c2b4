package corpus

import (
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"
)

var (
	loadOnce sync.Once
	arts     []Article
	loadErr  error
)

func articles(t testing.TB) []Article {
	t.Helper()
	loadOnce.Do(func() { arts, loadErr = Wikinews() })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return arts
}

func evalPairs(t testing.TB) []Pair {
	t.Helper()
	pairs, err := EvalPairs(articles(t), DefaultEval)
	if err != nil {
		t.Fatal(err)
	}
	return pairs
}

func TestWikinewsLoadsEveryArticle(t *testing.T) {
	a := articles(t)
	if len(a) != 171 {
		t.Errorf("loaded %d articles, want the 171 of testdata/wikinews", len(a))
	}
	for _, x := range a {
		if x.Title == "" || len(x.Text) < 500 {
			t.Errorf("%s: title %q, %d bytes", x.Name, x.Title, len(x.Text))
		}
	}
}

func TestEvalPairsAreDeterministic(t *testing.T) {
	if !reflect.DeepEqual(evalPairs(t), evalPairs(t)) {
		t.Error("two runs with one seed gave different pairs")
	}
	other := DefaultEval
	other.Seed++
	p, err := EvalPairs(articles(t), other)
	if err != nil {
		t.Fatal(err)
	}
	if reflect.DeepEqual(evalPairs(t), p) {
		t.Error("another seed gave the same pairs")
	}
}

func TestEvalSetHasAboutThirtyCasesOfEveryKind(t *testing.T) {
	count := map[Obfuscation]int{}
	total := 0
	for _, p := range evalPairs(t) {
		count[p.Obfuscation] += len(p.Cases)
		total += len(p.Cases)
		if p.Obfuscation == None {
			count[None]--
		}
	}
	for _, k := range Obfuscations {
		if count[k] < 20 {
			t.Errorf("%d %s cases, want at least 20", count[k], k)
		}
	}
	if count[None] != -DefaultEval.PairsPerObfuscation || total < 260 || total > 330 {
		t.Errorf("%d cases in all, %d unrelated pairs", total, -count[None])
	}
}

// invisible are characters a re-typeset copy adds that are not text.
var invisible = strings.NewReplacer("\u00ad", "", "\u200b", "")

func TestCasesSayWhereTheTextCameFrom(t *testing.T) {
	changed := map[Obfuscation][]float64{} // PAN: the share of words changed, per case
	for _, p := range evalPairs(t) {
		if p.Obfuscation == None {
			if len(p.Cases) != 0 || shareAny(shingles(p.Susp.Text, minShared), shingles(p.Src.Text, minShared)) {
				t.Errorf("%s: unrelated pair shares text", p.Susp.Name)
			}
			continue
		}
		last := 0
		rest := p.Susp.Text
		for _, c := range p.Cases {
			if c.Susp.Start < last || c.Susp.End > len(p.Susp.Text) || c.Susp.Len() <= 0 ||
				c.Src.Start < 0 || c.Src.End > len(p.Src.Text) || c.Src.Len() <= 0 {
				t.Fatalf("%s: case %+v out of bounds or out of order", p.Susp.Name, c)
			}
			last = c.Susp.End
			rest = strings.Replace(rest, p.Susp.Text[c.Susp.Start:c.Susp.End], "\n", 1)
			susp, src := p.Susp.Text[c.Susp.Start:c.Susp.End], p.Src.Text[c.Src.Start:c.Src.End]
			if susp != strings.TrimSpace(susp) || src != strings.TrimSpace(src) {
				t.Errorf("%s: case %+v starts or ends with white space", p.Susp.Name, c)
			}
			switch p.Obfuscation {
			case Verbatim, Reordered:
				// Paragraph breaks may differ, nothing else.
				if strings.Join(strings.Fields(susp), " ") != strings.Join(strings.Fields(src), " ") {
					t.Errorf("%s: copy differs from its source:\n%q\n%q", p.Susp.Name, susp, src)
				}
			case Trimmed:
				for _, para := range strings.Split(susp, "\n\n") {
					for _, s := range sentences(para, 0) {
						if !strings.Contains(src, s.text) {
							t.Errorf("%s: sentence %q of a trimmed copy is not in its source %q", p.Susp.Name, s.text, src)
						}
					}
				}
				if len(susp) >= len(src) {
					t.Errorf("%s: nothing trimmed from %q", p.Susp.Name, src)
				}
			case Typeset:
				if susp == src || !reflect.DeepEqual(words(invisible.Replace(susp)), words(src)) {
					t.Errorf("%s: re-typesetting changed the words or nothing:\n%q\n%q", p.Susp.Name, susp, src)
				}
			case Mixed:
				if s := overlap(words(invisible.Replace(susp)), words(src)); s < 0.5 {
					t.Errorf("%s: only %.2f of the words kept:\n%q\n%q", p.Susp.Name, s, susp, src)
				}
			case PANLow, PANHigh:
				changed[p.Obfuscation] = append(changed[p.Obfuscation], distance(words(susp), words(src)))
				hostWords := map[string]bool{}
				for _, w := range words(p.Susp.Text[:c.Susp.Start] + " " + p.Susp.Text[c.Susp.End:]) {
					hostWords[w] = true
				}
				for _, w := range words(susp) {
					if !strings.Contains(strings.ToLower(src), w) && !hostWords[w] && !isVariant(w) {
						t.Errorf("%s: %q is in neither the source, the host nor a word list", p.Susp.Name, w)
					}
				}
			case Words, Paraphrase:
				a, b := words(susp), words(src)
				if reflect.DeepEqual(a, b) {
					t.Errorf("%s: no word edited in %q", p.Susp.Name, src)
				}
				if s := overlap(a, b); s < 0.6 {
					t.Errorf("%s: only %.2f of the words kept:\n%q\n%q", p.Susp.Name, s, susp, src)
				}
			}
		}
		// Outside the cases the suspicious text is its host's own.
		if shareAny(shingles(rest, minShared), shingles(p.Src.Text, minShared)) {
			t.Errorf("%s: the host article shares text with the source outside the cases", p.Susp.Name)
		}
	}
	// PAN's degrees: about 10-15% and 30-40% of the words changed.
	for kind, want := range map[Obfuscation][2]float64{PANLow: {0.08, 0.17}, PANHigh: {0.27, 0.42}} {
		d := changed[kind]
		mean := 0.0
		for _, x := range d {
			mean += x / float64(len(d))
			if x == 0 || x > 2*want[1] {
				t.Errorf("%s: a case with %.2f of its words changed", kind, x)
			}
		}
		if mean < want[0] || mean > want[1] {
			t.Errorf("%s: %.2f of the words changed on average, want %.2f to %.2f", kind, mean, want[0], want[1])
		}
	}
}

// distance is the share of words of the longer of a and b outside their
// longest common subsequence: words deleted, replaced, moved or inserted.
func distance(a, b []string) float64 {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev, cur = cur, prev
	}
	return 1 - float64(prev[len(b)])/float64(max(1, len(a), len(b)))
}

// isVariant reports a word of PAN's semantic variation.
func isVariant(w string) bool {
	for _, m := range []map[string][]string{synonyms, antonyms, hypernyms} {
		for _, alts := range m {
			for _, a := range alts {
				if slices.Contains(words(a), w) {
					return true
				}
			}
		}
	}
	return false
}

// overlap is the share of a's words found in b, counting repeats.
func overlap(a, b []string) float64 {
	have := map[string]int{}
	for _, w := range b {
		have[w]++
	}
	n := 0
	for _, w := range a {
		if have[w] > 0 {
			have[w]--
			n++
		}
	}
	return float64(n) / float64(max(len(a), len(b)))
}
