// Package e2e holds wirediff's browser tests: chromedp drives headless
// Chromium through the user journeys against the site that cmd/build
// generates into dist/.
//
// The tests are skipped by a plain `go test ./...`. Run them with
//
//	make test                  # builds everything first
//	go test ./e2e/ -e2e        # against an already built dist/
//
// or with WIREDIFF_E2E=1 or CI=true in the environment. Once requested, a
// missing Chromium or a missing dist/ fails the tests with the command that
// fixes it; they never pass silently. Each journey saves a screenshot into
// e2e/screenshots/ (git-ignored).
package e2e
