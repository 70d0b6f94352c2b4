package corpus

import (
	"math/rand/v2"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Obfuscation names one kind of edit a copy desk makes to reused text.
type Obfuscation string

const (
	// Verbatim copies the passage unchanged.
	Verbatim Obfuscation = "verbatim"
	// Trimmed drops sentences at the passage's ends and at the ends of its
	// paragraphs.
	Trimmed Obfuscation = "trimmed"
	// Words inserts, deletes and swaps words: "said" becomes "told
	// reporters", modifiers are dropped, attributions are added.
	Words Obfuscation = "words"
	// Typeset re-punctuates and re-typesets: straight and curly quotes,
	// -- and em dashes, capitals on the first words, non-breaking and
	// zero-width spaces, soft hyphens, hard line breaks, dropped commas.
	Typeset Obfuscation = "typeset"
	// Reordered moves the passage's paragraphs; each moved paragraph is a
	// case of its own.
	Reordered Obfuscation = "reordered"
	// Paraphrase substitutes a few words of each sentence with synonyms.
	Paraphrase Obfuscation = "paraphrase"
	// Mixed does what a real copy desk does to wire copy: several of the
	// above at once (trimmed, words edited, a few synonyms, often
	// re-typeset).
	Mixed Obfuscation = "mixed"
	// None marks a pair of unrelated articles: there is nothing to find.
	None Obfuscation = "none"
)

// deskKinds are the edits of a copy desk.
var deskKinds = []Obfuscation{Verbatim, Trimmed, Words, Typeset, Reordered, Paraphrase, Mixed}

// Obfuscations lists the kinds of edits, in the order reports show them:
// a copy desk's, then PAN's artificial obfuscation.
var Obfuscations = append(append([]Obfuscation(nil), deskKinds...), panKinds...)

// A unit is one output paragraph of an edited passage and the source span
// it was made from.
type unit struct {
	text string
	src  Span
}

// obfuscate rewrites a passage (a run of source paragraphs, each a run of
// sentences) as a copy desk would under kind.
func obfuscate(r *rand.Rand, kind Obfuscation, paras [][]sent) []unit {
	switch kind {
	case Trimmed, Mixed:
		paras = trim(r, paras)
	case Reordered:
		paras = reorder(r, paras)
	}
	out := make([]unit, 0, len(paras))
	changed := false
	for pi, p := range paras {
		var b strings.Builder
		for i, s := range p {
			t := s.text
			switch kind {
			case Words:
				t = editWords(r, t)
			case Mixed:
				if r.IntN(2) == 0 {
					t = editWords(r, t)
				}
				if r.IntN(3) == 0 {
					t = paraphrase(r, t)
				}
			case Paraphrase:
				t = paraphrase(r, t)
				if !changed && t == s.text && pi == len(paras)-1 && i == len(p)-1 {
					// Not one common word to swap: reword as a copy desk would.
					t = editWords(r, t)
				}
			}
			if (kind == Words || kind == Paraphrase) && !changed && t == s.text && pi == len(paras)-1 && i == len(p)-1 {
				// Every edited passage has an edit, even one of captions.
				t = "Also, " + t
			}
			changed = changed || t != s.text
			b.WriteString(t)
			if i < len(p)-1 {
				if kind == Words || kind == Paraphrase || kind == Mixed {
					b.WriteByte(' ')
				} else {
					b.WriteString(s.sep)
				}
			}
		}
		out = append(out, unit{b.String(), Span{p[0].src.Start, p[len(p)-1].src.End}})
	}
	if kind == Typeset || kind == Mixed && r.IntN(2) == 0 {
		typeset(r, out)
	}
	return out
}

// trim drops a sentence or two at the passage's ends and, as a copy desk
// shortening paragraphs does, one or two sentences inside it, preferably
// the last of a paragraph, keeping at least half the words and enough of
// them to be worth reporting.
func trim(r *rand.Rand, paras [][]sent) [][]sent {
	total := countWords(paras)
	for range 50 {
		out := trimOnce(r, paras)
		if n := countWords(out); n >= total/2 && n >= 20 {
			return out
		}
	}
	return paras
}

func countWords(paras [][]sent) int {
	n := 0
	for _, p := range paras {
		for _, s := range p {
			n += len(strings.Fields(s.text))
		}
	}
	return n
}

func trimOnce(r *rand.Rand, paras [][]sent) [][]sent {
	type at struct{ p, s int }
	var all []at
	for i, p := range paras {
		for j := range p {
			all = append(all, at{i, j})
		}
	}
	if len(all) < 4 {
		return paras
	}
	head, tail := r.IntN(2), r.IntN(3)
	for len(all)-head-tail < max(3, (len(all)+1)/2) {
		head, tail = r.IntN(2), r.IntN(3)
	}
	kept := all[head : len(all)-tail]
	var inner, ends []int // droppable indices into kept
	for k := 1; k < len(kept)-1; k++ {
		inner = append(inner, k)
		if kept[k].s == len(paras[kept[k].p])-1 {
			ends = append(ends, k)
		}
	}
	if len(ends) == 0 {
		ends = inner
	}
	drop := map[int]bool{ends[r.IntN(len(ends))]: true}
	if len(kept) >= 8 {
		drop[inner[r.IntN(len(inner))]] = true
	}
	out := make([][]sent, len(paras))
	for k, x := range kept {
		if !drop[k] {
			out[x.p] = append(out[x.p], paras[x.p][x.s])
		}
	}
	return slices.DeleteFunc(out, func(p []sent) bool { return len(p) == 0 })
}

// reorder shuffles the paragraphs, never leaving them in their order.
func reorder(r *rand.Rand, paras [][]sent) [][]sent {
	out := append([][]sent(nil), paras...)
	if len(out) < 2 {
		return out
	}
	for {
		r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		for i := range out {
			if &out[i][0] != &paras[i][0] {
				return out
			}
		}
	}
}

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

// typeset re-typesets the units in place, as another outlet's style and
// publishing system would: it changes how the words look, never which
// words there are.
func typeset(r *rand.Rand, us []unit) {
	text := func() string {
		var b strings.Builder
		for _, u := range us {
			b.WriteString(u.text)
		}
		return b.String()
	}
	before := text()
	curly := strings.ContainsAny(before, "“”‘’")
	var steps []func(string) string
	steps = append(steps, func(s string) string {
		if curly {
			return straightQuotes(s)
		}
		return curlyQuotes(s)
	}, swapDashes)
	optional := []func(string) string{
		func(s string) string { return nbsp(r, s) },
		func(s string) string { return softHyphens(r, s) },
		func(s string) string { return dropCommas(r, s) },
		func(s string) string { return strings.ReplaceAll(s, ". ", ".  ") },
		func(s string) string { return wrap(s, 60+r.IntN(16)) },
		func(s string) string { return zeroWidth(r, s) },
	}
	for _, i := range r.Perm(len(optional))[:1+r.IntN(3)] {
		steps = append(steps, optional[i])
	}
	for i := range us {
		for _, step := range steps {
			us[i].text = step(us[i].text)
		}
	}
	if r.IntN(2) == 0 || text() == before {
		us[0].text = upperFirstWords(us[0].text, 2+r.IntN(3))
	}
}

func curlyQuotes(s string) string {
	var b strings.Builder
	prev := ' '
	for _, c := range s {
		open := unicode.IsSpace(prev) || strings.ContainsRune("([—–-", prev)
		switch {
		case c == '"' && open:
			c = '“'
		case c == '"':
			c = '”'
		case c == '\'' && open:
			c = '‘'
		case c == '\'':
			c = '’'
		}
		b.WriteRune(c)
		prev = c
	}
	return b.String()
}

func straightQuotes(s string) string {
	return strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'").Replace(s)
}

func swapDashes(s string) string {
	return strings.NewReplacer(" — ", " -- ", "—", "--", " -- ", " — ", " – ", " - ", " - ", " – ", "...", "…", "…", "...").Replace(s)
}

// nbsp glues numbers to the next word and titles to names.
func nbsp(r *rand.Rand, s string) string {
	f := strings.Split(s, " ")
	var b strings.Builder
	for i, x := range f {
		b.WriteString(x)
		if i == len(f)-1 {
			break
		}
		_, w, trail := field(x)
		c, _ := utf8.DecodeRuneInString(w)
		if trail == "" && (unicode.IsDigit(c) || abbreviations[strings.TrimSuffix(x, ".")]) && r.IntN(3) > 0 {
			b.WriteString("\u00a0")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// softHyphens hyphenates a few long words the way a layout program does.
func softHyphens(r *rand.Rand, s string) string {
	f := strings.Split(s, " ")
	for i, x := range f {
		if utf8.RuneCountInString(x) >= 9 && strings.IndexFunc(x, func(c rune) bool { return !unicode.IsLower(c) }) < 0 && r.IntN(3) == 0 {
			cut := len(x) / 2
			f[i] = x[:cut] + "\u00ad" + x[cut:]
		}
	}
	return strings.Join(f, " ")
}

func zeroWidth(r *rand.Rand, s string) string {
	f := strings.Split(s, " ")
	for i := range f {
		if i > 0 && r.IntN(12) == 0 {
			f[i] = "\u200b" + f[i]
		}
	}
	return strings.Join(f, " ")
}

// dropCommas drops about half the commas before "and", "but" and "while".
func dropCommas(r *rand.Rand, s string) string {
	f := strings.Split(s, " ")
	for i := 0; i+1 < len(f); i++ {
		if strings.HasSuffix(f[i], ",") && (f[i+1] == "and" || f[i+1] == "but" || f[i+1] == "while") && r.IntN(2) == 0 {
			f[i] = strings.TrimSuffix(f[i], ",")
		}
	}
	return strings.Join(f, " ")
}

// wrap breaks lines at width columns, like text copied from a fixed-width
// wire feed or an e-mail.
func wrap(s string, width int) string {
	var b strings.Builder
	col := 0
	for i, w := range strings.Split(s, " ") {
		n := utf8.RuneCountInString(w)
		if i > 0 {
			if col+1+n > width {
				b.WriteByte('\n')
				col = 0
			} else {
				b.WriteByte(' ')
				col++
			}
		}
		b.WriteString(w)
		col += n
	}
	return b.String()
}

// upperFirstWords sets the first n words in capitals, as a lede often is.
func upperFirstWords(s string, n int) string {
	seen, inWord := 0, false
	for i, c := range s {
		word := unicode.IsLetter(c) || unicode.IsDigit(c)
		if word && !inWord {
			seen++
			if seen > n {
				return strings.ToUpper(s[:i]) + s[i:]
			}
		}
		inWord = word
	}
	return strings.ToUpper(s)
}
