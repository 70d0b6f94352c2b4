package session

import (
	"testing"

	"github.com/wirediff/wirediff/app/workspace"
)

func TestViewsComeFromTheURLFragment(t *testing.T) {
	tests := []struct {
		name     string
		fragment string
		want     View
		route    string
	}{
		{"no fragment is the overview", "", View{}, "/"},
		{"#overview is the overview", "overview", View{}, "/"},
		{"a pair names two articles", "pair/a1/a2", View{Pair: true, A: "a1", B: "a2"}, "/#pair/a1/a2"},
		{"a leading # is ignored", "#pair/a3/a10", View{Pair: true, A: "a3", B: "a10"}, "/#pair/a3/a10"},
		{"a pair needs two IDs", "pair/a1", View{}, "/"},
		{"an article is not paired with itself", "pair/a1/a1", View{}, "/"},
		{"IDs are URL-safe", "pair/a1/<script>", View{}, "/"},
		{"unknown views fall back to the overview", "settings", View{}, "/"},
		{"extra parts are refused", "pair/a1/a2/a3", View{}, "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ParseView(tt.fragment)
			if got != tt.want {
				t.Fatalf("ParseView(%q) = %+v, want %+v", tt.fragment, got, tt.want)
			}
			if r := got.Route(); r != tt.route {
				t.Errorf("Route = %q, want %q", r, tt.route)
			}
			if back := ParseRoute(got.Route()); back != got {
				t.Errorf("ParseRoute(Route) = %+v, want %+v", back, got)
			}
		})
	}
}

// FuzzParseView checks that any fragment reads as the overview or a pair
// of two different valid IDs, and that each form of a view reads back as
// the same view.
func FuzzParseView(f *testing.F) {
	for _, s := range []string{"", "overview", "#pair/a1/a2", "pair/a1", "pair/a1/a1", "pair/a1/a2/a3", "pair//", "pair/a1/<script>"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, fragment string) {
		v := ParseView(fragment)
		if v.Pair && (!workspace.ValidID(v.A) || !workspace.ValidID(v.B) || v.A == v.B) {
			t.Fatalf("ParseView(%q) = %+v: not two different valid IDs", fragment, v)
		}
		if !v.Pair && (v.A != "" || v.B != "") {
			t.Fatalf("ParseView(%q) = %+v: the overview names articles", fragment, v)
		}
		for _, form := range []string{v.Fragment(), v.Href()} {
			if back := ParseView(form); back != v {
				t.Fatalf("ParseView(%q) = %+v, but %q reads back as %+v", fragment, v, form, back)
			}
		}
		if back := ParseRoute(v.Route()); back != v {
			t.Fatalf("ParseView(%q) = %+v, but its route %q reads back as %+v", fragment, v, v.Route(), back)
		}
	})
}
