package ui

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/workspace"
)

// recordingStore is a MemoryStore that keeps every Write it is given.
type recordingStore struct {
	MemoryStore
	writes []Write
}

func (s *recordingStore) Write(w Write) error {
	s.writes = append(s.writes, w)
	return s.MemoryStore.Write(w)
}

// written names what a Write puts and deletes: "index", "put a3",
// "delete a5", "drop whole".
func written(w Write) []string {
	var out []string
	if w.Index != nil {
		out = append(out, "index")
	}
	for _, r := range w.Put {
		out = append(out, "put "+r.ID)
	}
	for _, id := range w.Delete {
		out = append(out, "delete "+id)
	}
	if w.DropWhole {
		out = append(out, "drop whole")
	}
	return out
}

// loadedSaver is a saver that loaded what store holds, as the page does.
func loadedSaver(t *testing.T, store Store) (*saver, *workspace.Workspace) {
	t.Helper()
	saved, err := store.Load()
	if err != nil {
		t.Fatal(err)
	}
	s := &saver{store: store}
	ws, _, err := s.restore(saved)
	if err != nil {
		t.Fatal(err)
	}
	return s, ws
}

func TestASaveWritesOnlyWhatChanged(t *testing.T) {
	demo := workspace.Demo()
	tests := []struct {
		name   string
		change func(w workspace.Workspace) workspace.Workspace
		want   string
	}{
		{"a change of view writes the index alone", func(w workspace.Workspace) workspace.Workspace {
			w.View = "/#pair/a2/a3"
			return w
		}, "index"},
		{"a mark writes the index alone", func(w workspace.Workspace) workspace.Workspace {
			w.Boilerplate = []string{"Follow us on X."}
			return w
		}, "index"},
		{"an added article writes its record and the index", func(w workspace.Workspace) workspace.Workspace {
			w.Articles = slices.Clone(w.Articles)
			w.Add("Desk copy", "Gazette", "A text of its own.")
			return w
		}, "index,put a6"},
		{"an edited title writes that article's record and the index", func(w workspace.Workspace) workspace.Workspace {
			w.Articles = slices.Clone(w.Articles)
			w.Rename("a3", "UPI wire")
			return w
		}, "index,put a3"},
		{"a removed article deletes its record", func(w workspace.Workspace) workspace.Workspace {
			w.Articles = slices.Clone(w.Articles)
			w.Remove("a2")
			return w
		}, "index,delete a2"},
		{"the same articles in a new list write the index alone", func(w workspace.Workspace) workspace.Workspace {
			w.Articles = slices.Clone(w.Articles)
			return w
		}, "index"},
		{"an import over the articles writes every record", func(workspace.Workspace) workspace.Workspace {
			w := workspace.Workspace{View: "/"}
			w.Add("Imported", "", "An imported text.")
			w.Add("Imported too", "", "Another imported text.")
			return w
		}, "index,put a1,put a2,delete a3,delete a4,delete a5"},
		{"clearing the articles deletes every record", func(w workspace.Workspace) workspace.Workspace {
			w.Articles = nil
			return w
		}, "index,delete a1,delete a2,delete a3,delete a4,delete a5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := &recordingStore{}
			if err := keepFile(&store.MemoryStore, mustMarshal(t, demo)); err != nil {
				t.Fatal(err)
			}
			s, loaded := loadedSaver(t, store)
			changed := tt.change(*loaded)
			if err := s.save(s.next(), changed); err != nil {
				t.Fatal(err)
			}
			if len(store.writes) != 1 {
				t.Fatalf("%d writes, want one", len(store.writes))
			}
			if got := strings.Join(written(store.writes[0]), ","); got != tt.want {
				t.Errorf("the save wrote %s, want %s", got, tt.want)
			}
			back, err := savedWorkspace(&store.MemoryStore)
			if err != nil {
				t.Fatal(err)
			}
			if !sameWorkspace(back, changed) {
				t.Errorf("the next visit reads %s, want %s", summary(back), summary(changed))
			}
		})
	}
}

func mustMarshal(t *testing.T, w workspace.Workspace) []byte {
	t.Helper()
	data, err := workspace.Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// sameWorkspace compares two workspaces as saved: an empty list is no
// list.
func sameWorkspace(a, b workspace.Workspace) bool {
	return slices.Equal(a.Articles, b.Articles) && a.View == b.View &&
		slices.Equal(a.Boilerplate, b.Boilerplate) && max(a.Next, 1) == max(b.Next, 1)
}

func summary(w workspace.Workspace) string {
	var ids []string
	for _, a := range w.Articles {
		ids = append(ids, a.ID+" "+a.Title)
	}
	return "[" + strings.Join(ids, "; ") + "] on " + w.View + " marking " + strings.Join(w.Boilerplate, "|")
}

func TestAnEarlierVersionsSaveLoadsAndIsWrittenAgainAsRecords(t *testing.T) {
	demo := workspace.Demo()
	demo.View = "/#pair/a2/a3"
	store := &recordingStore{MemoryStore: MemoryStore{Saved: Saved{Whole: mustMarshal(t, demo)}}}
	s := &saver{store: store}
	saved, _ := store.Load()
	ws, rewrite, err := s.restore(saved)
	if err != nil || ws == nil || !sameWorkspace(*ws, demo) {
		t.Fatalf("restore gave %v, %v; want the demo saved", ws, err)
	}
	if !rewrite {
		t.Fatal("an earlier version's save is not to be written again")
	}
	if err := s.save(s.next(), *ws); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(written(store.writes[0]), ","); got != "index,put a1,put a2,put a3,put a4,put a5,drop whole" {
		t.Errorf("the save after loading wrote %s; want every record, and the whole workspace dropped", got)
	}
	if back, err := savedWorkspace(&store.MemoryStore); err != nil || !sameWorkspace(back, demo) || store.Saved.Whole != nil {
		t.Errorf("the next visit reads %s (%v), whole kept: %v", summary(back), err, store.Saved.Whole != nil)
	}
}

func TestAFailedWriteKeepsTheEarlierSave(t *testing.T) {
	store := &recordingStore{}
	if err := keepFile(&store.MemoryStore, mustMarshal(t, workspace.Demo())); err != nil {
		t.Fatal(err)
	}
	s, loaded := loadedSaver(t, store)
	before, _ := store.Load()

	added := *loaded
	added.Articles = slices.Clone(added.Articles)
	added.Add("Desk copy", "", "Written to a full disk.")
	store.Fail = ErrStorageFull
	if err := s.save(s.next(), added); !errors.Is(err, ErrStorageFull) {
		t.Fatalf("the save gave %v, want ErrStorageFull", err)
	}
	if now, _ := store.Load(); string(now.Index) != string(before.Index) || len(now.Articles) != len(before.Articles) {
		t.Error("a refused write changed what was saved")
	}

	// Once the browser takes writes again, the next save, a change of
	// view, writes the article the refused one did not.
	store.Fail = nil
	viewed := added
	viewed.View = "/#pair/a1/a6"
	if err := s.save(s.next(), viewed); err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(written(store.writes[len(store.writes)-1]), ","); got != "index,put a6" {
		t.Errorf("the save after the refused one wrote %s, want the index and a6", got)
	}
	if back, err := savedWorkspace(&store.MemoryStore); err != nil || !sameWorkspace(back, viewed) {
		t.Errorf("the next visit reads %s (%v), want %s", summary(back), err, summary(viewed))
	}
}

func TestAnOlderSnapshotNeverOverwritesANewerOne(t *testing.T) {
	store := &recordingStore{}
	s := &saver{store: store}
	older, newer := workspace.Demo(), workspace.Demo()
	older.View, newer.View = "/#pair/a1/a2", "/#pair/a4/a5"
	first, second := s.next(), s.next()
	if err := s.save(second, newer); err != nil {
		t.Fatal(err)
	}
	if err := s.save(first, older); err != nil {
		t.Fatal(err)
	}
	if len(store.writes) != 1 {
		t.Errorf("%d writes, want the newer snapshot's alone", len(store.writes))
	}
	if back, _ := savedWorkspace(&store.MemoryStore); back.View != newer.View {
		t.Errorf("saved view %q, want the newer %q", back.View, newer.View)
	}
}

func TestAnArticleThatCannotBeReadIsReportedAndTheRestLoads(t *testing.T) {
	demo := workspace.Demo()
	tests := []struct {
		name    string
		damage  func(s *Saved)
		ids     string
		says    []string
		nothing bool // nothing loads: the demo is shown
	}{
		{"a missing record", func(s *Saved) { delete(s.Articles, "a3") }, "a1,a2,a4,a5",
			[]string{"1 article is left out, a3 (its record is missing); the other 4 are loaded"}, false},
		{"a record the browser could not read", func(s *Saved) { s.Articles["a2"] = nil }, "a1,a3,a4,a5",
			[]string{"a2 (the browser could not read its record)"}, false},
		{"a record that is not an article's", func(s *Saved) { s.Articles["a4"] = []byte("{garbled") }, "a1,a2,a3,a5",
			[]string{"a4 (not an article record)"}, false},
		{"a record holding another article", func(s *Saved) { s.Articles["a5"] = s.Articles["a1"] }, "a1,a2,a3,a4",
			[]string{`a5 (its record holds article "a1")`}, false},
		{"four records missing", func(s *Saved) {
			for _, id := range []string{"a1", "a2", "a3", "a4"} {
				delete(s.Articles, id)
			}
		}, "a5", []string{"4 articles are left out, a1 (its record is missing), a2 (its record is missing), a3 (its record is missing) and 1 more; the other 1 is loaded"}, false},
		{"a damaged index", func(s *Saved) { s.Index = []byte(`{"version":1,"ids":"a1"}`) }, "a1,a2,a3,a4,a5",
			[]string{"the list of your articles is damaged", "the 5 articles found are loaded in the order they were added"}, false},
		{"no index", func(s *Saved) { s.Index = nil }, "a1,a2,a3,a4,a5",
			[]string{"the list of your articles is missing"}, false},
		{"no index and no article that can be read", func(s *Saved) {
			s.Index = nil
			for id := range s.Articles {
				s.Articles[id] = nil
			}
		}, "", []string{"the list of your articles is missing"}, true},
		{"an earlier version's save that is not JSON", func(s *Saved) { *s = Saved{Whole: []byte("{not json")} }, "",
			[]string{"not valid JSON"}, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			store := &MemoryStore{}
			if err := keepFile(store, mustMarshal(t, demo)); err != nil {
				t.Fatal(err)
			}
			tt.damage(&store.Saved)
			saved, _ := store.Load()
			ws, _, err := new(saver).restore(saved)
			if tt.nothing != (ws == nil) {
				t.Fatalf("restore gave a workspace: %v; want one: %v", ws != nil, !tt.nothing)
			}
			if ws != nil {
				var ids []string
				for _, a := range ws.Articles {
					ids = append(ids, a.ID)
				}
				if got := strings.Join(ids, ","); got != tt.ids {
					t.Errorf("loaded %s, want %s", got, tt.ids)
				}
			}
			for _, say := range tt.says {
				if err == nil || !strings.Contains(err.Error(), say) {
					t.Errorf("restore says %v; want it to say %q", err, say)
				}
			}
		})
	}
}

func TestAFirstVisitRestoresNothing(t *testing.T) {
	ws, rewrite, err := new(saver).restore(Saved{})
	if ws != nil || rewrite || err != nil {
		t.Errorf("an empty store gave %v, %v, %v; want nothing", ws, rewrite, err)
	}
}
