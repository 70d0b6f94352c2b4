package session

import "github.com/wirediff/wirediff/app/export"

// Marked is the texts the user marked as boilerplate, in the order
// marked. The slice is never changed in place.
func (s *Session) Marked() []string { return s.ws.Boilerplate }

// MarkBoilerplate marks text as boilerplate: the analysis sets it aside
// wherever it occurs. It runs again, and the user may undo.
func (s *Session) MarkBoilerplate(text string) Change {
	if !s.whenLoaded() {
		return Change{}
	}
	prev := s.ws
	kept, added, err := s.ws.Mark(text)
	switch {
	case err != nil:
		s.Say(Error, "Not set aside: "+err.Error()+". The articles on screen are kept.")
		return Change{}
	case !added:
		s.Say(Info, "“"+export.Excerpt(kept, 80)+"” is already set aside as boilerplate.")
		return Change{}
	}
	s.undo, s.undoSays = &prev, "Undone: “"+export.Excerpt(kept, 80)+"” is compared again."
	s.sayUndo("Set aside “" + export.Excerpt(kept, 80) + "” as boilerplate: it is no longer compared, wherever it occurs.")
	return s.changed(Change{Texts: true})
}

// UnmarkBoilerplate unmarks a text marked as boilerplate: the analysis
// compares it again. The user may undo.
func (s *Session) UnmarkBoilerplate(text string) Change {
	if !s.whenLoaded() {
		return Change{}
	}
	prev := s.ws
	if !s.ws.Unmark(text) {
		return Change{}
	}
	clipped := export.Excerpt(text, 80)
	s.undo, s.undoSays = &prev, "Undone: “"+clipped+"” is set aside again."
	s.sayUndo("Unmarked “" + clipped + "”: it is compared again.")
	return s.changed(Change{Texts: true})
}
