package ui

import (
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/session"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

// metadataPage is a news page around the copied text: its metadata names
// it, and its navigation, cookie notice and footer are not the article.
func metadataPage(t *testing.T) string {
	return `<!doctype html><html><head><title>Desk copy of the talks | Gazette Online</title>
<meta property="og:site_name" content="Gazette Online">
<meta property="article:published_time" content="2017-04-12T14:05:00+03:00">
<link rel="canonical" href="https://gazette.example/talks">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">NAV-MARKER</a></nav>
<div class="cookie-notice">We use cookies. <button>Accept</button></div>
<article><p>` + strings.ReplaceAll(copied(t), "\n\n", "</p><p>") + `</p></article>
<footer>FOOTER-MARKER © Gazette</footer></body></html>`
}

func TestTheAddFormAsksForTimeAndURL(t *testing.T) {
	f := newArticleForm()
	mount(t, f)
	doc := page(t, f)
	for id, label := range map[string]string{"article-published": "Published optional", "article-url": "URL optional"} {
		field := byID(doc, id)
		labels := findAll(doc, func(n *html.Node) bool { return n.Data == "label" && attr(n, "for") == id })
		if field == nil || len(labels) != 1 || squash(textOf(labels[0])) != label {
			t.Errorf("#%s is missing or not labelled %q", id, label)
		}
		if attr(field, "aria-describedby") != "article-meta-hint" || byID(doc, "article-meta-hint") == nil {
			t.Errorf("#%s is not described by the hint on what fills it", id)
		}
	}
}

func TestAWebPageFillsTheArticlesMetadata(t *testing.T) {
	tests := []struct {
		name   string
		action string
		value  func(t *testing.T) any
		want   workspace.Article
	}{
		{"a pasted page gives its title, outlet, time and URL", actionAdd,
			func(t *testing.T) any { return session.Paste{Text: metadataPage(t)} },
			workspace.Article{Title: "Desk copy of the talks", Source: "Gazette Online", Published: "2017-04-12T14:05:00+03:00", URL: "https://gazette.example/talks"}},
		{"what the user typed wins over what the page says", actionAdd,
			func(t *testing.T) any {
				return session.Paste{Title: "My title", Source: "AP", Published: "12 April 2017", URL: " https://ap.example/x ", Text: metadataPage(t)}
			},
			workspace.Article{Title: "My title", Source: "AP", Published: "2017-04-12", URL: "https://ap.example/x"}},
		{"a dropped page is named by its title, not its file", actionFiles,
			func(t *testing.T) any {
				return []session.File{{Name: "saved-page.html", Data: []byte(metadataPage(t))}}
			},
			workspace.Article{Title: "Desk copy of the talks", Source: "Gazette Online", Published: "2017-04-12T14:05:00+03:00", URL: "https://gazette.example/talks"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, &MemoryStore{})
			h.do(tt.action, tt.value(t))
			saved, err := savedWorkspace(h.store)
			if err != nil {
				t.Fatal(err)
			}
			art := saved.Articles[len(saved.Articles)-1]
			got := art
			got.ID, got.Text = "", ""
			if got != tt.want {
				t.Errorf("added %+v\nwant  %+v", got, tt.want)
			}
			for _, bad := range []string{"NAV-MARKER", "FOOTER-MARKER", "cookies"} {
				if strings.Contains(art.Text, bad) {
					t.Errorf("the text holds %q, which is not the article", bad)
				}
			}
			kind, text := noticeOf(h.page())
			if kind != "info" || !strings.Contains(strings.ToLower(text), "left out as not part of the article: navigation, cookie notice and footer.") {
				t.Errorf("notice %s %q, want one naming what was left out", kind, text)
			}
			entry := squash(textOf(listEntry(h.page(), art.ID)))
			if !strings.Contains(entry, tt.want.Title) || !strings.Contains(entry, tt.want.Source+" · "+tt.want.Published[:10]+" · page · ") {
				t.Errorf("the list shows %q", entry)
			}
		})
	}
}

func TestAnUnreadableTimeOrURLAddsNothing(t *testing.T) {
	tests := []struct {
		name string
		req  session.Paste
		want string
	}{
		{"a time no one can read", session.Paste{Published: "last Tuesday"}, `Nothing was added: the publication time is not readable: "last Tuesday" is not a date or time wirediff reads`},
		{"a URL without its scheme", session.Paste{URL: "gazette.example/talks"}, `Nothing was added: the URL is not usable: "gazette.example/talks" is not a web address: give it whole, starting with https://`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := start(t, &MemoryStore{})
			tt.req.Text = copied(t)
			h.do(actionAdd, tt.req)
			doc := h.page()
			if n := len(articleIDs(doc)); n != 5 {
				t.Errorf("%d articles, want the demo's 5", n)
			}
			if kind, text := noticeOf(doc); kind != "error" || !strings.Contains(text, tt.want) || !strings.Contains(text, "The articles on screen are kept.") {
				t.Errorf("notice %s %q, want an error with %q", kind, text, tt.want)
			}
		})
	}
}
