package ui

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Names and colours shared by the page, the manifest and the CSS.
const (
	appName     = "wirediff"
	description = "Find the passages news articles share: recycled wire copy, press releases and quotes, with every word-level edit. Runs entirely in your browser; nothing you paste leaves this machine."
	themeColor  = "#1d3557"
	background  = "#f7f6f2"
)

// Icons and styles. They are all local: go-app's default icons live on a
// remote host, which would break the offline cache.
const (
	iconSVG      = "/web/icon.svg"
	icon192      = "/web/icon-192.png"
	icon512      = "/web/icon-512.png"
	iconMaskable = "/web/icon-maskable-512.png"
	styleSheet   = "/web/wirediff.css"
)

// Routes registers the app's one page. Views are URL fragments of it.
func Routes() {
	app.Route("/", newRoot)
}

// newRoot builds the page's root component with the browser's storage. In
// a native build (static generation) there is no storage, so the page is
// rendered as an empty shell and nothing is loaded.
func newRoot() app.Composer {
	return NewApp(platformStore())
}

// Handler describes the page and its progressive web app manifest.
// version must change whenever the served files change (cmd/build derives
// it from their content): it names the service worker's cache.
func Handler(version string) *app.Handler {
	return &app.Handler{
		Name:            appName,
		ShortName:       appName,
		Title:           "wirediff: find recycled copy",
		Description:     description,
		Lang:            "en",
		ThemeColor:      themeColor,
		BackgroundColor: background,
		LoadingLabel:    "Loading wirediff {progress}%",
		Icon: app.Icon{
			Default:  icon192,
			Large:    icon512,
			Maskable: iconMaskable,
			SVG:      iconSVG,
		},
		Styles: []string{styleSheet},
		// The SVG icon is the page's favicon but not in go-app's list.
		CacheableResources: []string{iconSVG},
		Version:            version,
	}
}
