package export

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/wirediff/wirediff/app/reuse"
)

// syndicatedDay is an agency story, a copy that credits the agency and
// one that does not, and three articles of one outlet that end with its
// newsletter box.
func syndicatedDay(t *testing.T) ([]reuse.Document, *reuse.Report) {
	t.Helper()
	story := "MOSCOW, April 12 (UPI) -- Secretary of State Rex Tillerson met Russian President Vladimir Putin at the Kremlin on Wednesday, after a long day of talks with Foreign Minister Sergei Lavrov about Syria and the chemical attack that killed dozens of civilians last week. "
	more := "The two ministers agreed to set up a working group to look at the worst problems in relations between the two countries, Lavrov told reporters after the meeting."
	box := "\n\nSign up for the Herald's morning newsletter to get the top stories of the day in your inbox before breakfast."
	at := func(h int) time.Time { return time.Date(2017, 4, 12, h, 0, 0, 0, time.UTC) }
	docs := []reuse.Document{
		{Name: "upi-tillerson", Source: "UPI", Published: at(6), Text: story + more},
		{Name: "daily <copy>", Source: "The Daily", Published: at(8), Text: strings.Replace(story, "on Wednesday", "on Wednesday afternoon", 1) + more + "\n\nThe Daily used reporting by UPI."},
		{Name: "herald-kremlin", Source: "Herald", Published: at(9), Text: "Tillerson in Moscow. " + story[len("MOSCOW, April 12 (UPI) -- "):] + more + box},
		{Name: "herald-weather", Source: "Herald", Published: at(10), Text: "Heavy rain flooded several streets near the harbour overnight, and the fire brigade pumped out cellars until dawn." + box},
		{Name: "herald-football", Source: "Herald", Published: at(11), Text: "The local football club signed a young goalkeeper from the second division for three seasons on Tuesday." + box},
	}
	r, err := reuse.Analyze(context.Background(), docs, reuse.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return docs, r
}

func TestHTMLShowsStoriesTheirCopiesAndTheTextSetAside(t *testing.T) {
	docs, r := syndicatedDay(t)
	if len(r.Stories) != 1 || r.Stories[0].Origin != 0 || len(r.Stories[0].Members) != 2 {
		t.Fatalf("want one story from the agency with two copies, got %+v", r.Stories)
	}
	if len(r.SetAside) != 1 || r.SetAside[0].Reason != "source" {
		t.Fatalf("want the Herald's box set aside by source, got %+v", r.SetAside)
	}
	var buf bytes.Buffer
	if err := HTML(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	checkHTML(t, out)
	start := strings.Index(out, `<div class="story" id="story-0">`)
	if start < 0 {
		t.Fatalf("no story in the report:\n%s", out)
	}
	story := out[start : start+strings.Index(out[start:], "</div>")]
	for _, want := range []string{
		`<a href="#doc-0"><bdi>upi-tillerson</bdi></a> and 2 copies`,
		"<bdi>UPI</bdi> · published 2017-04-12 06:00 UTC",
		"Origin: the earliest published",
		"A copy credits the origin when it names <bdi>UPI</bdi>",
		`<a href="#doc-1"><bdi>daily &lt;copy&gt;</bdi></a>`,
	} {
		if !strings.Contains(story, want) {
			t.Errorf("the story does not say %q:\n%s", want, story)
		}
	}
	for _, m := range r.Stories[0].Members {
		row := story[strings.Index(story, `<tr><td><a href="#doc-`+strconv.Itoa(m.Doc)+`">`):]
		row = row[:strings.Index(row, "</tr>")]
		credit := map[bool]string{true: "<td>yes</td>", false: "<td>no</td>"}[m.Credited]
		if !strings.Contains(row, credit) || !strings.Contains(row, `href="#pair-`+strconv.Itoa(m.Pair)+`"`) ||
			!strings.Contains(row, Percent(m.Reused)) {
			t.Errorf("copy %d's row lacks its credit %s, share or pair link: %s", m.Doc, credit, row)
		}
	}
	if !r.Stories[0].Members[0].Credited && !r.Stories[0].Members[1].Credited {
		t.Error("the copy that names UPI is not credited")
	}
	if !strings.Contains(out, `<section id="set-aside">`) ||
		!strings.Contains(out, "Repeated by Herald across its own articles, in 3 articles.") ||
		!strings.Contains(out, "morning newsletter") {
		t.Errorf("the Herald's box is not listed as set aside:\n%s", out)
	}
}

func TestHTMLListsNoStoriesForTwoArticles(t *testing.T) {
	docs, r := sample()
	r.Stories = []reuse.Story{{Origin: 0, OriginRule: reuse.MostComplete, Members: []reuse.StoryMember{{Doc: 1, Pair: 0}}}}
	var buf bytes.Buffer
	if err := HTML(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `id="stories"`) {
		t.Error("two articles' one pair is listed as a story too")
	}
}

func TestHTMLLaysOutEveryNameAndTextInItsOwnDirection(t *testing.T) {
	docs, r := syndicatedDay(t)
	// Hebrew and Arabic names: an English report must not turn them
	// around, nor they the words around them.
	docs[0].Name, r.Documents[0].Name = "סוכנות UPI", "סוכנות UPI"
	docs[1].Name, r.Documents[1].Name = "الصحيفة اليومية", "الصحيفة اليومية"
	var buf bytes.Buffer
	if err := HTML(&buf, docs, r); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	checkHTML(t, out)
	for _, name := range []string{"סוכנות UPI", "الصحيفة اليومية"} {
		isolated := strings.Count(out, "<bdi>"+name+"</bdi>")
		if all := strings.Count(out, name); all == 0 || isolated != all {
			t.Errorf("%q is in the report %d times, %d of them in a <bdi>", name, all, isolated)
		}
	}
	if !strings.Contains(out, `<p class="meta"><bdi>UPI</bdi> · published`) {
		t.Error("the story's source is not in a <bdi>")
	}
	if texts, auto := strings.Count(out, `class="text"`), strings.Count(out, `class="text" dir="auto"`); texts == 0 || auto != texts {
		t.Errorf("%d blocks of text, %d of them dir=auto", texts, auto)
	}
}
