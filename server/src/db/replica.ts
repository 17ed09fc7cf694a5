import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../observability/logger';
import { connectDatabase, poolOf, type Database } from './client';

/**
 * How often the replica's replayed position is read: a caller's reads return to the replica,
 * and a live update goes out, at most this long after the replica has the write.
 */
const PROBE_EVERY_MS = 200;
/** A replica whose position has not come back for this long is away. */
const AWAY_AFTER_MS = 1000;
/** A live update waits at most this long for the replica; the walls' 30 s refresh covers a longer lag. */
const LIVE_WAIT_MS = 10_000;

/** Which database a request reads from. */
export interface ReadRouting {
  /** The replica's client, when there is one. */
  replica: Database | null;
  /** A read-only request's client: the replica, unless it is away or has not replayed the caller's last write. */
  readerFor(caller: string | null): Database;
  /** The caller begins to write; call what this returns once the write has committed, before the caller is answered. */
  writing(caller: string): () => Promise<void>;
  /** Settles once the replica has replayed what is committed now (at once without a replica, or while it is away). */
  replayed(): Promise<void>;
  close(): Promise<void>;
}

/** A WAL position as PostgreSQL writes it ("16/B374D848"), as a number. */
function walPosition(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

/** Straight on the pool: outside the turns and the deadline of the operation it is asked for. */
async function positionOf(db: Database, sql: string): Promise<bigint> {
  const { rows } = await poolOf(db)!.query<{ lsn: string | null }>(sql);
  if (!rows[0].lsn) throw new Error('DATABASE_READ_URL is not a server in recovery: not a streaming replica');
  return walPosition(rows[0].lsn);
}

/** How far the primary has written its WAL: past every commit that has returned (synchronous_commit, the default). */
const written = (primary: Database) => positionOf(primary, 'SELECT pg_current_wal_lsn()::text AS lsn');
const replayedOn = (replica: Database) => positionOf(replica, 'SELECT pg_last_wal_replay_lsn()::text AS lsn');

const primaryOnly = (primary: Database): ReadRouting => ({
  replica: null,
  readerFor: () => primary,
  writing: () => async () => undefined,
  replayed: async () => undefined,
  close: async () => undefined,
});

/**
 * Reads go to the replica at DATABASE_READ_URL, writes to the primary. A caller (its token,
 * session or address) who has written reads from the primary until the replica has replayed
 * the primary's WAL position taken after the write committed, so it always sees its own
 * writes. While the replica does not answer, everyone reads from the primary. Callers are
 * remembered by this process: behind a load balancer, keep a caller on one instance.
 */
export async function routeReads(primary: Database, readUrl: string | null, logger: Logger): Promise<ReadRouting> {
  if (!readUrl) return primaryOnly(primary);
  const replica = await connectDatabase(readUrl);
  /** Per caller: its writes still running, and the primary's position after the last that committed. */
  const writers = new Map<string, { running: number; at: bigint }>();
  let replayedAt = 0n;
  let replicaState: 'starting' | 'answering' | 'away' = 'starting';
  let probe: { since: number; done: Promise<void> } | null = null;
  const away = (reason: string) => {
    if (replicaState !== 'away') logger.warn({ reason }, 'read replica away: every request reads from the primary');
    replicaState = 'away';
  };
  const readReplayed = () => {
    if (probe) {
      if (Date.now() - probe.since > AWAY_AFTER_MS) away(`no answer within ${AWAY_AFTER_MS} ms`);
      return probe.done;
    }
    const done = replayedOn(replica)
      .then(
        (position) => {
          if (replicaState !== 'answering') logger.info('read replica answering: read-only requests go to it');
          replicaState = 'answering';
          replayedAt = position;
          for (const [caller, writes] of writers) if (!writes.running && writes.at <= position) writers.delete(caller);
        },
        (error: Error) => away(error.message),
      )
      .finally(() => (probe = null));
    probe = { since: Date.now(), done };
    return done;
  };
  /**
   * The primary's position, read once for every caller that asks within one turn of the event
   * loop (an import publishes a change per grid): the statement goes after all of them asked.
   */
  let upcoming: Promise<bigint> | null = null;
  const writtenNow = () =>
    (upcoming ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      upcoming = null;
      return written(primary);
    }));
  const timer = setInterval(readReplayed, PROBE_EVERY_MS);
  timer.unref();
  // The first requests already know whether the replica answers; one that hangs is away after the wait.
  await Promise.race([readReplayed(), sleep(AWAY_AFTER_MS, undefined, { ref: false })]);
  return {
    replica,
    readerFor(caller) {
      const writes = caller === null ? undefined : writers.get(caller);
      const behind = writes !== undefined && (writes.running > 0 || writes.at > replayedAt);
      return replicaState === 'answering' && !behind ? replica : primary;
    },
    writing(caller) {
      const writes = writers.get(caller) ?? { running: 0, at: 0n };
      writers.set(caller, writes);
      writes.running++;
      return async function committed() {
        try {
          const at = await writtenNow();
          if (at > writes.at) writes.at = at;
        } catch (error) {
          logger.warn({ err: error }, 'WAL position after a write unknown: the caller may not see it at once');
        } finally {
          writes.running--;
        }
      };
    },
    async replayed() {
      // A primary that does not say where it is: no waiting, the update goes at once.
      const target = await writtenNow().catch(() => 0n);
      const until = Date.now() + LIVE_WAIT_MS;
      while (replicaState === 'answering' && replayedAt < target && Date.now() < until) await sleep(PROBE_EVERY_MS);
    },
    async close() {
      clearInterval(timer);
      await probe?.done;
      replicaState = 'away';
      await replica.$disconnect();
    },
  };
}
