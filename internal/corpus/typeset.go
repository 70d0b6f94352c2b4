package corpus

import (
	"math/rand/v2"
	"strings"
	"unicode"
	"unicode/utf8"
)

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
