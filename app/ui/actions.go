package ui

// Actions. Components report what the user did (intents) and App, which
// owns every change, handles them on the UI goroutine; App in turn asks a
// component to do what only it can do to its own markup (requests): clear
// its fields, move the focus into it.
const (
	// Intents, to App.
	actionAdd    = "wirediff/add"    // session.Paste: a pasted article
	actionFiles  = "wirediff/files"  // []session.File: dropped or picked files
	actionRename = "wirediff/rename" // renameRequest
	actionDelete = "wirediff/delete" // string: article ID
	actionUndo   = "wirediff/undo"   // no value: undo the last removal
	actionExport = "wirediff/export" // string: exportJSON, exportHTML or exportWorkspace
	actionImport = "wirediff/import" // session.File, or decodedFile: a workspace file
	actionMark   = "wirediff/mark"   // string: a text to set aside as boilerplate
	actionUnmark = "wirediff/unmark" // string: a marked text to compare again

	// Requests, from App or a component to the component that owns the
	// markup.
	actionAdded         = "wirediff/added"          // added: the form clears, the list shows the new articles
	actionStartPaste    = "wirediff/start-paste"    // no value: the form focuses its text field
	actionFocusArticle  = "wirediff/focus-article"  // string: the list focuses that article's Delete button
	actionFocusUndo     = "wirediff/focus-undo"     // no value: the notice focuses its Undo button
	actionShowView      = "wirediff/show-view"      // bool: the view focuses its heading, scrolling to it if true
	actionRevealPassage = "wirediff/reveal-passage" // revealPassage: a text of the pair view shows a passage

	// Intents within the pair view, to pairView.
	actionPassageClicked = "wirediff/passage-clicked" // passageClicked: a passage's highlight was clicked

	// Intents within the add form, to articleForm.
	actionAddPaste = "wirediff/add-paste" // no value: Ctrl+Enter in the text field

	// Reports from App's own goroutines.
	actionProgress = "wirediff/progress" // progress: from the analysis goroutine
	actionAnalysed = "wirediff/analysed" // analysed: from the analysis goroutine
	actionLoaded   = "wirediff/loaded"   // loaded: from the storage goroutine
	actionSaved    = "wirediff/saved"    // error or nil: from the storage goroutine

	// Reports from a component to App.
	actionDrawn = "wirediff/drawn" // *analysis: the overview has drawn this result whole
)

// What the export buttons ask for.
const (
	exportJSON      = "json"
	exportHTML      = "html"
	exportWorkspace = "workspace"
)

// A renameRequest sets an article's title, source, publication time and
// URL: the edit form's fields, all of them.
type renameRequest struct{ ID, Title, Source, Published, URL string }

// added says articles were added; pasted, that the form's paste was.
type added struct{ pasted bool }

type progress struct{ gen, done, total int }

type analysed struct {
	gen    int
	result *analysis
	err    error
}
