package session

import (
	"errors"
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/workspace"
)

// demo is a session with the demo articles loaded, at the given URL
// fragment.
func demo(t *testing.T, fragment string) *Session {
	t.Helper()
	var s Session
	s.Navigate(fragment)
	s.Load(nil, nil, fragment)
	return &s
}

// saved is a workspace file of the demo's a2 and a3, saved on their pair
// view.
func saved(t *testing.T) []byte {
	t.Helper()
	ws := workspace.Demo()
	ws.Articles = ws.Articles[1:3]
	ws.View = "/#pair/a2/a3"
	data, err := workspace.Marshal(ws)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func ids(s *Session) string {
	var out []string
	for _, a := range s.Articles() {
		out = append(out, a.ID)
	}
	return strings.Join(out, ",")
}

const wire = "The minister said the talks would resume on Monday after both sides had consulted their governments at home."

func TestEditsChangeTheArticlesAndSayWhatThePageMustDo(t *testing.T) {
	tests := []struct {
		name     string
		fragment string                  // the URL's when the session loads
		before   func(s *Session)        // earlier edits, if any
		edit     func(s *Session) Change // the edit under test
		want     Change                  // what it asks of the page
		ids      string                  // the articles afterwards
		view     View                    // the view afterwards
		notice   string                  // the notice's kind and a part of its text
	}{
		{"a paste is added at the end, titled from its first line", "",
			nil, func(s *Session) Change {
				return s.Add(Paste{Title: " ", Source: "Gazette", Text: "Talks resume on Monday\n\n" + wire})
			},
			Change{Texts: true, Save: true, Pasted: true, Added: true}, "a1,a2,a3,a4,a5,a6", View{}, "info Added “Talks resume on Monday”."},
		{"an empty paste is refused and stays in the form", "",
			nil, func(s *Session) Change { return s.Add(Paste{Title: "Empty", Text: " \n\t "}) },
			Change{}, "a1,a2,a3,a4,a5", View{}, "error the Text box has no text"},
		{"a binary paste is refused", "",
			nil, func(s *Session) Change {
				return s.Add(Paste{Text: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"})
			},
			Change{}, "a1,a2,a3,a4,a5", View{}, "error binary"},
		{"files that read as text are added, the others named", "",
			nil, func(s *Session) Change {
				return s.AddFiles([]File{
					{Name: "desk.txt", Data: []byte(wire)},
					{Name: "archive.txt", Err: ingest.ErrTooLarge},
					{Name: "gone.txt", Err: errors.New("file not found")},
				})
			},
			Change{Texts: true, Save: true, Added: true}, "a1,a2,a3,a4,a5,a6", View{},
			"error Added “desk”. archive.txt was not added: it is too large: an article can have up to"},
		{"no file that reads as text changes nothing", "",
			nil, func(s *Session) Change { return s.AddFiles([]File{{Name: "empty.txt", Data: []byte("  ")}}) },
			Change{}, "a1,a2,a3,a4,a5", View{}, "error empty.txt was not added: there is no text. The articles on screen are kept."},
		{"a rename keeps the texts, so the analysis", "",
			nil, func(s *Session) Change { return s.Rename("a3", "UPI wire", "UPI") },
			Change{Save: true}, "a1,a2,a3,a4,a5", View{}, "info Renamed to “UPI wire”."},
		{"a rename to an empty title is refused", "",
			nil, func(s *Session) Change { return s.Rename("a3", "  ", "UPI") },
			Change{}, "a1,a2,a3,a4,a5", View{}, "error a title cannot be empty"},
		{"a delete moves the focus to the next article", "",
			nil, func(s *Session) Change { return s.Delete("a2") },
			Change{Texts: true, Save: true, Removed: true, Next: "a3"}, "a1,a3,a4,a5", View{}, "info Deleted “"},
		{"deleting the last article moves the focus to the one before", "",
			nil, func(s *Session) Change { return s.Delete("a5") },
			Change{Texts: true, Save: true, Removed: true, Next: "a4"}, "a1,a2,a3,a4", View{}, "info Deleted “"},
		{"deleting an article of the open pair returns to the overview", "pair/a2/a3",
			nil, func(s *Session) Change { return s.Delete("a3") },
			Change{Texts: true, Save: true, View: true, URL: true, Removed: true, Next: "a4"}, "a1,a2,a4,a5", View{}, "info Deleted “"},
		{"deleting another article keeps the pair open", "pair/a2/a3",
			nil, func(s *Session) Change { return s.Delete("a1") },
			Change{Texts: true, Save: true, Removed: true, Next: "a2"}, "a2,a3,a4,a5", View{Pair: true, A: "a2", B: "a3"}, "info Deleted “"},
		{"clearing all moves the focus to Undo", "",
			nil, func(s *Session) Change { return s.ClearAll() },
			Change{Texts: true, Save: true, Removed: true}, "", View{}, "info Removed all 5 articles."},
		{"undo brings the cleared articles back", "",
			func(s *Session) { s.ClearAll() }, func(s *Session) Change { return s.Undo() },
			Change{Texts: true, Save: true}, "a1,a2,a3,a4,a5", View{}, "info Undone: 5 articles are back."},
		{"an add forgets the removal to undo", "",
			func(s *Session) { s.Delete("a1"); s.Add(Paste{Text: wire}) }, func(s *Session) Change { return s.Undo() },
			Change{}, "a2,a3,a4,a5,a6", View{}, "info Added"},
		{"restoring the demo returns to the overview", "pair/a2/a3",
			func(s *Session) { s.Delete("a1") }, func(s *Session) Change { return s.RestoreDemo() },
			Change{Texts: true, Save: true, View: true, URL: true}, "a1,a2,a3,a4,a5", View{}, "info your articles were replaced"},
		{"an import replaces the articles and shows its saved view", "",
			nil, func(s *Session) Change { return s.Import(File{Name: "desk.json", Data: saved(t)}) },
			Change{Texts: true, Save: true, View: true, URL: true}, "a2,a3", View{Pair: true, A: "a2", B: "a3"},
			"info Imported 2 articles from desk.json. They replace the articles you had."},
		{"a broken workspace file changes nothing", "",
			nil, func(s *Session) Change {
				return s.Import(File{Name: "ws.json", Data: []byte(`{"version": 1, "articles": [`)})
			},
			Change{}, "a1,a2,a3,a4,a5", View{}, "error Could not import ws.json"},
		{"navigating to a pair saves the view with the articles", "",
			nil, func(s *Session) Change { return s.Navigate("#pair/a1/a4") },
			Change{Save: true, View: true}, "a1,a2,a3,a4,a5", View{Pair: true, A: "a1", B: "a4"}, ""},
		{"navigating to the view on screen does nothing", "pair/a1/a4",
			nil, func(s *Session) Change { return s.Navigate("pair/a1/a4") },
			Change{}, "a1,a2,a3,a4,a5", View{Pair: true, A: "a1", B: "a4"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := demo(t, tt.fragment)
			if tt.before != nil {
				tt.before(s)
			}
			got := tt.edit(s)
			if got != tt.want {
				t.Errorf("change %+v, want %+v", got, tt.want)
			}
			if ids(s) != tt.ids {
				t.Errorf("articles %s, want %s", ids(s), tt.ids)
			}
			if s.View() != tt.view {
				t.Errorf("view %+v, want %+v", s.View(), tt.view)
			}
			n := s.Notice()
			if kind, text, _ := strings.Cut(tt.notice, " "); n.Kind != kind || !strings.Contains(n.Text, text) {
				t.Errorf("notice %s %q, want %s with %q", n.Kind, n.Text, kind, text)
			}
			if tt.want.Save && s.Workspace().View != s.View().Route() {
				t.Errorf("the workspace saves the view %q, want %q", s.Workspace().View, s.View().Route())
			}
			if n.Undo != (n.Kind == Info && (tt.want.Removed || strings.Contains(n.Text, "replace"))) {
				t.Errorf("the notice %q offers undo: %v", n.Text, n.Undo)
			}
		})
	}
}

func TestAnEditNeverChangesAListHandedOut(t *testing.T) {
	// Components and a pending save hold the list; go-app sees a change
	// only in a new slice, and a save must write what was there.
	edits := []struct {
		name string
		edit func(s *Session)
	}{
		{"an add", func(s *Session) { s.Add(Paste{Text: wire}) }},
		{"a file", func(s *Session) { s.AddFiles([]File{{Name: "x.txt", Data: []byte(wire)}}) }},
		{"a rename", func(s *Session) { s.Rename("a1", "Renamed", "Else") }},
		{"a delete", func(s *Session) { s.Delete("a1") }},
		{"a clear", func(s *Session) { s.ClearAll() }},
		{"an undo", func(s *Session) { s.Undo() }},
	}
	s := demo(t, "")
	for _, e := range edits {
		t.Run(e.name, func(t *testing.T) {
			held := s.Articles()
			kept := append([]workspace.Article(nil), held...)
			e.edit(s)
			for i := range held {
				if held[i] != kept[i] {
					t.Fatalf("article %d of the list handed out changed from %q to %q", i, kept[i].Title, held[i].Title)
				}
			}
		})
	}
}

func TestLoadingShowsTheSavedArticlesOrTheDemoAndSaysWhy(t *testing.T) {
	ws, err := workspace.Unmarshal(saved(t))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		ws       *workspace.Workspace
		err      error
		fragment string
		ids      string
		view     View
		want     Change
		notice   string
	}{
		{"a first visit shows the demo", nil, nil, "", "a1,a2,a3,a4,a5", View{}, Change{Texts: true}, ""},
		{"a saved workspace comes back with its view", &ws, nil, "", "a2,a3", View{Pair: true, A: "a2", B: "a3"},
			Change{Texts: true, View: true, URL: true}, ""},
		{"a URL with a view wins over the saved one", &ws, nil, "overview", "a2,a3", View{}, Change{Texts: true}, ""},
		{"a save read in part comes back and says what was left out", &ws, errors.New("a7 is left out"), "", "a2,a3",
			View{Pair: true, A: "a2", B: "a3"}, Change{Texts: true, View: true, URL: true},
			"Not all your saved work could be read: a7 is left out."},
		{"storage that fails falls back to the demo", nil, errors.New("denied"), "", "a1,a2,a3,a4,a5", View{}, Change{Texts: true},
			"Could not read your saved articles (denied)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Session
			s.Navigate(tt.fragment)
			got := s.Load(tt.ws, tt.err, tt.fragment)
			if got != tt.want {
				t.Errorf("change %+v, want %+v", got, tt.want)
			}
			if ids(&s) != tt.ids || s.View() != tt.view {
				t.Errorf("articles %s on %+v, want %s on %+v", ids(&s), s.View(), tt.ids, tt.view)
			}
			if n := s.Notice(); !strings.Contains(n.Text, tt.notice) || (tt.notice != "") != (n.Kind == Error) {
				t.Errorf("notice %s %q, want %q", n.Kind, n.Text, tt.notice)
			}
		})
	}
}

func TestEditsWaitForTheSavedArticles(t *testing.T) {
	var s Session
	edits := map[string]func() Change{
		"add":     func() Change { return s.Add(Paste{Text: wire}) },
		"files":   func() Change { return s.AddFiles([]File{{Name: "x.txt", Data: []byte(wire)}}) },
		"clear":   s.ClearAll,
		"restore": s.RestoreDemo,
		"import":  func() Change { return s.Import(File{Name: "ws.json", Data: saved(t)}) },
	}
	for name, edit := range edits {
		if c := edit(); c != (Change{}) || len(s.Articles()) != 0 {
			t.Errorf("%s before loading: change %+v, %d articles", name, c, len(s.Articles()))
		}
		if n := s.Notice(); n.Kind != Error || !strings.Contains(n.Text, "still loading") {
			t.Errorf("%s before loading says %s %q", name, n.Kind, n.Text)
		}
	}
}
