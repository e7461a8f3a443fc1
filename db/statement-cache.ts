import Database from 'libsql'

// Prepared statements, kept per connection and reused, for databases in a local file.
//
// @libsql/client prepares every statement again on every call (its local driver has no statement
// cache). Preparing costs ~20 µs for a narrow select and more for a wide one: measured in process
// on the demo data, a match list (about ten statements) took 1.9 ms of CPU, and 1.1–1.3 ms with
// its statements reused; a session check, with no statement, stayed at 0.35 ms. The client
// prepares through libsql's Database.prepare (the same module instance as this import), so that
// is where statements are kept: per Database object, so a reopened connection (db/client.ts
// reopens after SQLITE_BUSY) starts with none.
//
// What keeps this safe:
// - A statement whose execution failed is dropped: SQLite may leave it active (db/client.ts,
//   `reopen`), and the next call gets a fresh one, as it always did.
// - Schema statements (CREATE, ALTER, DROP) are never kept, and preparing one drops every kept
//   statement of that connection: a kept `select *` would otherwise report the columns it had
//   before a migration. (Drizzle names every column, and the app has no `select *` of its own; a
//   migration by another process therefore cannot confuse a kept statement either.)
// - At most MAX_PER_CONNECTION per connection (an `in (?, ?, …)` of every length is a statement of
//   its own); past that, all are dropped and kept anew.
// - A kept statement answers its columns from memory: the client asks for them twice on every
//   execution, and each native call costs ~12 µs, more than a primary-key lookup itself (~8 µs;
//   measured on the 100k data set). They cannot change while the statement is kept: a schema
//   statement on this connection drops it, and the app names every column it selects.

const MAX_PER_CONNECTION = 1000
const SCHEMA = /^\s*(create|alter|drop)\b/i

type Connection = Database.Database
type Statement = Database.Statement
const kept = new WeakMap<Connection, Map<string, Statement>>()
let installed = false

/** Makes every libsql connection of this process keep its prepared statements (idempotent). */
export function keepPreparedStatements(): void {
  if (installed) return
  installed = true
  const prepare = Database.prototype.prepare
  Database.prototype.prepare = function keptPrepare(this: Connection, sql: string) {
    let statements = kept.get(this)
    if (!statements) kept.set(this, (statements = new Map()))
    const hit = statements.get(sql)
    if (hit) return hit
    const statement = prepare.call(this, sql) as Statement
    if (SCHEMA.test(sql)) {
      statements.clear()
      return statement
    }
    if (statements.size >= MAX_PER_CONNECTION) statements.clear()
    statements.set(sql, statement)
    rememberColumns(statement)
    dropOnFailure(statement, () => statements.get(sql) === statement && statements.delete(sql))
    return statement
  } as Connection['prepare']
}

function rememberColumns(statement: Statement) {
  const columns = statement.columns.bind(statement)
  let known: ReturnType<Statement['columns']> | undefined
  statement.columns = () => (known ??= columns())
}

/** Wraps the statement's ways of running so that a failure forgets it. */
function dropOnFailure(statement: Statement, forget: () => void) {
  for (const name of ['run', 'get', 'all', 'iterate'] as const) {
    const run = statement[name] as (...args: unknown[]) => unknown
    ;(statement as unknown as Record<string, unknown>)[name] = function (this: Statement, ...args: unknown[]) {
      try {
        return run.apply(this, args)
      } catch (e) {
        forget()
        throw e
      }
    }
  }
}
