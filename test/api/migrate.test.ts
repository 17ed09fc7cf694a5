import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { connectDatabase } from '../../server/src/db/client';
import { migrate } from '../../server/src/db/migrate';
import { emptyDatabase } from './databases';

/**
 * A statement that runs for more than 5 s, Prisma's default for a transaction, which ended
 * PostgreSQL migrations (an index over a city's cases) before they were done. On SQLite the
 * same test passed with that default (no timeout ends a migration there), so a quick
 * statement stands in: the test holds only that the migration is applied and recorded.
 */
const SLOW = { postgresql: 'SELECT pg_sleep(6)', sqlite: 'SELECT 1' };

it('applies a migration that runs longer than 5 s on PostgreSQL, as an index over a city’s cases does, and records it', async () => {
  const database = await emptyDatabase();
  const root = mkdtempSync(join(tmpdir(), 'gridscope-migrations-'));
  const db = await connectDatabase(database.url);
  try {
    const kind = database.url.startsWith('file:') ? 'sqlite' : 'postgresql';
    mkdirSync(join(root, kind, '0001_slow'), { recursive: true });
    writeFileSync(
      join(root, kind, '0001_slow', 'migration.sql'),
      `CREATE TABLE "Slow" ("id" INTEGER PRIMARY KEY);\n${SLOW[kind]};\nINSERT INTO "Slow" ("id") VALUES (1);\n`,
    );
    expect(await migrate(db, kind, root)).toEqual(['0001_slow']);
    expect(await db.$queryRawUnsafe<{ id: number }[]>('SELECT "id" FROM "Slow"')).toEqual([{ id: 1 }]);
    expect(await migrate(db, kind, root)).toEqual([]);
  } finally {
    await db.$disconnect();
    await database.drop();
    rmSync(root, { recursive: true, force: true });
  }
}, 60_000);
