package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"
)

// Reading a timeline file back (startTimeline writes it) into the
// parent's table.

// The records of the timeline file, as slog's JSON handler writes them.
type timelineRecord struct {
	Time    time.Time `json:"time"`
	Msg     string    `json:"msg"`
	Bundle  struct{ ID, Stage string }
	ID      string   `json:"ID"`
	Inputs  []string `json:"inputs"`
	Outputs []string `json:"outputs"`
	Sides   []struct{ Global string }
	Output  string `json:"output"`
	Pending int64  `json:"newPending"`
	// memory
	HeapObjects uint64 `json:"heap_objects"`
	Mapped      uint64 `json:"mapped"`
	// pcollection
	PCol         string `json:"id"`
	Step         string `json:"step"`
	Sampled      int64  `json:"sampled"`
	SampledBytes int64  `json:"sampled_bytes"`
	// shard bytes
	Bytes int64 `json:"bytes"`
}

type timelineStage struct {
	id                  string
	transforms          []string
	inputs, sides, outs []string
	start, end          time.Time
	ran                 bool
}

// printTimeline reads a timeline file and prints each stage that ran,
// in order of start: its transforms, start and end (seconds from the
// first bundle), its input and output bytes (elements times their mean
// sampled size), then the bytes of collections prism holds over time, a
// collection from its stage's commit to the end of its last consumer, and
// the collections held at the peak.
func printTimeline(w io.Writer, name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	stages := map[string]*timelineStage{}
	stage := func(id string) *timelineStage {
		if stages[id] == nil {
			stages[id] = &timelineStage{id: id}
		}
		return stages[id]
	}
	elements := map[string]int64{}   // a collection's elements, as prism persisted them
	meanSize := map[string]float64{} // its mean sampled element size
	stepOf := map[string]string{}
	lastOutput := map[string]string{} // bundle ID → the output it persists
	var memory []timelineRecord
	shardBytes := map[string]int64{} // a shard-reading step's input bytes
	var t0 time.Time
	for line := range strings.Lines(string(data)) {
		var r timelineRecord
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			continue
		}
		switch r.Msg {
		case "preProcessGraph: all stages and transforms":
			var groups map[string]json.RawMessage
			json.Unmarshal([]byte(line), &groups)
			for key, raw := range groups {
				var g struct{ Transforms []string }
				if strings.HasPrefix(key, "stage-") && json.Unmarshal(raw, &g) == nil {
					stage(key).transforms = g.Transforms
				}
			}
		case "em.AddStage":
			s := stage(r.ID)
			s.inputs, s.outs = r.Inputs, r.Outputs
			for _, side := range r.Sides {
				s.sides = append(s.sides, side.Global)
			}
		case "Execute: starting bundle":
			s := stage(r.Bundle.Stage)
			if !s.ran || r.Time.Before(s.start) {
				s.start = r.Time
			}
			s.ran = true
			if t0.IsZero() || r.Time.Before(t0) {
				t0 = r.Time
			}
		case "Execute: committing data":
			if s := stage(r.Bundle.Stage); r.Time.After(s.end) {
				s.end = r.Time
			}
		case "PersistBundle: processing output":
			lastOutput[r.Bundle.ID] = r.Output
		case "PersistBundle: bundle has downstream consumers.":
			elements[lastOutput[r.Bundle.ID]] += r.Pending
		case "memory":
			memory = append(memory, r)
		case "shard bytes":
			shardBytes[r.Step] += r.Bytes
		case "pcollection":
			stepOf[r.PCol] = r.Step
			if r.Sampled > 0 {
				meanSize[r.PCol] = float64(r.SampledBytes) / float64(r.Sampled)
			}
		}
	}
	// A stage that reads shards reads them from a combine that prism
	// lifted (its partial results, then the grouped ones) and has no
	// sampled size: its own step measured them. The partial results are
	// as many bytes as the grouped ones, within a key a record.
	measured := map[string]float64{}
	for _, s := range stages {
		for _, t := range s.transforms {
			if b, ok := shardBytes[t]; ok && len(s.inputs) == 1 {
				measured[s.inputs[0]] = float64(b)
				if lifted, ok := strings.CutSuffix(s.inputs[0], "_grouped"); ok {
					measured[lifted+"_lifted"] = float64(b)
				}
			}
		}
	}
	bytesOf := func(pcol string) float64 {
		if b, ok := measured[pcol]; ok {
			return b
		}
		mean, ok := meanSize[pcol]
		if !ok {
			// prism's own collections (a lifted combine's partial
			// results, a GroupByKey's output) have no sampled size:
			// take the mean of the collection named like it.
			for id, m := range meanSize {
				if strings.HasPrefix(pcol, id+"_") {
					mean = m
				}
			}
		}
		return float64(elements[pcol]) * mean
	}
	var ran []*timelineStage
	for _, s := range stages {
		if s.ran {
			ran = append(ran, s)
		}
	}
	sort.Slice(ran, func(i, j int) bool { return ran[i].start.Before(ran[j].start) })
	secs := func(t time.Time) float64 { return t.Sub(t0).Seconds() }
	mb := func(b float64) string { return fmt.Sprintf("%.1f", b/1e6) }
	fmt.Fprintln(w, "| stage | transforms | start s | end s | input MB | side inputs MB | output MB |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, s := range ran {
		var in, side, out float64
		for _, c := range s.inputs {
			in += bytesOf(c)
		}
		for _, c := range s.sides {
			side += bytesOf(c)
		}
		for _, c := range s.outs {
			out += bytesOf(c)
		}
		fmt.Fprintf(w, "| %s | %s | %.1f | %.1f | %s | %s | %s |\n", s.id, shortTransforms(s.transforms), secs(s.start), secs(s.end), mb(in), mb(side), mb(out))
	}
	// A collection is held from its producer's commit to the end of its
	// last consumer, main or side input.
	type span struct {
		pcol       string
		from, to   time.Time
		bytes      float64
		maker      string
		consumedBy []string
	}
	spans := map[string]*span{}
	for _, s := range ran {
		for _, c := range s.outs {
			spans[c] = &span{pcol: c, from: s.end, to: s.end, bytes: bytesOf(c), maker: s.id}
		}
	}
	for _, s := range ran {
		for _, c := range append(append([]string{}, s.inputs...), s.sides...) {
			if sp := spans[c]; sp != nil {
				if s.end.After(sp.to) {
					sp.to = s.end
				}
				sp.consumedBy = append(sp.consumedBy, s.id)
			}
		}
	}
	var events []time.Time
	for _, sp := range spans {
		events = append(events, sp.from)
	}
	sort.Slice(events, func(i, j int) bool { return events[i].Before(events[j]) })
	held := func(t time.Time) (float64, []*span) {
		var sum float64
		var live []*span
		for _, sp := range spans {
			if !t.Before(sp.from) && t.Before(sp.to) {
				sum += sp.bytes
				live = append(live, sp)
			}
		}
		return sum, live
	}
	var peakAt time.Time
	var peak float64
	fmt.Fprintln(w, "\nbytes of collections held, at each commit:")
	last := -1.0
	for _, t := range events {
		sum, _ := held(t)
		if sum > peak {
			peak, peakAt = sum, t
		}
		if sum != last {
			fmt.Fprintf(w, "  %7.1f s  %8s MB\n", secs(t), mb(sum))
			last = sum
		}
	}
	_, live := held(peakAt)
	sort.Slice(live, func(i, j int) bool { return live[i].bytes > live[j].bytes })
	fmt.Fprintf(w, "\npeak %s MB at %.1f s, held:\n", mb(peak), secs(peakAt))
	for _, sp := range live {
		if sp.bytes < 1e6 {
			continue
		}
		fmt.Fprintf(w, "  %8s MB  %s (%s, %d elements) from %s (%.1f s) to %.1f s, read by %v\n", mb(sp.bytes), sp.pcol, stepOf[sp.pcol], elements[sp.pcol], sp.maker, secs(sp.from), secs(sp.to), sp.consumedBy)
	}
	fmt.Fprintln(w, "\nmemory (heap objects, mapped), MiB, and the stages running:")
	every := max(1, len(memory)/60)
	for i, m := range memory {
		if i%every != 0 {
			continue
		}
		var running []string
		for _, s := range ran {
			if !m.Time.Before(s.start) && m.Time.Before(s.end) {
				running = append(running, s.id)
			}
		}
		fmt.Fprintf(w, "  %7.1f s  %6d  %6d  %v\n", secs(m.Time), m.HeapObjects>>20, m.Mapped>>20, running)
	}
	return nil
}

// shortTransforms names a stage by its transforms, without the Beam
// SDK's own inner steps.
func shortTransforms(ts []string) string {
	var names []string
	seen := map[string]bool{}
	for _, t := range ts {
		// Keep the first two levels of a scope: "Similar/stages.prefixFn".
		parts := strings.Split(t, "/")
		if len(parts) > 2 {
			parts = parts[:2]
		}
		n := strings.Join(parts, "/")
		if !seen[n] {
			seen[n] = true
			names = append(names, n)
		}
	}
	return strings.Join(names, ", ")
}
