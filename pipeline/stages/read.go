package stages

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

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
// A line that is not an article is skipped with a warning and counted, as
// the command line skips it; a pattern that matches nothing and an
// unreadable file fail the pipeline with a message that names the file.
func Read(s beam.Scope, pattern string) beam.PCollection {
	s = s.Scope("Read")
	matches := fileio.MatchFiles(s, pattern, fileio.MatchEmptyDisallow())
	files := fileio.ReadMatches(s, matches, fileio.ReadUncompressed(), fileio.ReadDirectorySkip())
	return beam.ParDo(s, &readFn{}, files)
}

type readFn struct {
	articles, badLines beam.Counter
}

func (fn *readFn) Setup() {
	fn.articles = beam.NewCounter(Namespace, CounterArticles)
	fn.badLines = beam.NewCounter(Namespace, CounterBadLines)
}

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
		return readJSONL(ctx, name, rc, func(a Article) {
			fn.articles.Inc(ctx, 1)
			emit(a)
		}, fn.badLines)
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

// readJSONL reads one article a line with app/ingest's reader, as the
// command line does: a bad line is skipped with a warning and counted,
// an article without an ID is named FILE:LINE, and a read error stops the
// pipeline.
func readJSONL(ctx context.Context, name string, r io.Reader, emit func(Article), badLines beam.Counter) error {
	last := 0
	for rec, err := range ingest.JSONL(r) {
		var bad *ingest.LineError
		switch {
		case errors.As(err, &bad):
			log.Warnf(ctx, "%s: line %d skipped: %v", name, bad.Line, bad.Err)
			badLines.Inc(ctx, 1)
			continue
		case err != nil:
			return fmt.Errorf("%s: %v: the lines after line %d were not read", name, err, last)
		}
		last = rec.Line
		id := rec.ID
		if id == "" {
			id = path.Base(name) + ":" + strconv.Itoa(rec.Line)
		}
		m := rec.Meta
		emit(Article{ID: id, Title: m.Title, Source: m.Source, Published: m.Published, URL: m.URL,
			Text: rec.Result.Text, Converted: rec.Result.FromHTML || rec.Result.Converted})
	}
	return nil
}
