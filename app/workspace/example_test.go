package workspace_test

import (
	"fmt"

	"github.com/wirediff/wirediff/app/workspace"
)

func Example() {
	w := workspace.Demo()
	a := w.Add("Wire copy", "AP", "Moscow initially said Putin would not meet with Tillerson.")
	w.Rename(a.ID, "AP wire copy")
	w.View = "/#pair/a3/" + a.ID

	data, err := workspace.Marshal(w)
	if err != nil {
		fmt.Println(err)
		return
	}
	back, err := workspace.Unmarshal(data)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(back.Articles), back.View)
	fmt.Println(back.Documents()[5].Name)

	_, err = workspace.Unmarshal([]byte(`{"version": 9}`))
	fmt.Println(err)
	// Output:
	// 6 /#pair/a3/a6
	// AP wire copy
	// made by a newer wirediff (format version 9); this one reads version 1
}

// The browser keeps a workspace as an index and a record per article: a
// change of view rewrites the index alone.
func ExampleMarshalIndex() {
	w := workspace.Demo()
	w.View = "/#pair/a2/a3"
	index, _ := workspace.MarshalIndex(w)
	record, _ := workspace.MarshalRecord(w.Articles[2])

	ix, _ := workspace.UnmarshalIndex(index)
	a, _ := workspace.UnmarshalRecord(record)
	back, missing := ix.Join(map[string]workspace.Article{a.ID: a})
	fmt.Println(ix.IDs, ix.View)
	fmt.Println(len(back.Articles), back.Articles[0].Source, missing)
	// Output:
	// [a1 a2 a3 a4 a5] /#pair/a2/a3
	// 1 UPI [a1 a2 a4 a5]
}
