package reuse

import (
	"strings"
	"unicode/utf8"
)

// An agency is a news agency as articles name it, in a dateline such as
// "MOSCOW, April 12 (UPI) --" or a byline: its short name, then the other
// names that credit it.
type agency []string

var agencies = []agency{
	{"UPI", "United Press International"},
	{"Reuters", "Thomson Reuters"},
	{"AP", "Associated Press"},
	{"AFP", "Agence France-Presse", "Agence France Presse"},
	{"dpa", "Deutsche Presse-Agentur"},
}

// creditEdge is how many bytes at each end of an origin's text hold its
// dateline and byline (after a headline and a standfirst): an agency named
// there is the origin's, one named further in is a source it quotes.
const creditEdge = 1000

// creditNames returns the names that credit doc as a story's origin: its
// source, and each agency named in its dateline or byline by its short
// name. It returns nil when none is known.
func creditNames(doc Document) []string {
	var names []string
	add := func(ns ...string) {
		for _, n := range ns {
			if n != "" && !containsFold(names, n) {
				names = append(names, n)
			}
		}
	}
	add(strings.TrimSpace(doc.Source))
	head, tail := &nameSearch{text: doc.Text}, &nameSearch{}
	if len(doc.Text) > 2*creditEdge {
		head.text, tail.text = doc.Text[:creditEdge], doc.Text[len(doc.Text)-creditEdge:]
	}
	for _, ag := range agencies {
		for _, n := range ag {
			if strings.EqualFold(n, strings.TrimSpace(doc.Source)) || head.names(n) || tail.names(n) {
				add(ag[0])
				break
			}
		}
	}
	return names
}

// credits reports whether text names any of names as a whole word, an
// agency by any of its names. The text is lowered once, not once a name:
// a member's whole text is searched for every name and alias.
func credits(text string, names []string) bool {
	search := &nameSearch{text: text}
	for _, n := range names {
		if search.names(n) {
			return true
		}
		for _, ag := range agencies {
			if strings.EqualFold(ag[0], n) {
				for _, alias := range ag[1:] {
					if search.names(alias) {
						return true
					}
				}
			}
		}
	}
	return false
}

// namesWord reports whether name occurs in text as a whole word or
// phrase: "AP" in "(AP) --" but not in "APEC". An acronym must match
// its case; a name of more than four letters may differ in case.
func namesWord(text, name string) bool {
	return (&nameSearch{text: text}).names(name)
}

// A nameSearch is a text searched for several names, as namesWord
// searches it. The text is lowered once, for the first name that may
// differ in case, not once a name: lowering an origin's dateline and
// byline for each agency's every name took a third of the engine's time.
type nameSearch struct {
	text    string
	lower   string
	lowered bool
}

// names is namesWord for the search's text.
func (s *nameSearch) names(name string) bool {
	if name == "" {
		return false
	}
	if !foldsCase(name) {
		return hasWord(s.text, name)
	}
	if !s.lowered {
		s.lower, s.lowered = strings.ToLower(s.text), true
	}
	return hasWord(s.lower, strings.ToLower(name))
}

// foldsCase reports whether a name may differ in case: one of more than
// four letters, not an acronym.
func foldsCase(name string) bool { return utf8.RuneCountInString(name) > 4 }

// hasWord reports whether needle occurs in hay with no word rune on
// either side.
func hasWord(hay, needle string) bool {
	for from := 0; ; {
		i := strings.Index(hay[from:], needle)
		if i < 0 {
			return false
		}
		i += from
		end := i + len(needle)
		before, _ := utf8.DecodeLastRuneInString(hay[:i])
		after, _ := utf8.DecodeRuneInString(hay[end:])
		if !isWordRune(before) && !isWordRune(after) {
			return true
		}
		from = i + 1
	}
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}
