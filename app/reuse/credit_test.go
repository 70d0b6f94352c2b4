package reuse

import "testing"

func TestCreditNamesTheOriginsSourceAndAgencies(t *testing.T) {
	tests := []struct {
		name   string
		origin Document
		member string
		want   bool
	}{
		{"a UPI dateline credits UPI", Document{Text: "April 12 (UPI) -- Tillerson met Putin."}, "MOSCOW, April 12 (UPI) — Tillerson met Putin.", true},
		{"the agency's full name credits it", Document{Text: "WASHINGTON (AP) — The talks ended."}, "The talks ended, the Associated Press reported.", true},
		{"AP inside APEC is no credit", Document{Text: "WASHINGTON (AP) — The talks ended."}, "The APEC talks ended.", false},
		{"the source field is a name to credit", Document{Source: "The Moscow Times", Text: "The talks ended."}, "The talks ended, the moscow times said.", true},
		{"an agency named by the source field", Document{Source: "Agence France-Presse", Text: "The talks ended."}, "The talks ended (AFP).", true},
		{"an agency quoted deep in the origin is not its own", Document{Text: "The talks ended." + string(make([]byte, 3000)) + " Reuters reported a delay. " + string(make([]byte, 3000)) + " The end."}, "Reuters said so.", false},
		{"a full name in another case in the byline credits the agency", Document{Text: "The talks ended." + string(make([]byte, 3000)) + " Copyright united press international."}, "The talks ended (UPI).", true},
		{"a full name in another case in the dateline credits the agency", Document{Text: "MOSCOW (THOMSON REUTERS) - The talks ended." + string(make([]byte, 3000))}, "The talks ended, Reuters said.", true},
		{"no source and no agency: nothing to credit", Document{Text: "The talks ended."}, "The talks ended, UPI said.", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := credits(tc.member, creditNames(tc.origin)); got != tc.want {
				t.Errorf("credits = %v, want %v (names %v)", got, tc.want, creditNames(tc.origin))
			}
		})
	}
}
