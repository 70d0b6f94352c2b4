package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// placeholderWasm is the smallest valid WebAssembly module. These tests
// check the generator, not the app: they use it instead of a real build.
var placeholderWasm = []byte("\x00asm\x01\x00\x00\x00")

// webDir copies the repository's web/ (stylesheet, icons) into a temp dir
// with the placeholder app.wasm.
func webDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("../../web")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.IsDir() || e.Name() == "app.wasm" {
			continue
		}
		if err := copyFile(filepath.Join(dir, e.Name()), filepath.Join("../../web", e.Name())); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "app.wasm"), placeholderWasm, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestSiteWritesEverythingTheBrowserNeeds(t *testing.T) {
	web := webDir(t)
	out := filepath.Join(t.TempDir(), "dist")
	version, err := Site(out, web)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{
		"index.html", "manifest.webmanifest", "app-worker.js", "wasm_exec.js", "app.js", "app.css",
		"web/app.wasm", "web/engine.js", "web/wirediff.css", "web/icon.svg", "web/icon-192.png", "web/icon-512.png", "web/icon-maskable-512.png",
	} {
		if _, err := os.Stat(filepath.Join(out, name)); err != nil {
			t.Errorf("%s is missing: %v", name, err)
		}
	}
	if got := read(t, filepath.Join(out, "web/app.wasm")); got != string(placeholderWasm) {
		t.Error("web/app.wasm is not the one in the web directory")
	}

	index := read(t, filepath.Join(out, "index.html"))
	for _, want := range []string{`href="/web/wirediff.css"`, `src="/wasm_exec.js"`, `src="/app.js"`, `href="/manifest.webmanifest"`, `id="wirediff"`} {
		if !strings.Contains(index, want) {
			t.Errorf("index.html lacks %s", want)
		}
	}
	if m := regexp.MustCompile(`(src|href)="(https?:)?//`).FindString(index); m != "" {
		t.Errorf("index.html loads something from another host: %s", m)
	}

	worker := read(t, filepath.Join(out, "app-worker.js"))
	if !strings.Contains(worker, `"app-" + "`+version+`"`) {
		t.Errorf("the service worker's cache is not named after version %s", version)
	}
}

func TestTheManifestNamesOnlyLocalIcons(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := Site(out, webDir(t)); err != nil {
		t.Fatal(err)
	}
	var manifest struct {
		Name     string `json:"name"`
		StartURL string `json:"start_url"`
		Icons    []struct {
			Src string `json:"src"`
		} `json:"icons"`
	}
	if err := json.Unmarshal([]byte(read(t, filepath.Join(out, "manifest.webmanifest"))), &manifest); err != nil {
		t.Fatal(err)
	}
	if manifest.Name != "wirediff" || manifest.StartURL != "/" {
		t.Errorf("manifest name %q, start_url %q", manifest.Name, manifest.StartURL)
	}
	if len(manifest.Icons) == 0 {
		t.Fatal("the manifest lists no icons")
	}
	for _, icon := range manifest.Icons {
		if !strings.HasPrefix(icon.Src, "/web/") {
			t.Errorf("icon %q is not a local file", icon.Src)
			continue
		}
		if _, err := os.Stat(filepath.Join(out, icon.Src)); err != nil {
			t.Errorf("icon %q is not in the site: %v", icon.Src, err)
		}
	}
}

// The service worker caches its list with cache.addAll, which fails as a
// whole if one file is missing: then nothing works offline.
func TestEveryFileTheServiceWorkerCachesExists(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := Site(out, webDir(t)); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`const resourcesToCache = (\[.*?\]);`).FindStringSubmatch(read(t, filepath.Join(out, "app-worker.js")))
	if m == nil {
		t.Fatal("no resourcesToCache in app-worker.js")
	}
	var resources []string
	if err := json.Unmarshal([]byte(m[1]), &resources); err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, r := range resources {
		listed[r] = true
		file := r
		if file == "/" {
			file = "/index.html"
		}
		if _, err := os.Stat(filepath.Join(out, file)); err != nil {
			t.Errorf("the service worker caches %s, which the site lacks", r)
		}
	}
	// The page (every view is a fragment of "/"), the code, the engine's
	// worker and the look.
	for _, want := range []string{"/", "/web/app.wasm", "/wasm_exec.js", "/app.js", "/web/engine.js", "/web/wirediff.css", "/web/icon.svg"} {
		if !listed[want] {
			t.Errorf("the service worker does not cache %s", want)
		}
	}
}

func TestTheVersionFollowsTheContentNotTheClock(t *testing.T) {
	web := webDir(t)
	v1, err := Version(web)
	if err != nil {
		t.Fatal(err)
	}
	if v2, _ := Version(web); v2 != v1 {
		t.Errorf("same files, versions %s and %s", v1, v2)
	}
	if err := os.WriteFile(filepath.Join(web, "app.wasm"), append(placeholderWasm, 0), 0o644); err != nil {
		t.Fatal(err)
	}
	if v3, _ := Version(web); v3 == v1 {
		t.Error("a changed app.wasm kept the version: browsers would keep the old app")
	}
}

func TestSiteRefusesToStartWithoutTheWasm(t *testing.T) {
	web := webDir(t)
	os.Remove(filepath.Join(web, "app.wasm"))
	_, err := Site(filepath.Join(t.TempDir(), "dist"), web)
	if err == nil || !strings.Contains(err.Error(), "GOOS=js GOARCH=wasm go build") {
		t.Errorf("error %v, want one saying how to build app.wasm", err)
	}
}

func TestSiteDoesNotDeleteADirectoryItDidNotWrite(t *testing.T) {
	out := t.TempDir()
	keep := filepath.Join(out, "notes.txt")
	if err := os.WriteFile(keep, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Site(out, webDir(t)); err == nil {
		t.Error("Site wrote into a directory holding other files")
	}
	if _, err := os.Stat(keep); err != nil {
		t.Errorf("the file in the way is gone: %v", err)
	}
}

func TestRebuildingReplacesTheSite(t *testing.T) {
	web := webDir(t)
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := Site(out, web); err != nil {
		t.Fatal(err)
	}
	stale := filepath.Join(out, "web", "old.css")
	os.WriteFile(stale, []byte("x"), 0o644)
	if _, err := Site(out, web); err != nil {
		t.Fatalf("rebuilding over an earlier build: %v", err)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Error("a file of the earlier build survived")
	}
}

func TestTheDevServerSendsTypesBrowsersRequire(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dist")
	if _, err := Site(out, webDir(t)); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(FileServer(out))
	defer srv.Close()
	for path, want := range map[string]string{
		"/web/app.wasm":         "application/wasm",
		"/manifest.webmanifest": "application/manifest+json",
		"/":                     "text/html",
		"/web/wirediff.css":     "text/css",
	} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), want) {
			t.Errorf("%s: %d %q, want 200 %s", path, res.StatusCode, res.Header.Get("Content-Type"), want)
		}
	}
}
