import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { prepareDatabase } from '../../server/src/bootstrap';
import { readConfig } from '../../server/src/config';
import { TEST_ADMIN_PASSWORD, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN } from './tokens';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** Empty the PostgreSQL test database so migrations and seed run as on a first start. */
async function resetPostgres(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public');
  await client.end();
}

/** Migrate and seed one database for the whole run; each test file starts its own server on it. */
export default async function setup(project: TestProject) {
  const folder = mkdtempSync(join(tmpdir(), 'gridscope-test-'));
  const databaseUrl = process.env.TEST_DATABASE_URL || `file:${join(folder, 'test.db')}`;
  if (databaseUrl.startsWith('postgres')) await resetPostgres(databaseUrl);
  const { db } = await prepareDatabase(
    readConfig({
      DATABASE_URL: databaseUrl,
      ADMIN_TOKEN: TEST_ADMIN_TOKEN,
      DISPLAY_TOKEN: TEST_DISPLAY_TOKEN,
      ADMIN_PASSWORD: TEST_ADMIN_PASSWORD,
    }),
  );
  await db.$disconnect();
  project.provide('databaseUrl', databaseUrl);
  return () => rmSync(folder, { recursive: true, force: true });
}
