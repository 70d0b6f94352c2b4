package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"
)

// The committed icons are what this program draws: a design change must
// regenerate them (go run ./cmd/build/icons -out web).
func TestCommittedIconsAreUpToDate(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []struct {
		name     string
		size     int
		maskable bool
	}{{"icon-192.png", 192, false}, {"icon-512.png", 512, false}, {"icon-maskable-512.png", 512, true}} {
		path := filepath.Join(dir, f.name)
		if err := writePNG(path, f.size, f.maskable); err != nil {
			t.Fatal(err)
		}
		got, _ := os.ReadFile(path)
		want, err := os.ReadFile(filepath.Join("../../../web", f.name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("web/%s differs from what the program draws", f.name)
		}
		img, err := png.Decode(bytes.NewReader(want))
		if err != nil {
			t.Fatal(err)
		}
		if b := img.Bounds(); b.Dx() != f.size || b.Dy() != f.size {
			t.Errorf("web/%s is %dx%d, the manifest says %d", f.name, b.Dx(), b.Dy(), f.size)
		}
	}
	svgFile, err := os.ReadFile("../../../web/icon.svg")
	if err != nil {
		t.Fatal(err)
	}
	if string(svgFile) != svg() {
		t.Error("web/icon.svg differs from what the program draws")
	}
}
