package session

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/workspace"
)

// A File is a file the user dropped or picked, read or not.
type File struct {
	Name string
	Data []byte
	Err  error // why it could not be read
	// Read is what ingest.Text made of Data, if the page read it before
	// (off its main thread); nil: AddFiles reads Data itself.
	Read *Reading
}

// A Paste is an article pasted into the form, with what the user said of
// it.
type Paste struct {
	Title     string // optional: the page's, else guessed from the text, when empty
	Source    string // optional: the outlet or agency
	Published string // optional: a publication time ingest.ParseTime reads
	URL       string // optional: the article's web address
	Text      string // read only when Read is nil
	// Read is what ingest.Text made of the pasted text, if the page read
	// it before (off its main thread, straight from the text field, so
	// Text may be empty); nil: Add reads Text itself.
	Read *Reading
}

// A Reading is what ingest.Text returned for a paste's or a file's bytes.
type Reading struct {
	Result ingest.Result
	Err    error
}

// Add adds a pasted article.
func (s *Session) Add(p Paste) Change {
	if !s.whenLoaded() {
		return Change{}
	}
	var data []byte // read already, a 5 MB paste is not copied again
	if p.Read == nil {
		data = []byte(p.Text)
	}
	body, page, notes, err := articleText("", data, p.Read)
	if errors.Is(err, ingest.ErrEmpty) {
		s.Say(Error, "Nothing was added: the Text box has no text in it. Paste an article’s text there, then add it. The articles on screen are kept.")
		return Change{}
	}
	if err != nil {
		s.Say(Error, "Nothing was added: "+plainError(err)+". The articles on screen are kept.")
		return Change{}
	}
	typed := withPage(workspace.Article{Title: p.Title, Source: p.Source, Published: p.Published, URL: p.URL, Text: body}, page)
	if strings.TrimSpace(typed.Title) == "" {
		typed.Title = workspace.GuessTitle(body)
	}
	// Checked before anything changes: an unreadable time or URL adds
	// nothing, and the form keeps what was typed.
	if _, err := workspace.CleanPublished(typed.Published); err != nil {
		s.Say(Error, "Nothing was added: "+err.Error()+". The articles on screen are kept.")
		return Change{}
	}
	if _, err := workspace.CleanURL(typed.URL); err != nil {
		s.Say(Error, "Nothing was added: "+err.Error()+". The articles on screen are kept.")
		return Change{}
	}
	s.edit()
	art, _ := s.ws.AddArticle(typed)
	s.undo = nil
	// Each note is a sentence of its own: "Added “x”. Read as HTML: …",
	// not "… “x”. read as HTML" (a file's notes follow its name).
	for i, n := range notes {
		notes[i] = capitalize(n)
	}
	s.Say(Info, joinNotes(fmt.Sprintf("Added “%s”.", Title(art)), notes))
	return s.changed(Change{Texts: true, Pasted: true, Added: true})
}

// AddFiles adds the files that read as text, each titled after its name,
// and says what became of each.
func (s *Session) AddFiles(files []File) Change {
	if !s.whenLoaded() {
		return Change{}
	}
	var added, problems, notes []string
	for _, f := range files {
		if errors.Is(f.Err, ingest.ErrTooLarge) {
			problems = append(problems, fmt.Sprintf("%s was not added: %s", f.Name, plainError(f.Err)))
			continue
		}
		if f.Err != nil {
			problems = append(problems, fmt.Sprintf("%s could not be read (%v)", f.Name, f.Err))
			continue
		}
		text, page, fileNotes, err := articleText(f.Name, f.Data, f.Read)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s was not added: %s", f.Name, plainError(err)))
			continue
		}
		if len(added) == 0 {
			s.edit()
		}
		fromPage := withPage(workspace.Article{Text: text}, page)
		if strings.TrimSpace(fromPage.Title) == "" {
			fromPage.Title = fileTitle(f.Name)
		}
		// A page's time and URL were checked when read.
		art, _ := s.ws.AddArticle(fromPage)
		added = append(added, "“"+Title(art)+"”")
		for _, n := range fileNotes {
			notes = append(notes, f.Name+": "+n)
		}
	}
	msg := ""
	if len(added) > 0 {
		msg = "Added " + strings.Join(added, ", ") + "."
	}
	msg = joinNotes(msg, notes)
	if len(problems) > 0 {
		s.Say(Error, joinNotes(msg, problems)+" The articles on screen are kept.")
	} else {
		s.Say(Info, msg)
	}
	if len(added) == 0 {
		return Change{}
	}
	s.undo = nil
	return s.changed(Change{Texts: true, Added: true})
}

// Rename sets an article's title and source, keeping its time and URL.
func (s *Session) Rename(id, title, source string) Change {
	art, _, _ := s.ws.Find(id)
	return s.Edit(id, Details{Title: title, Source: source, Published: art.Published, URL: art.URL})
}

// Details are what the edit form says of an article, all of it.
type Details struct{ Title, Source, Published, URL string }

// Edit sets an article's title, source, publication time and URL; an
// unreadable time or URL changes nothing. The texts are the same, so the
// analysis stays: only the names shown follow.
func (s *Session) Edit(id string, d Details) Change {
	title, source := strings.TrimSpace(d.Title), d.Source
	if _, err := workspace.CleanPublished(d.Published); err != nil {
		s.Say(Error, "Not saved: "+err.Error()+". The articles on screen are kept.")
		return Change{}
	}
	if _, err := workspace.CleanURL(d.URL); err != nil {
		s.Say(Error, "Not saved: "+err.Error()+". The articles on screen are kept.")
		return Change{}
	}
	if title == "" {
		s.Say(Error, "Not renamed: a title cannot be empty. The articles on screen are kept.")
		return Change{}
	}
	before, _, ok := s.ws.Find(id)
	if !ok {
		return Change{}
	}
	s.edit()
	s.ws.Rename(id, title)
	s.ws.SetSource(id, source)
	s.ws.SetPublished(id, d.Published) // checked above
	s.ws.SetURL(id, d.URL)
	after, _, _ := s.ws.Find(id)
	var said []string
	if after.Title != before.Title {
		said = append(said, "Renamed to “"+after.Title+"”.")
	}
	switch {
	case after.Source == before.Source:
	case after.Source == "":
		said = append(said, "The source of “"+Title(after)+"” was removed.")
	default:
		said = append(said, "The source of “"+Title(after)+"” is now “"+after.Source+"”.")
	}
	said = append(said, metadataChanges(before, after)...)
	if len(said) == 0 {
		return Change{} // nothing changed
	}
	s.Say(Info, strings.Join(said, " "))
	return s.changed(Change{})
}

// Delete removes an article, offering to undo.
func (s *Session) Delete(id string) Change {
	art, i, ok := s.ws.Find(id)
	if !ok {
		return Change{}
	}
	s.keepUndo()
	s.edit()
	s.ws.Remove(id)
	s.sayUndo("Deleted “" + Title(art) + "”.")
	return s.changed(s.removed(Change{Texts: true}, i))
}

// ClearAll removes every article, offering to undo.
func (s *Session) ClearAll() Change {
	if !s.whenLoaded() || len(s.ws.Articles) == 0 {
		return Change{}
	}
	s.keepUndo()
	n := len(s.ws.Articles)
	s.edit()
	s.ws.Articles = nil
	s.sayUndo(fmt.Sprintf("Removed all %d articles.", n))
	return s.changed(s.removed(Change{Texts: true}, 0))
}

// removed says where the keyboard focus goes after a removal at index i:
// to the article now there, or the last one, or to Undo.
func (s *Session) removed(c Change, i int) Change {
	c.Removed = true
	if n := len(s.ws.Articles); n > 0 {
		c.Next = s.ws.Articles[min(i, n-1)].ID
	}
	return c
}

// RestoreDemo replaces the articles with the demo's, offering to undo
// when there were articles.
func (s *Session) RestoreDemo() Change {
	if !s.whenLoaded() {
		return Change{}
	}
	if len(s.ws.Articles) > 0 {
		s.keepUndo()
	}
	s.ws = workspace.Demo()
	c := s.replaceView(Change{Texts: true}, View{})
	if s.undo != nil {
		s.sayUndo("Restored the five demo articles; your articles were replaced.")
	} else {
		s.Say(Info, "Restored the five demo articles.")
	}
	return s.changed(c)
}

// Undo brings back the articles as they were before the last removal or
// replacement, or the marked texts before the last mark or unmark.
func (s *Session) Undo() Change {
	if s.undo == nil {
		return Change{}
	}
	s.ws = *s.undo
	s.undo = nil
	if s.undoSays != "" {
		s.Say(Info, s.undoSays)
	} else {
		s.Say(Info, fmt.Sprintf("Undone: %d articles are back.", len(s.ws.Articles)))
	}
	return s.changed(Change{Texts: true})
}

// Import replaces the articles with a workspace file's, and shows the
// view saved in it. A file that does not read as a workspace changes
// nothing.
func (s *Session) Import(f File) Change {
	var ws workspace.Workspace
	var err error
	if f.Err == nil && s.Loaded() {
		ws, err = workspace.Unmarshal(f.Data)
	}
	return s.ImportDecoded(f, ws, err)
}

// ImportDecoded is Import of a file already decoded, as ws or the error
// err: the page decodes a big file in slices (workspace.UnmarshalPausing).
func (s *Session) ImportDecoded(f File, ws workspace.Workspace, err error) Change {
	if !s.whenLoaded() {
		return Change{}
	}
	if f.Err != nil {
		s.Say(Error, fmt.Sprintf("Could not read %s (%v). The articles on screen are kept.", f.Name, f.Err))
		return Change{}
	}
	if err != nil {
		s.Say(Error, fmt.Sprintf("Could not import %s: %v. The articles on screen are kept.", f.Name, err))
		return Change{}
	}
	if len(s.ws.Articles) > 0 {
		s.keepUndo()
	}
	s.ws = ws
	c := s.replaceView(Change{Texts: true}, ParseRoute(ws.View))
	msg := fmt.Sprintf("Imported %d articles from %s.", len(ws.Articles), f.Name)
	if s.undo != nil {
		s.sayUndo(msg + " They replace the articles you had.")
	} else {
		s.Say(Info, msg)
	}
	return s.changed(c)
}
