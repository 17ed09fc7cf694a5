/** Prisma's codes for a database it cannot reach, lost, waited too long for, or that has no connection left. */
const UNAVAILABLE = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2037']);
/** The same as the driver adapter names it under a raw query's P2010 (which is any failure of a raw query). */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/** Seconds a client should wait before trying again while the database is away. */
export const RETRY_AFTER_SECONDS = 5;

/** Whether an error (or what it wraps) says the database is unreachable, rather than that the request is wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  type Wrapping = { code?: unknown; originalError?: unknown; cause?: unknown; meta?: unknown };
  for (let e = error as Wrapping | undefined; e;) {
    if (typeof e.code === 'string' && UNAVAILABLE.has(e.code)) return true;
    const adapter = (e.meta as { driverAdapterError?: { cause?: { kind?: unknown } } } | undefined)?.driverAdapterError;
    if (typeof adapter?.cause?.kind === 'string' && UNAVAILABLE_KINDS.has(adapter.cause.kind)) return true;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}
