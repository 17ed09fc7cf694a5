import { readdirSync } from 'node:fs';
import { expect, it } from 'vitest';
import { connectDatabase } from '../../server/src/db/client';
import { runCommand } from './commands';
import { emptyDatabase } from './databases';

const MIGRATIONS = readdirSync('prisma/migrations/sqlite').length;

/** `npm run db:migrate` as its own process: what every instance does before it listens. */
const migrateProcess = (databaseUrl: string) =>
  runCommand('migrate', [], { DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });

it('lets two instances start at once on an empty database: one migrates and seeds, the other finds it done', async () => {
  const database = await emptyDatabase();
  try {
    const [first, second] = await Promise.all([migrateProcess(database.url), migrateProcess(database.url)]);
    expect([first.code, second.code], first.output + second.output).toEqual([0, 0]);
    const reports = [first, second].map((run) => JSON.parse(run.output.trim().split('\n').at(-1)!));
    expect(reports.map((r) => r.seeded).sort()).toEqual([false, true]);
    expect(reports.map((r) => r.migrated.length).sort()).toEqual([0, MIGRATIONS]);
    // The first start makes the "admin" account, once, and prints its password once.
    const printed = [first, second].filter((run) => run.output.includes('password of the account "admin"'));
    expect(printed).toHaveLength(1);
    const db = await connectDatabase(database.url);
    expect(await db.community.count()).toBe(5);
    expect(await db.account.count({ where: { username: 'admin', role: 'ADMIN' } })).toBe(1);
    expect((await db.$queryRawUnsafe<{ name: string }[]>('SELECT "name" FROM "_gridscope_migrations"')).length).toBe(
      MIGRATIONS,
    );
    await db.$disconnect();
  } finally {
    await database.drop();
  }
}, 120_000);
