package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/reuse"
)

// exitSkipped is the exit status of a run that compared what it could
// read but skipped a file or a line that it could not.
const exitSkipped = 3

// stdin is what "-" reads; tests replace it.
var stdin io.Reader = os.Stdin

// dirExtensions are the files read from a directory argument, in any
// case: text, Markdown, HTML pages and JSON Lines archives. Others (a
// picture, a PDF, a saved page's scripts) are ignored, and counted.
var dirExtensions = map[string]bool{".txt": true, ".md": true, ".html": true, ".htm": true, ".jsonl": true}

const dirExtensionsText = ".txt, .md, .html, .htm and .jsonl"

// inputs is what the command line's arguments held.
type inputs struct {
	docs []reuse.Document
	// texts are the analysed texts that are not the bytes of their file
	// (HTML, UTF-16, Windows-1252), by document index, for the JSON.
	texts map[int]string
	// files and skippedFiles count the files read and those that could
	// not be; badLines the lines of archives that were skipped.
	files, skippedFiles, badLines int
	json                          bool
	stderr                        io.Writer
}

// expands reports an argument that can stand for many articles, so one
// such argument is enough to compare: a directory, an archive, "-".
func expands(arg string) bool {
	if arg == "-" || isJSONL(arg) {
		return true
	}
	st, err := os.Stat(arg)
	return err == nil && st.IsDir()
}

func isJSONL(name string) bool { return strings.EqualFold(filepath.Ext(name), ".jsonl") }

// readInputs reads every argument: files, JSON Lines archives,
// directories (recursively, in lexical order, skipping hidden entries)
// and "-" for a JSON Lines archive on standard input. What cannot be
// read is reported on stderr, naming it, and skipped.
func readInputs(c config, stderr io.Writer) *inputs {
	in := &inputs{texts: map[int]string{}, json: c.json, stderr: stderr}
	for _, arg := range c.files {
		switch st, err := os.Stat(arg); {
		case arg == "-":
			in.readJSONL("stdin", stdin)
		case err == nil && st.IsDir():
			in.readDir(arg)
		case isJSONL(arg):
			in.readArchive(arg)
		default:
			in.readFile(arg)
		}
	}
	return in
}

func (in *inputs) warn(format string, args ...any) {
	fmt.Fprintf(in.stderr, "wirediff: "+format+"\n", args...)
}

// add appends a document read from name, printing its notes.
func (in *inputs) add(name string, res ingest.Result, meta ingest.Meta) {
	for _, note := range res.Notes {
		in.warn("%s: %s", name, note)
	}
	// HTML, UTF-16 and Windows-1252 input is converted: offsets then
	// point into the converted text, which the JSON carries.
	if res.FromHTML || res.Converted {
		msg := "offsets refer to the text wirediff read, not to the file's bytes"
		if in.json {
			msg += `; the JSON gives that text as the document's "text"`
		}
		in.warn("%s: %s", name, msg)
		in.texts[len(in.docs)] = res.Text
	}
	// Checked when read: an error leaves the zero time, unknown.
	published, _, _ := ingest.ParseTime(meta.Published)
	in.docs = append(in.docs, reuse.Document{Name: name, Title: meta.Title, Source: meta.Source,
		Published: published, URL: meta.URL, Text: res.Text})
}

func (in *inputs) readFile(name string) {
	in.files++
	res, err := readFile(name)
	if err != nil {
		in.warn("%v", err)
		in.skippedFiles++
		return
	}
	in.add(name, res, res.Meta)
}

func (in *inputs) readArchive(name string) {
	in.files++
	f, err := os.Open(name)
	if err != nil {
		in.warn("%s", openError(name, err))
		in.skippedFiles++
		return
	}
	defer f.Close()
	in.readJSONL(name, f)
}

// readJSONL reads an archive, one article a line, named name:line
// unless the line gives an "id".
func (in *inputs) readJSONL(name string, r io.Reader) {
	last := 0
	for rec, err := range ingest.JSONL(r) {
		var bad *ingest.LineError
		switch {
		case errors.As(err, &bad):
			in.warn("%s: line %d skipped: %v", name, bad.Line, bad.Err)
			in.badLines++
			last = bad.Line
			continue
		case err != nil:
			in.warn("%s: %v: the lines after line %d were not read", name, err, last)
			in.skippedFiles++
			return
		}
		last = rec.Line
		doc := rec.ID
		if doc == "" {
			doc = name + ":" + strconv.Itoa(rec.Line)
		}
		res := rec.Result
		for i, note := range res.Notes {
			res.Notes[i] = fmt.Sprintf("line %d: %s", rec.Line, note)
		}
		in.add(doc, res, rec.Meta)
	}
}

// readDir reads the files under root with one of dirExtensions.
func (in *inputs) readDir(root string) {
	found, ignored := 0, 0
	filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			in.warn("%s", openError(path, err))
			in.skippedFiles++
			return nil // WalkDir goes on with the next entry
		}
		if path != root && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return nil
		}
		if !dirExtensions[strings.ToLower(filepath.Ext(path))] {
			ignored++
			return nil
		}
		found++
		if isJSONL(path) {
			in.readArchive(path)
		} else {
			in.readFile(path)
		}
		return nil
	})
	if ignored > 0 {
		in.warn("%s: %s ignored: only %s files are read from a directory", root,
			export.Plural(ignored, "other file", "other files"), dirExtensionsText)
	}
	if found == 0 {
		in.warn("%s: no %s files in it", root, dirExtensionsText)
		in.skippedFiles++
	}
}

// enough reports whether there are two documents to compare, saying why
// not on stderr.
func (in *inputs) enough() bool {
	if len(in.docs) >= 2 {
		return true
	}
	if in.skippedFiles+in.badLines > 0 {
		in.warn("nothing compared: %s", in.skippedText())
	} else {
		in.warn("only %s read: wirediff finds passages that articles share, so it needs at least two to compare",
			export.Plural(len(in.docs), "article was", "articles were"))
	}
	return false
}

// skippedText says what was skipped: "2 of 3 files could not be read",
// "4 lines were skipped", or both.
func (in *inputs) skippedText() string {
	var parts []string
	if in.skippedFiles > 0 {
		parts = append(parts, fmt.Sprintf("%s of %s could not be read",
			export.Thousands(in.skippedFiles), export.Plural(in.files, "file", "files")))
	}
	if in.badLines > 0 {
		parts = append(parts, export.Plural(in.badLines, "line was", "lines were")+" skipped")
	}
	return strings.Join(parts, " and ")
}

// status is the exit status of a run that compared the documents: it
// says whether anything was skipped, and stderr says what.
func (in *inputs) status() int {
	if in.skippedFiles+in.badLines == 0 {
		return exitOK
	}
	in.warn("%s; the other %s were compared (exit status %d)", in.skippedText(),
		export.Plural(len(in.docs), "article", "articles"), exitSkipped)
	return exitSkipped
}

// readFile reads one input with messages that name the file and say what
// is wrong in plain words.
func readFile(name string) (ingest.Result, error) {
	st, err := os.Stat(name)
	switch {
	case err != nil:
		return ingest.Result{}, openError(name, err)
	case st.IsDir():
		return ingest.Result{}, fmt.Errorf("%s is a directory", name)
	case st.Mode().IsRegular() && st.Size() > ingest.MaxBytes:
		return ingest.Result{}, fmt.Errorf("%s: too large (%d MiB): the limit is %d MiB", name, st.Size()>>20, ingest.MaxBytes>>20)
	}
	f, err := os.Open(name)
	if err != nil {
		return ingest.Result{}, openError(name, err)
	}
	defer f.Close()
	// The limit also holds for pipes and devices, whose size is unknown.
	data, err := io.ReadAll(io.LimitReader(f, ingest.MaxBytes+1))
	if err != nil {
		return ingest.Result{}, fmt.Errorf("%s: %v", name, err)
	}
	res, err := ingest.Text(name, data)
	if err != nil {
		return ingest.Result{}, fmt.Errorf("%s: %v", name, err)
	}
	return res, nil
}

// openError words a failure to open or list name.
func openError(name string, err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: no such file", name)
	case errors.Is(err, fs.ErrPermission):
		return fmt.Errorf("%s: permission denied", name)
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", name, pe.Err)
	}
	return fmt.Errorf("%s: %v", name, err)
}
