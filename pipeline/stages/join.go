package stages

import (
	"fmt"

	"github.com/apache/beam/sdks/v2/go/pkg/beam"
	"github.com/apache/beam/sdks/v2/go/pkg/beam/register"
)

func init() {
	register.Function2x0[Article, func(string, Article)](keyByID)
	register.Emitter2[string, Article]()
	register.Function4x1[string, func(*Article) bool, func(*Candidate) bool, func(string, halfJoined), error](joinA)
	register.Iter1[Article]()
	register.Iter1[Candidate]()
	register.Emitter2[string, halfJoined]()
	register.Function4x1[string, func(*Article) bool, func(*halfJoined) bool, func(Joined), error](joinB)
	register.Iter1[halfJoined]()
	register.Emitter1[Joined]()
}

// A Joined is a candidate pair with both articles, A's ID sorting first.
type Joined struct {
	A, B Article
	I, J []int32
}

// halfJoined is a candidate with its article A, on its way to B.
type halfJoined struct {
	A    Article
	B    string
	I, J []int32
}

func keyByID(a Article, emit func(string, Article)) { emit(a.ID, a) }

// ByID keys the articles by ID.
func ByID(s beam.Scope, articles beam.PCollection) beam.PCollection {
	return beam.ParDo(s.Scope("ByID"), keyByID, articles)
}

// Join joins each candidate pair with the texts of both its articles:
// first with article A, by A's ID, then with B. Each article is held once
// while its candidates stream past it.
func Join(s beam.Scope, byID, candidates beam.PCollection) beam.PCollection {
	s = s.Scope("Join")
	half := beam.ParDo(s, joinA, beam.CoGroupByKey(s, byID, candidates))
	return beam.ParDo(s, joinB, beam.CoGroupByKey(s, byID, half))
}

func joinA(id string, articles func(*Article) bool, candidates func(*Candidate) bool, emit func(string, halfJoined)) error {
	a, ok, err := theArticle(id, articles)
	if err != nil || !ok {
		return err
	}
	var c Candidate
	for candidates(&c) {
		emit(c.B, halfJoined{A: a, B: c.B, I: c.I, J: c.J})
	}
	return nil
}

func joinB(id string, articles func(*Article) bool, halves func(*halfJoined) bool, emit func(Joined)) error {
	b, ok, err := theArticle(id, articles)
	if err != nil || !ok {
		return err
	}
	var h halfJoined
	for halves(&h) {
		emit(Joined{A: h.A, B: b, I: h.I, J: h.J})
	}
	return nil
}

// theArticle returns the one article with an ID: two articles that share
// an ID would make every result that names it ambiguous.
func theArticle(id string, articles func(*Article) bool) (Article, bool, error) {
	var a, other Article
	if !articles(&a) {
		return a, false, nil
	}
	if articles(&other) {
		return a, false, fmt.Errorf("two articles have the ID %q: every article needs an ID of its own", id)
	}
	return a, true, nil
}
