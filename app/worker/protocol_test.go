package worker

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/wirediff/wirediff/app/export"
	"github.com/wirediff/wirediff/app/ingest"
	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/internal/fixture"
)

// seedDocuments reads the five seed articles from testdata/.
func seedDocuments(t testing.TB) []reuse.Document {
	t.Helper()
	paths, err := filepath.Glob("../../testdata/00*.txt")
	if err != nil || len(paths) < 2 {
		t.Fatalf("the seed articles are missing: %v", err)
	}
	docs := make([]reuse.Document, len(paths))
	for i, p := range paths {
		text, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs[i] = reuse.Document{Name: filepath.Base(p), Text: string(text)}
	}
	return docs
}

// messages are the cases every round-trip test and the fuzz seeds share.
func messages(t testing.TB) map[string]any {
	t.Helper()
	docs := seedDocuments(t)
	paris := time.Date(2017, 4, 12, 9, 30, 0, 0, time.FixedZone("", 2*3600))
	docs[0].Title, docs[0].Source, docs[0].URL = "Tillerson in Moscow", "UPI", "https://example.com/a?b=c&d"
	docs[0].Published = paris
	docs[1].Published = time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	report, err := reuse.Analyze(context.Background(), docs, reuse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	_, rewritten := fixture.Rewritten()
	return map[string]any{
		"ready":                             Ready{},
		"progress half way":                 Progress{Gen: 7, Done: 50, Total: 100},
		"progress of a negative generation": Progress{Gen: -1, Done: 0, Total: 0},
		"a request for the seed articles with their metadata": Request{Gen: 3, Documents: docs,
			Options: reuse.Options{MinWords: 12, MinSimilarity: 0.5, NoRewritten: true, DiffTimeout: -1}},
		"a request with text in other scripts and a NUL byte": Request{Gen: 1, Documents: []reuse.Document{
			{Name: "ar", Text: "وزیر اعظم نے بجٹ پیش کیا۔"}, {Name: "zh", Text: "中文\x00 text \u200b"}}},
		"a request with no documents":       Request{Gen: 2},
		"a request with an empty list":      Request{Gen: 2, Documents: []reuse.Document{}},
		"the seed articles' report":         Result{Gen: 3, Report: report},
		"a report with a rewritten passage": Result{Gen: 4, Report: rewritten},
		"a report with empty lists":         Result{Gen: 5, Report: &reuse.Report{Documents: []reuse.DocumentSummary{}, Pairs: []reuse.Pair{}, Families: []reuse.Family{}}},
		"a paste to read":                   Input{Gen: 8, Data: []byte("Moscow (UPI) -- Secretary of State Rex Tillerson\x00 met")},
		"a web page to read":                Input{Gen: 9, Name: "page.html", Data: []byte("<html><title>T</title><p>Text")},
		"an empty paste to read":            Input{Gen: 10, Data: []byte{}},
		"a page read": Text{Gen: 9, Result: ingest.Result{Text: "Text", FromHTML: true, Meta: ingest.Meta{Title: "T"},
			Dropped: []string{"navigation"}, Notes: []string{"read as HTML: only the readable text was kept"}}},
		"a refusal": Text{Gen: 10, Err: "no text: it is empty", Refused: RefusedEmpty},
		"an error":  Result{Gen: 6, Err: "the analysis stopped unexpectedly: index out of range"},
		"a comparison of two seeds with their metadata": Comparison{Gen: 11, A: docs[0], B: docs[3],
			Options: reuse.Options{MinWords: 12, NoRewritten: true}},
		"a comparison of two empty documents":          Comparison{Gen: 12},
		"the pair of a comparison":                     Compared{Gen: 11, Pair: &report.Pairs[0]},
		"a comparison's pair with a rewritten passage": Compared{Gen: 13, Pair: &rewritten.Pairs[0]},
		"a comparison that failed":                     Compared{Gen: 12, Err: "the comparison stopped unexpectedly: nil map"},
	}
}

func TestMessagesComeBackAsTheyWereSent(t *testing.T) {
	for name, msg := range messages(t) {
		t.Run(name, func(t *testing.T) {
			got, err := Decode(Encode(nil, msg))
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(withComparableTimes(got), withComparableTimes(msg)) {
				t.Errorf("got\n%#v\nwant\n%#v", got, msg)
			}
		})
	}
}

// withComparableTimes turns a request's or a comparison's publication
// times into UTC after
// checking nothing else: DeepEqual compares a time's *Location, and a
// decoded time has a zone of its own. Zones are checked by
// TestPublicationTimesKeepTheirOffset.
func withComparableTimes(msg any) any {
	if c, ok := msg.(Comparison); ok {
		c.A.Published, c.B.Published = c.A.Published.UTC(), c.B.Published.UTC()
		return c
	}
	if r, ok := msg.(Request); ok {
		docs := append([]reuse.Document(nil), r.Documents...)
		for i := range docs {
			docs[i].Published = docs[i].Published.UTC()
		}
		if r.Documents != nil {
			r.Documents = docs
		}
		return r
	}
	return msg
}

func TestPublicationTimesKeepTheirOffset(t *testing.T) {
	for _, when := range []time.Time{
		{},
		time.Date(2017, 4, 12, 9, 30, 0, 0, time.FixedZone("", 2*3600)),
		time.Date(2017, 4, 12, 9, 30, 0, 5, time.FixedZone("", -(5*3600+30*60))),
		time.Date(2017, 4, 12, 9, 30, 0, 0, time.UTC),
	} {
		req := Request{Documents: []reuse.Document{{Published: when}}}
		msg, err := Decode(Encode(nil, req))
		if err != nil {
			t.Fatal(err)
		}
		got := msg.(Request).Documents[0].Published
		if want := when.Format(time.RFC3339Nano); got.Format(time.RFC3339Nano) != want || got.IsZero() != when.IsZero() {
			t.Errorf("%v came back as %v", when, got)
		}
	}
}

func TestTheExportedReportIsTheSameAfterTheTrip(t *testing.T) {
	for name, msg := range messages(t) {
		res, ok := msg.(Result)
		if !ok || res.Report == nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			back, err := Decode(Encode(nil, res))
			if err != nil {
				t.Fatal(err)
			}
			var want, got bytes.Buffer
			if err := export.JSON(&want, res.Report); err != nil {
				t.Fatal(err)
			}
			if err := export.JSON(&got, back.(Result).Report); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("the JSON export changed:\n%s\nwant\n%s", got.Bytes(), want.Bytes())
			}
		})
	}
}
