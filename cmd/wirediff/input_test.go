package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A page with navigation, a cookie notice and a footer around an article
// that shares storyB's passage, and the metadata that names it.
const storyPage = `<!doctype html><html><head><title>Moscow relents | Wire Daily</title>
<meta property="og:site_name" content="Wire Daily">
<meta property="article:published_time" content="2017-04-12T14:05:00+03:00">
<link rel="canonical" href="https://wire.example/moscow">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<article><h1>Moscow relents</h1><p>` + storyA + `</p></article>
<footer>© Wire Daily</footer></body></html>`

func TestRunReadsDirectoriesArchivesAndStandardInput(t *testing.T) {
	archive := `{"id": "ap-1", "title": "Talks", "source": "AP", "published": "2017-04-12", "url": "https://ap.example/1", "text": ` + quote(storyA) + `}
{"text": ` + quote(storyB) + `}
`
	tests := []struct {
		name   string
		files  map[string]string
		stdin  string
		args   []string
		code   int
		docs   []string
		stderr []string
	}{
		{"a directory is read recursively, its hidden entries and other files aside",
			map[string]string{"dir/a.txt": storyA, "dir/sub/b.md": storyB, "dir/sub/deeper/c.HTML": storyPage,
				"dir/.git/d.txt": storyA, "dir/.e.txt": storyA, "dir/logo.png": "\x89PNG", "dir/notes.doc": "x"},
			"", []string{"dir"}, exitOK,
			[]string{"dir/a.txt", "dir/sub/b.md", "dir/sub/deeper/c.HTML"},
			[]string{"wirediff: dir: 2 other files ignored: only .txt, .md, .html, .htm and .jsonl files are read from a directory"}},
		{"an archive gives one article a line, named by its id or its line",
			map[string]string{"news.jsonl": archive}, "", []string{"news.jsonl"}, exitOK,
			[]string{"ap-1", "news.jsonl:2"}, nil},
		{"standard input is read as JSON Lines with --jsonl",
			nil, archive, []string{"--jsonl", "-"}, exitOK, []string{"ap-1", "stdin:2"}, nil},
		{"an archive's bad lines are reported by number and skipped",
			map[string]string{"news.jsonl": "{\"text\": \"x\"\n" + archive + "[]\n{\"title\": \"no text\"}\n"},
			"", []string{"news.jsonl"}, exitSkipped, []string{"ap-1", "news.jsonl:3"},
			[]string{
				"wirediff: news.jsonl: line 1 skipped: not valid JSON (unexpected end of JSON input)",
				"wirediff: news.jsonl: line 4 skipped: not a JSON object but a JSON array",
				`wirediff: news.jsonl: line 5 skipped: no "text": each line needs the article's text`,
				"wirediff: 3 lines were skipped; the other 2 articles were compared (exit status 3)"}},
		{"an unreadable file among others is skipped and the rest compared",
			map[string]string{"a.txt": storyA, "b.txt": storyB, "c.txt": "\x00\x01\x02\x03"},
			"", []string{"a.txt", "missing.txt", "b.txt", "c.txt"}, exitSkipped, []string{"a.txt", "b.txt"},
			[]string{"wirediff: missing.txt: no such file", "wirediff: c.txt: looks like a binary file, not text",
				"wirediff: 2 of 4 files could not be read; the other 2 articles were compared (exit status 3)"}},
		{"a directory's unreadable file is skipped too",
			map[string]string{"dir/a.txt": storyA, "dir/b.txt": storyB, "dir/empty.txt": ""},
			"", []string{"dir"}, exitSkipped, []string{"dir/a.txt", "dir/b.txt"},
			[]string{"wirediff: dir/empty.txt: no text: it is empty", "wirediff: 1 of 3 files could not be read; the other 2 articles were compared (exit status 3)"}},
		{"an archive and a file and a directory together",
			map[string]string{"one.jsonl": `{"id": "x", "text": ` + quote(storyA) + `}`, "b.txt": storyB, "d/c.txt": storyA},
			"", []string{"one.jsonl", "b.txt", "d"}, exitOK, []string{"x", "b.txt", "d/c.txt"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdin = strings.NewReader(tt.stdin)
			t.Cleanup(func() { stdin = os.Stdin })
			code, stdout, stderr := runIn(t, tt.files, append([]string{"--json"}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			r := decode(t, stdout)
			var names []string
			for _, d := range r.Documents {
				names = append(names, d.Name)
			}
			if strings.Join(names, "|") != strings.Join(tt.docs, "|") {
				t.Errorf("documents %q, want %q", names, tt.docs)
			}
			for _, want := range tt.stderr {
				if !strings.Contains(stderr, want+"\n") {
					t.Errorf("stderr lacks %q:\n%s", want, stderr)
				}
			}
		})
	}
}

func TestRunRefusesTooFewArticles(t *testing.T) {
	tests := []struct {
		name     string
		files    map[string]string
		args     []string
		code     int
		contains string
	}{
		{"an archive of one article", map[string]string{"one.jsonl": `{"text": "a"}`}, []string{"one.jsonl"}, exitInput,
			"wirediff: only 1 article was read: wirediff finds passages that articles share, so it needs at least two to compare"},
		{"an archive of bad lines", map[string]string{"bad.jsonl": "x\ny\n"}, []string{"bad.jsonl"}, exitInput,
			"wirediff: nothing compared: 2 lines were skipped"},
		{"a directory with nothing to read", map[string]string{"dir/a.pdf": "%PDF"}, []string{"dir", "x.txt"}, exitInput,
			"wirediff: dir: no .txt, .md, .html, .htm and .jsonl files in it\n"},
		{"a missing archive", nil, []string{"gone.jsonl"}, exitInput, "wirediff: gone.jsonl: no such file\nwirediff: nothing compared: 1 of 1 file could not be read"},
		{"standard input without --jsonl", nil, []string{"-", "a.txt"}, exitUsage, `"-" reads articles from standard input only as JSON Lines: give --jsonl too`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, stdout, stderr := runIn(t, tt.files, tt.args...)
			if code != tt.code || !strings.Contains(stderr, tt.contains) || stdout != "" {
				t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit %d and %q", code, stdout, stderr, tt.code, tt.contains)
			}
		})
	}
}

func TestRunSkipsABrokenLinkInADirectory(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{"a.txt": storyA, "b.txt": storyB} {
		os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(dir, "c.txt")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	var out, errOut bytes.Buffer
	code := run([]string{dir}, &out, &errOut)
	if code != exitSkipped || !strings.Contains(errOut.String(), "c.txt: no such file") || !strings.Contains(out.String(), "2 files compared") {
		t.Errorf("exit %d\nstdout %s\nstderr %s", code, out.String(), errOut.String())
	}
}

func TestRunGivesEachDocumentsMetadata(t *testing.T) {
	archive := `{"id": "ap-1", "title": "Talks", "source": "AP", "published": "April 12, 2017", "url": "https://ap.example/1", "text": ` + quote(storyB) + "}\n"
	code, stdout, stderr := runIn(t, map[string]string{"page.html": storyPage, "news.jsonl": archive}, "--json", "page.html", "news.jsonl")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	r := decode(t, stdout)
	type meta struct{ Title, Source, Published, URL string }
	want := []meta{
		{"Moscow relents", "Wire Daily", "2017-04-12T14:05:00+03:00", "https://wire.example/moscow"},
		{"Talks", "AP", "2017-04-12T00:00:00Z", "https://ap.example/1"},
	}
	for i, d := range r.Documents {
		if got := (meta{d.Title, d.Source, d.Published, d.URL}); got != want[i] {
			t.Errorf("document %d: %+v, want %+v", i, got, want[i])
		}
	}
	if text := r.Documents[0].Text; text != "Moscow relents\n\n"+strings.TrimSpace(storyA) {
		t.Errorf("the page's text is %q: navigation, cookie notice or footer in it", text)
	}
	if !strings.Contains(stderr, "page.html: left out as not part of the article: navigation, cookie notice and footer\n") {
		t.Errorf("stderr does not say what was left out:\n%s", stderr)
	}
}

func TestHelpDocumentsInputsAndExitStatus(t *testing.T) {
	var out, errOut bytes.Buffer
	run([]string{"-h"}, &out, &errOut)
	for _, want := range []string{"DIR is read recursively", ".jsonl", "--jsonl", "-jsonl", `"id", "title", "source", "published", "url",`, "3 when something was\nskipped"} {
		if !strings.Contains(errOut.String(), want) {
			t.Errorf("help lacks %q", want)
		}
	}
}

func quote(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "\n", `\n`)
	return `"` + r.Replace(s) + `"`
}
