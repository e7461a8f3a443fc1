// What search writes to the server's log. The server passes its logger in (search/ does not
// import the server); a line names the kind of error and a driver's code, never the message,
// which for a database error can carry a statement's parameters.

/** One structured log line, as the server's logger takes it. */
export type LogLine = (line: Record<string, unknown>) => void

export { errorFields, errorKind } from '../server/domain/log-fields.js'
