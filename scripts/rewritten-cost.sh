#!/bin/sh
# rewritten-cost.sh measures what the rewritten step costs on the
# 1,000-article benchmark days: the engine with rewritten passages ÷ the
# copied-only engine (Options.NoRewritten), natively and in WebAssembly,
# in processor time, which other processes on a shared machine do not
# inflate as they do elapsed time.
#
#   scripts/rewritten-cost.sh [runs] [k]
#
# Natively, BenchmarkRewrittenShare runs both engines in turn in one
# process and keeps the least processor time (getrusage) of each.
# WebAssembly has no processor clock, so each sub-benchmark runs in its
# own node process, once with -test.benchtime=1x and once with k·x, and
# the user+system time of the process (GNU time) is read from outside:
# the difference ÷ (k-1) is one run, with start-up, compilation and the
# corpus's generation cancelled. node runs with --single-threaded, so that
# V8's background compilation and garbage collection, whose processor
# time varies from process to process, run in the measured thread. Each
# prints one line a run; report the range over the runs.
set -eu
runs=${1:-3}
k=${2:-6}
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -c -o "$tmp/reuse.test" ./app/reuse/
GOOS=js GOARCH=wasm go test -c -o "$tmp/reuse.wasm" ./app/reuse/
wasm_exec="$(go env GOROOT)/lib/wasm/wasm_exec_node.js"

# cpu BENCH N: processor seconds of one node process running BENCH N times.
cpu() {
	(cd app/reuse && /usr/bin/time -f '%U %S' -o "$tmp/time" \
		node --stack-size=8192 --single-threaded "$wasm_exec" "$tmp/reuse.wasm" -test.run='^$' -test.bench="$1" -test.benchtime="$2x" >/dev/null)
	awk '{print $1 + $2}' "$tmp/time"
}
# per BENCH: processor seconds of one run of BENCH in WebAssembly.
per() {
	one=$(cpu "$1" 1)
	many=$(cpu "$1" "$k")
	awk -v a="$one" -v b="$many" -v k="$k" 'BEGIN {printf "%.3f", (b - a) / (k - 1)}'
}

for r in $(seq "$runs"); do
	echo "native run $r:"
	(cd app/reuse && "$tmp/reuse.test" -test.run='^$' -test.bench=RewrittenShare -test.benchtime=6x) |
		awk '/^BenchmarkRewrittenShare/ {for (i = 1; i <= NF; i++) if ($i == "rewritten-ratio") print "  " $1, $(i-1) "×"}'
	for day in articles distinct-articles; do
		without=$(per "^BenchmarkCopiedOnly\$/^$day=1000\$")
		with=$(per "^BenchmarkAnalyze\$/^$day=1000\$")
		awk -v d="$day" -v a="$with" -v b="$without" -v r="$r" \
			'BEGIN {printf "wasm run %d: %s=1000 %.2f× (%.3f s ÷ %.3f s)\n", r, d, a / b, a, b}'
	done
done
