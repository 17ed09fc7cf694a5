import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { PrismaLibSQL } from '@prisma/adapter-libsql';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../../generated/sqlite/client';
import { inTurn, readsActivity } from './deadline';
import type { PoolStats } from '../observability/metrics';
import './sqlite-busy-timeout';

/**
 * Both generated clients have the same API; the SQLite one's type stands for both.
 * Prisma compiles queries per provider, hence one generated client per database kind.
 */
export type Database = PrismaClient;
export type DatabaseKind = 'sqlite' | 'postgresql';
/** The client an interactive transaction hands its callback. */
export type Transaction = Parameters<Parameters<Database['$transaction']>[0]>[0];

const pools = new WeakMap<Database, pg.Pool>();

/** Connections of a PostgreSQL client's pool; null for SQLite, which has one connection. */
export function poolStats(db: Database): PoolStats | null {
  const pool = pools.get(db);
  return pool ? { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount } : null;
}

/** A PostgreSQL client's pool, for statements that belong to no operation (no turns, no deadline); null for SQLite. */
export function poolOf(db: Database): pg.Pool | null {
  return pools.get(db) ?? null;
}

/** The kind of database a client opened with connectDatabase talks to. */
export const kindOf = (db: Database): DatabaseKind => (pools.has(db) ? 'postgresql' : 'sqlite');

export function databaseKind(url: string): DatabaseKind {
  return url.startsWith('file:') ? 'sqlite' : 'postgresql';
}

export function sqlitePath(url: string): string {
  return resolve(url.slice('file:'.length).split('?')[0]);
}

/**
 * The tables of places, their boundaries and stated figures, which only imports and retirements
 * change (db/answers.ts). Every other table, and every raw statement, counts as activity.
 */
const PLACE_MODELS = new Set([
  'SubDistrict',
  'Community',
  'Grid',
  'Building',
  'PartyOrganization',
  'VolunteerTeam',
  'MetricSnapshot',
  'BoundaryVersion',
  'FigureSource',
  'Setting',
]);

export interface ConnectOptions {
  /** Called for every SQL statement sent (tests count them). */
  onQuery?: (sql: string) => void;
}

export async function connectDatabase(url: string, options: ConnectOptions = {}): Promise<Database> {
  const log = options.onQuery ? [{ emit: 'event' as const, level: 'query' as const }] : [];
  return openClient(url, log, (client) => {
    if (options.onQuery) (client as PrismaClient<'query'>).$on('query', (event) => options.onQuery!(event.query));
    return client.$extends({
      query: {
        // A GraphQL operation's statements go one at a time and stop at its deadline (db/deadline.ts),
        // and what they read says whether its answer changes with activity.
        $allOperations: ({ model, args, query }) => {
          if (!model || !PLACE_MODELS.has(model)) readsActivity();
          return inTurn(() => query(args));
        },
      },
    }) as unknown as Database;
  });
}

async function openClient(
  url: string,
  log: { emit: 'event'; level: 'query' }[],
  extend: (client: Database) => Database,
): Promise<Database> {
  if (databaseKind(url) === 'sqlite') {
    const file = sqlitePath(url);
    mkdirSync(dirname(file), { recursive: true });
    const client = extend(new PrismaClient({ log, adapter: new PrismaLibSQL({ url: `file:${file}` }) }));
    // WAL lets the dashboard read while a mutation or the generator writes; it is kept in the file.
    await client.$queryRawUnsafe('PRAGMA journal_mode = WAL');
    return client;
  }
  const { PrismaClient: PostgresClient } = await import('../../generated/postgresql/client');
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the server drops (a restart, a failover) must not end the process:
  // the pool replaces it, and the next query reports any lasting failure.
  pool.on('error', () => undefined);
  const client = extend(new PostgresClient({ log, adapter: new PrismaPg(pool) }) as unknown as Database);
  pools.set(client, pool);
  // The pool is ours, so Prisma's $disconnect leaves it open; its idle connections would keep a
  // finished command (npm run user, token, import) alive for pg's 10 s idle timeout.
  const disconnect = client.$disconnect.bind(client);
  Object.defineProperty(client, '$disconnect', {
    value: async () => {
      await disconnect();
      await pool.end();
    },
  });
  return client;
}
