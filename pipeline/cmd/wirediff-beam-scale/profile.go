package main

import (
	"fmt"
	"os"
	"runtime"
	"runtime/metrics"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"
)

// memoryPeak is what the child's Go runtime held at its highest: the
// live heap after a collection, and all the memory the runtime had mapped
// (heap, its free and unreturned pages, stacks, metadata), against which
// the child's resident set size is read.
type memoryPeak struct {
	LiveHeap   uint64 // /gc/heap/live:bytes at its highest
	HeapAtPeak uint64 // /memory/classes/heap/objects:bytes then
	Total      uint64 // /memory/classes/total:bytes at its highest
	Released   uint64 // /memory/classes/heap/released:bytes then
	Profiles   int    // heap profiles written
}

// watchMemory samples the runtime's memory every period until stop is
// closed, and writes a heap profile to profile (when not "") each time the
// live heap reaches a new high, so that the last one written shows what
// held the memory at the peak. It sends the peak on the returned channel
// once stopped.
func watchMemory(profile string, period time.Duration, stop <-chan struct{}) <-chan memoryPeak {
	done := make(chan memoryPeak, 1)
	samples := []metrics.Sample{
		{Name: "/gc/heap/live:bytes"},
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/total:bytes"},
		{Name: "/memory/classes/heap/released:bytes"},
	}
	go func() {
		var peak memoryPeak
		var lastProfiled uint64
		tick := time.NewTicker(period)
		defer tick.Stop()
		for {
			metrics.Read(samples)
			live, objects, total, released := samples[0].Value.Uint64(), samples[1].Value.Uint64(), samples[2].Value.Uint64(), samples[3].Value.Uint64()
			if total-released > peak.Total-peak.Released {
				peak.Total, peak.Released = total, released
			}
			if live > peak.LiveHeap {
				peak.LiveHeap, peak.HeapAtPeak = live, objects
			}
			// A new high by a tenth: profiles cost a stop of the world
			// and a few seconds of CPU each on a heap of gigabytes.
			if profile != "" && live > lastProfiled+lastProfiled/10 {
				if err := writeHeapProfile(profile); err != nil {
					fmt.Fprintf(os.Stderr, "wirediff-beam-scale: %v\n", err)
				} else {
					lastProfiled = live
					peak.Profiles++
				}
			}
			select {
			case <-stop:
				done <- peak
				return
			case <-tick.C:
			}
		}
	}()
	return done
}

func writeHeapProfile(name string) error {
	f, err := os.Create(name + ".tmp")
	if err != nil {
		return err
	}
	// runtime.GC makes the profile's in-use figures current.
	runtime.GC()
	if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(name+".tmp", name)
}

func (p memoryPeak) String() string {
	return fmt.Sprintf("live heap at most %d MiB (heap objects %d MiB then), runtime's mapped memory at most %d MiB less %d MiB returned to the system; %d heap profiles written",
		p.LiveHeap>>20, p.HeapAtPeak>>20, p.Total>>20, p.Released>>20, p.Profiles)
}

// childMemoryLimit returns the GOMEMLIMIT to run the child with, "" for
// none: the Go runtime lets the heap grow to twice what is live before it
// collects (GOGC=100), and a limit makes it collect sooner instead.
func childMemoryLimit() (string, error) {
	if os.Getenv("GOMEMLIMIT") != "" || *memoryLimit == "off" {
		return "", nil
	}
	share, ok := strings.CutSuffix(*memoryLimit, "%")
	if !ok {
		return *memoryLimit, nil
	}
	pct, err := strconv.ParseFloat(share, 64)
	if err != nil || pct <= 0 || pct > 100 {
		return "", fmt.Errorf("--memory-limit %q: a share is a percentage above 0 and at most 100", *memoryLimit)
	}
	total, err := physicalMemory()
	if err != nil {
		return "", fmt.Errorf("--memory-limit %s: %v; give a size such as 14GiB, or off", *memoryLimit, err)
	}
	return strconv.FormatUint(uint64(float64(total)*pct/100)>>20, 10) + "MiB", nil
}

// physicalMemory reads the machine's memory from /proc/meminfo (Linux).
func physicalMemory() (uint64, error) {
	data, err := os.ReadFile("/proc/meminfo")
	if err != nil {
		return 0, err
	}
	for line := range strings.Lines(string(data)) {
		if rest, ok := strings.CutPrefix(line, "MemTotal:"); ok {
			kib, err := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0, fmt.Errorf("/proc/meminfo: %q", line)
			}
			return kib << 10, nil
		}
	}
	return 0, fmt.Errorf("/proc/meminfo has no MemTotal")
}
