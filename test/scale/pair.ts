import { startServerProcess, type ServerProcess } from '../faults/server-process.js'
import type { Sqld } from './sqld.js'

// Two (or more) real app processes on one sqld: what a gemeente runs behind a load balancer.
// They share SESSION_SECRET (sessions are stored as an HMAC under it: with different secrets a
// session made on A is unknown on B) and everything else through the database.
//
//   const sqld = await startSqld()                      // test/scale/sqld.ts
//   const [a, b] = await startInstances(sqld, 2)         // a.base, b.base: http://127.0.0.1:PORT
//   ...
//   await stopInstances([a, b]); await sqld.stop()

export const SHARED_SESSION_SECRET = 'scale-out-test-gedeeld-sessiegeheim-0123456789'

/**
 * Starts `n` app processes on the sqld, one after the other (the first one migrates and seeds;
 * `together: true` starts them at the same moment instead, as an orchestrator does). `env` is
 * added to every instance's environment, e.g. `{ DEMO_DATA: 'false' }`; with an auth-enabled sqld
 * each gets a valid DATABASE_AUTH_TOKEN unless `env` sets one.
 */
export async function startInstances(sqld: Sqld, n: number, env: Record<string, string> = {}, opts: { together?: boolean } = {}): Promise<ServerProcess[]> {
  const envFor = () => ({ SESSION_SECRET: SHARED_SESSION_SECRET, ...(sqld.token ? { DATABASE_AUTH_TOKEN: sqld.token() } : {}), ...env })
  if (opts.together) {
    const started = await Promise.allSettled(Array.from({ length: n }, () => startServerProcess(sqld.url, envFor())))
    const failed = started.find((s) => s.status === 'rejected')
    if (failed) {
      await stopInstances(started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : [])))
      throw (failed as PromiseRejectedResult).reason
    }
    return started.map((s) => (s as PromiseFulfilledResult<ServerProcess>).value)
  }
  const out: ServerProcess[] = []
  try {
    for (let i = 0; i < n; i++) out.push(await startServerProcess(sqld.url, envFor()))
  } catch (e) {
    await stopInstances(out)
    throw e
  }
  return out
}

export async function stopInstances(instances: ServerProcess[]) {
  await Promise.all(
    instances.map(async (s) => {
      const timer = setTimeout(() => s.child.kill('SIGKILL'), 5000)
      await s.kill('SIGTERM')
      clearTimeout(timer)
    }),
  )
}
