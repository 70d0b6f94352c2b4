package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The journeys build their articles from the repository's test data, so
// the copied passages are the seeds' exact bytes.

// seed returns the text of testdata/<prefix>_*.txt.
func seed(t *testing.T, prefix string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("..", "testdata", prefix+"_*.txt"))
	if err != nil || len(files) != 1 {
		t.Fatalf("seed %s: %v %v", prefix, files, err)
	}
	b, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// paragraph returns the line of text that starts with start.
func paragraph(t *testing.T, text, start string) string {
	t.Helper()
	for _, line := range strings.Split(text, "\n") {
		if strings.HasPrefix(line, start) {
			return strings.TrimSpace(line)
		}
	}
	t.Fatalf("no paragraph starts with %q", start)
	return ""
}

// edit replaces old with new once, as a copy desk would; old must be there.
func edit(t *testing.T, s, old, new string) string {
	t.Helper()
	if !strings.Contains(s, old) {
		t.Fatalf("cannot edit %q: not in %q", old, s)
	}
	return strings.Replace(s, old, new, 1)
}

// wikinews returns the paragraphs (blank-line separated, 80 bytes or
// more) of testdata/wikinews/wn2019_NNNN.txt: unrelated 2019 news that
// shares nothing with the 2017 seeds.
func wikinews(t *testing.T, file string) []string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "wikinews", file))
	if err != nil {
		t.Fatal(err)
	}
	var paras []string
	for _, p := range strings.Split(string(b), "\n\n") {
		if p = strings.TrimSpace(p); len(p) >= 80 {
			paras = append(paras, p)
		}
	}
	if len(paras) < 3 {
		t.Fatalf("%s has only %d paragraphs", file, len(paras))
	}
	return paras
}

// Two paragraphs of seed 001 that no other seed carries, used by the
// journeys that need an article pairing with 001.
const (
	sarinParagraph = "Lavrov said after the meeting that both sides agreed"
	warnParagraph  = "Lavrov also warned Tillerson that Trump cannot act"
)
