# wirediff: `make run` serves the app, `make test` runs every test. Both do
# their own set-up on a fresh Debian machine with Go installed.

GO       ?= go
ADDR     ?= 127.0.0.1:8080
CHROMIUM ?= /usr/bin/chromium
# Runs a js/wasm test binary in node.
WASM_EXEC = $(shell $(GO) env GOROOT)/lib/wasm/go_js_wasm_exec
# The packages whose tests must also pass in WebAssembly (internal/browser
# only there).
WASM_PKGS = ./app/reuse/ ./app/ingest/ ./app/workspace/ ./app/export/ ./app/session/ ./app/worker/ ./internal/browser/

# The steps of `make test` depend on each other's order.
.NOTPARALLEL:
.PHONY: run test wasm site deps fmt vet unit wasm-test e2e pipeline eval bench clean

# cmd/build generates dist/ before it serves it.
run: wasm
	$(GO) run ./cmd/build -serve $(ADDR)

test: deps fmt vet unit wasm-test site e2e pipeline
	@echo "make test: all passed"

# web/app.wasm: go's build cache makes this quick when nothing changed.
# The one module is both the page and the engine's worker (app/worker).
wasm:
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o web/app.wasm ./app

# dist/: the static site with web/ (CSS, icons, app.wasm) copied in.
site: wasm
	$(GO) run ./cmd/build

# Chromium for the browser tests and node for the WebAssembly tests, from
# Debian's packages: installed when run as root, else the command to run.
deps:
	@missing=""; \
	[ -x "$(CHROMIUM)" ] || missing="chromium chromium-driver"; \
	command -v node >/dev/null 2>&1 || missing="$$missing nodejs"; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "installing $$missing"; \
			apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
		else \
			echo "make test needs $$missing; install with:" >&2; \
			echo "    sudo apt-get update && sudo apt-get install -y $$missing" >&2; \
			exit 1; \
		fi; \
	fi

# The committed Go files (all of them outside a git checkout).
fmt:
	@out="$$( { git ls-files -z -- '*.go' 2>/dev/null || find . -path './.*' -prune -o -name '*.go' -print0; } | xargs -0 -r gofmt -l)"; \
	if [ -n "$$out" ]; then echo "gofmt -l: these files need gofmt -w:" >&2; echo "$$out" >&2; exit 1; fi

vet:
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/...

# Everything but the browser tests, which need the built site (target e2e).
unit:
	$(GO) test $$($(GO) list ./... | grep -v '/e2e$$')

wasm-test:
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" $(WASM_PKGS)

e2e:
	$(GO) test -count=1 -timeout=20m ./e2e/ -e2e -dist=../dist

# The Beam pipeline, a module of its own (pipeline/go.mod) that nothing
# else depends on: vetted, then tested on the prism runner in this
# process, with prism's job server held to 127.0.0.1 (see loopback.sh).
pipeline:
	cd pipeline && GO=$(GO) ./loopback.sh sh -c '$(GO) vet ./... && $(GO) test -timeout=30m ./...'

eval:
	$(GO) run ./cmd/eval

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./app/reuse/ ./app/worker/
	GOOS=js GOARCH=wasm $(GO) test -exec="$(WASM_EXEC)" -run='^$$' -bench=. -benchmem ./app/reuse/ ./app/worker/

clean:
	rm -rf dist web/app.wasm e2e/screenshots
