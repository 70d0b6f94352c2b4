package session

import (
	"strings"
	"testing"

	"github.com/wirediff/wirediff/app/ingest"
)

// The page reads a paste's or a file's bytes off its main thread and
// hands the session what ingest made of them: the session takes that
// reading as it would its own, and does not read the bytes again (here
// they are other bytes, which would add another article).
func TestAPasteOrFileReadBeforeIsTakenAsRead(t *testing.T) {
	const unread = "Bytes the session must not read again: the reading stands for them."
	page := "<html><head><title>Talks resume</title></head><body><article><p>" + wire + "</p></article></body></html>"
	for _, tt := range []struct {
		name      string
		add       func(s *Session, read *Reading) Change
		bytes     string
		wantTitle string // of the article added; "" for none
		wantSays  string
	}{
		{
			name:  "a paste read as a web page",
			bytes: page,
			add: func(s *Session, read *Reading) Change {
				return s.Add(Paste{Text: unread, Read: read})
			},
			wantTitle: "Talks resume",
			wantSays:  "Read as HTML",
		},
		{
			name:  "a file read as a web page",
			bytes: page,
			add: func(s *Session, read *Reading) Change {
				return s.AddFiles([]File{{Name: "talks.html", Data: []byte(unread), Read: read}})
			},
			wantTitle: "Talks resume",
			wantSays:  "talks.html: read as HTML",
		},
		{
			name:  "an empty paste, refused where it was read",
			bytes: " \n",
			add: func(s *Session, read *Reading) Change {
				return s.Add(Paste{Text: unread, Read: read})
			},
			wantSays: "Nothing was added: the Text box has no text in it.",
		},
		{
			name:  "a binary file, refused where it was read",
			bytes: "\x89PNG\r\n\x1a\n\x00\x00",
			add: func(s *Session, read *Reading) Change {
				return s.AddFiles([]File{{Name: "photo.png", Data: []byte(unread), Read: read}})
			},
			wantSays: "photo.png was not added: it looks like a binary file, not text.",
		},
	} {
		t.Run(tt.name, func(t *testing.T) {
			s := demo(t, "")
			before := len(s.Articles())
			name := ""
			if strings.Contains(tt.name, "file") {
				name = "talks.html"
			}
			res, err := ingest.Text(name, []byte(tt.bytes))
			c := tt.add(s, &Reading{Result: res, Err: err})
			arts := s.Articles()
			if tt.wantTitle == "" {
				if len(arts) != before || c.Texts {
					t.Errorf("%d articles after, %d before, change %+v: want nothing added", len(arts), before, c)
				}
			} else if len(arts) != before+1 || arts[len(arts)-1].Title != tt.wantTitle || strings.TrimSpace(arts[len(arts)-1].Text) != wire {
				t.Errorf("added %d articles, the last %+v; want %q with the page's text", len(arts)-before, arts[len(arts)-1], tt.wantTitle)
			}
			if says := s.Notice().Text; !strings.Contains(says, tt.wantSays) {
				t.Errorf("says %q, want it to say %q", says, tt.wantSays)
			}
		})
	}
}
