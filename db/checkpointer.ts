import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'

// WAL checkpoints off the event loop, for a database in a local file.
//
// SQLite copies the write-ahead log back into the database file (a checkpoint) inside the commit
// that passes 1,000 pages of log, on the connection that commits. Our driver is synchronous, so
// that copy and its fsync ran on the event loop of whichever request happened to commit: under the
// load bench (100,000 plekken) single requests stalled for 230–400 ms. The app's connection
// therefore never checkpoints (wal_autocheckpoint=0), and this worker thread, with a connection of
// its own, runs a PASSIVE checkpoint every CHECKPOINT_MS: it copies what no reader still needs and
// never waits for a lock, so it blocks neither this process nor others on the same file. With
// WORKERS=N every process runs one; SQLite lets one checkpoint run at a time and the others skip.
//
// Should the worker stop, the log only grows (nothing is lost, reads slow down a little): the
// worker's exit is logged, and the next start checkpoints as usual (docs/operations.md).

export const CHECKPOINT_MS = 1000

const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.libsql)
const db = new Database(workerData.path)
db.pragma('busy_timeout = 0')
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)')
  } catch (e) {
    // SQLITE_BUSY: another checkpoint runs (another process); the next round tries again
    if (!/busy|locked/i.test(String(e && e.message))) parentPort.postMessage({ fout: String(e && e.message) })
  }
}, workerData.everyMs)
parentPort.on('message', () => {
  clearInterval(timer)
  db.close()
  process.exit(0)
})
`

export interface Checkpointer {
  stop(): Promise<void>
}

/** Starts the checkpointer of the database file at `path`; `log` hears its failures (SQLite's messages hold no data). */
export function startCheckpointer(path: string, log: (line: Record<string, unknown>) => void = () => {}, everyMs = CHECKPOINT_MS): Checkpointer {
  const libsql = createRequire(import.meta.url).resolve('libsql')
  const worker = new Worker(WORKER, { eval: true, workerData: { path, libsql, everyMs } })
  worker.unref() // never what keeps the process alive
  let stopped = false
  worker.on('message', (m: { fout?: string }) => m.fout && log({ event: 'checkpoint-mislukt', fout: m.fout }))
  worker.on('error', (e) => log({ event: 'checkpointer-gestopt', fout: e.message }))
  worker.on('exit', (code) => !stopped && log({ event: 'checkpointer-gestopt', code }))
  return {
    stop: async () => {
      if (stopped) return
      stopped = true
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage('stop')
      await exited
    },
  }
}
