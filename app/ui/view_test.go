package ui

import "testing"

func TestViewsComeFromTheURLFragment(t *testing.T) {
	tests := []struct {
		name     string
		fragment string
		want     view
		route    string
	}{
		{"no fragment is the overview", "", view{}, "/"},
		{"#overview is the overview", "overview", view{}, "/"},
		{"a pair names two articles", "pair/a1/a2", view{pair: true, a: "a1", b: "a2"}, "/#pair/a1/a2"},
		{"a leading # is ignored", "#pair/a3/a10", view{pair: true, a: "a3", b: "a10"}, "/#pair/a3/a10"},
		{"a pair needs two IDs", "pair/a1", view{}, "/"},
		{"an article is not paired with itself", "pair/a1/a1", view{}, "/"},
		{"IDs are URL-safe", "pair/a1/<script>", view{}, "/"},
		{"unknown views fall back to the overview", "settings", view{}, "/"},
		{"extra parts are refused", "pair/a1/a2/a3", view{}, "/"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := parseView(tt.fragment)
			if got != tt.want {
				t.Fatalf("parseView(%q) = %+v, want %+v", tt.fragment, got, tt.want)
			}
			if r := got.route(); r != tt.route {
				t.Errorf("route = %q, want %q", r, tt.route)
			}
			if back := parseRoute(got.route()); back != got {
				t.Errorf("parseRoute(route) = %+v, want %+v", back, got)
			}
		})
	}
}
