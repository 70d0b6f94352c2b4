package ingest

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// dateLayouts are the forms ParseTime reads besides RFC 3339, tried in
// order. Each gives a day and no time of day.
var dateLayouts = []string{
	"2006-01-02", "2006/01/02", "2006.01.02",
	"January 2, 2006", "Jan 2, 2006", "Jan. 2, 2006", "January 2 2006", "Jan 2 2006",
	"2 January 2006", "2 Jan 2006", "02 Jan 2006", "2 Jan. 2006",
	"Monday, January 2, 2006", "Mon, January 2, 2006", "Monday, 2 January 2006", "Mon, 2 Jan 2006",
}

// momentLayouts give a time of day; those without a zone are read as
// UTC. Named zones are turned into offsets first (zoneOffsets).
var momentLayouts = []string{
	"2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05Z07",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04Z0700", "2006-01-02T15:04Z07",
	"2006-01-02T15:04:05", "2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05 Z07:00", "2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04Z07:00", "2006-01-02 15:04 Z07:00", "2006-01-02 15:04 -0700",
	"2006-01-02 15:04:05", "2006-01-02 15:04",
	"Mon, 02 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 -0700",
	"02 Jan 2006 15:04:05 -0700", "2 Jan 2006 15:04:05 -0700",
	"Mon, 02 Jan 2006 15:04 -0700", "2 Jan 2006 15:04 -0700",
	"Monday, 02-Jan-06 15:04:05 -0700",
	"Mon Jan _2 15:04:05 -0700 2006",
	"January 2, 2006 15:04 -0700", "January 2, 2006 3:04 PM -0700", "Jan 2, 2006 3:04 PM -0700",
	"January 2, 2006 15:04", "January 2, 2006 3:04 PM", "Jan 2, 2006 3:04 PM",
	"2 January 2006 15:04 -0700", "2 January 2006 15:04",
}

// zoneOffsets are the zone names ParseTime accepts in place of an
// offset. time.Parse would take any other name as an offset of zero, a
// silently wrong time, so other names are refused.
var zoneOffsets = map[string]string{
	"UT": "+0000", "UTC": "+0000", "GMT": "+0000", "Z": "+0000",
	"EST": "-0500", "EDT": "-0400", "CST": "-0600", "CDT": "-0500",
	"MST": "-0700", "MDT": "-0600", "PST": "-0800", "PDT": "-0700",
	"CET": "+0100", "CEST": "+0200", "EET": "+0200", "EEST": "+0300",
	"WET": "+0000", "WEST": "+0100", "MSK": "+0300", "IST": "+0530",
	"JST": "+0900", "KST": "+0900", "AEST": "+1000", "AEDT": "+1100",
}

// ParseTime reads a publication time as pages, archives and people give
// it: RFC 3339 ("2017-04-12T14:05:00+03:00"), an ISO 8601 date and time
// with a space for the T, the seconds or the zone left out, RFC 1123 as
// in e-mail and feeds ("Wed, 12 Apr 2017 14:05:00 GMT"), or a day alone
// ("2017-04-12", "April 12, 2017", "12 April 2017"). A time without a
// zone is taken as UTC.
//
// It returns the time and its canonical text, which ParseTime reads back
// unchanged: RFC 3339 to the second for a moment, the date alone
// ("2017-04-12") for a day, which t gives as midnight UTC. Years before
// 1000 or after 9999 are refused.
func ParseTime(s string) (t time.Time, canonical string, err error) {
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		return time.Time{}, "", errors.New("no time given")
	}
	if len(s) > 64 {
		return time.Time{}, "", errors.New("not a date or time: too long")
	}
	for _, layout := range dateLayouts {
		if d, err := time.Parse(layout, s); err == nil {
			if err := checkYear(d); err != nil {
				return time.Time{}, "", err
			}
			return d, d.Format(time.DateOnly), nil
		}
	}
	named, unknown := numericZone(s)
	if unknown != "" {
		if _, _, err := ParseTime(named); err == nil {
			return time.Time{}, "", fmt.Errorf("%q names a time zone wirediff does not know (%s): give its offset instead, such as +03:00", s, unknown)
		}
		named = s
	}
	for _, layout := range momentLayouts {
		m, err := time.Parse(layout, named)
		if err != nil {
			continue
		}
		if err := checkYear(m); err != nil {
			return time.Time{}, "", err
		}
		if _, off := m.Zone(); off%60 != 0 || off <= -24*3600 || off >= 24*3600 {
			return time.Time{}, "", fmt.Errorf("%q has an offset from UTC that no time zone has", s)
		}
		m = m.Truncate(time.Second)
		return m, m.Format(time.RFC3339), nil
	}
	return time.Time{}, "", fmt.Errorf("%q is not a date or time wirediff reads: write it as 2017-04-12 or 2017-04-12T14:05:00+03:00", s)
}

// numericZone replaces a zone name at the end of s by its offset, so
// that time.Parse never guesses one. An unknown name is returned as
// unknown, with s ending in offset zero instead, to tell "an unknown zone"
// from "not a time at all".
func numericZone(s string) (named, unknown string) {
	i := strings.LastIndexAny(s, " 0123456789")
	name := s[i+1:]
	if i < 0 || name == "" || name == "Z" || name == "AM" || name == "PM" {
		return s, ""
	}
	sep := ""
	if s[i] != ' ' {
		sep = " "
	}
	if off, ok := zoneOffsets[strings.ToUpper(name)]; ok {
		return s[:i+1] + sep + off, ""
	}
	return s[:i+1] + sep + "+0000", name
}

func checkYear(t time.Time) error {
	if y := t.Year(); y < 1000 || y > 9999 {
		return fmt.Errorf("the year %d is out of range", y)
	}
	return nil
}
