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
