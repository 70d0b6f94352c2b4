package main

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/wirediff/wirediff/internal/corpus"
)

// Scoring the truth itself must give 1 on every measure: this checks the
// plumbing from byte spans to PAN's character spans.
func TestTheTruthScoresOneEverywhere(t *testing.T) {
	cfg := corpus.DefaultEval
	cfg.PairsPerObfuscation = 3
	var out bytes.Buffer
	set := settings{cfg: cfg, verbose: true, worst: 3, oracle: true, only: onlyWikinews}
	if err := run(&out, set); err != nil {
		t.Fatal(err)
	}
	rows := 0
	for _, line := range strings.Split(out.String(), "\n") {
		f := strings.Fields(line)
		if len(f) == 8 && (slices.Contains([]string{"copy-desk", "pan", "all"}, f[0]) || slices.Contains(corpus.Obfuscations, corpus.Obfuscation(f[0]))) {
			rows++
			if f[4]+f[5]+f[6]+f[7] != "1.0001.0001.0001.000" {
				t.Errorf("the truth scores less than perfectly: %s", line)
			}
		}
	}
	if rows != len(corpus.Obfuscations)+3 {
		t.Errorf("%d rows of scores, want one per kind of edit, the copy desk's, PAN's and all:\n%s", rows, out.String())
	}
	if !strings.Contains(out.String(), "none      3      0           0") || !strings.Contains(out.String(), "0 cases not found") {
		t.Errorf("unexpected report:\n%s", out.String())
	}
}
