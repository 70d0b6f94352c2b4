package session

import (
	"slices"
	"strings"
	"testing"
)

const signOff = "Follow the latest news on our channel."

func TestMarkingBoilerplateReanalysesSavesAndCanBeUndone(t *testing.T) {
	tests := []struct {
		name   string
		before func(s *Session)
		edit   func(s *Session) Change
		want   Change
		marked []string
		notice string // kind and a part of the text
		undo   bool   // the notice offers Undo
	}{
		{"marking a text sets it aside and re-analyses", nil,
			func(s *Session) Change { return s.MarkBoilerplate("  " + signOff + "\n") },
			Change{Texts: true, Save: true}, []string{signOff}, "info Set aside “" + signOff + "” as boilerplate", true},
		{"marking a marked text changes nothing", func(s *Session) { s.MarkBoilerplate(signOff) },
			func(s *Session) Change { return s.MarkBoilerplate(signOff) },
			Change{}, []string{signOff}, "info “" + signOff + "” is already set aside", false},
		{"marking blank text is refused", nil,
			func(s *Session) Change { return s.MarkBoilerplate(" \n ") },
			Change{}, nil, "error Not set aside: the text to mark is empty", false},
		{"unmarking a text compares it again", func(s *Session) { s.MarkBoilerplate(signOff) },
			func(s *Session) Change { return s.UnmarkBoilerplate(signOff) },
			Change{Texts: true, Save: true}, nil, "info Unmarked “" + signOff + "”: it is compared again.", true},
		{"unmarking a text never marked changes nothing", nil,
			func(s *Session) Change { return s.UnmarkBoilerplate(signOff) },
			Change{}, nil, "", false},
		{"undo after marking unmarks", func(s *Session) { s.MarkBoilerplate(signOff) },
			func(s *Session) Change { return s.Undo() },
			Change{Texts: true, Save: true}, nil, "info Undone: “" + signOff + "” is compared again.", false},
		{"undo after unmarking marks again", func(s *Session) { s.MarkBoilerplate(signOff); s.UnmarkBoilerplate(signOff) },
			func(s *Session) Change { return s.Undo() },
			Change{Texts: true, Save: true}, []string{signOff}, "info Undone: “" + signOff + "” is set aside again.", false},
		{"undo after a deletion still says the articles are back", func(s *Session) { s.MarkBoilerplate(signOff); s.Delete("a1") },
			func(s *Session) Change { return s.Undo() },
			Change{Texts: true, Save: true}, []string{signOff}, "info Undone: 5 articles are back.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := demo(t, "")
			if tt.before != nil {
				tt.before(s)
			}
			s.Say("", "")
			got := tt.edit(s)
			if got != tt.want {
				t.Errorf("change = %+v, want %+v", got, tt.want)
			}
			if !slices.Equal(s.Marked(), tt.marked) || !slices.Equal(s.Workspace().Boilerplate, tt.marked) {
				t.Errorf("marked %q, want %q", s.Marked(), tt.marked)
			}
			n := s.Notice()
			if said := n.Kind + " " + n.Text; !strings.HasPrefix(said, tt.notice) || (tt.notice == "") != (n.Text == "") {
				t.Errorf("notice %q, want it to start %q", said, tt.notice)
			}
			if n.Undo != tt.undo {
				t.Errorf("notice offers Undo = %v, want %v", n.Undo, tt.undo)
			}
			if opts := s.Workspace().Options(); !slices.Equal(opts.Boilerplate, tt.marked) {
				t.Errorf("options mark %q, want %q", opts.Boilerplate, tt.marked)
			}
		})
	}
}

func TestMarkingWaitsForTheSavedArticles(t *testing.T) {
	var s Session
	if c := s.MarkBoilerplate(signOff); c != (Change{}) || len(s.Marked()) != 0 {
		t.Errorf("before Load: change %+v, marked %q", c, s.Marked())
	}
	if !strings.Contains(s.Notice().Text, "still loading") {
		t.Errorf("notice %q", s.Notice().Text)
	}
}
