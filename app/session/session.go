package session

import (
	"fmt"
	"slices"

	"github.com/wirediff/wirediff/app/workspace"
)

// Kinds of notice.
const (
	Info  = "info"
	Error = "error"
)

// A Notice is the message line: what the last change did, or why it was
// refused.
type Notice struct {
	Kind string // Info or Error
	Text string
	Undo bool // offer to undo the last removal
}

// A Change says what an edit asks of the page. The zero Change asks for
// nothing: the edit was refused, or changed only the notice.
type Change struct {
	// Texts: articles were added, removed or replaced, so the analysis
	// must run again.
	Texts bool
	// Save: the workspace changed and must be saved.
	Save bool
	// View: the view changed; the page title follows and the view comes
	// into sight.
	View bool
	// URL: the view changed by an edit, not by navigation, so the URL
	// must be replaced to show it (without a history entry).
	URL bool
	// Pasted: the paste went in, so the form clears its fields. A refused
	// paste stays for the user to fix.
	Pasted bool
	// Added: articles were added at the end of the list.
	Added bool
	// Removed: articles were removed. The keyboard focus moves to Next,
	// the article now in the place of the first one removed, or to Undo
	// when Next is "" (no article is left).
	Removed bool
	Next    string
}

// A Session is the articles, the last removal (to undo), the notice and
// the view. Its zero value is a session still loading: edits are refused
// until Load.
type Session struct {
	ws   workspace.Workspace
	undo *workspace.Workspace
	// undoSays is what Undo says it brought back; "" for articles.
	undoSays string
	notice   Notice
	view     View
	loaded   bool
}

// Loaded reports whether the saved articles were loaded.
func (s *Session) Loaded() bool { return s.loaded }

// Articles are the articles, in order. The slice is never changed in
// place: an edit makes a new one, so a caller may keep it.
func (s *Session) Articles() []workspace.Article { return s.ws.Articles }

// Workspace is the articles and the view, as saved and exported. It
// shares the list with the session, which never changes it in place.
func (s *Session) Workspace() workspace.Workspace { return s.ws }

// Find returns the article with the given ID and its index.
func (s *Session) Find(id string) (workspace.Article, int, bool) { return s.ws.Find(id) }

// Notice is the message line. It offers Undo only while there is a
// removal to undo.
func (s *Session) Notice() Notice {
	n := s.notice
	n.Undo = n.Undo && s.undo != nil
	return n
}

// View is the view the main area shows.
func (s *Session) View() View { return s.view }

// Say sets the message line.
func (s *Session) Say(kind, text string) { s.notice = Notice{Kind: kind, Text: text} }

// sayUndo sets the message line, offering to undo.
func (s *Session) sayUndo(text string) { s.notice = Notice{Kind: Info, Text: text, Undo: true} }

// Load starts the session with the saved workspace: ws as the store's
// records gave it, nil on a first visit, which shows the demo. err says
// what could not be read: all of it when ws is nil (the demo is shown),
// else the part left out. fragment is the URL's: a URL with a view wins,
// a bare "/" (a new tab, the installed app) returns to the view saved
// with the articles.
func (s *Session) Load(ws *workspace.Workspace, err error, fragment string) Change {
	s.ws = workspace.Demo()
	switch {
	case ws == nil && err != nil:
		s.Say(Error, fmt.Sprintf("Could not read your saved articles (%v). Showing the demo articles instead.", err))
	case ws != nil:
		s.ws = *ws
		if err != nil {
			s.Say(Error, fmt.Sprintf("Not all your saved work could be read: %v.", err))
		}
	}
	s.loaded = true
	c := Change{Texts: true}
	if fragment == "" && s.ws.View != "" {
		c = s.replaceView(c, ParseRoute(s.ws.View))
	}
	return c
}

// Navigate follows the URL fragment, the user's own navigation: the URL
// already shows the view. The view is saved with the articles.
func (s *Session) Navigate(fragment string) Change {
	v := ParseView(fragment)
	if v == s.view {
		return Change{}
	}
	s.view = v
	c := Change{View: true}
	if s.loaded {
		s.ws.View = v.Route()
		c.Save = true
	}
	return c
}

// replaceView shows v after an edit: the URL must follow.
func (s *Session) replaceView(c Change, v View) Change {
	if v != s.view {
		s.view = v
		c.View, c.URL = true, true
	}
	return c
}

// edit starts a change of the list: a fresh slice, so the old one, which
// components and a pending save may hold, never changes.
func (s *Session) edit() {
	s.ws.Articles = slices.Clone(s.ws.Articles)
}

// changed completes an edit that must be saved: a pair view of an
// article that is gone returns to the overview, and the view is saved
// with the articles.
func (s *Session) changed(c Change) Change {
	if s.view.Pair {
		_, _, okA := s.ws.Find(s.view.A)
		_, _, okB := s.ws.Find(s.view.B)
		if !okA || !okB {
			c = s.replaceView(c, View{})
		}
	}
	s.ws.View = s.view.Route()
	c.Save = true
	return c
}

// keepUndo remembers the articles before a removal or a replacement.
func (s *Session) keepUndo() {
	prev := s.ws
	s.undo, s.undoSays = &prev, ""
}

// whenLoaded refuses changes until the saved articles are loaded: they
// would be overwritten by what loads.
func (s *Session) whenLoaded() bool {
	if !s.loaded {
		s.Say(Error, "Your saved articles are still loading: try again in a moment. Nothing was changed.")
	}
	return s.loaded
}
