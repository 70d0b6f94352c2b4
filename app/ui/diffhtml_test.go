package ui

import (
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
)

func TestDiffHTMLMarksEachKindOfEdit(t *testing.T) {
	a := `Moscow officials initially said Putin would "not" meet further`
	b := `Moscow officials initially said Putin would “not” meet more`
	ia := func(s string) reuse.Span { i := strings.Index(a, s); return reuse.Span{Start: i, End: i + len(s)} }
	ib := func(s string) reuse.Span { i := strings.Index(b, s); return reuse.Span{Start: i, End: i + len(s)} }
	p := reuse.Passage{
		A: reuse.Span{Start: 0, End: len(a)},
		B: reuse.Span{Start: 0, End: len(b)},
		Edits: []reuse.Edit{
			{Op: reuse.Equal, A: ia("Moscow officials initially said Putin would "), B: ib("Moscow officials initially said Putin would ")},
			{Op: reuse.Equal, Cosmetic: true, A: ia(`"not"`), B: ib("“not”")},
			{Op: reuse.Equal, A: ia(" meet "), B: ib(" meet ")},
			{Op: reuse.Delete, A: ia("further"), B: reuse.Span{Start: len(b) - 4, End: len(b) - 4}},
			{Op: reuse.Insert, A: reuse.Span{Start: len(a), End: len(a)}, B: ib("more")},
		},
	}
	got := diffHTML(a, b, p.Edits, bothSides)
	want := `<p class="diff-text" dir="auto">Moscow officials initially said Putin would ` +
		`<span class="cosmetic" title="Differs only in punctuation, quotes, dashes or case"><span class="was">&quot;not&quot;</span><span class="now">“not”</span></span>` +
		`<span class="cosmetic-plain">&quot;not&quot;</span>` +
		` meet <del>further</del><ins>more</ins></p>`
	if got != want {
		t.Errorf("diffHTML =\n%s\nwant\n%s", got, want)
	}
}

func TestDiffHTMLShowsOneSideWithItsOwnWordsMarked(t *testing.T) {
	a := `Lavrov said "no" to talks`
	b := `Lavrov told them “no” to talks`
	ia := func(s string) reuse.Span { i := strings.Index(a, s); return reuse.Span{Start: i, End: i + len(s)} }
	ib := func(s string) reuse.Span { i := strings.Index(b, s); return reuse.Span{Start: i, End: i + len(s)} }
	edits := []reuse.Edit{
		{Op: reuse.Equal, A: ia("Lavrov "), B: ib("Lavrov ")},
		{Op: reuse.Delete, A: ia("said "), B: reuse.Span{Start: 7, End: 7}},
		{Op: reuse.Insert, A: reuse.Span{Start: 12, End: 12}, B: ib("told them ")},
		{Op: reuse.Equal, Cosmetic: true, A: ia(`"no"`), B: ib("“no”")},
		{Op: reuse.Equal, A: ia(" to talks"), B: ib(" to talks")},
	}
	const cosmetic = `<span class="cosmetic-side" title="Differs only in punctuation, quotes, dashes or case">`
	for show, want := range map[diffSide]string{
		sideA: `<p class="diff-text" dir="auto">Lavrov <del>said</del> ` + cosmetic + `&quot;no&quot;</span> to talks</p>`,
		sideB: `<p class="diff-text" dir="auto">Lavrov <ins>told them</ins> ` + cosmetic + `“no”</span> to talks</p>`,
	} {
		if got := diffHTML(a, b, edits, show); got != want {
			t.Errorf("side %d:\n%s\nwant\n%s", show, got, want)
		}
	}
}

func TestDiffHTMLKeepsWhiteSpaceOutsideDeletionsAndInsertions(t *testing.T) {
	a := "killed civilians.\n\nRussia also"
	b := "killed civilians. Officials said\nRussia also"
	p := reuse.Passage{Edits: []reuse.Edit{
		{Op: reuse.Equal, A: reuse.Span{Start: 0, End: 17}, B: reuse.Span{Start: 0, End: 17}},
		{Op: reuse.Delete, A: reuse.Span{Start: 17, End: 19}, B: reuse.Span{Start: 17, End: 17}},
		{Op: reuse.Insert, A: reuse.Span{Start: 19, End: 19}, B: reuse.Span{Start: 17, End: 33}},
		{Op: reuse.Equal, A: reuse.Span{Start: 19, End: len(a)}, B: reuse.Span{Start: 33, End: len(b)}},
	}}
	got := diffHTML(a, b, p.Edits, bothSides)
	want := "<p class=\"diff-text\" dir=\"auto\">killed civilians.\n\n <ins>Officials said</ins>\nRussia also</p>"
	if got != want {
		t.Errorf("diffHTML =\n%q\nwant\n%q", got, want)
	}
}

func TestDiffHTMLShowsInvisibleCharactersInDifferencesAsMarkers(t *testing.T) {
	const zwsp = `<span class="invisible" title="zero-width space">U+200B</span>`
	const shy = `<span class="invisible" title="soft hyphen">U+00AD</span>`
	const cosmeticTitle = `title="Differs only in punctuation, quotes, dashes or case"`
	a := "Putin said \u200b no and Tiller\u00adson left ❤\ufe0f"
	b := "Putin said no and Tillerson left 🔥"
	at := func(s, sub string) int { return strings.Index(s, sub) }
	edits := []reuse.Edit{
		{Op: reuse.Equal, A: reuse.Span{Start: 0, End: at(a, "\u200b")}, B: reuse.Span{Start: 0, End: at(b, "no")}},
		{Op: reuse.Delete, A: reuse.Span{Start: at(a, "\u200b"), End: at(a, "no")}, B: reuse.Span{Start: at(b, "no"), End: at(b, "no")}},
		{Op: reuse.Equal, A: reuse.Span{Start: at(a, "no"), End: at(a, "Tiller")}, B: reuse.Span{Start: at(b, "no"), End: at(b, "Tiller")}},
		{Op: reuse.Equal, Cosmetic: true, A: reuse.Span{Start: at(a, "Tiller"), End: at(a, " left")}, B: reuse.Span{Start: at(b, "Tiller"), End: at(b, " left")}},
		{Op: reuse.Equal, A: reuse.Span{Start: at(a, " left"), End: at(a, "❤")}, B: reuse.Span{Start: at(b, " left"), End: at(b, "🔥")}},
		{Op: reuse.Delete, A: reuse.Span{Start: at(a, "❤"), End: len(a)}, B: reuse.Span{Start: at(b, "🔥"), End: at(b, "🔥")}},
		{Op: reuse.Insert, A: reuse.Span{Start: len(a), End: len(a)}, B: reuse.Span{Start: at(b, "🔥"), End: len(b)}},
	}
	tests := []struct {
		name string
		show diffSide
		want string
	}{
		{"a deleted zero-width space is a marker, and a soft hyphen in a cosmetic run", bothSides,
			`<p class="diff-text" dir="auto">Putin said <del>` + zwsp + `</del> no and ` +
				`<span class="cosmetic" ` + cosmeticTitle + `><span class="was">Tiller` + shy + `son</span><span class="now">Tillerson</span></span>` +
				`<span class="cosmetic-plain">Tiller` + "\u00ad" + `son</span> left <del>❤` + "\ufe0f" + `</del><ins>🔥</ins></p>`},
		{"side A marks its own invisible characters", sideA,
			`<p class="diff-text" dir="auto">Putin said <del>` + zwsp + `</del> no and ` +
				`<span class="cosmetic-side" ` + cosmeticTitle + `>Tiller` + shy + `son</span> left <del>❤` + "\ufe0f" + `</del></p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := diffHTML(a, b, edits, tt.show)
			checkOnlyOurMarkup(t, got)
			if got != tt.want {
				t.Errorf("diffHTML =\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestDiffHTMLSkipsSpansOutsideTheText(t *testing.T) {
	p := reuse.Passage{Edits: []reuse.Edit{
		{Op: reuse.Delete, A: reuse.Span{Start: 2, End: 99}},
		{Op: reuse.Insert, B: reuse.Span{Start: -1, End: 2}},
		{Op: reuse.Equal, A: reuse.Span{Start: 0, End: 3}, B: reuse.Span{Start: 0, End: 3}},
	}}
	if got, want := diffHTML("abc", "abc", p.Edits, bothSides), `<p class="diff-text" dir="auto">abc</p>`; got != want {
		t.Errorf("diffHTML = %q, want %q", got, want)
	}
}

func TestDiffHTMLShowsMarkupAsText(t *testing.T) {
	a := `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">`
	b := `<a href="javascript:alert(1)">x</a> & 'y'`
	p := reuse.Passage{Edits: []reuse.Edit{
		{Op: reuse.Delete, A: reuse.Span{Start: 0, End: len(a)}, B: reuse.Span{}},
		{Op: reuse.Insert, A: reuse.Span{Start: len(a), End: len(a)}, B: reuse.Span{Start: 0, End: len(b)}},
	}}
	got := diffHTML(a, b, p.Edits, bothSides)
	checkOnlyOurMarkup(t, got)
	if !strings.Contains(got, "&lt;script&gt;") || !strings.Contains(got, "&lt;a href=&quot;javascript:") {
		t.Errorf("markup not shown as text: %s", got)
	}
}

// ourMarkup is every piece of markup diffHTML may write.
var ourMarkup = []string{
	`<p class="diff-text" dir="auto">`, `</p>`,
	`<del>`, `</del>`, `<ins>`, `</ins>`,
	`<span class="cosmetic" title="Differs only in punctuation, quotes, dashes or case">`,
	`<span class="was">`, `<span class="now">`, `<span class="cosmetic-plain">`, `</span>`,
	`<span class="cosmetic-side" title="Differs only in punctuation, quotes, dashes or case">`,
}

// invisibleRE matches the marker export.EscapeMarked writes for an
// invisible character.
var invisibleRE = regexp.MustCompile(`<span class="invisible" title="[a-zA-Z ()-]+">U\+([0-9A-F]{4,5})</span>`)

// unmarkInvisible turns the markers back into the characters they mark.
func unmarkInvisible(s string) string {
	return invisibleRE.ReplaceAllStringFunc(s, func(m string) string {
		cp, _ := strconv.ParseUint(invisibleRE.FindStringSubmatch(m)[1], 16, 32)
		return string(rune(cp))
	})
}

// checkOnlyOurMarkup fails unless out is our fixed markup around escaped
// text: with our markup removed, no character that could open a tag or an
// attribute value remains.
func checkOnlyOurMarkup(t *testing.T, out string) {
	t.Helper()
	if !strings.HasPrefix(out, `<p class="diff-text" dir="auto">`) || !strings.HasSuffix(out, `</p>`) {
		t.Fatalf("not one <p> element: %q", out)
	}
	// The markers of invisible characters first: their titles come
	// from a fixed table of names, their text is a code point.
	rest := invisibleRE.ReplaceAllString(out, "")
	for _, m := range ourMarkup {
		rest = strings.ReplaceAll(rest, m, "")
	}
	if i := strings.IndexAny(rest, `<>"'`); i >= 0 {
		t.Fatalf("user text escaped the markup at %q in %q", rest[i:min(len(rest), i+20)], out)
	}
	// Every & starts one of the entities EscapeText writes.
	for i := strings.IndexByte(rest, '&'); i >= 0; i = strings.IndexByte(rest, '&') {
		ok := false
		for _, e := range []string{"&amp;", "&lt;", "&gt;", "&quot;", "&#39;"} {
			if strings.HasPrefix(rest[i:], e) {
				rest = rest[i+len(e):]
				ok = true
				break
			}
		}
		if !ok {
			t.Fatalf("bare & in %q", out)
		}
	}
}

// fuzzEdits turns fuzz bytes into a passage's edits over a and b: each
// byte picks an operation and a length; some spans run out of range.
func fuzzEdits(a, b string, ops []byte) reuse.Passage {
	var p reuse.Passage
	i, j := 0, 0
	for _, op := range ops {
		n := int(op>>3) + 1
		switch op & 7 {
		case 0, 1: // equal, plain or cosmetic
			p.Edits = append(p.Edits, reuse.Edit{Op: reuse.Equal, Cosmetic: op&1 == 1,
				A: reuse.Span{Start: i, End: min(i+n, len(a))}, B: reuse.Span{Start: j, End: min(j+n, len(b))}})
			i, j = min(i+n, len(a)), min(j+n, len(b))
		case 2, 3:
			p.Edits = append(p.Edits, reuse.Edit{Op: reuse.Delete,
				A: reuse.Span{Start: i, End: min(i+n, len(a))}, B: reuse.Span{Start: j, End: j}})
			i = min(i+n, len(a))
		case 4, 5:
			p.Edits = append(p.Edits, reuse.Edit{Op: reuse.Insert,
				A: reuse.Span{Start: i, End: i}, B: reuse.Span{Start: j, End: min(j+n, len(b))}})
			j = min(j+n, len(b))
		case 6: // a broken span
			p.Edits = append(p.Edits, reuse.Edit{Op: reuse.Delete, A: reuse.Span{Start: i + n, End: i - n}})
		case 7:
			p.Edits = append(p.Edits, reuse.Edit{Op: reuse.Insert, B: reuse.Span{Start: j, End: len(b) + n}})
		}
	}
	return p
}

func FuzzDiffHTML(f *testing.F) {
	f.Add(`He said "no" & left.`, `He said “no” and left.`, []byte{8 * 7, 9, 8 * 3, 2, 4})
	f.Add(`<script>alert(1)</script>`, `<img src=x onerror="alert(1)">`, []byte{255, 2, 5, 0})
	f.Add("caf\xe9 \x00 <b>", "caf\u00e9 \u0000 </p>", []byte{0, 1, 2, 3, 4, 5, 6, 7})
	f.Add("said \u200b no Put\u200bin", "said ❤\ufe0f\u200d🔥 \ufe0f <\u00ad>", []byte{8 * 4, 2, 4, 9, 8 * 2, 3, 5, 1})
	f.Fuzz(func(t *testing.T, a, b string, ops []byte) {
		p := fuzzEdits(a, b, ops)
		for _, show := range []diffSide{bothSides, sideA, sideB} {
			out := diffHTML(a, b, p.Edits, show)
			checkOnlyOurMarkup(t, out)

			// The visible text is exactly the edits' text: nothing lost,
			// nothing invented. Invalid bytes and NULs show as U+FFFD, one
			// per byte: compare without them, piece by piece.
			norm := func(s string) string {
				return strings.NewReplacer("\ufffd", "", "\x00", "").Replace(strings.ToValidUTF8(s, ""))
			}
			var want strings.Builder
			for _, e := range p.Edits {
				ta, tb := norm(export.ClipText(a, e.A)), norm(export.ClipText(b, e.B))
				switch {
				case show == sideA && (e.Op == reuse.Equal || e.Op == reuse.Delete):
					want.WriteString(ta)
				case show == sideB && (e.Op == reuse.Equal || e.Op == reuse.Insert):
					want.WriteString(tb)
				case show != bothSides:
				case e.Op == reuse.Equal && e.Cosmetic && export.ClipText(a, e.A) != export.ClipText(b, e.B):
					want.WriteString(ta + tb + ta)
				case e.Op == reuse.Equal, e.Op == reuse.Delete:
					want.WriteString(ta)
				case e.Op == reuse.Insert:
					want.WriteString(tb)
				}
			}
			visible := unmarkInvisible(out)
			for _, m := range ourMarkup {
				visible = strings.ReplaceAll(visible, m, "")
			}
			if got := norm(html.UnescapeString(visible)); got != want.String() {
				t.Errorf("side %d: visible text %q, want %q", show, got, want.String())
			}
		}
	})
}
