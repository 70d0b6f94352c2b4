package workspace

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// bigWorkspace is n articles of about 2,000 bytes each: the size of the
// browser journeys' newsroom (1,000 articles, 1.97 MB).
func bigWorkspace(n int) Workspace {
	var w Workspace
	para := strings.Repeat("The minister said on Tuesday that the \u201cplan\u201d would go ahead. ", 30)
	for i := range n {
		w.Add(fmt.Sprintf("Article %d", i), "Wire", fmt.Sprintf("%d. %s", i, para))
	}
	return w
}

func BenchmarkUnmarshal(b *testing.B) {
	data, err := Marshal(bigWorkspace(1000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := Unmarshal(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshal(b *testing.B) {
	w := bigWorkspace(1000)
	for b.Loop() {
		if _, err := Marshal(w); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkUnmarshalPausing(b *testing.B) {
	data, err := Marshal(bigWorkspace(1000))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := UnmarshalPausing(data, time.Hour, func() {}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshalPausing(b *testing.B) {
	w := bigWorkspace(1000)
	for b.Loop() {
		if _, err := MarshalPausing(w, time.Hour, func() {}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkUnmarshalPausingLongArticles decodes two articles of 1.2 MB
// each (journey 23's workspace) and reports the longest stretch between
// two pauses: what one task of the page's holds at most.
func BenchmarkUnmarshalPausingLongArticles(b *testing.B) {
	var w Workspace
	para := strings.Repeat("The minister said on Tuesday that the \u201cplan\u201d would go ahead. ", 20000)
	w.Add("One", "Wire", para)
	w.Add("Two", "Wire", "Reworded. "+para)
	data, err := Marshal(w)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	var longest time.Duration
	for b.Loop() {
		last := time.Now()
		_, err := UnmarshalPausing(data, 0, func() {
			now := time.Now()
			longest = max(longest, now.Sub(last))
			last = now
		})
		if err != nil {
			b.Fatal(err)
		}
		longest = max(longest, time.Since(last))
	}
	b.ReportMetric(float64(longest.Microseconds()), "µs-between-pauses")
}
