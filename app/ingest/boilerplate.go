package ingest

import (
	"strings"

	"golang.org/x/net/html"
)

// The rules that tell what in a page is not its article: by tag and ARIA
// role (semantic), by the words of a class or an ID (byName), by what a
// short block says (byPhrase), and by how much of a block is links.

// boilerplate says what kind of text that is not the article n holds, or
// "". guard spares an element that a class, an ID or its links alone
// would drop if it holds more than guard bytes of text (half the
// article's): a wrapper named "has-sidebar" is still the article.
func boilerplate(n *html.Node, info map[*html.Node]*nodeInfo, guard int) string {
	if n.Type != html.ElementNode {
		return ""
	}
	if kind := semantic(n); kind != "" {
		return kind
	}
	in := info[n]
	if in == nil {
		return ""
	}
	if kind := byPhrase(n, in); kind != "" {
		return kind
	}
	if guard >= 0 && in.text > guard {
		return ""
	}
	if kind := byName(n); kind != "" {
		return kind
	}
	switch n.Data {
	case "ul", "ol", "dl", "div", "section", "table":
		// A block that is mostly links is a list of other articles,
		// tags or sharing links.
		if in.nlinks >= 3 && 2*in.links >= in.text {
			return dropLinks
		}
	}
	return ""
}

// semantic classifies an element by its tag, its ARIA role and whether
// it is hidden.
func semantic(n *html.Node) string {
	if n.Type != html.ElementNode {
		return ""
	}
	if _, ok := attr(n, "hidden"); ok {
		return dropHidden
	}
	if v, _ := attr(n, "aria-hidden"); strings.EqualFold(strings.TrimSpace(v), "true") {
		return dropHidden
	}
	if style, _ := attr(n, "style"); style != "" {
		s := strings.ReplaceAll(strings.ToLower(style), " ", "")
		if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
			return dropHidden
		}
	}
	role, _ := attr(n, "role")
	role = strings.ToLower(role)
	switch {
	case n.Data == "nav" || hasToken(role, "navigation") || hasToken(role, "menubar") || hasToken(role, "menu") || hasToken(role, "toolbar"):
		return dropNav
	case n.Data == "aside" || hasToken(role, "complementary"):
		return dropSidebar
	case n.Data == "footer" || hasToken(role, "contentinfo"):
		return dropFooter
	case hasToken(role, "banner") || n.Data == "header" && scopedToBody(n):
		return dropHeader
	case hasToken(role, "dialog") || hasToken(role, "alertdialog") || n.Data == "dialog":
		return dropCookie // in news pages nearly always the consent dialog
	case n.Data == "button" || n.Data == "input" || n.Data == "select" || n.Data == "textarea":
		return dropControls
	}
	return ""
}

// scopedToBody reports a <header> that is the page's, not an article's
// or a section's.
func scopedToBody(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		switch p.Data {
		case "article", "aside", "main", "nav", "section":
			if p.Type == html.ElementNode {
				return false
			}
		}
	}
	return true
}

// nameHints map words of class names and IDs to kinds; a word matches
// exactly, or contains one of the longer hints.
var (
	nameExact = map[string]string{
		"nav": dropNav, "navbar": dropNav, "navigation": dropNav, "menu": dropNav, "breadcrumb": dropNav,
		"breadcrumbs": dropNav, "skip": dropNav, "pagination": dropNav, "masthead": dropHeader,
		"cmp": dropCookie, "gdpr": dropCookie, "sidebar": dropSidebar, "widget": dropSidebar, "rail": dropSidebar,
		"related": dropLinks, "recommended": dropLinks, "readmore": dropLinks, "trending": dropLinks,
		"popular": dropLinks, "mostread": dropLinks, "outbrain": dropLinks, "taboola": dropLinks, "teaser": dropLinks,
		"share": dropShare, "sharing": dropShare, "social": dropShare, "sharebar": dropShare,
		"ad": dropAds, "ads": dropAds, "advert": dropAds, "advertisement": dropAds, "sponsored": dropAds, "promo": dropAds,
		"comment": dropComments, "comments": dropComments, "disqus": dropComments, "footer": dropFooter,
	}
	nameContains = []struct{ part, kind string }{
		{"cookie", dropCookie}, {"consent", dropCookie}, {"newsletter", dropSubscribe},
		{"subscri", dropSubscribe}, {"signup", dropSubscribe}, {"paywall", dropSubscribe},
		{"breadcrumb", dropNav}, {"sidebar", dropSidebar}, {"related", dropLinks}, {"recommend", dropLinks},
		{"outbrain", dropLinks}, {"taboola", dropLinks}, {"advert", dropAds}, {"sponsor", dropAds},
		{"comments", dropComments}, {"disqus", dropComments}, {"footer", dropFooter}, {"masthead", dropHeader},
	}
)

// byName classifies an element by the words of its class and ID.
func byName(n *html.Node) string {
	switch n.Data {
	case "html", "body", "article", "main":
		return ""
	}
	class, _ := attr(n, "class")
	id, _ := attr(n, "id")
	words := strings.FieldsFunc(strings.ToLower(class+" "+id), func(r rune) bool {
		return !('a' <= r && r <= 'z' || '0' <= r && r <= '9')
	})
	for _, w := range words {
		if kind := nameExact[w]; kind != "" {
			return kind
		}
	}
	for _, w := range words {
		for _, h := range nameContains {
			if strings.Contains(w, h.part) {
				return h.kind
			}
		}
	}
	return ""
}

// leadIns start a short block of links to other articles.
var leadIns = []string{"read more", "read also", "also read", "read next", "related", "more stories",
	"more from", "recommended", "see also", "most read", "most popular", "more on this"}

// byPhrase classifies a short block by what it says: a cookie notice, a
// call to subscribe, "Read more: …", "Share this", "Advertisement". Each
// but the last needs a button or a link: a paragraph about cookies, or
// one that quotes "subscribe", stays.
func byPhrase(n *html.Node, in *nodeInfo) string {
	switch n.Data {
	case "p", "div", "section", "li", "ul", "form", "span", "strong", "b", "em", "h2", "h3", "h4", "h5", "h6", "figure":
	default:
		return ""
	}
	// Short blocks only, and small ones: reading the text of every
	// block inside a deep one would cost the square of its depth.
	if in.text == 0 || in.text > 400 || in.nodes > 200 {
		return ""
	}
	text := strings.ToLower(strings.Join(strings.Fields(nodeText(n, nil)), " "))
	// Bullets and arrows may lead in; quotation marks may not: a quoted
	// "Subscribe…" is someone's words.
	text = strings.TrimLeft(text, " –—-:•·›»>|")
	active := in.controls || in.nlinks > 0
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(text, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("cookie") && has("accept", "consent", "we use", "uses cookies", "privacy", "agree") && active:
		return dropCookie
	case has("subscribe", "newsletter", "sign up", "sign-up") && (in.controls || active && (strings.HasPrefix(text, "subscribe") || strings.HasPrefix(text, "sign up") || strings.HasPrefix(text, "get our"))):
		return dropSubscribe
	case text == "advertisement" || text == "advertising" || text == "sponsored content" || text == "ad" || text == "sponsored":
		return dropAds
	case in.nlinks > 0 && (strings.HasPrefix(text, "share") || strings.HasPrefix(text, "follow us")):
		return dropShare
	}
	if in.nlinks > 0 {
		for _, l := range leadIns {
			if strings.HasPrefix(text, l) {
				return dropLinks
			}
		}
	}
	return ""
}
