package ingest

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// outline writes a tree as nested tags, text as its words in quotes.
func outline(n *html.Node) string {
	var b strings.Builder
	var write func(*html.Node)
	write = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch c.Type {
			case html.TextNode:
				if t := strings.Join(strings.Fields(c.Data), " "); t != "" {
					b.WriteString(`"` + t + `"`)
				}
			case html.ElementNode:
				b.WriteString("<" + c.Data + ">")
				write(c)
				b.WriteString("</" + c.Data + ">")
			}
		}
	}
	write(n)
	return b.String()
}

func TestParseTreeBuildsWhatABrowserWould(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"an unclosed head ends at the first body element", `<html><head><title>T</title><meta charset=utf-8><p>Body`,
			`<html><head><title>"T"</title><meta></meta></head><p>"Body"</p></html>`},
		{"text ends an unclosed head", `<head><title>T</title>Words`, `<head><title>"T"</title></head>"Words"`},
		{"a block ends an open paragraph", `<p>Read more <a>x</a><div class="story">Story</div>`, `<p>"Read more"<a>"x"</a></p><div>"Story"</div>`},
		{"a paragraph in a cell is not ended by a block in it", `<table><td><p>a<div>b</div></td></table>`, `<table><td><p>"a"</p><div>"b"</div></td></table>`},
		{"list items end each other, not a nested list's", `<ul><li>a<li>b<ul><li>c<li>d</ul><li>e</ul>`,
			`<ul><li>"a"</li><li>"b"<ul><li>"c"</li><li>"d"</li></ul></li><li>"e"</li></ul>`},
		{"rows and cells end each other", `<table><tr><td>a<td>b<tr><th>c</table>`, `<table><tr><td>"a"</td><td>"b"</td></tr><tr><th>"c"</th></tr></table>`},
		{"void elements hold nothing", `<p>a<br>b<img src=x>c<input>d</p>`, `<p>"a"<br></br>"b"<img></img>"c"<input></input>"d"</p>`},
		{"an end tag closes what was left open inside it", `<div><span><b>a</div>b`, `<div><span><b>"a"</b></span></div>"b"`},
		{"an unmatched end tag is ignored", `<p>a</span>b</p>`, `<p>"a""b"</p>`},
		{"text after </body> stays in the body", `<html><body><p>a</p></body></html><p>b</p>`, `<html><body><p>"a"</p><p>"b"</p></body></html>`},
		{"a script's markup is its text", `<script>var s = "<p>x</p>";</script><p>y`, `<script>"var s = "<p>x</p>";"</script><p>"y"</p>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := outline(parseTree([]byte(tt.in))); got != tt.want {
				t.Errorf("tree\n got %s\nwant %s", got, tt.want)
			}
		})
	}
}

func TestParseTreeKeepsTheTextOfADeepPage(t *testing.T) {
	// A page of 200,000 nested elements, half of them never closed, and
	// end tags that match nothing: the tree and the text come out whole.
	in := strings.Repeat("<div><span>", 100000) + "deep words" + strings.Repeat("</em>", 100000) + strings.Repeat("</div>", 100000)
	res, err := Text("deep.html", []byte(in))
	if err != nil || res.Text != "deep words" {
		t.Errorf("Text = %q, %v", res.Text, err)
	}
}
