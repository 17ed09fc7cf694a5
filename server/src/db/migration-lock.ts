import Sqlite from 'libsql';
import pg from 'pg';
import { databaseKind, sqlitePath } from './client';

/** Any fixed number: every GridScope instance takes the same PostgreSQL advisory lock. */
const ADVISORY_LOCK_KEY = 4_721_006;
/** How long a starting instance waits for another one's migrations and seed. */
const WAIT_MS = 10 * 60_000;

/**
 * Runs `work` (migrations, seed, tokens) while holding a lock that every instance
 * starting on the same database takes, so that several can start together. PostgreSQL:
 * a session advisory lock on a dedicated connection. SQLite: SQLite's own write lock,
 * held by BEGIN IMMEDIATE on a side file, so the database itself stays writable for the
 * work. Either lock goes with the process if it dies.
 */
export async function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  if (databaseKind(url) === 'postgresql') {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]);
      return await work();
    } finally {
      await client.end();
    }
  }
  const lock = new Sqlite(`${sqlitePath(url)}.lock`);
  lock.pragma(`busy_timeout = ${WAIT_MS}`);
  lock.exec('BEGIN IMMEDIATE');
  try {
    return await work();
  } finally {
    lock.exec('ROLLBACK');
    lock.close();
  }
}
