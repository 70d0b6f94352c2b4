package stages

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/io/fileio"
	// Local paths; the command links in cloud storage too (beamx).
	_ "github.com/apache/beam/sdks/v2/go/pkg/beam/io/filesystem/local"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/log"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/ingest"
)

func init() {
	register.DoFn3x1[context.Context, fileio.ReadableFile, func(Article), error](&readFn{})
	register.Emitter1[Article]()
}

// Read reads the articles in the files that pattern matches, through
// Beam's file systems (local paths, gs://… on a cluster): each line of a
// .jsonl file is one article in the command line's article format, and
// any other file is one article, read as the command line reads it (text
// or HTML in UTF-8, UTF-16 or Windows-1252) and named by its file name.
// A pattern that matches nothing, a line that is not an article and an
// unreadable file fail the pipeline with a message that names the place.
func Read(s beam.Scope, pattern string) beam.PCollection {
	s = s.Scope("Read")
	matches := fileio.MatchFiles(s, pattern, fileio.MatchEmptyDisallow())
	files := fileio.ReadMatches(s, matches, fileio.ReadUncompressed(), fileio.ReadDirectorySkip())
	return beam.ParDo(s, &readFn{}, files)
}

type readFn struct {
	articles beam.Counter
}

func (fn *readFn) Setup() { fn.articles = beam.NewCounter(Namespace, CounterArticles) }

func (fn *readFn) ProcessElement(ctx context.Context, file fileio.ReadableFile, emit func(Article)) error {
	name := file.Metadata.Path
	if file.Metadata.Size > ingest.MaxBytes && !strings.HasSuffix(name, ".jsonl") {
		return fmt.Errorf("%s: too large (%d MiB): the limit is %d MiB", name, file.Metadata.Size>>20, ingest.MaxBytes>>20)
	}
	rc, err := file.Open(ctx)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	defer rc.Close()
	if strings.HasSuffix(name, ".jsonl") {
		return readJSONL(name, rc, func(a Article) {
			fn.articles.Inc(ctx, 1)
			emit(a)
		})
	}
	data, err := io.ReadAll(io.LimitReader(rc, ingest.MaxBytes+1))
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	res, err := ingest.Text(name, data)
	if err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	for _, note := range res.Notes {
		log.Infof(ctx, "%s: %s", name, note)
	}
	fn.articles.Inc(ctx, 1)
	emit(Article{ID: path.Base(name), Text: res.Text, Converted: res.FromHTML || res.Converted})
	return nil
}

// readJSONL reads one article a line; blank lines are skipped.
//
// TODO: use app/ingest's reader of the command line's JSONL articles
// once it exists, so that both read the format by one rule.
func readJSONL(name string, r io.Reader, emit func(Article)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), ingest.MaxBytes+1<<20)
	for line := 1; sc.Scan(); line++ {
		data := bytes.TrimSpace(sc.Bytes())
		if len(data) == 0 {
			continue
		}
		a, err := parseArticle(data)
		if err != nil {
			return fmt.Errorf("%s:%d: %v", name, line, err)
		}
		emit(a)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("%s: %v", name, err)
	}
	return nil
}

// parseArticle reads one line of the article format.
func parseArticle(data []byte) (Article, error) {
	var a Article
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return a, fmt.Errorf("not an article (want an object with \"id\" and \"text\", and optionally \"title\", \"source\", \"published\", \"url\"): %v", err)
	}
	switch {
	case a.ID == "":
		return a, fmt.Errorf("the article has no \"id\"")
	case strings.TrimSpace(a.Text) == "":
		return a, fmt.Errorf("article %q has no text", a.ID)
	}
	if a.Published != "" {
		if _, err := time.Parse(time.RFC3339, a.Published); err != nil {
			return a, fmt.Errorf("article %q: \"published\" is not an RFC 3339 time such as 2017-04-12T09:30:00Z: %q", a.ID, a.Published)
		}
	}
	return a, nil
}
