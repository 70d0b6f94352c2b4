package ui

import (
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/workspace"
)

func TestAMissingArticleRecordIsNamedInTheNoticeAndTheRestLoad(t *testing.T) {
	store := &MemoryStore{}
	if err := keepFile(store, mustMarshal(t, workspace.Demo())); err != nil {
		t.Fatal(err)
	}
	delete(store.Saved.Articles, "a3")
	h := start(t, store)
	doc := h.page()
	if ids := strings.Join(articleIDs(doc), ","); ids != "a1,a2,a4,a5" {
		t.Errorf("the list shows %s, want the four articles whose records are there", ids)
	}
	if kind, text := noticeOf(doc); kind != "error" || !strings.Contains(text, "a3 (its record is missing)") || !strings.Contains(text, "the other 4 are loaded") {
		t.Errorf("notice %s %q; want it to name a3 and say the others loaded", kind, text)
	}
	if store.Saved.Articles["a1"] == nil {
		t.Error("loading wrote over what was saved")
	}
}

func TestAnEarlierVersionsSaveIsWrittenAgainAsRecordsOnLoad(t *testing.T) {
	ws := workspace.Demo()
	ws.View = "/#pair/a2/a3"
	store := &MemoryStore{Saved: Saved{Whole: mustMarshal(t, ws)}}
	h := start(t, store)
	if byID(h.page(), "pair-view") == nil {
		t.Error("the view saved by the earlier version is not shown")
	}
	if store.Saved.Whole != nil || store.Saved.Index == nil || len(store.Saved.Articles) != 5 {
		t.Errorf("after the load the store holds the whole workspace: %v, an index: %v, %d records; want records alone",
			store.Saved.Whole != nil, store.Saved.Index != nil, len(store.Saved.Articles))
	}
	if kind, text := noticeOf(h.page()); kind == "error" {
		t.Errorf("the page says %q", text)
	}
}
