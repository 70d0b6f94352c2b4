package ui

import (
	"strings"
	"testing"
	"unicode"

	"github.com/wirediff/wirediff/app/reuse"
	"github.com/wirediff/wirediff/app/workspace"
	"golang.org/x/net/html"
)

// Arabic paragraphs: the first two are shared, the others each
// article's own.
const (
	arabicShared1 = "قال وزير الخارجية الروسي سيرغي لافروف يوم الأربعاء إن موسكو مستعدة لبحث جميع القضايا العالقة مع واشنطن بما في ذلك الأزمة السورية والتعاون في مكافحة الإرهاب الدولي."
	arabicShared2 = "وأضاف لافروف في مؤتمر صحفي مشترك مع نظيره الأمريكي أن العلاقات بين البلدين تمر بمرحلة صعبة لكنها ليست ميؤوسا منها وأن الحوار هو السبيل الوحيد لتجاوز الخلافات."
	arabicOwn1    = "وصل وزير الخارجية الأمريكي إلى العاصمة الروسية مساء الثلاثاء في أول زيارة له منذ توليه منصبه، وسط توتر متصاعد بين البلدين."
	arabicOwn2    = "ويرى محللون أن الزيارة قد تمهد لقمة بين الرئيسين في وقت لاحق من هذا العام إذا نجحت المحادثات في تضييق هوة الخلاف."
	arabicOwn3    = "من جهتها دعت الأمم المتحدة الطرفين إلى ضبط النفس واستئناف التنسيق العسكري في الأجواء السورية لتفادي أي حادث غير مقصود."
)

// rtlWorkspace is three articles in Arabic, one titled in Hebrew, with
// sources in both: the first shared paragraph is in all three (a
// family), the second in the first two.
func rtlWorkspace(view string) workspace.Workspace {
	var ws workspace.Workspace
	ws.Add("لافروف: موسكو مستعدة للحوار مع واشنطن", "الجزيرة", arabicOwn1+"\n\n"+arabicShared1+"\n\n"+arabicShared2+"\n")
	ws.Add("לברוב: מוסקבה מוכנה לדיאלוג", "הארץ", arabicOwn2+"\n\n"+arabicShared1+"\n\n"+arabicShared2+"\n")
	ws.Add("الأمم المتحدة تدعو إلى ضبط النفس", "RT عربي", arabicOwn3+"\n\n"+arabicShared1+"\n")
	ws.View = view
	return ws
}

// startWith loads the app on a store holding ws.
func startWith(t *testing.T, ws workspace.Workspace) *harness {
	t.Helper()
	data, err := workspace.Marshal(ws)
	if err != nil {
		t.Fatal(err)
	}
	store := &MemoryStore{}
	if err := keepFile(store, data); err != nil {
		t.Fatal(err)
	}
	return start(t, store)
}

// rightToLeft reports whether s has a letter of a script written right
// to left.
func rightToLeft(s string) bool {
	for _, r := range s {
		if unicode.In(r, unicode.Arabic, unicode.Hebrew) && unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// describe names an element for a test message: tag, id and classes.
func describe(n *html.Node) string {
	s := n.Data
	if id := attr(n, "id"); id != "" {
		s += "#" + id
	}
	if c := attr(n, "class"); c != "" {
		s += "." + strings.ReplaceAll(c, " ", ".")
	}
	return s
}

// checkDirAuto fails for every text in a right-to-left script whose
// nearest element with a dir attribute is missing or not dir="auto": the
// browser would lay it out left to right, or in the page's direction.
// It returns how many such texts it checked.
func checkDirAuto(t *testing.T, where string, root *html.Node) int {
	t.Helper()
	checked := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode && rightToLeft(n.Data) {
			checked++
			var path []string
			dir := ""
			for p := n.Parent; p != nil; p = p.Parent {
				if p.Type != html.ElementNode {
					continue
				}
				path = append(path, describe(p))
				if hasAttr(p, "dir") {
					dir = attr(p, "dir")
					break
				}
			}
			if dir != "auto" {
				t.Errorf("%s: %q is in %s with dir=%q, want dir=\"auto\"", where, squash(n.Data), strings.Join(path, " < "), dir)
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return checked
}

func TestEveryBlockOfUserTextTakesItsOwnDirection(t *testing.T) {
	tests := []struct {
		name string
		// page renders what the user sees.
		page func(t *testing.T) *html.Node
		// holds are elements that must be on the page (the check is empty
		// without them).
		holds []string
		// also checks more, if not nil.
		also func(t *testing.T, doc *html.Node)
	}{
		{
			name:  "the overview lists pairs, heat map rows, reused bars and a family in Arabic and Hebrew",
			page:  func(t *testing.T) *html.Node { return startWith(t, rtlWorkspace("/")).page() },
			holds: []string{"pair-list", "matrix-heading", "reuse-heading", "families", "article-list"},
			also: func(t *testing.T, doc *html.Node) {
				if len(withAttr(doc, "data-family")) == 0 {
					t.Error("no family of passages: the shared paragraph is in all three articles")
				}
			},
		},
		{
			name:  "the pair view shows titles, sources, both texts and the word edits",
			page:  func(t *testing.T) *html.Node { return startWith(t, rtlWorkspace("/#pair/a1/a2")).page() },
			holds: []string{"side-a", "side-b", "passage-diffs", "d-p0"},
		},
		{
			name: "a rewritten passage shows its sentence pairs side by side",
			page: func(t *testing.T) *html.Node {
				ws := rtlWorkspace("/")
				report, err := reuse.Analyze(t.Context(), ws.Documents(), reuse.Options{})
				if err != nil {
					t.Fatal(err)
				}
				pair, _ := (snapshot{ids: []string{"a1", "a2", "a3"}, docs: ws.Documents()}).finish(report).pair("a1", "a2")
				if pair == nil || len(pair.Passages) == 0 {
					t.Fatal("the engine found nothing shared by the first two Arabic articles")
				}
				// The shared passage as a rewritten one: one sentence
				// pair, the whole passage.
				rewritten := *pair
				ps := pair.Passages[0]
				ps.Kind = reuse.Rewritten
				ps.Sentences = []reuse.SentencePair{{A: ps.A, B: ps.B, Similarity: 0.9, Edits: ps.Edits}}
				rewritten.Passages = []reuse.Passage{ps}
				pv := newPairView().Articles(ws.Articles[0], ws.Articles[1]).Pair(&rewritten)
				mount(t, pv)
				return page(t, pv)
			},
			holds: []string{"d-p0"},
		},
		{
			name: "a notice quotes an Arabic title and a Hebrew source",
			page: func(t *testing.T) *html.Node {
				h := startWith(t, rtlWorkspace("/"))
				h.do(actionRename, renameRequest{ID: "a3", Title: "الأمم المتحدة: ضبط النفس 2017", Source: "ידיעות אחרונות"})
				return byID(h.page(), "status")
			},
			also: func(t *testing.T, doc *html.Node) {
				// Each quoted name is isolated, so it cannot reorder the
				// English words and punctuation around it.
				var isolated []string
				for _, n := range findAll(doc, func(n *html.Node) bool { return attr(n, "dir") == "auto" && !hasClass(n, "status-text") }) {
					isolated = append(isolated, squash(textOf(n)))
				}
				want := []string{"الأمم المتحدة: ضبط النفس 2017", "الأمم المتحدة: ضبط النفس 2017", "ידיעות אחרונות"}
				if strings.Join(isolated, " | ") != strings.Join(want, " | ") {
					t.Errorf("isolated parts of the notice: %q, want %q", isolated, want)
				}
			},
		},
		{
			name: "the rename form edits an Arabic title and a Hebrew source",
			page: func(t *testing.T) *html.Node {
				l := newArticleList().Articles(rtlWorkspace("/").Articles)
				l.renaming = "a2"
				mount(t, l)
				return page(t, l)
			},
			holds: []string{"rename-a2", "rename-source-a2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := tt.page(t)
			for _, id := range tt.holds {
				if byID(doc, id) == nil {
					t.Fatalf("#%s is not on the page", id)
				}
			}
			if checkDirAuto(t, tt.name, doc) == 0 {
				t.Fatal("no Arabic or Hebrew text on the page")
			}
			// Fields where the user types or edits text.
			for _, n := range findAll(doc, func(n *html.Node) bool {
				return n.Data == "textarea" || n.Data == "input" && attr(n, "type") == "text"
			}) {
				if attr(n, "dir") != "auto" {
					t.Errorf("the field %s has dir=%q, want dir=\"auto\"", describe(n), attr(n, "dir"))
				}
			}
		})
	}
}

func TestTheDirectionCheckFindsRightToLeftText(t *testing.T) {
	// A check that finds nothing would pass anything: each page above
	// has Arabic or Hebrew text in every kind of block.
	h := startWith(t, rtlWorkspace("/#pair/a1/a2"))
	doc := h.page()
	blocks := []string{"side-text", "side-title", "side-source", "diff-text", "article-title", "article-source"}
	for _, class := range blocks {
		found := findAll(doc, func(n *html.Node) bool { return hasClass(n, class) && rightToLeft(textOf(n)) })
		if len(found) == 0 {
			t.Errorf("no .%s with Arabic or Hebrew text in the pair view", class)
		}
		for _, n := range found {
			if attr(n, "dir") != "auto" {
				t.Errorf(".%s has dir=%q, want dir=\"auto\"", class, attr(n, "dir"))
			}
		}
	}
}
