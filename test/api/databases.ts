import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { prepareDatabase } from '../../server/src/bootstrap';
import { readConfig } from '../../server/src/config';
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN } from './tokens';

export interface ScratchDatabase {
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of the run's kind beside the shared one: a new SQLite file, or a new
 * PostgreSQL database on the test server. For tests that change what others read.
 */
export async function emptyDatabase(): Promise<ScratchDatabase> {
  const shared = inject('databaseUrl');
  if (!shared.startsWith('postgres')) {
    const folder = mkdtempSync(join(tmpdir(), 'gridscope-scratch-'));
    return {
      url: `file:${join(folder, 'scratch.db')}`,
      drop: async () => rmSync(folder, { recursive: true, force: true }),
    };
  }
  const name = `gridscope_scratch_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: shared });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(shared);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Migrate and seed the empty database at `url` as the shared one is, with the test accounts and tokens. */
export async function seedDatabase(url: string): Promise<void> {
  const { db } = await prepareDatabase(
    readConfig({
      DATABASE_URL: url,
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      DISPLAY_TOKEN: TEST_DISPLAY_TOKEN,
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    }),
  );
  await db.$disconnect();
}

/** An empty database migrated and seeded as the shared one is, with the test accounts and tokens. */
export async function seededDatabase(): Promise<ScratchDatabase> {
  const database = await emptyDatabase();
  await seedDatabase(database.url);
  return database;
}
