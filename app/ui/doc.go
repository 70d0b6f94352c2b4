// Package ui is wirediff's web app: go-app components, the one route and
// the app.Handler that both the WebAssembly entry point (app/main.go) and
// the static site generator (cmd/build) use.
//
// The whole app is one page, "/". The view lives in the URL fragment
// ("#overview", "#pair/<idA>/<idB>") so the service worker, which caches
// only the files it lists, can serve a direct load of any view offline.
//
// The root component, App (app.go), is a thin shell. It owns two values:
// a session.Session (the articles, undo, the notice and the view, plain
// Go, tested on its own) and the analysis status (status.go: idle,
// analysing, finished or failed, with its data). Every other component
// renders what it is given and reports what the user did through go-app
// actions (actions.go); App hands each intent to the session and carries
// out the session.Change it returns: route.go follows the view in the
// URL, persist.go saves, analyse.go runs the analysis through
// analyseSafely (engine.go), and export.go makes the files to download.
// What only a component can do to its own markup (clear its fields, take
// the keyboard focus) App asks of it with a request action, which the
// component handles itself.
//
// The overview leads with the stories (stories.go, one storyCard a story,
// storycard.go): each origin with the rule that chose it, shown as a guess
// where it is one, and its copies with their share, credit in words and a
// bar of what each kept of the origin; then the pairs, the heat map, the
// reused shares, the recurring passages and the text set aside as
// boilerplate (setaside.go), drawn a slice at a time (overviewdraw.go).
// The analysis aligns only the stories' pairs, so the pair view has any
// other two articles compared when it opens, in the engine's worker
// (paircompare.go, through compareSafely in engine.go). It opens with its
// frame first (the heading, the summary, the controls), its texts after
// a pause and its passage cards after another (pairview.go), and draws
// each text a few blocks a render (sidetext.go).
//
// Once a load, two seconds after its first result, the page warms up
// (warmup.go): it runs the code of an import, of its save, of a pair view
// and of an analysis in the worker on the demo's articles and keeps
// nothing, so that V8 has compiled that code before a big import needs it.
// The reader's first key, click, paste, drop or chosen file stops it.
//
// The page exposes its state the way assistive technology reads it: #main
// is aria-busy while the articles load or are analysed and until the
// overview has drawn their result; #pair-view while it opens or its
// articles are analysed, and each of its texts until drawn whole;
// #status and #analysis-status are live regions. Browser tests wait on
// the same.
//
// The package does no text processing of its own: articles go through
// app/ingest (by way of app/session), the analysis is app/reuse, files
// come from app/export and app/workspace. User text reaches app.Raw only
// through export.EscapeText.
package ui
