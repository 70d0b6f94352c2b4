package workspace

import (
	"slices"
	"strings"
	"testing"
)

func TestMarkKeepsEachTextOnceTrimmedAndRefusesWhatCannotBeKept(t *testing.T) {
	tests := []struct {
		name    string
		marked  []string
		text    string
		want    []string
		added   bool
		wantErr string
	}{
		{"a text is trimmed and kept", nil, "  Follow us on X.\n", []string{"Follow us on X."}, true, ""},
		{"a text marked already is not kept twice", []string{"Follow us on X."}, "Follow us on X. ", []string{"Follow us on X."}, false, ""},
		{"a blank text is refused", nil, " \n\t", nil, false, "empty"},
		{"an overlong text is refused", nil, strings.Repeat("é", MaxMarkedRunes+1), nil, false, "longer than"},
		{"a text past the limit is refused", slices.Repeat([]string{"x"}, MaxMarked), "one more", slices.Repeat([]string{"x"}, MaxMarked), false, "unmark one first"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := Workspace{Boilerplate: slices.Clone(tt.marked)}
			_, added, err := w.Mark(tt.text)
			if tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)) {
				t.Fatalf("Mark(%.20q) error = %v, want one saying %q", tt.text, err, tt.wantErr)
			}
			if tt.wantErr == "" && err != nil {
				t.Fatalf("Mark(%.20q): %v", tt.text, err)
			}
			if added != tt.added || !slices.Equal(w.Boilerplate, tt.want) {
				t.Errorf("Mark(%.20q) = %v, marks %q; want %v, %q", tt.text, added, w.Boilerplate, tt.added, tt.want)
			}
		})
	}
}

func TestUnmarkRemovesOnlyThatTextAndLeavesTheOldSliceAlone(t *testing.T) {
	w := Workspace{Boilerplate: []string{"one", "two", "three"}}
	old := w.Boilerplate
	if !w.Unmark(" two ") {
		t.Fatal("Unmark(two) = false, want true")
	}
	if !slices.Equal(w.Boilerplate, []string{"one", "three"}) || !slices.Equal(old, []string{"one", "two", "three"}) {
		t.Errorf("marks %q, old slice %q", w.Boilerplate, old)
	}
	if w.Unmark("four") {
		t.Error("Unmark of a text never marked = true")
	}
}

func TestMarkedTextsRoundTripAndAFileWithoutThemIsWrittenAsBefore(t *testing.T) {
	w := Workspace{Version: Version, View: "/"}
	w.Add("T", "S", "text")
	plain, err := Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(plain), "boilerplate") {
		t.Errorf("a workspace without marks writes %s", plain)
	}
	w.Mark("Subscribe to our newsletter.")
	data, err := Marshal(w)
	if err != nil {
		t.Fatal(err)
	}
	got, err := Unmarshal(data)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.Boilerplate, []string{"Subscribe to our newsletter."}) {
		t.Errorf("read back %q", got.Boilerplate)
	}
	if opts := got.Options(); !slices.Equal(opts.Boilerplate, got.Boilerplate) {
		t.Errorf("Options().Boilerplate = %q, want %q", opts.Boilerplate, got.Boilerplate)
	}
}

func TestUnmarshalCleansMarkedTextsAndRefusesTooMany(t *testing.T) {
	w, err := Unmarshal([]byte(`{"version":1,"articles":[],"boilerplate":[" a ","","a","b"]}`))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(w.Boilerplate, []string{"a", "b"}) {
		t.Errorf("marks read as %q, want [a b]", w.Boilerplate)
	}
	var items []string
	for i := range MaxMarked + 1 {
		items = append(items, `"m`+strings.Repeat("x", i)+`"`)
	}
	_, err = Unmarshal([]byte(`{"version":1,"articles":[],"boilerplate":[` + strings.Join(items, ",") + `]}`))
	if err == nil || !strings.Contains(err.Error(), "too many texts marked") {
		t.Errorf("%d marked texts: error %v, want too many", MaxMarked+1, err)
	}
	_, err = Unmarshal([]byte(`{"version":1,"articles":[],"boilerplate":["` + strings.Repeat("x", MaxMarkedRunes+1) + `"]}`))
	if err == nil || !strings.Contains(err.Error(), "longer than") {
		t.Errorf("an overlong marked text: error %v", err)
	}
}
