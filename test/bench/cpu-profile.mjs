// A CPU profile of a whole process, for the load bench's servers (test/bench/load.ts):
//
//   BENCH_SERVER_NODE_OPTIONS="--import ./test/bench/cpu-profile.mjs" npm run bench -- load
//
// Every server process (under WORKERS=N each worker too) writes <pid>.cpuprofile to
// $CPU_PROFILE_DIR (default: <tmp>/pp-cpu-profiles) when it exits. (`--cpu-prof` itself is not
// allowed in NODE_OPTIONS.) Open it in Chrome DevTools or speedscope.
import { Session } from 'node:inspector'
import { mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dir = process.env.CPU_PROFILE_DIR ?? join(tmpdir(), 'pp-cpu-profiles')
mkdirSync(dir, { recursive: true })
const session = new Session()
session.connect()
session.post('Profiler.enable')
session.post('Profiler.setSamplingInterval', { interval: 1000 })
session.post('Profiler.start')
// a session in the same thread answers synchronously, so this works in an exit handler
process.on('exit', () =>
  session.post('Profiler.stop', (err, res) => {
    if (!err) writeFileSync(join(dir, `${process.pid}.cpuprofile`), JSON.stringify(res.profile))
  }),
)
