// Package ui is wirediff's web app: go-app components, the one route and
// the app.Handler that both the WebAssembly entry point (app/main.go) and
// the static site generator (cmd/build) use.
//
// The whole app is one page, "/". The view lives in the URL fragment
// ("#overview", "#pair/<idA>/<idB>") so the service worker, which caches
// only the files it lists, can serve a direct load of any view offline.
//
// The root component, App, owns the workspace and the analysis; the other
// components render what they are given and report what the user did
// through go-app actions, which App handles on the UI goroutine.
//
// The package does no text processing of its own: articles go through
// app/ingest, the analysis is app/reuse, files come from app/export and
// app/workspace. User text reaches app.Raw only through export.EscapeText.
package ui
