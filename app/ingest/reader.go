package ingest

import (
	"strings"

	"golang.org/x/net/html"
)

// Reader mode, in the manner of Firefox's Readability and of boilerpipe
// (Kohlschütter, Fankhauser and Nejdl, WSDM 2010), but much simpler: the
// article is the page's <article> (or <main>) that holds most of its
// text, and inside it whatever a page marks as not being the article —
// by its tag, its ARIA role, its class or ID, a few tell-tale phrases,
// or mostly links — is left out.

// Kinds of text left out of an article, in the order notes list them.
const (
	dropNav       = "navigation"
	dropHeader    = "page header"
	dropCookie    = "cookie notice"
	dropSubscribe = "subscription box"
	dropSidebar   = "sidebar"
	dropLinks     = "links to other articles"
	dropShare     = "share buttons"
	dropAds       = "advertising"
	dropComments  = "comments"
	dropFooter    = "footer"
	dropControls  = "buttons and form fields"
	dropHidden    = "hidden text"
	dropOutside   = "other text around the article"
)

var dropOrder = []string{dropNav, dropHeader, dropCookie, dropSubscribe, dropSidebar, dropLinks,
	dropShare, dropAds, dropComments, dropFooter, dropControls, dropHidden, dropOutside}

// A page is a parsed HTML document read in reader mode.
type page struct {
	text    string
	meta    Meta
	dropped []string // kinds of text left out, in dropOrder
	notes   []string
}

// nodeInfo measures the readable text under an element, in bytes that
// are not white space.
type nodeInfo struct {
	text     int  // all of it
	kept     int  // outside elements that are boilerplate by their tag or role
	links    int  // inside <a> elements
	nlinks   int  // <a> elements
	controls bool // a button, a form field or a form
	nodes    int  // nodes, itself included
}

// readPage extracts a page's article text and metadata.
func readPage(data []byte) page {
	doc := parseTree(data)
	info := measure(doc)
	root := chooseRoot(doc, info)
	kinds := map[string]bool{}
	guard := info[root].kept / 2
	text := nodeText(root, func(n *html.Node) bool {
		kind := boilerplate(n, info, guard)
		if kind != "" && info[n].text > 0 {
			kinds[kind] = true
		}
		return kind != ""
	})
	if root != doc {
		droppedOutside(doc, root, info, kinds)
	}
	p := page{text: text}
	if strings.TrimSpace(text) == "" {
		// Better all of the page than nothing of it.
		p.text = nodeText(doc, nil)
		kinds = nil
	}
	for _, k := range dropOrder {
		if kinds[k] {
			p.dropped = append(p.dropped, k)
		}
	}
	p.meta, p.notes = pageMeta(collectMeta(doc), root)
	return p
}

// measure computes every element's nodeInfo, children before parents.
func measure(doc *html.Node) map[*html.Node]*nodeInfo {
	var order []*html.Node
	walk(doc, func(n *html.Node) bool {
		if n.Type == html.ElementNode && unreadable(n) {
			return false
		}
		order = append(order, n)
		return true
	})
	// One allocation for all: a page has tens of thousands of nodes.
	infos := make([]nodeInfo, len(order))
	info := make(map[*html.Node]*nodeInfo, len(order))
	for i, n := range order {
		info[n] = &infos[i]
	}
	for i := len(order) - 1; i >= 0; i-- {
		n := order[i]
		in := info[n]
		in.nodes++
		if n.Type == html.TextNode {
			in.text = nonSpace(n.Data)
			in.kept = in.text
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "a":
				in.links, in.nlinks = in.text, in.nlinks+1
			case "button", "input", "select", "textarea", "form":
				in.controls = true
			}
			if semantic(n) != "" {
				in.kept = 0
			}
		}
		// Every parent was visited before its children.
		if pi := info[n.Parent]; pi != nil {
			pi.text += in.text
			pi.kept += in.kept
			pi.links += in.links
			pi.nlinks += in.nlinks
			pi.controls = pi.controls || in.controls
			pi.nodes += in.nodes
		}
	}
	return info
}

func nonSpace(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if !isHTMLSpace(rune(s[i])) {
			n++
		}
	}
	return n
}

// chooseRoot picks the element the article's text comes from: the
// <article>, else the <main>, holding the most text, if that is at least
// a third of the page's; else the <body>.
func chooseRoot(doc *html.Node, info map[*html.Node]*nodeInfo) *html.Node {
	body := find(doc, func(n *html.Node) bool { return n.Type == html.ElementNode && n.Data == "body" })
	if body == nil {
		body = doc
	}
	whole := info[body].kept
	for _, is := range []func(*html.Node) bool{
		func(n *html.Node) bool { return n.Data == "article" },
		func(n *html.Node) bool { role, _ := attr(n, "role"); return n.Data == "main" || hasToken(role, "main") },
	} {
		var best *html.Node
		walk(body, func(n *html.Node) bool {
			switch {
			case n.Type == html.DocumentNode:
				return true
			case n.Type != html.ElementNode, n != body && semantic(n) != "":
				return false
			}
			if n != body && is(n) && (best == nil || info[n].kept > info[best].kept) {
				best = n
			}
			return true
		})
		if best != nil && info[best].kept > 0 && 3*info[best].kept >= whole {
			return best
		}
	}
	return body
}

// droppedOutside notes the kinds of text around root, all of it left out.
func droppedOutside(doc, root *html.Node, info map[*html.Node]*nodeInfo, kinds map[string]bool) {
	holds := map[*html.Node]bool{}
	for n := root; n != nil; n = n.Parent {
		holds[n] = true
	}
	walk(doc, func(n *html.Node) bool {
		switch {
		case n == root:
			return false
		case holds[n]:
			return true
		case n.Type == html.TextNode:
			if nonSpace(n.Data) > 0 {
				kinds[dropOutside] = true
			}
			return false
		case n.Type != html.ElementNode || unreadable(n) || info[n] == nil || info[n].text == 0:
			return false
		}
		if kind := boilerplate(n, info, -1); kind != "" {
			kinds[kind] = true
			return false
		}
		return true
	})
}

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
