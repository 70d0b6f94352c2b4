// Package corpus builds test material for wirediff from the Wikinews
// articles in testdata/wikinews: pairs of articles with passages reused
// under known copy-desk edits, whose truth the evaluation scores against
// (cmd/eval), and newsroom-sized corpora for the engine's benchmarks.
//
// Everything is deterministic: the same articles and seed give the same
// bytes, on every platform and under WebAssembly.
package corpus

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// An Article is one Wikinews article as stored in the repository.
type Article struct {
	Name  string // file name, e.g. wn2019_0000.txt
	Title string
	Text  string
}

// WikinewsDir is the articles' folder relative to the module root.
const WikinewsDir = "testdata/wikinews"

// Wikinews loads the articles from the repository this package lives in.
// It finds the module root by walking up from the working directory (a
// package directory under go test, the repository root under go run), so
// it reads nothing outside the repository and works under go_js_wasm_exec,
// which runs tests in their package directory.
func Wikinews() ([]Article, error) {
	root, err := moduleRoot()
	if err != nil {
		return nil, err
	}
	return LoadWikinews(filepath.Join(root, filepath.FromSlash(WikinewsDir)))
}

// LoadWikinews loads the articles listed in dir/index.json.
func LoadWikinews(dir string) ([]Article, error) {
	data, err := os.ReadFile(filepath.Join(dir, "index.json"))
	if err != nil {
		return nil, fmt.Errorf("reading the Wikinews index: %w", err)
	}
	var index []struct {
		File  string `json:"file"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal(data, &index); err != nil {
		return nil, fmt.Errorf("reading %s: %w", filepath.Join(dir, "index.json"), err)
	}
	if len(index) == 0 {
		return nil, fmt.Errorf("%s lists no articles", filepath.Join(dir, "index.json"))
	}
	arts := make([]Article, 0, len(index))
	for _, e := range index {
		text, err := os.ReadFile(filepath.Join(dir, filepath.Base(e.File)))
		if err != nil {
			return nil, fmt.Errorf("reading a Wikinews article: %w", err)
		}
		arts = append(arts, Article{Name: e.File, Title: e.Title, Text: string(text)})
	}
	return arts, nil
}

// moduleRoot returns the nearest directory at or above the working
// directory that holds a go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod at or above the working directory: run from inside the wirediff repository")
		}
		dir = parent
	}
}
