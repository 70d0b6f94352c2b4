package session

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/workspace"
)

// Title is the title shown for an article: untitled ones go by ID.
func Title(art workspace.Article) string {
	if strings.TrimSpace(art.Title) == "" {
		return "Untitled " + art.ID
	}
	return art.Title
}

// articleText turns a paste or a file into article text, with what a web
// page says about it: read already, or read here. Invalid UTF-8 is
// replaced here: the workspace is stored as JSON, which cannot hold it,
// and offsets must not shift between this visit and the next.
func articleText(name string, data []byte, read *Reading) (string, ingest.Meta, []string, error) {
	var res ingest.Result
	var err error
	if read != nil {
		res, err = read.Result, read.Err
	} else {
		res, err = ingest.Text(name, data)
	}
	if err != nil {
		return "", ingest.Meta{}, nil, err
	}
	text := res.Text
	if res.InvalidBytes > 0 {
		text = strings.ToValidUTF8(text, "\uFFFD")
	}
	return text, res.Meta, res.Notes, nil
}

// withPage fills what the user left empty from what a web page says
// about itself: a typed title, source, time or URL wins.
func withPage(typed workspace.Article, page ingest.Meta) workspace.Article {
	fill := func(field *string, fromPage string) {
		if strings.TrimSpace(*field) == "" {
			*field = fromPage
		}
	}
	fill(&typed.Title, page.Title)
	fill(&typed.Source, page.Source)
	fill(&typed.Published, page.Published)
	fill(&typed.URL, page.URL)
	return typed
}

// metadataChanges says what an edit did to an article's publication time
// and URL, a sentence each.
func metadataChanges(before, after workspace.Article) []string {
	var said []string
	name := "“" + Title(after) + "”"
	switch {
	case after.Published == before.Published:
	case after.Published == "":
		said = append(said, "The publication time of "+name+" was removed.")
	default:
		said = append(said, "The publication time of "+name+" is now "+after.Published+".")
	}
	switch {
	case after.URL == before.URL:
	case after.URL == "":
		said = append(said, "The URL of "+name+" was removed.")
	default:
		said = append(said, "The URL of "+name+" is now "+after.URL+".")
	}
	return said
}

// plainError words an ingest error for the message line.
func plainError(err error) string {
	switch {
	case errors.Is(err, ingest.ErrEmpty):
		return "there is no text"
	case errors.Is(err, ingest.ErrBinary):
		return "it looks like a binary file, not text"
	case errors.Is(err, ingest.ErrTooLarge):
		return fmt.Sprintf("it is too large: an article can have up to %d MB of text", ingest.MaxBytes>>20)
	}
	return err.Error()
}

// joinNotes appends notes to a message, each a sentence of its own.
func joinNotes(msg string, notes []string) string {
	parts := make([]string, 0, len(notes)+1)
	if msg != "" {
		parts = append(parts, msg)
	}
	for _, n := range notes {
		n = strings.TrimSpace(n)
		if n == "" {
			continue
		}
		if !strings.HasSuffix(n, ".") {
			n += "."
		}
		parts = append(parts, n)
	}
	return strings.Join(parts, " ")
}

// capitalize starts s with a capital letter.
func capitalize(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}

// fileTitle names an article after its file, without the extension.
func fileTitle(name string) string {
	if i := strings.LastIndexByte(name, '.'); i > 0 {
		name = name[:i]
	}
	return name
}
