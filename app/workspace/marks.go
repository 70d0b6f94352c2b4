// Texts a user marks as boilerplate, kept with the workspace and handed
// to the engine as options.

package workspace

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/wirediff/wirediff/app/reuse"
)

// Options are the engine options the workspace asks for: its marked
// texts set aside wherever they occur.
func (w Workspace) Options() reuse.Options {
	return reuse.Options{Boilerplate: slices.Clone(w.Boilerplate)}
}

// CleanMarked is a text as the workspace keeps it when marked as
// boilerplate: trimmed, or an error that says why it cannot be marked.
func CleanMarked(text string) (string, error) {
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return "", errors.New("the text to mark is empty")
	case utf8.RuneCountInString(text) > MaxMarkedRunes:
		return "", fmt.Errorf("the text to mark is longer than %d characters", MaxMarkedRunes)
	}
	return text, nil
}

// Mark adds text, cleaned by CleanMarked, to the marked texts, in a new
// slice, and returns it as kept. It reports false, changing nothing, when
// it is already marked; an error when it cannot be marked or MaxMarked
// texts already are.
func (w *Workspace) Mark(text string) (string, bool, error) {
	text, err := CleanMarked(text)
	if err != nil {
		return "", false, err
	}
	if slices.Contains(w.Boilerplate, text) {
		return text, false, nil
	}
	if len(w.Boilerplate) >= MaxMarked {
		return "", false, fmt.Errorf("%d texts are marked already, the most a workspace keeps; unmark one first", MaxMarked)
	}
	w.Boilerplate = append(slices.Clip(w.Boilerplate), text)
	return text, true, nil
}

// Unmark removes text (trimmed) from the marked texts, in a new slice,
// and reports whether it was marked.
func (w *Workspace) Unmark(text string) bool {
	i := slices.Index(w.Boilerplate, strings.TrimSpace(text))
	if i < 0 {
		return false
	}
	w.Boilerplate = slices.Delete(slices.Clone(w.Boilerplate), i, i+1)
	if len(w.Boilerplate) == 0 {
		w.Boilerplate = nil
	}
	return true
}

// cleanMarks trims the marked texts of a file and drops blank and
// repeated ones: harmless, so a hand-edited file is read, not refused.
func (w *Workspace) cleanMarks() {
	if w.Boilerplate == nil {
		return
	}
	var kept []string
	for _, t := range w.Boilerplate {
		t = strings.TrimSpace(t)
		if t != "" && !slices.Contains(kept, t) {
			kept = append(kept, t)
		}
	}
	w.Boilerplate = kept
}
