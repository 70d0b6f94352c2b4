package corpus

import (
	"math/rand/v2"
	"strings"
	"unicode"
)

// Word edits a copy desk makes. Each rule rewrites the fields of one
// sentence at a random place where it applies and reports whether it did.
var wordRules = []func(r *rand.Rand, f []string) ([]string, bool){
	replaceReportingVerb, dropModifier, insertAdverb, addAttribution, swapWord, invertSaid, addTransition,
}

// editWords makes one or two word edits to sentence s. It may leave s as
// it was if no edit applies or a second edit undoes the first.
func editWords(r *rand.Rand, s string) string {
	f := strings.Fields(s)
	for n := 1 + r.IntN(2); n > 0; {
		changed := false
		for _, i := range r.Perm(len(wordRules)) {
			var ok bool
			if f, ok = wordRules[i](r, f); ok {
				changed = true
				break
			}
		}
		if !changed {
			break
		}
		n--
	}
	return strings.Join(f, " ")
}

// pick returns a random index i of f for which ok(i) holds, or -1.
func pick(r *rand.Rand, f []string, ok func(i int) bool) int {
	var is []int
	for i := range f {
		if ok(i) {
			is = append(is, i)
		}
	}
	if len(is) == 0 {
		return -1
	}
	return is[r.IntN(len(is))]
}

var reportingVerbs = map[string][]string{
	"said":      {"told reporters", "stated", "added", "noted", "explained"},
	"says":      {"tells reporters", "states", "notes"},
	"told":      {"informed"},
	"announced": {"said", "revealed", "declared"},
	"stated":    {"said"},
	"reported":  {"said"},
}

func replaceReportingVerb(r *rand.Rand, f []string) ([]string, bool) {
	i := pick(r, f, func(i int) bool {
		_, w, _ := field(f[i])
		return reportingVerbs[w] != nil
	})
	if i < 0 {
		return f, false
	}
	lead, w, trail := field(f[i])
	alts := reportingVerbs[w]
	f[i] = lead + alts[r.IntN(len(alts))] + trail
	return f, true
}

// modifiers can go without breaking the sentence.
var modifiers = map[string]bool{
	"very": true, "also": true, "reportedly": true, "currently": true, "recently": true,
	"still": true, "already": true, "just": true, "nearly": true, "almost": true,
	"major": true, "large": true, "small": true, "significant": true, "serious": true,
	"senior": true, "several": true, "new": true, "former": true, "local": true,
	"top": true, "key": true, "various": true, "further": true, "only": true,
	"previously": true, "early": true, "preliminary": true, "then": true, "once": true,
	"initially": true, "officially": true, "publicly": true, "widely": true, "deadly": true,
}

func dropModifier(r *rand.Rand, f []string) ([]string, bool) {
	if len(f) < 6 {
		return f, false
	}
	i := pick(r, f, func(i int) bool { return modifiers[f[i]] })
	if i < 0 {
		return f, false
	}
	return append(f[:i], f[i+1:]...), true
}

var auxiliaries = map[string]bool{"was": true, "were": true, "is": true, "are": true, "has": true, "had": true, "have": true, "will": true, "would": true}

func insertAdverb(r *rand.Rand, f []string) ([]string, bool) {
	i := pick(r, f, func(i int) bool { return auxiliaries[f[i]] && i+1 < len(f) && !modifiers[f[i+1]] })
	if i < 0 {
		return f, false
	}
	adv := []string{"also", "reportedly", "now", "since"}[r.IntN(4)]
	return append(f[:i+1], append([]string{adv}, f[i+1:]...)...), true
}

// addAttribution appends a source to a sentence that has none.
func addAttribution(r *rand.Rand, f []string) ([]string, bool) {
	last := len(f) - 1
	if r.IntN(3) > 0 || last < 4 || !strings.HasSuffix(f[last], ".") || strings.HasSuffix(f[last], "..") {
		return f, false
	}
	for _, w := range f {
		if strings.ContainsAny(w, `"“”`) || w == "said" || w == "said." || w == "according" {
			return f, false
		}
	}
	tag := []string{"officials said.", "police said.", "according to reports.", "a spokesperson said.", "sources said."}[r.IntN(5)]
	f[last] = strings.TrimSuffix(f[last], ".") + ","
	return append(f, strings.Fields(tag)...), true
}

var swaps = map[string]string{
	"about": "around", "around": "about", "approximately": "roughly", "because": "since",
	"but": "yet", "while": "whereas", "after": "following", "before": "prior to",
	"during": "throughout", "despite": "in spite of", "until": "till", "if": "whether",
	"among": "amongst", "although": "though", "nearly": "almost", "almost": "nearly",
}

func swapWord(r *rand.Rand, f []string) ([]string, bool) {
	i := pick(r, f, func(i int) bool {
		_, w, _ := field(f[i])
		return swaps[strings.ToLower(w)] != ""
	})
	if i < 0 {
		return f, false
	}
	lead, w, trail := field(f[i])
	f[i] = lead + matchCase(w, swaps[strings.ToLower(w)]) + trail
	return f, true
}

// lowerable are sentence openers that are not names.
var lowerable = map[string]bool{"The": true, "A": true, "An": true, "On": true, "In": true, "At": true,
	"He": true, "She": true, "It": true, "They": true, "We": true, "This": true, "That": true, "There": true}

// addTransition opens a sentence with a linking phrase.
func addTransition(r *rand.Rand, f []string) ([]string, bool) {
	if len(f) < 4 || !lowerable[f[0]] {
		return f, false
	}
	t := []string{"Meanwhile,", "Also,", "In addition,", "Separately,"}[r.IntN(4)]
	f[0] = strings.ToLower(f[0])
	return append(strings.Fields(t), f...), true
}

// invertSaid turns "…, police said." into "…, said police.".
func invertSaid(r *rand.Rand, f []string) ([]string, bool) {
	i := pick(r, f, func(i int) bool {
		return i >= 2 && (f[i] == "said." || f[i] == "said,") && strings.HasSuffix(f[i-2], ",") &&
			strings.IndexFunc(f[i-1], func(c rune) bool { return !unicode.IsLetter(c) }) < 0
	})
	if i < 0 {
		return f, false
	}
	f[i-1], f[i] = "said", f[i-1]+f[i][len("said"):]
	return f, true
}

// synonyms for a light paraphrase: common words of news copy.
var synonyms = func() map[string][]string {
	pairs := [][2]string{
		{"said", "stated"}, {"says", "states"}, {"told", "informed"}, {"killed", "slain"},
		{"died", "perished"}, {"people", "persons"}, {"police", "officers"}, {"began", "started"},
		{"begin", "start"}, {"started", "commenced"}, {"big", "large"}, {"large", "sizeable"},
		{"small", "little"}, {"many", "numerous"}, {"several", "some"}, {"help", "assist"},
		{"helped", "assisted"}, {"show", "indicate"}, {"showed", "indicated"}, {"shows", "indicates"},
		{"found", "discovered"}, {"find", "discover"}, {"tried", "attempted"}, {"try", "attempt"},
		{"need", "require"}, {"needed", "required"}, {"get", "obtain"}, {"got", "obtained"},
		{"buy", "purchase"}, {"bought", "purchased"}, {"end", "finish"}, {"ended", "concluded"},
		{"near", "close to"}, {"fast", "quick"}, {"quickly", "rapidly"}, {"later", "subsequently"},
		{"often", "frequently"}, {"also", "additionally"}, {"however", "nevertheless"}, {"enough", "sufficient"},
		{"main", "principal"}, {"whole", "entire"}, {"city", "town"}, {"country", "nation"},
		{"government", "administration"}, {"building", "structure"}, {"car", "vehicle"}, {"job", "position"},
		{"leader", "head"}, {"meeting", "session"}, {"attack", "assault"}, {"fire", "blaze"},
		{"crash", "collision"}, {"injured", "hurt"}, {"wounded", "injured"}, {"arrested", "detained"},
		{"charged", "accused"}, {"claimed", "asserted"}, {"warned", "cautioned"}, {"asked", "requested"},
		{"agreed", "consented"}, {"refused", "declined"}, {"allowed", "permitted"}, {"stop", "halt"},
		{"stopped", "halted"}, {"move", "step"}, {"plan", "proposal"}, {"law", "legislation"},
		{"election", "vote"}, {"win", "victory"}, {"won", "secured"}, {"lost", "forfeited"},
		{"chief", "head"}, {"president", "leader"}, {"officials", "authorities"}, {"rescuers", "emergency workers"},
		{"residents", "locals"}, {"children", "youngsters"}, {"women", "females"}, {"men", "males"},
		{"home", "house"}, {"area", "region"}, {"region", "area"}, {"week", "seven days"},
		{"month", "four weeks"}, {"percent", "per cent"}, {"million", "mln"}, {"first", "initial"},
		{"last", "final"}, {"next", "following"}, {"important", "significant"}, {"major", "significant"},
		{"serious", "grave"}, {"difficult", "hard"}, {"hard", "tough"}, {"likely", "probably"},
		{"announced", "declared"}, {"reported", "stated"}, {"added", "noted"}, {"received", "got"},
		{"gave", "handed"}, {"made", "produced"}, {"took", "seized"}, {"used", "employed"},
		{"use", "employ"}, {"called", "named"}, {"went", "headed"}, {"came", "arrived"},
		{"left", "departed"}, {"returned", "came back"}, {"increase", "rise"}, {"decrease", "drop"},
		{"rose", "climbed"}, {"fell", "dropped"}, {"number", "count"}, {"total", "sum"},
		{"according", "reportedly according"}, {"announcement", "statement"}, {"statement", "announcement"},
		{"confirmed", "approved"}, {"earlier", "previously"}, {"requires", "demands"}, {"appointed", "named"},
		{"both", "the two"}, {"began", "launched"}, {"several", "a number of"}, {"because", "as"},
		{"announced", "unveiled"}, {"expected", "anticipated"}, {"currently", "presently"}, {"recently", "lately"},
		{"described", "characterised"}, {"believe", "think"}, {"believed", "thought"}, {"including", "such as"},
		{"caused", "led to"}, {"continue", "carry on"}, {"continued", "went on"}, {"investigation", "probe"},
		{"scientists", "researchers"}, {"researchers", "scientists"}, {"study", "research"}, {"report", "study"},
		{"state", "government"}, {"national", "federal"}, {"international", "global"}, {"world", "globe"},
		{"year", "twelve months"}, {"years", "decades"}, {"day", "date"}, {"time", "moment"},
		{"water", "waters"}, {"death", "passing"}, {"deaths", "fatalities"}, {"dead", "deceased"},
		{"support", "backing"}, {"opposition", "resistance"}, {"members", "representatives"}, {"member", "representative"},
		{"court", "tribunal"}, {"judge", "justice"}, {"trial", "hearing"}, {"case", "matter"},
		{"company", "firm"}, {"firm", "company"}, {"group", "organisation"}, {"team", "squad"},
		{"game", "match"}, {"match", "game"}, {"season", "campaign"}, {"forces", "troops"},
	}
	m := make(map[string][]string)
	for _, p := range pairs {
		m[p[0]] = append(m[p[0]], p[1])
	}
	return m
}()

// paraphrase substitutes about one word in eight with a synonym.
func paraphrase(r *rand.Rand, s string) string {
	f := strings.Fields(s)
	var cand []int
	for i, x := range f {
		if _, w, _ := field(x); synonyms[strings.ToLower(w)] != nil {
			cand = append(cand, i)
		}
	}
	n := min(len(cand), (len(f)+r.IntN(8))/8)
	for _, k := range r.Perm(len(cand))[:n] {
		i := cand[k]
		lead, w, trail := field(f[i])
		alts := synonyms[strings.ToLower(w)]
		f[i] = lead + matchCase(w, alts[r.IntN(len(alts))]) + trail
	}
	return strings.Join(f, " ")
}
