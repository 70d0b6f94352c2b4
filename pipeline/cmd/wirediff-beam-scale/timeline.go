package main

import (
	"context"
	"log/slog"
	"os"
	"runtime/metrics"
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
