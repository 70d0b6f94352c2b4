package worker

import (
	"context"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/ingest"
)

func TestAnInputReadInTheWorkerIsWhatIngestReadsOnThePage(t *testing.T) {
	for _, tc := range []struct {
		name, file string
		data       string
		refusal    error // the ingest error errors.Is must still match, if any
	}{
		{name: "a plain paste", data: "Moscow (UPI) -- Secretary of State Rex Tillerson met Sergei Lavrov."},
		{name: "a paste with a NUL byte", data: "Scraped\x00 text from a page."},
		{name: "a web page", file: "page.html", data: "<html><head><title>Talks resume</title></head><body><nav>Home</nav><article><p>The talks resume on Monday.</p></article></body></html>"},
		{name: "a Latin-1 file", file: "cafe.txt", data: "Caf\xe9 society"},
		{name: "an empty paste", data: "  \n ", refusal: ingest.ErrEmpty},
		{name: "a binary file", file: "image.png", data: "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", refusal: ingest.ErrBinary},
		{name: "a file over the limit", file: "huge.txt", data: strings.Repeat("a", ingest.MaxBytes+1), refusal: ingest.ErrTooLarge},
	} {
		t.Run(tc.name, func(t *testing.T) {
			want, wantErr := ingest.Text(tc.file, []byte(tc.data))
			msg, err := Decode(Encode(nil, answerRead(Input{Gen: 4, Name: tc.file, Data: []byte(tc.data)})))
			if err != nil {
				t.Fatal(err)
			}
			text := msg.(Text)
			got, gotErr := text.Result, text.Error()
			if text.Gen != 4 {
				t.Errorf("the answer is to request %d, want 4", text.Gen)
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("read as\n%+v\nwant\n%+v", got, want)
			}
			if (gotErr == nil) != (wantErr == nil) || (gotErr != nil && gotErr.Error() != wantErr.Error()) {
				t.Errorf("error %v, want %v", gotErr, wantErr)
			}
			if tc.refusal != nil && !errors.Is(gotErr, tc.refusal) {
				t.Errorf("error %v is not %v", gotErr, tc.refusal)
			}
			for _, other := range []error{ingest.ErrEmpty, ingest.ErrBinary, ingest.ErrTooLarge} {
				if other != tc.refusal && errors.Is(gotErr, other) {
					t.Errorf("error %v reads as %v too", gotErr, other)
				}
			}
		})
	}
}

func TestReadOutsideTheBrowserIsIngestText(t *testing.T) {
	res, err := Read(context.Background(), "page.html", []byte("<p>Hello, world.</p>"))
	if err != nil || !res.FromHTML || strings.TrimSpace(res.Text) != "Hello, world." {
		t.Errorf("read %+v, %v; want the page's text", res, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Read(ctx, "", []byte("text")); !errors.Is(err, context.Canceled) {
		t.Errorf("a cancelled read returns %v, want context.Canceled", err)
	}
}
