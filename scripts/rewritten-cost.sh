#!/bin/sh
# rewritten-cost.sh measures what the rewritten step costs on the
# 1,000-article benchmark days (corpus.Newsroom, "articles", and
# corpus.NewsroomDistinct, "distinct-articles"), natively and in
# WebAssembly, in processor time, which other processes on a shared
# machine do not inflate as they do elapsed time. It times three engines
# on the same input in the same run:
#
#   first  the engine on the day issue 7 was filed (the parent of the
#          first rewritten commit, b1c67de), or the revision given;
#   copied this tree's engine with Options.NoRewritten;
#   full   this tree's engine;
#
# and prints full ÷ first (the issue's reading) and full ÷ copied (the
# rewritten step's share) for each day.
#
#   scripts/rewritten-cost.sh [runs] [k] [revision]
#
# The days are written to files by scripts/newsroomday, and each engine
# runs them through scripts/analyzeday, which is copied into a temporary
# export (git archive) of the old revision; nothing of it is kept. Each
# measurement is one process running Analyze k times and keeping the
# least processor time of a run: getrusage natively, with GOMAXPROCS=1
# (else Go's idle garbage-collection workers fill the other processor
# for as long as a cycle lasts, which a loaded machine stretches), and
# node's process.cpuUsage in WebAssembly, where node runs with
# --single-threaded so that V8's background compilation and garbage
# collection run in the measured thread. Odd runs time the engines first, copied, full; even
# runs the reverse. Report the range over the runs.
set -eu
runs=${1:-3}
k=${2:-4}
cd "$(dirname "$0")/.."
first=$(git rev-parse "${3:-b1c67de~1}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

go run ./scripts/newsroomday -n 1000 >"$tmp/articles.json"
go run ./scripts/newsroomday -n 1000 -distinct >"$tmp/distinct-articles.json"
go build -o "$tmp/this" ./scripts/analyzeday
GOOS=js GOARCH=wasm go build -o "$tmp/this.wasm" ./scripts/analyzeday
mkdir "$tmp/first"
git archive "$first" | tar -x -C "$tmp/first"
mkdir -p "$tmp/first/scripts/analyzeday"
cp scripts/analyzeday/*.go "$tmp/first/scripts/analyzeday/"
(cd "$tmp/first" && go build -o "$tmp/first.bin" ./scripts/analyzeday &&
	GOOS=js GOARCH=wasm go build -o "$tmp/first.wasm" ./scripts/analyzeday)
wasm_exec="$(go env GOROOT)/lib/wasm/wasm_exec_node.js"

# engine PLATFORM ENGINE DAY: the least processor seconds of k runs.
engine() {
	case $2 in
	first) bin=first opts='{}' ;;
	copied) bin=this opts='{"NoRewritten":true}' ;;
	full) bin=this opts='{}' ;;
	esac
	case $1 in
	native) [ "$bin" = first ] && bin=first.bin
		GOMAXPROCS=1 "$tmp/$bin" -day "$tmp/$3.json" -options "$opts" -n "$k" ;;
	wasm) node --stack-size=8192 --single-threaded "$wasm_exec" "$tmp/$bin.wasm" \
		-day "$tmp/$3.json" -options "$opts" -n "$k" ;;
	esac | awk '{print $1}'
}

for r in $(seq "$runs"); do
	order="first copied full"
	[ $((r % 2)) = 0 ] && order="full copied first"
	for platform in native wasm; do
		for day in articles distinct-articles; do
			for e in $order; do
				eval "t_$e=\$(engine $platform $e $day)"
			done
			awk -v p="$platform" -v d="$day" -v r="$r" -v a="$t_first" -v b="$t_copied" -v c="$t_full" \
				'BEGIN {printf "run %d %s %s=1000: full÷first %.2f×, full÷copied %.2f× (first %.3f s, copied %.3f s, full %.3f s)\n", r, p, d, c / a, c / b, a, b, c}'
		done
	done
done
