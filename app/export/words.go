package export

import "github.com/wirediff/wirediff/app/reuse"

// SetAsideReason says in words why a text was set aside as boilerplate,
// and in how many articles: the web app, the HTML report and the command
// line all say it so.
func SetAsideReason(s reuse.SetAside) string {
	in := Plural(s.Docs, "article", "articles")
	switch s.Reason {
	case "source":
		source := s.Source
		if source == "" {
			source = "one outlet"
		}
		return "Repeated by " + source + " across its own articles, in " + in + "."
	case "marked":
		return "Marked as boilerplate; in " + in + "."
	case "widespread":
		return "In nearly every article (" + in + "): too common to tell copies apart."
	}
	return "Set aside (" + s.Reason + "); in " + in + "."
}

// OriginRuleText says which rule chose a story's origin, and whether the
// origin is a guess.
func OriginRuleText(rule reuse.OriginRule) (text string, guess bool) {
	switch rule {
	case reuse.Earliest:
		return "Origin: the earliest published; every copy has a publication time.", false
	case reuse.MostComplete:
		return "Origin: the most complete version, as some publication times are unknown; the fullest version is often, not always, the source.", true
	}
	return "Origin chosen by the rule “" + string(rule) + "”.", true
}

// CreditWord says whether a story's copy credits its origin: "yes",
// "no", or "unknown" when the origin names no source or agency to credit.
func CreditWord(st *reuse.Story, m reuse.StoryMember) string {
	switch {
	case len(st.Credit) == 0:
		return "unknown"
	case m.Credited:
		return "yes"
	}
	return "no"
}
