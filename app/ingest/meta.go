package ingest

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// Meta is what a web page says about the article it holds. Every field
// is "" where the page does not say, or says something unreadable.
type Meta struct {
	// Title is the headline: JSON-LD's headline, og:title, twitter:title,
	// the <title> without the outlet's name, or the article's first <h1>.
	Title string
	// Source is the outlet: og:site_name or the JSON-LD publisher's name.
	Source string
	// Published is the publication time in ParseTime's canonical form:
	// JSON-LD's datePublished, article:published_time and its kin, or the
	// article's <time datetime>.
	Published string
	// URL is the page's own address: its canonical link, og:url or
	// JSON-LD's url, absolute http or https.
	URL string
}

// MaxURLBytes bounds a URL CleanURL accepts.
const MaxURLBytes = 2048

// maxMetaBytes bounds a title or source taken from a page, far above any
// headline, so a hostile page cannot make one megabytes long.
const maxMetaBytes = 1000

// CleanURL checks that s is an absolute http or https URL and returns it
// trimmed. Anything else, a javascript: URL above all, is refused, so a
// URL can be shown as a link.
func CleanURL(s string) (string, error) {
	s = strings.TrimSpace(s)
	switch {
	case s == "":
		return "", errors.New("no URL given")
	case len(s) > MaxURLBytes:
		return "", fmt.Errorf("the URL is longer than %d characters", MaxURLBytes)
	case strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f || r == utf8.RuneError }):
		return "", errors.New("a URL cannot contain spaces or control characters")
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" || u.Scheme != "http" && u.Scheme != "https" && u.Scheme != "HTTP" && u.Scheme != "HTTPS" {
		return "", fmt.Errorf("%q is not a web address: give it whole, starting with https:// or http://", clipMeta(s, 80))
	}
	return s, nil
}

// oneLine collapses white space, so a title from a page is one line, and
// bounds its length.
func oneLine(s string) string {
	return clipMeta(strings.Join(strings.FieldsFunc(s, isMetaSpace), " "), maxMetaBytes)
}

func isMetaSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' || r == '\v' || r == 0x85 ||
		r == 0xa0 || r == 0x2028 || r == 0x2029 || r < 0x20 || r == 0x7f
}

// clipMeta cuts s to at most n bytes at a character boundary.
func clipMeta(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

func attr(n *html.Node, key string) (string, bool) {
	for _, a := range n.Attr {
		if a.Namespace == "" && a.Key == key {
			return a.Val, true
		}
	}
	return "", false
}

// metaCandidates collects what a page's head and markup say, by kind,
// in the order found; pageMeta then picks by precedence.
type metaCandidates struct {
	props    map[string]string // <meta property|name|itemprop> by lower-case key, first wins
	title    string            // the first <title>
	canon    string            // <link rel=canonical>
	base     string            // <base href>
	ld       ldArticle
	timeAttr []string // <time datetime> in document order, pubdate or itemprop first
}

// metaKeys are the <meta> names and properties read, lower case.
var metaKeys = map[string]bool{
	"og:title": true, "twitter:title": true, "og:site_name": true, "og:url": true,
	"article:published_time": true, "og:article:published_time": true, "datepublished": true,
	"pubdate": true, "publishdate": true, "publish-date": true, "publish_date": true,
	"date": true, "dc.date": true, "dc.date.issued": true, "dcterms.issued": true, "dcterms.created": true,
	"parsely-pub-date": true, "sailthru.date": true,
}

// timeKeys are the <meta> keys of a publication time, by precedence.
var timeKeys = []string{
	"article:published_time", "og:article:published_time", "datepublished", "parsely-pub-date",
	"pubdate", "publishdate", "publish-date", "publish_date", "dc.date.issued", "dcterms.issued",
	"dc.date", "dcterms.created", "date", "sailthru.date",
}

// collectMeta reads the metadata elements of a document.
func collectMeta(doc *html.Node) *metaCandidates {
	c := &metaCandidates{props: map[string]string{}}
	var pubTimes, times []string
	walk(doc, func(n *html.Node) bool {
		if n.Type != html.ElementNode {
			return true
		}
		if n.Namespace != "" {
			return false // an <svg>'s <title> is no page title
		}
		switch n.Data {
		case "title":
			if c.title == "" {
				c.title = oneLine(textOf(n))
			}
		case "meta":
			content, ok := attr(n, "content")
			if !ok {
				return true
			}
			for _, k := range []string{"property", "name", "itemprop"} {
				key, _ := attr(n, k)
				key = strings.ToLower(strings.TrimSpace(key))
				if metaKeys[key] && c.props[key] == "" {
					c.props[key] = content
				}
			}
		case "link":
			rel, _ := attr(n, "rel")
			if href, ok := attr(n, "href"); ok && c.canon == "" && hasToken(rel, "canonical") {
				c.canon = href
			}
		case "base":
			if href, ok := attr(n, "href"); ok && c.base == "" {
				c.base = href
			}
		case "script":
			if typ, _ := attr(n, "type"); strings.EqualFold(strings.TrimSpace(typ), "application/ld+json") {
				c.ld.merge(textOf(n))
			}
			return false
		case "time":
			dt, ok := attr(n, "datetime")
			if !ok {
				break
			}
			_, pub := attr(n, "pubdate")
			if ip, _ := attr(n, "itemprop"); pub || hasToken(ip, "datePublished") {
				pubTimes = append(pubTimes, dt)
			} else {
				times = append(times, dt)
			}
		}
		return true
	})
	c.timeAttr = append(pubTimes, times...)
	return c
}

// pageMeta picks each field by precedence. root is the element the
// article's text comes from, for its first <h1>; notes tell of a time
// the page gives but that cannot be read.
func pageMeta(c *metaCandidates, root *html.Node) (Meta, []string) {
	var m Meta
	var notes []string
	m.Source = firstOf(c.ld.publisher, c.props["og:site_name"])
	m.Title = firstOf(c.ld.headline, c.props["og:title"], c.props["twitter:title"], cleanTitle(c.title, m.Source))
	if m.Title == "" {
		if h1 := find(root, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "h1" }); h1 != nil {
			m.Title = oneLine(textOf(h1))
		}
	}
	var bad string
	for _, s := range append([]string{c.ld.published}, append(propsOf(c, timeKeys), c.timeAttr...)...) {
		if strings.TrimSpace(s) == "" {
			continue
		}
		if _, canonical, err := ParseTime(s); err == nil {
			m.Published = canonical
			break
		} else if bad == "" {
			bad = s
		}
	}
	if m.Published == "" && bad != "" {
		notes = append(notes, fmt.Sprintf("the page's publication time %q could not be read, so it was left out", clipMeta(oneLine(bad), 80)))
	}
	base, _ := url.Parse(strings.TrimSpace(c.base))
	for _, s := range []string{c.canon, c.props["og:url"], c.ld.url} {
		if u := absoluteURL(base, s); u != "" {
			m.URL = u
			break
		}
	}
	return m, notes
}

func propsOf(c *metaCandidates, keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = c.props[k]
	}
	return out
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = oneLine(v); v != "" {
			return v
		}
	}
	return ""
}

// absoluteURL resolves s against the page's <base> when it is relative;
// "" if the result is no http or https URL.
func absoluteURL(base *url.URL, s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return ""
	}
	if u, err := url.Parse(s); err == nil && !u.IsAbs() && base != nil && base.IsAbs() {
		s = base.ResolveReference(u).String()
	}
	clean, err := CleanURL(s)
	if err != nil {
		return ""
	}
	return clean
}

// titleSeparators part a headline from the outlet's name in a <title>.
var titleSeparators = []string{" | ", " – ", " — ", " - ", " :: ", " · ", " • "}

// cleanTitle drops the outlet's name from a <title>: after its last
// separator when that part is the site's name, or short (four words at
// most) and the headline left has three words or more.
func cleanTitle(title, site string) string {
	title = oneLine(title)
	for _, sep := range titleSeparators {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := strings.TrimSpace(title[:i]), strings.TrimSpace(title[i+len(sep):])
		if site != "" && strings.EqualFold(tail, site) ||
			len(strings.Fields(tail)) <= 4 && len(strings.Fields(head)) >= 3 {
			return head
		}
	}
	return title
}

// hasToken reports whether a space-separated attribute holds tok, in any
// case.
func hasToken(list, tok string) bool {
	for _, f := range strings.Fields(list) {
		if strings.EqualFold(f, tok) {
			return true
		}
	}
	return false
}
