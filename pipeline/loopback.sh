#!/bin/sh
# loopback.sh COMMAND...: runs COMMAND (go vet, go test, go run …) in this
# module with prism's job server listening on 127.0.0.1 only.
#
# Beam v2.77.0's prism listens on ":PORT", every interface, though it
# only ever gives its clients "localhost:PORT"; this project's servers
# stay on the loopback. Go builds cannot patch the module cache, so the
# script vendors the dependencies (go mod vendor, about 4 s and 56 MB),
# changes that one listen address in the vendored copy, runs COMMAND,
# which uses vendor/ by default, and removes vendor/ again, so that no
# stale copy of the engine (../app, vendored too) outlives the run.
set -eu
cd "$(dirname "$0")"
go=${GO:-go}
rm -rf vendor
trap 'rm -rf vendor' EXIT INT TERM
"$go" mod vendor
server=vendor/github.com/apache/beam/sdks/v2/go/pkg/beam/runners/prism/internal/jobservices/server.go
sed -i 's|net.Listen("tcp", fmt.Sprintf(":%d", port))|net.Listen("tcp", fmt.Sprintf("127.0.0.1:%d", port))|' "$server"
if ! grep -q '"127.0.0.1:%d"' "$server"; then
	echo "loopback.sh: prism's listen call in $server has changed; update this script" >&2
	exit 1
fi
"$@"
