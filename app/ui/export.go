package ui

import (
	"bytes"
	"fmt"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
)

func (a *App) onExport(ctx app.Context, act app.Action) {
	kind, _ := act.Value.(string)
	f, refused := a.exportFile(kind)
	if refused != "" {
		a.session.Say(session.Error, refused)
		return
	}
	if f.name == "" {
		return
	}
	if err := download(f.name, f.mime, f.data); err != nil {
		a.session.Say(session.Error, fmt.Sprintf("Could not download %s: %v.", f.name, err))
		return
	}
	a.session.Say(session.Info, "Saved "+f.name+" to your downloads.")
}

// An exportedFile is an export, ready to download.
type exportedFile struct {
	name, mime string
	data       []byte
}

// exportFile makes the file an export button asks for, or says why it
// cannot, in words for the message line. An unknown kind makes no file.
func (a *App) exportFile(kind string) (f exportedFile, refused string) {
	ws := a.session.Workspace()
	switch kind {
	case exportWorkspace:
		if len(ws.Articles) == 0 {
			return f, "There are no articles to export."
		}
		data, err := workspace.Marshal(ws)
		if err != nil {
			return f, fmt.Sprintf("Could not export the workspace: %v.", err)
		}
		return exportedFile{"wirediff-workspace.json", "application/json", data}, ""
	case exportJSON, exportHTML:
		if len(ws.Articles) < 2 {
			return f, "Nothing to export yet: a report compares articles, so add at least two."
		}
		if a.status.stale(ws.Articles) {
			return f, "The analysis is not finished yet: export again when it is."
		}
		docs, report := a.status.result.named(ws)
		var buf bytes.Buffer
		var err error
		f = exportedFile{"wirediff-report.html", "text/html", nil}
		if kind == exportJSON {
			// With each title and text: the offsets point into the
			// text, and the reader has no files to open instead.
			texts := make(map[int]string, len(docs))
			for i, d := range docs {
				texts[i] = d.Text
			}
			err = export.JSONWithTexts(&buf, report, texts)
			f.name, f.mime = "wirediff-report.json", "application/json"
		} else {
			err = export.HTML(&buf, docs, report)
		}
		if err != nil {
			return exportedFile{}, fmt.Sprintf("Could not export the report: %v.", err)
		}
		f.data = buf.Bytes()
		return f, ""
	}
	return f, ""
}
