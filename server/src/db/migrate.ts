import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, DatabaseKind } from './client';

const MIGRATIONS_ROOT = new URL('../../../prisma/migrations', import.meta.url).pathname;
/**
 * How long one migration may take. An index over a city's five million cases takes tens of
 * seconds; Prisma's default of 5 s for a transaction rolled such a migration back, and the
 * server did not start.
 */
const MIGRATION_TIMEOUT_MS = 60 * 60_000;

function statements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter(Boolean);
}

/** The committed migrations of this database kind that the database has not recorded, in order. */
export async function pendingMigrations(db: Database, kind: DatabaseKind, root = MIGRATIONS_ROOT): Promise<string[]> {
  const applied = new Set(
    (await db.$queryRawUnsafe<{ name: string }[]>('SELECT "name" FROM "_gridscope_migrations"')).map((row) => row.name),
  );
  return readdirSync(join(root, kind))
    .filter((name) => !applied.has(name))
    .sort();
}

/**
 * Apply the committed migrations of this database kind that have not run yet, each in
 * one transaction, and record them. Returns the names applied. The SQL is what
 * `npm run migration:create` wrote with Prisma's own differ; applying it in-process
 * keeps start-up free of the native schema engine. `root` holds a folder of migrations per kind.
 */
export async function migrate(db: Database, kind: DatabaseKind, root = MIGRATIONS_ROOT): Promise<string[]> {
  await db.$executeRawUnsafe(
    'CREATE TABLE IF NOT EXISTS "_gridscope_migrations" ("name" VARCHAR(255) PRIMARY KEY, "appliedAt" VARCHAR(40) NOT NULL)',
  );
  const pending = await pendingMigrations(db, kind, root);
  const folder = join(root, kind);
  for (const name of pending) {
    if (!/^[\w-]+$/.test(name))
      throw new Error(`Migration folder names may hold only letters, digits, _ and -: "${name}"`);
    const sql = readFileSync(join(folder, name, 'migration.sql'), 'utf8');
    await db.$transaction(
      async (tx) => {
        for (const statement of statements(sql)) await tx.$executeRawUnsafe(statement);
        // Both values are ours (a checked folder name and a timestamp), so no placeholder dialect is needed.
        await tx.$executeRawUnsafe(
          `INSERT INTO "_gridscope_migrations" ("name", "appliedAt") VALUES ('${name}', '${new Date().toISOString()}')`,
        );
      },
      { timeout: MIGRATION_TIMEOUT_MS },
    );
  }
  return pending;
}
