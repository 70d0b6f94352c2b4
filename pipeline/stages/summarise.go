package stages

import (
	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
	"github.com/wirediff/wirediff/app/reuse"
)

func init() {
	register.Function4x1[string, func(*Article) bool, func(*reuse.Covered) bool, func(string), error](summariseArticle)
	register.Iter1[reuse.Covered]()
}

// Summarise gives each article its document line: its size and the share
// of its words that lie in a passage it shares with any other article,
// from the passages' sides that Compare keyed by article.
func Summarise(s beam.Scope, byID, covered beam.PCollection) beam.PCollection {
	s = s.Scope("Summarise")
	return beam.ParDo(s, summariseArticle, beam.CoGroupByKey(s, byID, covered))
}

func summariseArticle(id string, articles func(*Article) bool, covered func(*reuse.Covered) bool, emit func(string)) error {
	a, ok, err := theArticle(id, articles)
	if err != nil || !ok {
		return err
	}
	var cs []reuse.Covered
	var c reuse.Covered
	for covered(&c) {
		cs = append(cs, c)
	}
	// Fingerprints counts the words as the comparison did; no option
	// changes what a word is.
	_, words := reuse.Fingerprints(a.Text, reuse.Options{})
	line, err := documentLine(a, reuse.Summarise(a.document(), words, cs))
	if err != nil {
		return err
	}
	emit(line)
	return nil
}
