// Package ingest turns the bytes of a file or a paste into the text that
// wirediff analyses: it refuses binary files, reads Windows-1252 (Latin-1)
// files that are not valid UTF-8, counts invalid UTF-8, replaces stray
// control characters, and reads HTML pages the way a browser's reader mode
// does: the article's text without navigation, cookie notices, asides or
// footers, and its title, outlet, publication time and URL (Meta). It
// also reads archives of articles in JSON Lines (JSONL).
//
// Plain text is returned byte for byte as given (invalid bytes included:
// the engine treats them as word breaks), except that each stray control
// character, such as a NUL byte scraped from a web page, becomes one
// space; so every offset the engine reports is also an offset into the
// file. Only HTML, UTF-16 and Windows-1252 input is converted, and Result
// says so.
package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"strings"
)

// MaxBytes is the largest input Text accepts: far more than any article,
// small enough that a browser tab analysing it stays responsive.
const MaxBytes = 20 << 20

// Sentinel errors, usable with errors.Is. Their messages are written for
// the person who gave the file, not for a programmer.
var (
	ErrEmpty    = errors.New("no text")
	ErrBinary   = errors.New("looks like a binary file, not text")
	ErrTooLarge = errors.New("too large: the limit is 20 MiB")
)

// A Result is the text to analyse and what was done to get it.
type Result struct {
	// Text is the text to analyse. Unless FromHTML or Converted is set it
	// is exactly the input bytes.
	Text string
	// FromHTML reports that the input was HTML and Text is its readable
	// text, so offsets into Text are not offsets into the input.
	FromHTML bool
	// Converted reports that the input was re-encoded (UTF-16 or
	// Windows-1252 to UTF-8), so offsets into Text are not offsets into
	// the input.
	Converted bool
	// Windows1252 reports that the input was not valid UTF-8 and was read
	// as Windows-1252 (Latin-1) instead; Converted is set too.
	Windows1252 bool
	// InvalidBytes counts bytes that are not valid UTF-8.
	InvalidBytes int
	// Controls counts the control characters that were replaced by a
	// space each: C0 controls other than tab, line feed, carriage return
	// and form feed. One byte becomes one byte, so offsets do not move.
	Controls int
	// Meta is what an HTML page says about its article: title, outlet,
	// publication time and URL. It is zero for plain text.
	Meta Meta
	// Dropped names the kinds of text of an HTML page left out as not
	// part of its article ("navigation", "cookie notice", "footer", …).
	Dropped []string
	// Notes are plain-language messages for the user about the above.
	Notes []string
}

// inputError carries a specific message while still matching a sentinel
// with errors.Is.
type inputError struct {
	msg  string
	kind error
}

func (e *inputError) Error() string        { return e.msg }
func (e *inputError) Is(target error) bool { return target == e.kind }

// Text turns a file's or a paste's bytes into text to analyse. name is a
// file name, or "" for a paste; it picks HTML by its .html or .htm
// extension, otherwise HTML is recognised by a doctype or a common tag at
// the start.
func Text(name string, data []byte) (Result, error) {
	if len(data) > MaxBytes {
		return Result{}, &inputError{
			msg:  fmt.Sprintf("too large (%s): the limit is 20 MiB", humanBytes(len(data))),
			kind: ErrTooLarge,
		}
	}
	var res Result
	if u, ok := decodeUTF16(data); ok {
		data = u
		res.Converted = true
		res.Notes = append(res.Notes, "read as UTF-16 and converted to UTF-8")
	} else if kind := binaryKind(data); kind != "" {
		return Result{}, &inputError{msg: "looks like " + kind + ", not text", kind: ErrBinary}
	} else if readsAsWindows1252(data) {
		data = decodeWindows1252(data)
		res.Converted = true
		res.Windows1252 = true
		res.Notes = append(res.Notes, "read as Windows-1252 (Latin-1) and converted to UTF-8: it is not valid UTF-8")
	}
	if isHTML(name, data) {
		res.FromHTML = true
		p := readPage(data)
		res.Text, res.Meta, res.Dropped = p.text, p.meta, p.dropped
		res.Notes = append(res.Notes, "read as HTML: only the readable text was kept")
		if len(p.dropped) > 0 {
			res.Notes = append(res.Notes, "left out as not part of the article: "+listAnd(p.dropped))
		}
		res.Notes = append(res.Notes, p.notes...)
	} else {
		res.Text = string(data)
	}
	if len(res.Text) > MaxBytes {
		// Converted text can be longer than its file: é is one byte in
		// Windows-1252, two in UTF-8.
		return Result{}, &inputError{
			msg:  fmt.Sprintf("too large once converted to UTF-8 (%s): the limit is 20 MiB", humanBytes(len(res.Text))),
			kind: ErrTooLarge,
		}
	}
	res.Text, res.Controls = replaceControls(res.Text)
	res.InvalidBytes = countInvalid(res.Text)
	if res.InvalidBytes > 0 {
		res.Notes = append(res.Notes, invalidNote(res.InvalidBytes))
	}
	if res.Controls > 0 {
		res.Notes = append(res.Notes, controlsNote(res.Controls))
	}
	if strings.TrimSpace(strings.Trim(res.Text, "\ufeff\u200b\u00a0")) == "" {
		msg := "no text: it is empty"
		switch {
		case res.Controls > 0:
			// Nothing but control characters and spaces is no text.
			return Result{}, &inputError{msg: "looks like a binary file, not text", kind: ErrBinary}
		case len(data) > 0 && res.FromHTML:
			msg = "no text: the page has no readable text"
		case len(data) > 0:
			msg = "no text: it holds only spaces and line breaks"
		}
		return Result{}, &inputError{msg: msg, kind: ErrEmpty}
	}
	return res, nil
}

// htmlTags are tags that, at the very start of an input, mark it as HTML.
var htmlTags = []string{
	"!doctype html", "html", "head", "body", "meta", "title", "link",
	"p", "div", "article", "section", "main", "header", "span", "a",
	"h1", "h2", "h3", "h4", "h5", "h6", "table", "ul", "ol", "br", "b", "i",
	"strong", "em", "script", "style", "blockquote", "figure", "img",
}

// isHTML picks HTML by extension, or sniffs a doctype or a common tag at
// the start (after a byte order mark, whitespace and comments).
func isHTML(name string, data []byte) bool {
	switch strings.ToLower(path.Ext(strings.ReplaceAll(name, `\`, "/"))) {
	case ".html", ".htm", ".xhtml":
		return true
	}
	head := data[:min(len(data), sniffLen)]
	head = bytes.TrimPrefix(head, []byte("\xEF\xBB\xBF"))
	for {
		head = bytes.TrimLeft(head, " \t\r\n\f")
		if bytes.HasPrefix(head, []byte("<?xml")) || bytes.HasPrefix(head, []byte("<!--")) {
			end := bytes.IndexByte(head, '>')
			if end < 0 {
				return false
			}
			head = head[end+1:]
			continue
		}
		break
	}
	if len(head) < 2 || head[0] != '<' {
		return false
	}
	lower := bytes.ToLower(head[1:min(len(head), 32)])
	for _, tag := range htmlTags {
		if bytes.HasPrefix(lower, []byte(tag)) {
			rest := lower[len(tag):]
			if len(rest) == 0 || rest[0] == '>' || rest[0] == ' ' || rest[0] == '/' ||
				rest[0] == '\t' || rest[0] == '\n' || rest[0] == '\r' {
				return true
			}
		}
	}
	return false
}

// listAnd joins items as a sentence does: "a", "a and b", "a, b and c".
func listAnd(items []string) string {
	if len(items) < 2 {
		return strings.Join(items, "")
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

func humanBytes(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
