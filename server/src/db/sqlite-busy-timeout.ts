import Sqlite from 'libsql';

/** How long a write waits for another connection's write (another process, the bulk writer) before failing. */
export const BUSY_TIMEOUT_MS = 10_000;

const waiting = Symbol('busy timeout set');
type Connection = Sqlite.Database & { [waiting]?: true };

/**
 * libsql opens connections with busy_timeout 0, and @libsql/client opens a new one after
 * every transaction without a hook to configure it: a write that meets another
 * connection's lock would fail at once ("database is locked"). Every libsql connection
 * in the process therefore sets the timeout before its first statement.
 */
const prepare = Sqlite.prototype.prepare;
Sqlite.prototype.prepare = function prepareAfterBusyTimeout(this: Connection, ...args: Parameters<typeof prepare>) {
  if (!this[waiting]) {
    this[waiting] = true;
    this.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
  return prepare.apply(this, args);
} as typeof prepare;
