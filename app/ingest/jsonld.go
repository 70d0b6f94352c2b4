package ingest

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// ldArticle is what JSON-LD says of a NewsArticle (or Article,
// ReportageNewsArticle, BlogPosting…).
type ldArticle struct {
	headline, published, url, publisher string
}

// merge reads one JSON-LD script, keeping what an earlier one gave.
func (a *ldArticle) merge(src string) {
	src = strings.TrimSpace(src)
	src = strings.TrimSuffix(strings.TrimPrefix(src, "<!--"), "-->")
	src = strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(src), "//<![CDATA["), "//]]>")
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return // a broken script is ignored, as browsers and crawlers do
	}
	a.visit(v, 0)
}

var ldArticleTypes = map[string]bool{
	"NewsArticle": true, "Article": true, "ReportageNewsArticle": true, "AnalysisNewsArticle": true,
	"OpinionNewsArticle": true, "BackgroundNewsArticle": true, "ReviewNewsArticle": true,
	"BlogPosting": true, "LiveBlogPosting": true, "Report": true,
}

func (a *ldArticle) visit(v any, depth int) {
	if depth > 8 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			a.visit(e, depth+1)
		}
	case map[string]any:
		if graph, ok := v["@graph"]; ok {
			a.visit(graph, depth+1)
		}
		if !ldIsArticle(v["@type"]) {
			return
		}
		set := func(dst *string, s string) {
			if *dst == "" {
				*dst = html.UnescapeString(s)
			}
		}
		set(&a.headline, ldString(v["headline"]))
		set(&a.published, ldString(v["datePublished"]))
		set(&a.url, ldString(v["url"]))
		if a.url == "" {
			set(&a.url, ldString(v["mainEntityOfPage"]))
		}
		set(&a.publisher, ldString(v["publisher"]))
	}
}

func ldIsArticle(t any) bool {
	switch t := t.(type) {
	case string:
		return ldArticleTypes[strings.TrimPrefix(strings.TrimPrefix(t, "https://schema.org/"), "http://schema.org/")]
	case []any:
		for _, e := range t {
			if ldIsArticle(e) {
				return true
			}
		}
	}
	return false
}

// ldString reads a JSON-LD value as text: a string, or an object's
// name or @id (a publisher, a page), or a list's first such.
func ldString(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case map[string]any:
		if s, ok := v["name"].(string); ok {
			return s
		}
		if s, ok := v["@id"].(string); ok {
			return s
		}
	case []any:
		for _, e := range v {
			if s := ldString(e); s != "" {
				return s
			}
		}
	}
	return ""
}
