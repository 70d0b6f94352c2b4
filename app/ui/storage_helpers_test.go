package ui

import (
	"errors"

	"github.com/wirediff/wirediff/app/workspace"
)

// savedWorkspace is the workspace store holds, as the next visit reads
// it.
func savedWorkspace(store *MemoryStore) (workspace.Workspace, error) {
	saved, err := store.Load()
	if err != nil {
		return workspace.Workspace{}, err
	}
	ws, _, err := new(saver).restore(saved)
	if ws == nil && err == nil {
		err = errors.New("nothing is saved")
	}
	if err != nil {
		return workspace.Workspace{}, err
	}
	return *ws, nil
}

// keepFile saves a workspace file in store as this version saves it.
func keepFile(store *MemoryStore, data []byte) error {
	ws, err := workspace.Unmarshal(data)
	if err != nil {
		return err
	}
	s := &saver{store: store}
	return s.save(s.next(), ws)
}
