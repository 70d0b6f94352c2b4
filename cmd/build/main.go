// Command build generates wirediff's static site into dist/ and can serve
// it for development.
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o web/app.wasm ./app
//	go run ./cmd/build                        # writes dist/
//	go run ./cmd/build -serve 127.0.0.1:8080  # writes dist/, then serves it
//
// go-app's GenerateStaticWebsite writes the page, its scripts, the service
// worker and the manifest; it does not copy web/ (stylesheet, icons,
// app.wasm, the engine worker's engine.js), so Site does. Any static file
// host can then serve dist/.
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"sort"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/ui"
	"github.com/wirediff/wirediff/app/worker"
)

func main() {
	out := flag.String("out", "dist", "directory to write the site into (replaced)")
	web := flag.String("web", "web", "directory with app.wasm, the stylesheet and the icons")
	serve := flag.String("serve", "", "after building, serve the site on this address, e.g. 127.0.0.1:8080")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: build [-out dist] [-web web] [-serve 127.0.0.1:8080]")
		os.Exit(2)
	}

	version, err := Site(*out, *web)
	if err != nil {
		fmt.Fprintln(os.Stderr, "build:", err)
		os.Exit(1)
	}
	fmt.Printf("wrote %s (version %s)\n", *out, version)
	if *serve == "" {
		return
	}
	fmt.Printf("serving %s on http://%s/ (Ctrl+C stops)\n", *out, *serve)
	log.Fatal(http.ListenAndServe(*serve, FileServer(*out)))
}

// Site writes the static site into outDir from the files in webDir, which
// must hold app.wasm, and returns the version it gave the app. outDir is
// replaced; to avoid deleting the wrong thing, an existing outDir must be
// empty or look like an earlier build.
func Site(outDir, webDir string) (string, error) {
	if _, err := os.Stat(filepath.Join(webDir, "app.wasm")); err != nil {
		return "", fmt.Errorf("%s is missing: build it first with\n\tGOOS=js GOARCH=wasm go build -trimpath -ldflags='-s -w' -o %s ./app",
			filepath.Join(webDir, "app.wasm"), filepath.Join(webDir, "app.wasm"))
	}
	version, err := Version(webDir)
	if err != nil {
		return "", err
	}
	if err := clean(outDir); err != nil {
		return "", err
	}
	ui.Routes()
	h := ui.Handler(version)
	// The engine's worker script is loaded by code, not by the page, so
	// go-app does not list it: without it the analysis would not start
	// offline.
	h.CacheableResources = append(h.CacheableResources, worker.Script)
	if err := app.GenerateStaticWebsite(outDir, h); err != nil {
		return "", fmt.Errorf("generating the site: %w", err)
	}
	if err := copyDir(filepath.Join(outDir, "web"), webDir); err != nil {
		return "", fmt.Errorf("copying %s: %w", webDir, err)
	}
	return version, nil
}

// Version hashes every file under webDir (app.wasm included, so every
// change to the code) into the app's version. The service worker's cache
// is named after it: same files, same version, no needless re-download;
// any change, a new one. Never the clock.
func Version(webDir string) (string, error) {
	h := sha256.New()
	var paths []string
	err := filepath.WalkDir(webDir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return "", err
	}
	sort.Strings(paths)
	for _, path := range paths {
		rel, err := filepath.Rel(webDir, path)
		if err != nil {
			return "", err
		}
		f, err := os.Open(path)
		if err != nil {
			return "", err
		}
		fmt.Fprintf(h, "%s\x00", filepath.ToSlash(rel))
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			return "", err
		}
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

// clean empties outDir if it is safe to: missing, empty, or a previous
// build (it has the service worker go-app writes).
func clean(outDir string) error {
	entries, err := os.ReadDir(outDir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return os.MkdirAll(outDir, 0o755)
	case err != nil:
		return err
	case len(entries) == 0:
		return nil
	}
	if _, err := os.Stat(filepath.Join(outDir, "app-worker.js")); err != nil {
		return fmt.Errorf("%s is not empty and is not an earlier build: not replacing it", outDir)
	}
	if err := os.RemoveAll(outDir); err != nil {
		return err
	}
	return os.MkdirAll(outDir, 0o755)
}

// copyDir copies the regular files under src into dst.
func copyDir(dst, src string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		if !d.Type().IsRegular() {
			return nil
		}
		return copyFile(target, path)
	})
}

func copyFile(dst, src string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// FileServer serves a built site for development: plain files with the
// types browsers insist on (application/wasm for streaming compilation,
// the manifest's type), and no caching, so a rebuild shows at once.
func FileServer(dir string) http.Handler {
	mime.AddExtensionType(".wasm", "application/wasm")
	mime.AddExtensionType(".webmanifest", "application/manifest+json")
	mime.AddExtensionType(".js", "text/javascript; charset=utf-8")
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		files.ServeHTTP(w, r)
	})
}
