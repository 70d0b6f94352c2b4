package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"os"
	"runtime/metrics"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	beammetrics "github.com/apache/beam/sdks/v2/go/pkg/beam/core/metrics"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/core/runtime/graphx"
	pipepb "github.com/apache/beam/sdks/v2/go/pkg/beam/model/pipeline_v1"
	"github.com/wirediff/wirediff/pipeline/stages"
)

// The timeline: when each of prism's stages ran its bundle and how many
// bytes it took and gave. prism logs its stages, their collections and
// each bundle's start, commit and outputs at debug level through
// log/slog; the child keeps those records (timelineMessages) in a JSON
// file, with the runtime's memory every two seconds and, at the end,
// each collection's sampled element size, and the parent turns them
// into a table.

// timelineMessages are the prism debug records the timeline reads.
var timelineMessages = map[string]bool{
	"preProcessGraph: all stages and transforms": true,
	"em.AddStage":                                     true,
	"Execute: starting bundle":                        true,
	"Execute: committing data":                        true,
	"PersistBundle: processing output":                true,
	"PersistBundle: bundle has downstream consumers.": true,
}

// timelineHandler writes the timeline's records to a file, and what is
// worth a person's attention (Info and above) to stderr: every debug
// record of prism would be gigabytes.
type timelineHandler struct {
	file, stderr slog.Handler
}

func (h timelineHandler) Enabled(context.Context, slog.Level) bool { return true }

func (h timelineHandler) Handle(ctx context.Context, r slog.Record) error {
	if timelineMessages[r.Message] || r.Message == "memory" || r.Message == "pcollection" || r.Message == "shard bytes" {
		return h.file.Handle(ctx, r)
	}
	if r.Level >= slog.LevelInfo {
		return h.stderr.Handle(ctx, r)
	}
	return nil
}

func (h timelineHandler) WithAttrs(as []slog.Attr) slog.Handler {
	return timelineHandler{h.file.WithAttrs(as), h.stderr.WithAttrs(as)}
}

func (h timelineHandler) WithGroup(name string) slog.Handler {
	return timelineHandler{h.file.WithGroup(name), h.stderr.WithGroup(name)}
}

// startTimeline makes slog's default logger write the timeline to name,
// and samples the runtime's memory into it until stop is closed.
func startTimeline(name string, stop <-chan struct{}) (func() error, error) {
	f, err := os.Create(name)
	if err != nil {
		return nil, err
	}
	slog.SetDefault(slog.New(timelineHandler{
		file:   slog.NewJSONHandler(f, &slog.HandlerOptions{Level: slog.LevelDebug}),
		stderr: slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}),
	}))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		samples := []metrics.Sample{
			{Name: "/memory/classes/heap/objects:bytes"},
			{Name: "/memory/classes/total:bytes"},
			{Name: "/memory/classes/heap/released:bytes"},
		}
		tick := time.NewTicker(2 * time.Second)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			slog.Debug("memory", "heap_objects", samples[0].Value.Uint64(),
				"mapped", samples[1].Value.Uint64()-samples[2].Value.Uint64())
			select {
			case <-stop:
				return
			case <-tick.C:
			}
		}
	}()
	return func() error { wg.Wait(); return f.Close() }, nil
}

// logCollections writes each collection's ID, the step that makes it
// (as the metrics name it: transform.output) and its sampled element
// size into the timeline. The IDs are those prism logs: the pipeline is
// marshalled as the universal runner marshals it.
func logCollections(p *beam.Pipeline, res beam.PipelineResult) error {
	edges, _, err := p.Build()
	if err != nil {
		return err
	}
	proto, err := graphx.Marshal(edges, &graphx.Options{Environment: &pipepb.Environment{}})
	if err != nil {
		return err
	}
	sizes := map[string]beammetrics.PColValue{}
	for _, r := range res.Metrics().AllMetrics().PCols() {
		sizes[r.Key.Step] = r.Result()
	}
	for _, d := range res.Metrics().AllMetrics().Distributions() {
		if d.Namespace() == stages.Namespace && d.Name() == stages.DistributionShardBytes {
			// The metrics name a step by its ID; prism's stages by
			// unique name.
			step := d.Transform()
			if t, ok := proto.GetComponents().GetTransforms()[step]; ok {
				step = t.GetUniqueName()
			}
			slog.Debug("shard bytes", "step", step, "shards", d.Result().Count, "bytes", d.Result().Sum)
		}
	}
	for _, t := range proto.GetComponents().GetTransforms() {
		for tag, id := range t.GetOutputs() {
			step := t.GetUniqueName() + "." + tag
			v := sizes[step]
			slog.Debug("pcollection", "id", id, "step", step, "elements", v.ElementCount,
				"sampled", v.SampledByteSize.Count, "sampled_bytes", v.SampledByteSize.Sum)
		}
	}
	return nil
}

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
