import { createHash } from 'node:crypto';
import { once } from 'node:events';
import type { Logger } from '../observability/logger';
import type { Database } from './client';
import { readsActivity } from './deadline';

/**
 * Answers of the heavy aggregates (a city's key figures, every community's value of a metric,
 * a monthly series), kept until the data changes. The live events that refresh the walls say
 * when it does; answers also expire after a while, for writes made behind the server's back
 * (SQL by hand, `npm run import` without Redis). Answers must survive JSON: in Redis they are text.
 */
export interface AnswerStore {
  /**
   * The answer to `key` as of the data now: computed once, however many ask for it at the same time.
   * One `of` places (computed from places alone) outlives changes of activity.
   */
  answer<T>(key: string, compute: () => Promise<T>, of?: Changed): Promise<T>;
  /** The data has changed: nothing computed from before is answered again (of places: if places changed). */
  changed(what: Changed): void;
  /**
   * What `changed()` moves on, here or on any instance sharing the store (every change moves
   * `activity`, changes of places `places` too): for what is kept elsewhere under it (whole
   * answers, graphql/kept-responses.ts). Null while it cannot be read.
   */
  generation(): Promise<Versions<string> | null>;
  close(): Promise<void>;
}

/**
 * What a change touched. Every live event reports activity (cases, volunteer hours): answers
 * computed from places alone are kept through it, so that a busy city's stream of cases does not
 * make each map load read its places again. Places are the communities, grids and buildings,
 * their boundaries and their stated figures (population, party members, volunteers), which only
 * an import or a retirement changes (dataChanged); such a change drops every answer.
 */
export type Changed = 'activity' | 'places';

/** Answers that are not kept: every ask computes. */
export const NO_ANSWERS: AnswerStore = {
  answer: (_key, compute) => compute(),
  changed: () => undefined,
  generation: async () => null,
  close: async () => undefined,
};

/** Counts of changes: of any kind (`activity`), and of places. An answer is as of the counts it was asked at. */
export type Versions<T = number> = Record<Changed, T>;

interface Kept {
  of: Changed;
  versions: Versions;
  until: number;
  answer: Promise<unknown>;
}

/** Whether an answer computed at `then` still holds at `now`. */
export const holds = <T>(of: Changed, then: Versions<T>, now: Versions<T>) =>
  then.places === now.places && (of === 'places' || then.activity === now.activity);

/** Counts `what` changed in `versions`, and forgets each of `kept` that no longer holds. */
export function moveOn<K>(
  versions: Versions,
  what: Changed,
  kept: Map<K, { of: Changed; versions: Versions }>,
  forget: (key: K) => void,
): void {
  versions.activity++;
  if (what === 'places') versions.places++;
  for (const [key, entry] of kept) if (!holds(entry.of, entry.versions, versions)) forget(key);
}

/** This instance's answers, the most recently used `most` of them, each for `seconds` (above 0). */
export function memoryAnswers(seconds: number, most = 500): AnswerStore {
  const versions: Versions = { activity: 0, places: 0 };
  const kept = new Map<string, Kept>();
  return {
    answer<T>(key: string, compute: () => Promise<T>, of: Changed = 'activity') {
      const hit = kept.get(key);
      kept.delete(key);
      if (hit && holds(hit.of, hit.versions, versions) && hit.until > Date.now()) {
        kept.set(key, hit);
        return hit.answer as Promise<T>;
      }
      const entry: Kept = { of, versions: { ...versions }, until: Date.now() + seconds * 1000, answer: compute() };
      kept.set(key, entry);
      if (kept.size > most) kept.delete(kept.keys().next().value!);
      entry.answer.catch(() => kept.get(key) === entry && kept.delete(key));
      return entry.answer as Promise<T>;
    },
    changed(what) {
      moveOn(versions, what, kept, (key) => kept.delete(key));
    },
    generation: async () => ({ activity: String(versions.activity), places: String(versions.places) }),
    async close() {
      kept.clear();
    },
  };
}

/**
 * Answers shared through Redis by every instance on the same database (`database`: its URL):
 * under the data's generation, which every instance moves on when it hears of a change, so an
 * answer computed before a change is never read after it. Asks that arrive together on one
 * instance share one computation. While Redis is away, this instance computes alone.
 */
export async function redisAnswers(
  url: string,
  database: string,
  seconds: number,
  logger: Logger,
): Promise<AnswerStore> {
  const prefix = `gridscope:answers:${createHash('sha256').update(database).digest('base64url').slice(0, 16)}`;
  // Moved on by every change, and by changes of places (Versions above).
  const generation = `${prefix}:generation`;
  const placesGeneration = `${prefix}:places`;
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
  redis.on('error', () => undefined);
  await Promise.race([once(redis, 'ready'), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  const running = new Map<string, { of: Changed; answer: Promise<unknown> }>();
  const away = (error: unknown) => logger.warn({ err: error }, 'answers computed per instance: Redis unavailable');
  async function answer<T>(key: string, compute: () => Promise<T>, of: Changed): Promise<T> {
    let name: string;
    try {
      name =
        of === 'places'
          ? `${prefix}:p${(await redis.get(placesGeneration)) ?? 0}:${key}`
          : `${prefix}:${(await redis.get(generation)) ?? 0}:${key}`;
      const stored = await redis.get(name);
      if (stored !== null) return JSON.parse(stored) as T;
    } catch (error) {
      away(error);
      return compute();
    }
    const result = await compute();
    redis.set(name, JSON.stringify(result), 'EX', seconds).catch(away);
    return result;
  }
  return {
    answer<T>(key: string, compute: () => Promise<T>, of: Changed = 'activity') {
      let entry = running.get(key);
      if (!entry) {
        const asked = {
          of,
          answer: answer(key, compute, of).finally(() => running.get(key) === asked && running.delete(key)),
        };
        running.set(key, asked);
        entry = asked;
      }
      return entry.answer as Promise<T>;
    },
    changed(what) {
      for (const [key, entry] of running) if (what === 'places' || entry.of === 'activity') running.delete(key);
      // Both at once: no instance reads a new generation of activity beside an old one of places.
      const moved = redis.multi().incr(generation);
      if (what === 'places') moved.incr(placesGeneration);
      moved.exec().catch(away);
    },
    async generation() {
      try {
        const [activity, places] = await redis.mget(generation, placesGeneration);
        return { activity: activity ?? '0', places: places ?? '0' };
      } catch (error) {
        away(error);
        return null;
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}

const stores = new WeakMap<Database, { store: AnswerStore; source: string }>();

/**
 * Keep the answers read through `db` in `store`. `source` tells apart answers read from the
 * primary and from a replica, which may lag: a caller who has just written reads the primary's.
 * Returns what stops it.
 */
export function keepAnswers(db: Database, store: AnswerStore, source: string): () => void {
  const entry = { store, source };
  stores.set(db, entry);
  return () => void (stores.get(db) === entry && stores.delete(db));
}

/** Where answers read through `db` come from ('primary' or 'replica'), when they are kept. */
export const answerSource = (db: Database): string | null => stores.get(db)?.source ?? null;

/**
 * The data read through `db` has changed in a way no live event reports (imported figures or
 * boundaries, a retired place): answers kept from before are not answered again.
 */
export function dataChanged(db: Database): void {
  stores.get(db)?.store.changed('places');
}

/**
 * The answer computed from `db` for `question` (anything JSON): kept when the server keeps
 * answers for this database, else computed each time (the command-line tools, tests of services).
 * `of` says what it is computed from: 'places' for answers that read no case and no hours.
 */
export function answerOnce<T>(
  db: Database,
  question: unknown[],
  compute: () => Promise<T>,
  of: Changed = 'activity',
): Promise<T> {
  if (of === 'activity') readsActivity();
  const kept = stores.get(db);
  if (!kept) return compute();
  const key = createHash('sha256')
    .update(JSON.stringify([kept.source, ...question]))
    .digest('base64url');
  return kept.store.answer(key, compute, of);
}
