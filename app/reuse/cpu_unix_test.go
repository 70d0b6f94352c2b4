//go:build unix

package reuse_test

import "syscall"

// cpuSeconds returns the processor time the process has used, user and
// system: on a shared machine a benchmark's wall time includes the time
// other processes held the processors, its processor time does not.
func cpuSeconds() (float64, bool) {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0, false
	}
	sec := func(t syscall.Timeval) float64 { return float64(t.Sec) + float64(t.Usec)/1e6 }
	return sec(ru.Utime) + sec(ru.Stime), true
}
