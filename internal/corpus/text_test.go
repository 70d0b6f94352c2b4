package corpus

import (
	"reflect"
	"testing"
)

func TestSentencesSplitAtSentenceEndsOnly(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string
	}{
		{"plain sentences", "One two. Three four! Five?", []string{"One two.", "Three four!", "Five?"}},
		{"a closing quote stays with its sentence", `He said "no." Then left.`, []string{`He said "no."`, "Then left."}},
		{"abbreviations and initials do not end a sentence", "Mr. Smith of the U.S. Army met J. Doe. It rained.", []string{"Mr. Smith of the U.S. Army met J. Doe.", "It rained."}},
		{"a lower-case continuation does not end a sentence", "It cost 3.5 million, i.e. a lot.", []string{"It cost 3.5 million, i.e. a lot."}},
		{"a sentence may start with a digit or a quote", "Done. 48 died. “Sad,” she said.", []string{"Done.", "48 died.", "“Sad,” she said."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, s := range sentences(tt.in, 0) {
				got = append(got, s.text)
				if tt.in[s.src.Start:s.src.End] != s.text {
					t.Errorf("span %v holds %q, not %q", s.src, tt.in[s.src.Start:s.src.End], s.text)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestParseKeepsOffsetsIntoTheText(t *testing.T) {
	text := "Friday, January 4, 2019 \n\n\n  First one. Second one.\u00a0\n\nThird.\n"
	ps := parse(text)
	if len(ps) != 3 {
		t.Fatalf("got %d paragraphs, want 3", len(ps))
	}
	if got := text[ps[1].src.Start:ps[1].src.End]; got != "First one. Second one." {
		t.Errorf("paragraph 2 is %q", got)
	}
	s := ps[1].sents
	if len(s) != 2 || s[0].text+s[0].sep+s[1].text != "First one. Second one." {
		t.Errorf("sentences %+v do not rebuild the paragraph", s)
	}
}
