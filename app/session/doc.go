// Package session is what the user is working on, apart from the
// analysis: the articles, the removal they can undo, the message line and
// the view the main area shows. It is plain Go with no go-app in it, so
// every edit is tested as a table of cases; app/ui renders a Session and
// forwards the user's intents to its methods.
//
// Each edit returns a Change saying what the page must do next: analyse
// again, save, follow a new view in the URL, or move the keyboard focus.
// The Session never does any of it itself.
package session
