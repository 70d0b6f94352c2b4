package e2e

import "strings"

// What the journeys of looks_dark_rtl_test.go read from the page, and
// the Arabic articles they paste.

// colours reads, for each element a selector matches, its text colour
// and the background it is painted on (its own, or the first ancestor's
// that is not transparent), as the browser paints them.
const colours = `const rgb = (c) => c.match(/[\d.]+/g).map(Number);
	const paint = (el) => {
		for (let e = el; e; e = e.parentElement) {
			const c = rgb(getComputedStyle(e).backgroundColor);
			if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
		}
		return [255, 255, 255];
	};
	const colours = (el) => ({what: el.tagName.toLowerCase() + [...el.classList].map(c => "." + c).join("") + " " + JSON.stringify(norm(el.textContent).slice(0, 30)),
		fg: rgb(getComputedStyle(el).color).slice(0, 3), bg: paint(el)});`

// painted is what colours returns for one element.
type painted struct {
	What string    `json:"what"`
	FG   []float64 `json:"fg"`
	BG   []float64 `json:"bg"`
}

// legible is WCAG AA for text of normal size.
const legible = 4.5

// arabicRewrite tells what arabic[0] and arabic[1] and one more sentence
// (arabicAllies) say, in other words, sentence by sentence, no eight
// words in a row the same: a rewritten passage.
var arabicRewrite = []string{
	"أعلن لافروف وزير خارجية روسيا الأربعاء أن موسكو جاهزة لمناقشة القضايا العالقة كلها مع واشنطن ومنها أزمة سوريا وتعاون البلدين لمكافحة الإرهاب.",
	"وقال لافروف خلال مؤتمر صحفي جمعه بنظيره الأمريكي إن علاقات البلدين صعبة في هذه المرحلة غير أنها ليست ميؤوسا منها وإن الحوار طريق وحيد لتجاوز الخلاف.",
	"وشدد الوزير على أن روسيا لن تتخلى أبدا عن حلفائها بالمنطقة وستواصل دعمها لحكومة سوريا في الحرب على الجماعات المسلحة.",
}

const arabicAllies = "وأكد الوزير الروسي أن بلاده لن تتخلى عن حلفائها في المنطقة وأنها ستواصل دعم الحكومة السورية في حربها ضد الجماعات المسلحة."

// addArabicArticles adds an Arabic wire story, its rewrite under a Hebrew
// title and source, and a copy of its two middle paragraphs with one word
// changed; it returns their IDs.
func (s *session) addArabicArticles() (wire, rewrite, copied string) {
	s.t.Helper()
	wire = s.addArticle("لافروف: موسكو مستعدة للحوار مع واشنطن", "الجزيرة",
		strings.Join([]string{arabic[2], arabic[0], arabic[1], arabicAllies}, "\n\n"))
	rewrite = s.addArticle("לברוב: מוסקבה מוכנה לדיאלוג", "הארץ",
		strings.Join(append([]string{arabic[3]}, arabicRewrite...), "\n\n"))
	copied = s.addArticle("موسكو تمد يدها إلى واشنطن", "وكالة الأنباء",
		arabic[0]+"\n\n"+strings.Replace(arabic[1], "السبيل الوحيد", "الطريق الوحيد", 1))
	return wire, rewrite, copied
}

// rtlText finds every text of the page in Arabic or Hebrew letters and
// says where one is not laid out right to left, or takes its direction
// from nothing below <body>: the direction of user text must come from a
// dir attribute on the block that shows it.
const rtlText = `(() => {
	const rtl = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;
	const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + [...el.classList].map(c => "." + c).join("");
	const path = (el) => { const p = []; for (let e = el; e && e !== document.body && p.length < 4; e = e.parentElement) p.unshift(name(e)); return p.join(" > "); };
	const out = {texts: 0, wrong: []}, seen = new Map();
	const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	for (let n = walk.nextNode(); n; n = walk.nextNode()) {
		const el = n.parentElement;
		if (!rtl.test(n.data) || el.closest("script, style, noscript, template")) continue;
		out.texts++;
		const owner = el.closest("[dir]");
		let problem = "";
		if (!owner || owner === document.body || owner === document.documentElement) problem = "no dir attribute on it or an element around it";
		else if (getComputedStyle(el).direction !== "rtl") problem = "laid out " + getComputedStyle(el).direction + " (dir on " + name(owner) + ")";
		// Once for each place and problem, with its first text and how many.
		const key = path(el) + ": " + problem;
		if (problem && !seen.has(key)) seen.set(key, {text: norm(n.data).slice(0, 40), n: 0});
		if (problem) seen.get(key).n++;
	}
	for (const [key, v] of seen) out.wrong.push(key + ", " + JSON.stringify(v.text) + (v.n > 1 ? " and " + (v.n - 1) + " more texts" : ""));
	return out;
})()`

// checkRTL fails on every Arabic or Hebrew text that is not laid out
// right to left, and when fewer than least such texts are on the page.
func (s *session) checkRTL(where string, least int) {
	s.t.Helper()
	got := eval[struct {
		Texts int      `json:"texts"`
		Wrong []string `json:"wrong"`
	}](s, rtlText)
	if got.Texts < least {
		s.errorf("%s: %d texts in Arabic or Hebrew, want %d or more", where, got.Texts, least)
	}
	for _, w := range got.Wrong {
		s.errorf("%s: %s", where, w)
	}
	s.t.Logf("%s: %d texts in Arabic or Hebrew, %d not right to left", where, got.Texts, len(got.Wrong))
}
