package ingest

import (
	"strings"
	"testing"
	"time"
)

func TestParseTimeReadsCommonForms(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2017-04-12T14:05:00+03:00", "2017-04-12T14:05:00+03:00"},
		{"2017-04-12T14:05:00.123Z", "2017-04-12T14:05:00Z"},
		{"2017-04-12T14:05:00+0300", "2017-04-12T14:05:00+03:00"},
		{"2017-04-12T14:05+03", "2017-04-12T14:05:00+03:00"},
		{"2017-04-12T14:05", "2017-04-12T14:05:00Z"},
		{"2017-04-12 14:05:00", "2017-04-12T14:05:00Z"},
		{"  2017-04-12 14:05 -0400 ", "2017-04-12T14:05:00-04:00"},
		{"2017-04-12", "2017-04-12"},
		{"2017/04/12", "2017-04-12"},
		{"April 12, 2017", "2017-04-12"},
		{"Apr 12, 2017", "2017-04-12"},
		{"12 April 2017", "2017-04-12"},
		{"Wednesday, April 12, 2017", "2017-04-12"},
		{"Wed, 12 Apr 2017 14:05:00 GMT", "2017-04-12T14:05:00Z"},
		{"Wed, 12 Apr 2017 14:05:00 +0300", "2017-04-12T14:05:00+03:00"},
		{"Wed, 12 Apr 2017 14:05:00 EDT", "2017-04-12T14:05:00-04:00"},
		{"12 Apr 2017 14:05:00 UTC", "2017-04-12T14:05:00Z"},
		{"April 12, 2017 2:05 PM", "2017-04-12T14:05:00Z"},
		{"April 12, 2017 2:05 PM EST", "2017-04-12T14:05:00-05:00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			tm, canonical, err := ParseTime(tt.in)
			if err != nil || canonical != tt.want {
				t.Fatalf("ParseTime = %q, %v; want %q", canonical, err, tt.want)
			}
			back, again, err := ParseTime(canonical)
			if err != nil || again != canonical || !back.Equal(tm) {
				t.Errorf("the canonical form %q reads back as %q (%v)", canonical, again, err)
			}
		})
	}
}

func TestParseTimeGivesADayAsMidnightUTC(t *testing.T) {
	tm, _, err := ParseTime("12 April 2017")
	if err != nil || !tm.Equal(time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("ParseTime = %v, %v", tm, err)
	}
}

func TestParseTimeRefusesWhatItCannotReadTruly(t *testing.T) {
	tests := []struct{ name, in, contains string }{
		{"nothing", "  ", "no time given"},
		{"words", "last Tuesday", `"last Tuesday" is not a date or time wirediff reads: write it as 2017-04-12`},
		{"an impossible day", "2017-02-30", "is not a date"},
		{"an unknown zone name, which time.Parse would read as UTC", "Wed, 12 Apr 2017 14:05:00 XYZ", "time zone wirediff does not know (XYZ)"},
		{"a year out of range", "0999-01-01", "the year 999 is out of range"},
		{"an offset no zone has", "2017-04-12T14:05:00+25:00", "not a date"},
		{"a very long text", strings.Repeat("2017 ", 20), "too long"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseTime(tt.in)
			if err == nil || !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("err = %v, want it to contain %q", err, tt.contains)
			}
		})
	}
}

func TestCleanURL(t *testing.T) {
	tests := []struct{ in, want, err string }{
		{" https://news.example/a?b=1#c ", "https://news.example/a?b=1#c", ""},
		{"http://news.example", "http://news.example", ""},
		{"javascript:alert(1)", "", "not a web address"},
		{"news.example/story", "", "starting with https://"},
		{"ftp://news.example/x", "", "not a web address"},
		{"https:///path", "", "not a web address"},
		{"https://news.example/a b", "", "cannot contain spaces"},
		{"", "", "no URL given"},
		{"https://x.example/" + strings.Repeat("a", MaxURLBytes), "", "longer than 2048"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			got, err := CleanURL(tt.in)
			if got != tt.want || (err == nil) != (tt.err == "") || err != nil && !strings.Contains(err.Error(), tt.err) {
				t.Errorf("CleanURL = %q, %v; want %q, %q", got, err, tt.want, tt.err)
			}
		})
	}
}

func FuzzParseTime(f *testing.F) {
	for _, s := range []string{"2017-04-12T14:05:00+03:00", "April 12, 2017", "Wed, 12 Apr 2017 14:05:00 EDT", "2017-04-12 14:05", "x 10 Z", "9999-12-31T23:59:59-23:59"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		tm, canonical, err := ParseTime(s)
		if err != nil {
			return
		}
		back, again, err := ParseTime(canonical)
		if err != nil || again != canonical || !back.Equal(tm) {
			t.Fatalf("%q gave %q, which reads back as %q, %v", s, canonical, again, err)
		}
		if _, err := tm.MarshalJSON(); err != nil {
			t.Fatalf("%q gave %v, which JSON cannot hold: %v", s, tm, err)
		}
	})
}
