// Command icons draws wirediff's icons into web/: icon.svg and the PNGs
// the web app manifest needs (192 and 512 pixels, and a maskable 512 with
// a full-bleed background). The PNGs are committed; run this again only
// when the design changes:
//
//	go run ./cmd/build/icons -out web
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
)

// The design, on a 512-unit square: two columns of text lines, the lines
// one article shares with the other in amber, one row apart.
const (
	unit       = 512.0
	cornerR    = 112.0
	barH       = 28.0
	background = "#1d3557"
	plain      = "#a8b8d0"
	shared     = "#f4a261"
)

type bar struct {
	x, y, w float64
	shared  bool
}

var bars = []bar{
	{96, 128, 144, false}, {96, 184, 144, true}, {96, 240, 144, true}, {96, 296, 100, false}, {96, 352, 130, false},
	{272, 128, 144, false}, {272, 184, 110, false}, {272, 240, 144, true}, {272, 296, 144, true}, {272, 352, 90, false},
}

func main() {
	out := flag.String("out", "web", "directory to write the icons into")
	flag.Parse()
	files := map[string]func() error{
		"icon.svg":              func() error { return os.WriteFile(filepath.Join(*out, "icon.svg"), []byte(svg()), 0o644) },
		"icon-192.png":          func() error { return writePNG(filepath.Join(*out, "icon-192.png"), 192, false) },
		"icon-512.png":          func() error { return writePNG(filepath.Join(*out, "icon-512.png"), 512, false) },
		"icon-maskable-512.png": func() error { return writePNG(filepath.Join(*out, "icon-maskable-512.png"), 512, true) },
	}
	for name, write := range files {
		if err := write(); err != nil {
			fmt.Fprintln(os.Stderr, "icons:", name, err)
			os.Exit(1)
		}
	}
}

func svg() string {
	var b strings.Builder
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">`+"\n")
	fmt.Fprintf(&b, `<rect width="512" height="512" rx="%g" fill="%s"/>`+"\n", cornerR, background)
	for _, r := range bars {
		fill := plain
		if r.shared {
			fill = shared
		}
		fmt.Fprintf(&b, `<rect x="%g" y="%g" width="%g" height="%g" rx="%g" fill="%s"/>`+"\n", r.x, r.y, r.w, barH, barH/2, fill)
	}
	b.WriteString("</svg>\n")
	return b.String()
}

// writePNG rasterises the design at size pixels with 4×4 supersampling.
// A maskable icon fills the square and keeps the lines inside the central
// 80% the platform may crop to.
func writePNG(path string, size int, maskable bool) error {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	bg, pl, sh := hex(background), hex(plain), hex(shared)
	scale := unit / float64(size)
	const ss = 4
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) * scale
					y := (float64(py) + (float64(sy)+0.5)/ss) * scale
					c, ok := sample(x, y, maskable, bg, pl, sh)
					if !ok {
						continue
					}
					r += float64(c.R)
					g += float64(c.G)
					b += float64(c.B)
					a += 255
				}
			}
			if a == 0 {
				continue
			}
			n := a / 255
			img.SetNRGBA(px, py, color.NRGBA{R: uint8(r/n + 0.5), G: uint8(g/n + 0.5), B: uint8(b/n + 0.5), A: uint8(a/(ss*ss) + 0.5)})
		}
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// sample returns the colour at (x, y) in design units, and false outside
// the icon.
func sample(x, y float64, maskable bool, bg, pl, sh color.NRGBA) (color.NRGBA, bool) {
	if maskable {
		// Shrink the lines towards the centre into the safe zone.
		x = 256 + (x-256)/0.8
		y = 256 + (y-256)/0.8
	} else if !inRoundRect(x, y, 0, 0, unit, unit, cornerR) {
		return color.NRGBA{}, false
	}
	for _, r := range bars {
		if inRoundRect(x, y, r.x, r.y, r.w, barH, barH/2) {
			if r.shared {
				return sh, true
			}
			return pl, true
		}
	}
	return bg, true
}

func inRoundRect(x, y, rx, ry, w, h, rad float64) bool {
	if x < rx || y < ry || x > rx+w || y > ry+h {
		return false
	}
	cx := min(max(x, rx+rad), rx+w-rad)
	cy := min(max(y, ry+rad), ry+h-rad)
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= rad*rad
}

func hex(s string) color.NRGBA {
	var c color.NRGBA
	fmt.Sscanf(s, "#%02x%02x%02x", &c.R, &c.G, &c.B)
	c.A = 255
	return c
}
