package reuse

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden runs the engine on each archive in testdata/golden and
// compares a readable rendering of the report with the archive's "report"
// file. An archive holds its documents as files, or names files of
// testdata in a comment line "read: GLOB". Run with -update to rewrite.
func TestGolden(t *testing.T) {
	archives, err := filepath.Glob("../../testdata/golden/*.txtar")
	if err != nil || len(archives) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, path := range archives {
		t.Run(filepath.Base(path), func(t *testing.T) {
			ar, err := txtar.ParseFile(path)
			if err != nil {
				t.Fatal(err)
			}
			var docs []Document
			for _, line := range strings.Split(string(ar.Comment), "\n") {
				if glob, ok := strings.CutPrefix(line, "read: "); ok {
					names, _ := filepath.Glob(filepath.Join("../../testdata", glob))
					for _, name := range names {
						data, err := os.ReadFile(name)
						if err != nil {
							t.Fatal(err)
						}
						docs = append(docs, Document{Name: filepath.Base(name), Text: string(data)})
					}
				}
			}
			reportAt := -1
			for i, f := range ar.Files {
				if f.Name == "report" {
					reportAt = i
					continue
				}
				docs = append(docs, Document{Name: f.Name, Text: string(f.Data)})
			}
			r, err := Analyze(context.Background(), docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkReport(t, docs, r, Options{})
			got := renderReport(docs, r)
			if *update {
				if reportAt < 0 {
					ar.Files = append(ar.Files, txtar.File{Name: "report"})
					reportAt = len(ar.Files) - 1
				}
				ar.Files[reportAt].Data = []byte(got)
				if err := os.WriteFile(path, txtar.Format(ar), 0o666); err != nil {
					t.Fatal(err)
				}
				return
			}
			if reportAt < 0 {
				t.Fatalf("no report file; run go test -run Golden -update")
			}
			if want := string(ar.Files[reportAt].Data); got != want {
				t.Errorf("report differs from %s (go test -run Golden -update rewrites it):\n%s", path, lineDiff(want, got))
			}
		})
	}
}

// renderReport writes r as text a reviewer can read: documents, then each
// pair's passages with both sides and the edits inline, [-deleted-],
// {+inserted+} and {~cosmetic A ~> cosmetic B~}. Line breaks show as ¶.
func renderReport(docs []Document, r *Report) string {
	var b strings.Builder
	flat := strings.NewReplacer("\r\n", "¶", "\n", "¶")
	for _, d := range r.Documents {
		fmt.Fprintf(&b, "document %s: %d words, %.0f%% reused\n", d.Name, d.Words, 100*d.Reused)
	}
	for _, p := range r.Pairs {
		ta, tb := docs[p.A].Text, docs[p.B].Text
		fmt.Fprintf(&b, "\npair %s × %s: %d shared words, similarity %.2f\n", docs[p.A].Name, docs[p.B].Name, p.SharedWords, p.Similarity)
		for n, ps := range p.Passages {
			quote, kind := "", ""
			if ps.Quote {
				quote = ", quotation"
			}
			if ps.Kind == Rewritten {
				kind = "rewritten, "
			}
			fmt.Fprintf(&b, "  passage %d: %s%d words, identity %.2f%s\n", n+1, kind, ps.Words, ps.Identity, quote)
			fmt.Fprintf(&b, "    A %d-%d: %s\n", ps.A.Start, ps.A.End, flat.Replace(ta[ps.A.Start:ps.A.End]))
			fmt.Fprintf(&b, "    B %d-%d: %s\n", ps.B.Start, ps.B.End, flat.Replace(tb[ps.B.Start:ps.B.End]))
			b.WriteString("    edits: ")
			for _, e := range ps.Edits {
				x, y := flat.Replace(ta[e.A.Start:e.A.End]), flat.Replace(tb[e.B.Start:e.B.End])
				switch {
				case e.Op == Delete:
					fmt.Fprintf(&b, "[-%s-]", x)
				case e.Op == Insert:
					fmt.Fprintf(&b, "{+%s+}", y)
				case e.Cosmetic:
					fmt.Fprintf(&b, "{~%s~>%s~}", x, y)
				default:
					b.WriteString(x)
				}
			}
			b.WriteString("\n")
			for _, sp := range ps.Sentences {
				fmt.Fprintf(&b, "    sentences %.2f: %s ≈ %s\n", sp.Similarity, flat.Replace(ta[sp.A.Start:sp.A.End]), flat.Replace(tb[sp.B.Start:sp.B.End]))
			}
		}
	}
	for _, st := range r.Stories {
		fmt.Fprintf(&b, "\nstory from %s (%s), credit %s\n", docs[st.Origin].Name, st.OriginRule, strings.Join(st.Credit, ", "))
		for _, m := range st.Members {
			fmt.Fprintf(&b, "  member %s: reused %.2f, credited %v, pair %d\n", docs[m.Doc].Name, m.Reused, m.Credited, m.Pair+1)
		}
		for _, i := range st.MemberPairs {
			fmt.Fprintf(&b, "  member pair %d: %s × %s\n", i+1, docs[r.Pairs[i].A].Name, docs[r.Pairs[i].B].Name)
		}
	}
	for _, a := range r.SetAside {
		fmt.Fprintf(&b, "\nset aside (%s%s) in %d documents: %s %q\n", a.Reason, a.Source, a.Docs, docs[a.Example.Doc].Name, flat.Replace(docs[a.Example.Doc].Text[a.Example.Span.Start:a.Example.Span.End]))
	}
	for _, f := range r.Families {
		b.WriteString("\nfamily:")
		for _, m := range f.Members {
			fmt.Fprintf(&b, " %s %d-%d;", docs[m.Doc].Name, m.Span.Start, m.Span.End)
		}
		b.WriteString("\n")
	}
	return b.String()
}

// lineDiff lists the lines of want and got that differ.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b bytes.Buffer
	for i := 0; i < max(len(w), len(g)); i++ {
		var x, y string
		if i < len(w) {
			x = w[i]
		}
		if i < len(g) {
			y = g[i]
		}
		if x != y {
			fmt.Fprintf(&b, "line %d:\n- %s\n+ %s\n", i+1, x, y)
		}
	}
	return b.String()
}
