//go:build js && wasm

package worker

import (
	"context"

	"github.com/wirediff/wirediff/app/ingest"
)

// Read reads a file's or a paste's bytes as text in a worker, as
// ingest.Text does, so that the page answers while megabytes are checked
// or a web page is read. name is the file's name, "" for a paste. When
// ctx is done, the worker is terminated and Read returns ctx.Err(). Where
// workers are missing, fail to start or stop, the bytes are read on the
// page, as ingest.Text.
func Read(ctx context.Context, name string, data []byte) (ingest.Result, error) {
	if err := ctx.Err(); err != nil {
		return ingest.Result{}, err
	}
	e, err := acquire(ctx)
	if err != nil {
		if ctx.Err() != nil {
			return ingest.Result{}, ctx.Err()
		}
		return ingest.Text(name, data)
	}
	pool.Lock()
	pool.gen++
	gen := pool.gen
	pool.Unlock()
	e.send(Encode(nil, Input{Gen: gen, Name: name, Data: data}))
	for {
		select {
		case <-ctx.Done():
			e.terminate()
			return ingest.Result{}, ctx.Err()
		case <-e.failed:
			e.terminate()
			return ingest.Text(name, data)
		case b := <-e.messages:
			msg, err := Decode(b)
			if err != nil {
				e.terminate()
				return ingest.Text(name, data)
			}
			if t, ok := msg.(Text); ok && t.Gen == gen {
				release(e)
				return t.Result, t.Error()
			}
		}
	}
}
