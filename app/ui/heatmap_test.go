package ui

import (
	"fmt"
	"github.com/wirediff/wirediff/app/session"
	"math"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// themeColours reads the custom properties of the stylesheet's light
// theme (the first :root block) or its dark one (the :root block inside
// prefers-color-scheme: dark), as hex colours by name.
func themeColours(t *testing.T, dark bool) map[string]string {
	t.Helper()
	data, err := os.ReadFile("../../web/wirediff.css")
	if err != nil {
		t.Fatal(err)
	}
	css := string(data)
	from := strings.Index(css, ":root {")
	if dark {
		media := strings.Index(css, "@media (prefers-color-scheme: dark)")
		if media < 0 {
			t.Fatal("the stylesheet has no dark theme")
		}
		from = media + strings.Index(css[media:], ":root {")
	}
	if from < 0 {
		t.Fatal("the stylesheet has no :root block")
	}
	block := css[from : from+strings.Index(css[from:], "}")]
	colours := map[string]string{}
	for _, m := range regexp.MustCompile(`--([a-z0-9-]+):\s*(#[0-9a-fA-F]{6})\s*;`).FindAllStringSubmatch(block, -1) {
		colours[m[1]] = m[2]
	}
	return colours
}

// luminance is the relative luminance of a #rrggbb colour (WCAG 2).
func luminance(t *testing.T, hex string) float64 {
	t.Helper()
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		t.Fatalf("bad colour %q", hex)
	}
	channel := func(c uint64) float64 {
		s := float64(c) / 255
		if s <= 0.03928 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*channel(v>>16&0xff) + 0.7152*channel(v>>8&0xff) + 0.0722*channel(v&0xff)
}

// contrast is the WCAG contrast ratio of two colours, from 1 to 21.
func contrast(t *testing.T, x, y string) float64 {
	lx, ly := luminance(t, x), luminance(t, y)
	return (max(lx, ly) + 0.05) / (min(lx, ly) + 0.05)
}

func TestTheHeatMapsShadesStandOutMoreAsTheyCountMore(t *testing.T) {
	// The key says "fewer" to "more" in the cells' own classes, and the
	// note that each cell "stands out" more the more words it counts:
	// true in a theme only if each shade contrasts more with the card it
	// sits on than the one before. Light to dark in the light theme, dark
	// to light in the dark one: "darker is more" would be false there.
	tests := []struct {
		name string
		dark bool
	}{
		{"in the light theme", false},
		{"in the dark theme", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			colours := themeColours(t, tt.dark)
			card := colours["surface"]
			if card == "" {
				t.Fatal("no --surface colour")
			}
			prev := 1.0
			for level := 1; level <= heatLevels; level++ {
				shade := colours[fmt.Sprintf("heat-%d", level)]
				if shade == "" {
					t.Fatalf("no --heat-%d colour", level)
				}
				c := contrast(t, shade, card)
				if c <= prev {
					t.Errorf("--heat-%d (%s) contrasts %.2f with the card (%s), no more than the shade below it (%.2f)", level, shade, c, card, prev)
				}
				prev = c
			}
		})
	}
}

func TestTheHeatMapsKeyAndNoteAgreeWithItsCells(t *testing.T) {
	h := start(t, &MemoryStore{})
	doc := h.page()
	note := byID(doc, "matrix-note")
	if note == nil {
		t.Fatal("no #matrix-note")
	}
	text := squash(textOf(note))
	for _, theme := range []string{"darker", "lighter", "paler", "brighter"} {
		if strings.Contains(text, theme) {
			t.Errorf("the note says %q, true in one theme only: %q", theme, text)
		}
	}

	key := byID(doc, "heat-key")
	if key == nil {
		t.Fatal("the heat map has no key")
	}
	tests := []struct {
		name string
		ok   func() (bool, string)
	}{
		{"the key runs from fewer to more", func() (bool, string) {
			s := squash(textOf(key))
			return strings.HasPrefix(s, "fewer") && strings.Contains(s, "more"), s
		}},
		{"the key shows every shade in order, in the cells' classes", func() (bool, string) {
			var got []string
			for _, n := range findAll(key, func(n *html.Node) bool { return hasClass(n, "heat-swatch") }) {
				for _, c := range strings.Fields(attr(n, "class")) {
					if strings.HasPrefix(c, "heat-") && c != "heat-swatch" {
						got = append(got, c)
					}
				}
			}
			want := make([]string, heatLevels)
			for i := range want {
				want[i] = fmt.Sprintf("heat-%d", i+1)
			}
			return strings.Join(got, " ") == strings.Join(want, " "), strings.Join(got, " ")
		}},
		{"the pair that shares the most has the key's last shade", func() (bool, string) {
			an := h.probe.app.status.result
			top := an.report.Pairs[0] // the report lists pairs by shared words
			a, b := an.id(top.A), an.id(top.B)
			href := session.PairHref(a, b)
			var classes []string
			for _, cell := range findAll(doc, func(n *html.Node) bool { return n.Data == "td" }) {
				// Above and below the diagonal.
				if links := findAll(cell, func(n *html.Node) bool { return attr(n, "href") == href || attr(n, "href") == session.PairHref(b, a) }); len(links) > 0 {
					classes = append(classes, attr(cell, "class"))
				}
			}
			want := fmt.Sprintf("heat-%d", heatLevels)
			return len(classes) == 2 && classes[0] == want && classes[1] == want, fmt.Sprintf("cells of %s with classes %q", href, classes)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if ok, got := tt.ok(); !ok {
				t.Errorf("got %s", got)
			}
		})
	}
}
