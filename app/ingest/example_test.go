package ingest_test

import (
	"errors"
	"fmt"

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
