import { createClient } from '@libsql/client'

// Run as its own process by busy.test.ts: takes the database's write lock (BEGIN IMMEDIATE) on its
// own connection, as another program or a second server instance on the same file would, writes a
// row, prints "vast <time>", holds the lock, then commits and prints "los <time>" (times in ms since
// the epoch, so the test can tell whether its request was waiting when the lock went).
//
//   node --import tsx test/faults/lock-holder.ts <file> <holdMs>   releases after holdMs
//   node --import tsx test/faults/lock-holder.ts <file> stdin      releases when a line arrives on stdin
//
// It must be another process: the libSQL driver is synchronous underneath, so a second connection
// in the test's own process would block its event loop on the busy timeout (db/client.ts).

const [file, hold] = process.argv.slice(2)
const client = createClient({ url: `file:${file}` })
await client.execute('PRAGMA busy_timeout=5000')
const tx = await client.transaction('write') // BEGIN IMMEDIATE, on a connection the transaction keeps
await tx.execute('CREATE TABLE IF NOT EXISTS fault_lock_holder (t TEXT)')
await tx.execute({ sql: 'INSERT INTO fault_lock_holder VALUES (?)', args: [new Date().toISOString()] })
process.stdout.write(`vast ${Date.now()}\n`)
if (hold === 'stdin') await new Promise((r) => process.stdin.once('data', r))
else await new Promise((r) => setTimeout(r, Number(hold)))
await tx.commit()
process.stdout.write(`los ${Date.now()}\n`)
client.close()
process.exit(0)
