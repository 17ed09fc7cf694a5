import type { Viewer } from './auth/viewer';
import type { Config } from './config';
import type { Database } from './db/client';
import type { LiveEvents } from './live/live-events';
import { createLoaders, type Loaders } from './loaders';
import type { Logger } from './observability/logger';

export interface Context {
  db: Database;
  loaders: Loaders;
  viewer: Viewer;
  config: Config;
  live: LiveEvents;
  /** The request's logger: every line carries its request id. */
  log: Logger;
  /** The caller's address, for the audit log. */
  address: string | null;
  /** The request's Idempotency-Key header: a retried mutation with it returns the first result. */
  idempotencyKey: string | null;
  /** Whose writes this request must see: its token, session or address (callerKey); null over WebSockets, which use the primary. */
  caller: string | null;
}

export function createContext(
  db: Database,
  config: Config,
  live: LiveEvents,
  viewer: Viewer,
  log: Logger,
  address: string | null,
  idempotencyKey: string | null = null,
  caller: string | null = null,
): Context {
  return { db, loaders: createLoaders(db), viewer, config, live, log, address, idempotencyKey, caller };
}

/** A read-only request reads from `db` (a replica) from here on. */
export function readFrom(ctx: Context, db: Database): void {
  ctx.db = db;
  ctx.loaders = createLoaders(db);
}
