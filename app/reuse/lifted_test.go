package reuse

import (
	"context"
	"strings"
	"testing"
)

// Sentences of seed 001, the UPI story, far apart in it: a summary lifts
// the first and the last and retells one between them.
const (
	liftFirst = `Tillerson met with Putin in the Kremlin with the primary aim of persuading Moscow to abandon its support for Syrian President Bashar al-Assad.`
	retold    = `Enhancing diplomatic relations, Lavrov warned Tillerson, means Trump could not act in similar military fashion again, as ties between Moscow and Washington deteriorated under Obama.`
	liftLast  = `The U.S. missile strikes early Friday were the first known direct attack by the American government on the Syrian regime since the country's civil war began in 2011.`
	// deskOpening and deskEnd are paragraphs of the story that a desk
	// keeps whole, and deskMiddle what lies between them, one sentence
	// of which it retells: its copy spans more than a third of the text
	// it draws on.
	deskOpening = `April 12 (UPI) -- U.S. Secretary of State Rex Tillerson said late Wednesday that his meeting in Moscow with Russian President Vladimir Putin was "productive," but that it also reiterated the existence of a great deal of mistrust between the two countries. ` + liftFirst
	deskMiddle  = `"There is a low level of trust between our two countries," Tillerson said after the two-hour summit. Moscow initially said Putin would not meet with Tillerson, but later relented. Prior to the meeting, Lavrov urged Tillerson to prevent more U.S. bombings in Syria.

Lavrov said after the meeting that both sides agreed that there should be an investigation into the alleged April 4 sarin gas attack on the northern town of Khan Sheikhoun -- a strike that killed nearly 100 civilians, injured hundreds more and elicited a fierce U.S. retaliatory strike two days later.

Lavrov also warned Tillerson that Trump cannot act in similar military fashion again in the future if he wishes to enhance diplomatic relations between Washington and Moscow, which deteriorated substantially during Barack Obama's presidency.

Lavrov said both countries should work together and noted that Moscow does "not consider any closed alliances and misalliances productive." "We now understand each other better. I hope that these contacts will continue," the foreign minister said.`
	deskEnd = `Moscow, however, on Wednesday vetoed a U.N. Security Council resolution that condemned the chemical attack and called for Assad's regime to furnish information about its military activities the day it happened. Bolivia also rejected the resolution and China did not vote. ` + liftLast
	// trimmedDesk is the story's opening paragraphs as a desk cut them:
	// two of their sentences gone, the rest in order.
	trimmedDesk = `April 12 (UPI) -- U.S. Secretary of State Rex Tillerson said late Wednesday that his meeting in Moscow with Russian President Vladimir Putin was "productive," but that it also reiterated the existence of a great deal of mistrust between the two countries.

Tillerson met with Putin in the Kremlin with the primary aim of persuading Moscow to abandon its support for Syrian President Bashar al-Assad.

"There is a low level of trust between our two countries," Tillerson said after the two-hour summit.

Moscow initially said Putin would not meet with Tillerson, but later relented. Prior to the meeting, Lavrov urged Tillerson to prevent more U.S. bombings in Syria.`
)

func TestSummariesThatLiftSentences(t *testing.T) {
	story := readSeeds(t)[1].Text
	if !strings.Contains(story, liftFirst) || !strings.Contains(story, liftLast) {
		t.Fatal("seed 001 no longer has the sentences the test lifts")
	}
	brief := liftFirst + " " + retold + " " + liftLast
	for _, c := range []struct {
		name        string
		story, text string
		// rewritten is whether the text is one rewritten passage spanning
		// the story from the first lifted sentence to the last; copied
		// is how many copied passages there are otherwise.
		rewritten bool
		copied    int
	}{
		{"a brief that lifts two sentences from across a long story and retells one between them is one rewritten passage",
			story, unrelated + "\n\n" + brief + "\n\n" + unrelated, true, 0},
		{"a desk's copy of less than three times its length, with one sentence retold, keeps its copied paragraphs",
			deskOpening + "\n\n" + deskMiddle + "\n\n" + deskEnd, unrelated + "\n\n" + deskOpening + " " + retold + " " + deskEnd, false, 2},
		{"two sentences a desk copied with other text between them stay two copied passages",
			story, unrelated + "\n\n" + liftFirst + "\n\n" + unrelated + "\n\n" + liftLast, false, 2},
		{"two sentences a desk copied with its own sentence on the story between them stay two copied passages",
			story, unrelated + "\n\n" + liftFirst + " Analysts in Washington said the visit showed how far relations had fallen since January. " + liftLast, false, 2},
		{"two lifted sentences with nothing retold are two copied passages",
			story, unrelated + "\n\n" + liftFirst + " " + liftLast, false, 2},
		{"a story a desk trimmed keeps its copied passage",
			story, trimmedDesk + "\n\n" + unrelated, false, 1},
	} {
		t.Run(c.name, func(t *testing.T) {
			story := c.story
			docs := []Document{{Name: "story", Text: story}, {Name: "brief", Text: c.text}}
			r, err := Analyze(context.Background(), docs, Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkReport(t, docs, r, Options{})
			if len(r.Pairs) != 1 {
				t.Fatalf("%d pairs, want 1", len(r.Pairs))
			}
			var rewritten []Passage
			copied := 0
			for _, p := range r.Pairs[0].Passages {
				if p.Kind == Rewritten {
					rewritten = append(rewritten, p)
				} else {
					copied++
				}
			}
			if !c.rewritten {
				for _, p := range rewritten {
					if b := c.text[p.B.Start:p.B.End]; strings.Contains(b, liftFirst) || strings.Contains(b, liftLast) {
						t.Errorf("a rewritten passage takes in a copied sentence: %q", b)
					}
				}
				if copied != c.copied {
					t.Fatalf("%d copied passages, want %d: %+v", copied, c.copied, r.Pairs[0].Passages)
				}
				return
			}
			if len(rewritten) != 1 || copied != 0 {
				t.Fatalf("%d rewritten and %d copied passages, want one rewritten: %+v", len(rewritten), copied, r.Pairs[0].Passages)
			}
			p := rewritten[0]
			if a := story[p.A.Start:p.A.End]; !strings.HasPrefix(a, "Tillerson met with Putin") || !strings.HasSuffix(a, "began in 2011.") {
				t.Errorf("the story's side %q does not run from the first lifted sentence to the last", a)
			}
			if b := c.text[p.B.Start:p.B.End]; b != liftFirst+" "+retold+" "+liftLast {
				t.Errorf("the brief's side is %q, want the brief", b)
			}
		})
	}
}
