package ingest

import (
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextReadsAnArticlePageLikeAReaderMode(t *testing.T) {
	tests := []struct {
		file    string
		meta    Meta
		keeps   []string
		leaves  []string
		dropped []string
	}{
		{
			file: "jsonld-article.html",
			meta: Meta{
				Title:     "Tillerson and Lavrov meet in Moscow as tensions rise over Syria",
				Source:    "The Daily Planet",
				Published: "2017-04-12T14:05:00+03:00",
				URL:       "https://www.dailyplanet.example/world/2017/04/12/tillerson-lavrov-moscow",
			},
			keeps: []string{"Tillerson and Lavrov meet in Moscow\n\nBy Lois Lane",
				"MOSCOW — Secretary of State Rex Tillerson met",
				"the door open.\n\nLavrov opened the meeting",
				"government of Bashar al-Assad."},
			leaves: []string{"Skip to content", "We use cookies", "Accept all", "Sections", "World", "Search",
				"Share on Twitter", "Read more", "Shayrat", "Advertisement", "morning briefing", "Subscribe",
				"Most read", "Storm hits", "All rights reserved", "About us", "dataLayer", "@context"},
			dropped: []string{"navigation", "page header", "cookie notice", "subscription box", "sidebar",
				"links to other articles", "share buttons", "advertising", "footer"},
		},
		{
			file: "opengraph-main.html",
			meta: Meta{
				Title:     "Council approves a bigger transport budget",
				Source:    "The Riverside Gazette",
				Published: "2019-03-05T09:30:00Z",
				URL:       "https://gazette.example/news/council-budget",
			},
			keeps:   []string{"Council approves a bigger transport budget\n\nThe city council voted", "buses every day."},
			leaves:  []string{"Home", "Opinion", "Buses\n", "Comments", "About time", "Main Street"},
			dropped: []string{"navigation", "links to other articles", "comments", "footer"},
		},
		{
			file: "divs-only.html",
			meta: Meta{
				Title:     "Flooding closes the old bridge",
				Published: "2019-05-14T07:15:00Z",
			},
			keeps:   []string{"Flooding closes the old bridge\n\nHeavy rain overnight", "a county spokeswoman said."},
			leaves:  []string{"cookies", "I accept", "Valley Courier", "Local", "Weather", "Hidden tracking", "Contact"},
			dropped: []string{"navigation", "page header", "cookie notice", "sidebar", "footer", "hidden text"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			data, err := os.ReadFile("testdata/pages/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			res, err := Text(tt.file, data)
			if err != nil {
				t.Fatal(err)
			}
			if res.Meta != tt.meta {
				t.Errorf("Meta = %+v\nwant   %+v", res.Meta, tt.meta)
			}
			for _, s := range tt.keeps {
				if !strings.Contains(res.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, res.Text)
				}
			}
			for _, s := range tt.leaves {
				if strings.Contains(res.Text, s) {
					t.Errorf("text holds %q, which is not the article:\n%s", s, res.Text)
				}
			}
			if !slices.Equal(res.Dropped, tt.dropped) {
				t.Errorf("Dropped = %q, want %q", res.Dropped, tt.dropped)
			}
			if want := "left out as not part of the article: " + listAnd(tt.dropped); !slices.Contains(res.Notes, want) {
				t.Errorf("Notes = %q, want %q among them", res.Notes, want)
			}
		})
	}
}

func TestReaderModeKeepsWhatIsTheArticle(t *testing.T) {
	tests := []struct {
		name, page, want string
	}{
		{"a paragraph about cookies with no button or link stays",
			`<article><p>The law makes websites ask before they store cookies, and users must accept them.</p><p>Regulators welcomed it.</p></article>`,
			"The law makes websites ask before they store cookies, and users must accept them.\n\nRegulators welcomed it."},
		{"a block about cookie law with no button or link stays",
			`<article><div>Websites must ask before users accept cookies, the court said.</div><p>It takes effect in May.</p></article>`,
			"Websites must ask before users accept cookies, the court said.\n\nIt takes effect in May."},
		{"a cookie notice with an accept link is left out, whatever its class",
			`<body><div class="x1">We use cookies. <a href="#ok">OK</a></div><p>Story text.</p><p>More of it.</p></body>`,
			"Story text.\n\nMore of it."},
		{"a paragraph that quotes a call to subscribe stays",
			`<article><p>"Subscribe to my channel," the influencer told <a href="/x">viewers</a>.</p><p>Then he left.</p></article>`,
			"\"Subscribe to my channel,\" the influencer told viewers.\n\nThen he left."},
		{"a wrapper whose class names a sidebar still holds the article",
			`<body><div class="layout has-sidebar"><p>` + strings.Repeat("Long article text. ", 20) + `</p></div><div class="sidebar">Side</div></body>`,
			strings.TrimSpace(strings.Repeat("Long article text. ", 20))},
		{"the biggest of several articles is the story, teasers are not",
			`<body><article><h2>Teaser</h2><p>Short.</p></article><article><h1>Story</h1><p>` + strings.Repeat("Words of the story. ", 10) + `</p></article></body>`,
			"Story\n\n" + strings.TrimSpace(strings.Repeat("Words of the story. ", 10))},
		{"an article holding little of the page's text is not taken for the story",
			`<body><article>Tiny teaser</article><div><p>` + strings.Repeat("The real story is here. ", 10) + `</p></div></body>`,
			"Tiny teaser\n\n" + strings.TrimSpace(strings.Repeat("The real story is here. ", 10))},
		{"an article's own header with its headline stays",
			`<body><header>Site</header><article><header><h1>Headline</h1></header><p>Body.</p></article></body>`,
			"Headline\n\nBody."},
		{"a page that is all navigation keeps its text rather than nothing",
			`<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>`,
			"Home News"},
		{"words either side of a dropped button stay apart",
			`<p>Rain<button>Share</button>fell</p>`,
			"Rain fell"},
		{"a list of a few links in the story stays",
			`<article><p>Sources:</p><ul><li><a href="/a">One report</a> said so.</li></ul><p>End.</p></article>`,
			"Sources:\n\nOne report said so.\n\nEnd."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text("x.html", []byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if res.Text != tt.want {
				t.Errorf("Text = %q, want %q", res.Text, tt.want)
			}
		})
	}
}

func TestPageMetadataByPrecedence(t *testing.T) {
	tests := []struct {
		name, head string
		want       Meta
		note       string
	}{
		{"the <title> loses the outlet's name",
			`<title>Storm hits the coast | Valley Courier</title>`, Meta{Title: "Storm hits the coast"}, ""},
		{"the <title> loses the site name after any separator",
			`<title>Storm hits the coast - Courier: local news and weather every day</title><meta property="og:site_name" content="Courier: local news and weather every day">`,
			Meta{Title: "Storm hits the coast", Source: "Courier: local news and weather every day"}, ""},
		{"a <title> with a dash in the headline stays whole",
			`<title>Anti-war march - the largest in years, organisers say</title>`, Meta{Title: "Anti-war march - the largest in years, organisers say"}, ""},
		{"og:title wins over the <title>",
			`<title>Cookie settings</title><meta property="og:title" content="Storm hits the coast">`, Meta{Title: "Storm hits the coast"}, ""},
		{"a JSON-LD @graph and a list of types are read",
			`<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "X"}, {"@type": ["NewsArticle"], "headline": "Tom &amp; Jerry", "datePublished": "2020-01-02", "publisher": [{"name": "Cartoon Wire"}], "url": "https://wire.example/tj"}]}</script>`,
			Meta{Title: "Tom & Jerry", Source: "Cartoon Wire", Published: "2020-01-02", URL: "https://wire.example/tj"}, ""},
		{"broken JSON-LD is ignored",
			`<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="og:title" content="Fallback">`, Meta{Title: "Fallback"}, ""},
		{"a relative canonical link is resolved against <base>",
			`<base href="https://news.example/world/"><link rel="canonical" href="story-1">`, Meta{URL: "https://news.example/world/story-1"}, ""},
		{"a relative canonical link without a base is dropped, og:url taken",
			`<link rel="canonical" href="/story-1"><meta property="og:url" content="https://news.example/story-1">`, Meta{URL: "https://news.example/story-1"}, ""},
		{"a javascript: URL is never taken",
			`<link rel="canonical" href="javascript:alert(1)">`, Meta{}, ""},
		{"an unreadable time is left out with a note",
			`<meta property="article:published_time" content="last Tuesday">`, Meta{}, `the page's publication time "last Tuesday" could not be read, so it was left out`},
		{"a readable time after an unreadable one is taken",
			`<meta property="article:published_time" content="soon"><meta name="date" content="2019-05-14">`, Meta{Published: "2019-05-14"}, ""},
		{"a title spread over lines is one line",
			"<title>Storm\n\thits   the coast</title>", Meta{Title: "Storm hits the coast"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Text("x.html", []byte("<html><head>"+tt.head+"</head><body><p>Body text.</p></body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			if res.Meta != tt.want {
				t.Errorf("Meta = %+v, want %+v", res.Meta, tt.want)
			}
			if tt.note != "" && !slices.Contains(res.Notes, tt.note) {
				t.Errorf("Notes = %q, want %q", res.Notes, tt.note)
			}
		})
	}
}

func TestPageTimesAndHeadlinesFromTheArticle(t *testing.T) {
	page := `<body><article><h1>Bridge  closed</h1><p>By X, <time datetime="2019-05-14T07:15">Tuesday</time>.</p>
		<p>Updated <time datetime="2019-05-15">Wednesday</time>, first published <time pubdate datetime="2019-05-13T22:00:00-04:00">Monday</time></p></article></body>`
	res, err := Text("x.html", []byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if want := (Meta{Title: "Bridge closed", Published: "2019-05-13T22:00:00-04:00"}); res.Meta != want {
		t.Errorf("Meta = %+v, want %+v (the pubdate time, the article's <h1>)", res.Meta, want)
	}
}

func FuzzReadPage(f *testing.F) {
	for _, name := range []string{"jsonld-article.html", "opengraph-main.html", "divs-only.html"} {
		data, err := os.ReadFile("testdata/pages/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(`<article><nav>a</nav>b<footer>c</footer></article><article>d</article>`))
	f.Add([]byte(`<head><script type="application/ld+json">[{"@type":"Article","headline":"h","datePublished":"2019-13-45"}]</script>`))
	f.Add([]byte(`<div class="cookie"><div class="cookie">` + strings.Repeat("<div>", 300) + `x<button>ok</button>`))
	f.Add([]byte(`<title>a | b</title><time datetime="Mon, 02 Jan 2006 15:04:05 XYZ">t</time><p hidden>h</p><pre> p </pre>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p := readPage(data)
		whole := nodeText(parseTree(data), nil)
		// Reader mode only leaves text out: what it keeps, spaces aside,
		// is a subsequence of the whole page's text.
		rest := strings.Join(strings.FieldsFunc(whole, isHTMLSpace), "")
		for _, r := range strings.Join(strings.FieldsFunc(p.text, isHTMLSpace), "") {
			i := strings.IndexRune(rest, r)
			if i < 0 {
				t.Fatalf("the article %q is not the page %q with parts left out", p.text, whole)
			}
			_, size := utf8.DecodeRuneInString(rest[i:])
			rest = rest[i+size:]
		}
		if strings.TrimSpace(whole) != "" && strings.TrimSpace(p.text) == "" {
			t.Fatalf("the page has text %q but the article none", whole)
		}
		for _, s := range []string{p.meta.Title, p.meta.Source} {
			if strings.ContainsAny(s, "\n\r\t") || len(s) > maxMetaBytes || strings.TrimSpace(s) != s || !utf8.ValidString(s) && utf8.Valid(data) {
				t.Fatalf("title or source %q is not one trimmed line", s)
			}
		}
		if p.meta.Published != "" {
			if tm, again, err := ParseTime(p.meta.Published); err != nil || again != p.meta.Published {
				t.Fatalf("Published %q does not read back: %q, %v", p.meta.Published, again, err)
			} else if _, err := tm.MarshalJSON(); err != nil {
				t.Fatalf("Published %q cannot be written as JSON: %v", p.meta.Published, err)
			}
		}
		if p.meta.URL != "" {
			if u, err := CleanURL(p.meta.URL); err != nil || u != p.meta.URL {
				t.Fatalf("URL %q is not clean: %v", p.meta.URL, err)
			}
		}
	})
}
