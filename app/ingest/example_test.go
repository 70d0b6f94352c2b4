package ingest_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wirediff/wirediff/app/ingest"
)

func ExampleText() {
	res, err := ingest.Text("story.html", []byte("<h1>Talks</h1><p>Lavrov &amp; Tillerson met.<script>track()</script></p>"))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n", res.Text)
	fmt.Println(res.FromHTML, res.Notes)

	_, err = ingest.Text("photo.txt", []byte("\x89PNG\r\n\x1a\n"))
	fmt.Println(err, errors.Is(err, ingest.ErrBinary))
	// Output:
	// "Talks\n\nLavrov & Tillerson met."
	// true [read as HTML: only the readable text was kept]
	// looks like a PNG image, not text true
}

func ExampleText_readerMode() {
	page := `<html><head><title>Talks in Moscow | Wire Daily</title>
<meta property="og:site_name" content="Wire Daily">
<meta property="article:published_time" content="2017-04-12T14:05:00+03:00">
<link rel="canonical" href="https://wire.example/talks"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Talks in Moscow</h1><p>Lavrov and Tillerson met.</p></article>
<footer>© Wire Daily</footer></body></html>`
	res, err := ingest.Text("talks.html", []byte(page))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%q\n%+v\n%s\n", res.Text, res.Meta, res.Notes[1])
	// Output:
	// "Talks in Moscow\n\nLavrov and Tillerson met."
	// {Title:Talks in Moscow Source:Wire Daily Published:2017-04-12T14:05:00+03:00 URL:https://wire.example/talks}
	// left out as not part of the article: navigation and footer
}

func ExampleParseTime() {
	for _, s := range []string{"Wed, 12 Apr 2017 14:05:00 EDT", "April 12, 2017", "2017-04-12 14:05", "last Tuesday"} {
		t, canonical, err := ingest.ParseTime(s)
		if err != nil {
			fmt.Println(err)
			continue
		}
		fmt.Println(canonical, t.UTC().Format("15:04 MST"))
	}
	// Output:
	// 2017-04-12T14:05:00-04:00 18:05 UTC
	// 2017-04-12 00:00 UTC
	// 2017-04-12T14:05:00Z 14:05 UTC
	// "last Tuesday" is not a date or time wirediff reads: write it as 2017-04-12 or 2017-04-12T14:05:00+03:00
}

func ExampleJSONL() {
	archive := `{"id": "ap-1", "source": "AP", "published": "2017-04-12", "text": "Tillerson met Lavrov."}
{"title": "no text"}
{"id": 2, "text": "Putin met Tillerson."}`
	for rec, err := range ingest.JSONL(strings.NewReader(archive)) {
		var bad *ingest.LineError
		if errors.As(err, &bad) {
			fmt.Println("skipped", bad)
			continue
		}
		fmt.Println(rec.Line, rec.ID, rec.Meta.Source, rec.Meta.Published, rec.Result.Text)
	}
	// Output:
	// 1 ap-1 AP 2017-04-12 Tillerson met Lavrov.
	// skipped line 2: no "text": each line needs the article's text
	// 3 2   Putin met Tillerson.
}
