package export

import "github.com/wirediff/wirediff/app/reuse"

// A Tally counts what pairs of articles share, as every view of a report
// states it: passages of each kind, the quotations among them, and the
// shared words, copied and rewritten.
type Tally struct {
	Pairs          int
	Passages       int // copied and rewritten
	Rewritten      int // rewritten passages
	Quotes         int // passages that lie mostly inside quotation marks
	SharedWords    int
	RewrittenWords int // the part of SharedWords in rewritten passages
}

// Add counts one more pair.
func (t *Tally) Add(p *reuse.Pair) {
	t.Pairs++
	t.Passages += len(p.Passages)
	t.SharedWords += p.SharedWords
	t.RewrittenWords += p.RewrittenWords
	for _, ps := range p.Passages {
		if ps.Kind == reuse.Rewritten {
			t.Rewritten++
		}
		if ps.Quote {
			t.Quotes++
		}
	}
}

// Copied is the number of copied passages.
func (t Tally) Copied() int { return t.Passages - t.Rewritten }

// CopiedWords is the part of the shared words in copied passages.
func (t Tally) CopiedWords() int { return t.SharedWords - t.RewrittenWords }

// TallyPair counts what one pair shares.
func TallyPair(p *reuse.Pair) Tally {
	var t Tally
	t.Add(p)
	return t
}

// TallyPairs counts what all of pairs share.
func TallyPairs(pairs []reuse.Pair) Tally {
	var t Tally
	for i := range pairs {
		t.Add(&pairs[i])
	}
	return t
}
