package ui

import (
	"context"
	"html"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/difftest"
)

// TestDiffHTMLShowsEveryDiffCase runs the table every renderer of a
// word diff shares against the diff cards, rendered by go-app as a
// browser receives them.
func TestDiffHTMLShowsEveryDiffCase(t *testing.T) {
	for _, c := range difftest.Cases {
		t.Run(c.Name, func(t *testing.T) {
			for _, v := range []struct {
				show diffSide
				name string
				want string
			}{{bothSides, "both texts", c.Both}, {sideA, "text A", c.SideA}, {sideB, "text B", c.SideB}} {
				out := app.HTMLString(app.Raw(diffHTML(c.A, c.B, c.Edits, v.show)))
				checkOnlyOurMarkup(t, out)
				got, err := difftest.ReadHTML(out)
				if err != nil {
					t.Fatal(err)
				}
				if got != v.want {
					t.Errorf("%s:\n got %q\nwant %q\nfrom %s", v.name, got, v.want, out)
				}
			}
		})
	}
}

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
		`<span class="cosmetic" title="Only typography differs: quotes, dashes, commas or full stops, spacing or case"><span class="was">&quot;not&quot;</span><span class="now">“not”</span></span>` +
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
	const cosmetic = `<span class="cosmetic-side" title="Only typography differs: quotes, dashes, commas or full stops, spacing or case">`
	for show, want := range map[diffSide]string{
		sideA: `<p class="diff-text" dir="auto">Lavrov <del>said</del> ` + cosmetic + `&quot;no&quot;</span> to talks</p>`,
		sideB: `<p class="diff-text" dir="auto">Lavrov <ins>told them</ins> ` + cosmetic + `“no”</span> to talks</p>`,
	} {
		if got := diffHTML(a, b, edits, show); got != want {
			t.Errorf("side %d:\n%s\nwant\n%s", show, got, want)
		}
	}
}

// ourMarkup is every piece of markup diffHTML may write.
var ourMarkup = []string{
	`<p class="diff-text" dir="auto">`, `</p>`,
	`<del>`, `</del>`, `<ins>`, `</ins>`,
	`<span class="cosmetic" title="Only typography differs: quotes, dashes, commas or full stops, spacing or case">`,
	`<span class="was">`, `<span class="now">`, `<span class="cosmetic-plain">`, `</span>`,
	`<span class="cosmetic-side" title="Only typography differs: quotes, dashes, commas or full stops, spacing or case">`,
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

func FuzzDiffHTML(f *testing.F) {
	f.Add(`He said "no" & left.`, `He said “no” and left.`, []byte{8 * 7, 9, 8 * 3, 2, 4})
	f.Add(`<script>alert(1)</script>`, `<img src=x onerror="alert(1)">`, []byte{255, 2, 5, 0})
	f.Add("caf\xe9 \x00 <b>", "caf\u00e9 \u0000 </p>", []byte{0, 1, 2, 3, 4, 5, 6, 7})
	f.Add("said \u200b no Put\u200bin", "said ❤\ufe0f\u200d🔥 \ufe0f <\u00ad>", []byte{8 * 4, 2, 4, 9, 8 * 2, 3, 5, 1})
	f.Fuzz(func(t *testing.T, a, b string, ops []byte) {
		edits, _ := difftest.FuzzEdits(a, b, ops)
		for _, show := range []diffSide{bothSides, sideA, sideB} {
			out := diffHTML(a, b, edits, show)
			checkOnlyOurMarkup(t, out)

			// The visible text is exactly the runs' text: nothing lost,
			// nothing invented. Invalid bytes and NULs show as U+FFFD, one
			// per byte: compare without them.
			norm := func(s string) string {
				return strings.NewReplacer("\ufffd", "", "\x00", "").Replace(strings.ToValidUTF8(s, ""))
			}
			var want strings.Builder
			for _, r := range export.DiffRuns(a, b, edits, show) {
				want.WriteString(r.Text)
				if r.Kind == export.Cosmetic && show == bothSides {
					want.WriteString(r.Other + r.Text) // the two forms, then the plain one
				}
			}
			visible := unmarkInvisible(out)
			for _, m := range ourMarkup {
				visible = strings.ReplaceAll(visible, m, "")
			}
			if got, want := norm(html.UnescapeString(visible)), norm(want.String()); got != want {
				t.Errorf("side %d: visible text %q, want %q", show, got, want)
			}
		}
	})
}

// BenchmarkDiffHTML writes the diff of every passage of the seeds, in
// the three views, as the pair view does.
func BenchmarkDiffHTML(b *testing.B) {
	paths, _ := filepath.Glob("../../testdata/00[0-4]_*.txt")
	var docs []reuse.Document
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		docs = append(docs, reuse.Document{Name: p, Text: string(data)})
	}
	r, err := reuse.Analyze(context.Background(), docs, reuse.Options{})
	if err != nil || len(r.Pairs) == 0 {
		b.Fatalf("no pairs in the seeds: %v", err)
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range r.Pairs {
			for _, ps := range p.Passages {
				for _, show := range []diffSide{bothSides, sideA, sideB} {
					diffHTML(docs[p.A].Text, docs[p.B].Text, ps.Edits, show)
				}
			}
		}
	}
}
