import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { prepareDatabase } from '../../server/src/bootstrap';
import { readConfig } from '../../server/src/config';
import { connectDatabase } from '../../server/src/db/client';
import { runCommand } from './commands';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from './harness';

// SQLite's own backup, on a database file of its own in either suite (PostgreSQL has pg_dump).
const folder = mkdtempSync(join(tmpdir(), 'gridscope-backup-'));
const databaseUrl = `file:${join(folder, 'live.db')}`;
let server: TestServer;
beforeAll(async () => {
  const { db } = await prepareDatabase(readConfig({ DATABASE_URL: databaseUrl, ADMIN_TOKEN: TEST_ADMIN_TOKEN }));
  await db.$disconnect();
  server = await startTestServer({ DATABASE_URL: databaseUrl });
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

const command = (script: string, args: string[], url: string) =>
  runCommand(script, args, { DATABASE_URL: url }).then(({ code, output }) => ({ code, out: output }));

it('takes a backup while cases are being reported, and a restore of it holds every case acknowledged before', async () => {
  const grid = await server.db.grid.findFirstOrThrow({ where: { community: { code: 'kangle' } } });
  const acknowledged: string[] = [];
  let writing = true;
  const load = (async () => {
    for (let n = 0; writing; n++) {
      const answer = await server.gql(
        'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }',
        { i: { gridCode: grid.code, category: 'FACILITY', description: `备份压力 ${n}` } },
        TEST_ADMIN_TOKEN,
      );
      acknowledged.push(answer.data!.reportCase.code);
    }
  })();
  await expect.poll(() => acknowledged.length).toBeGreaterThan(10);
  const beforeBackup = [...acknowledged];
  const backupFile = join(folder, 'backup.db');
  const backup = await command('backup', [backupFile], databaseUrl);
  expect(backup.code, backup.out).toBe(0);
  writing = false;
  await load;
  expect(acknowledged.length).toBeGreaterThan(beforeBackup.length);

  const restoredUrl = `file:${join(folder, 'restored.db')}`;
  const restore = await command('restore', [backupFile], restoredUrl);
  expect(restore.code, restore.out).toBe(0);
  const restored = await connectDatabase(restoredUrl);
  const found = await restored.case.findMany({ where: { code: { in: beforeBackup } }, select: { code: true } });
  expect(found.map((c) => c.code).sort()).toEqual([...beforeBackup].sort());
  expect(await restored.community.count()).toBe(5);
  await restored.$disconnect();

  expect((await command('backup', [backupFile], databaseUrl)).code).toBe(1);
  const notADatabase = join(folder, 'notes.txt');
  writeFileSync(notADatabase, '这不是数据库 '.repeat(1000));
  for (const wrong of [notADatabase, join(folder, 'missing.db')]) {
    const refused = await command('restore', [wrong], restoredUrl);
    expect(refused.code, wrong).toBe(1);
    expect(refused.out).toContain('nothing was changed');
  }
  const still = await connectDatabase(restoredUrl);
  expect(await still.community.count()).toBe(5);
  await still.$disconnect();
});
