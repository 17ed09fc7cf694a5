import { spawn } from 'node:child_process';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../server/src/db/client';
import { emptyDatabase, type ScratchDatabase } from './databases';

/** Ten sub-districts of small communities: five transactions of the generator. */
const FLAGS = ['--communities', '120', '--grids-per-community', '2', '--buildings-per-grid', '3', '--cases', '2400'];

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  err: string;
}

/** `npm run generate`, killed once it reports `killAfter` (a progress line). */
function generate(url: string, killAfter?: RegExp, flags = FLAGS): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'prisma/scripts/generate.ts', ...flags], {
      env: { ...process.env, DATABASE_URL: url },
    });
    let err = '';
    child.stderr.on('data', (chunk) => {
      err += chunk;
      if (killAfter?.test(err)) child.kill('SIGKILL');
    });
    child.on('close', (code, signal) => resolve({ code, signal, err }));
  });
}

/** What a data set holds: rows per table and the communities' codes. */
async function contents(db: Database) {
  return {
    communities: (await db.community.findMany({ select: { code: true }, orderBy: { code: 'asc' } })).map((c) => c.code),
    grids: await db.grid.count(),
    buildings: await db.building.count(),
    cases: await db.case.count(),
    events: await db.caseEvent.count(),
    rollups: await db.gridDayRollup.count(),
    caseCodes: (await db.case.findMany({ select: { code: true }, distinct: ['code'] })).length,
  };
}

let whole: ScratchDatabase, resumed: ScratchDatabase;
let wholeDb: Database, resumedDb: Database;
beforeAll(async () => {
  [whole, resumed] = await Promise.all([emptyDatabase(), emptyDatabase()]);
});
afterAll(async () => {
  await wholeDb?.$disconnect();
  await resumedDb?.$disconnect();
  await Promise.all([whole?.drop(), resumed?.drop()]);
});

it('carries on after a killed run, making what an uninterrupted run makes, once, and shows progress', async () => {
  const uninterrupted = await generate(whole.url);
  expect(uninterrupted.code).toBe(0);
  expect(uninterrupted.err).toMatch(/10\/10 sub-districts, [\d,]+ rows, [\d,]+ rows\/s/);

  const killed = await generate(resumed.url, /2\/10 sub-districts/);
  expect(killed.signal).toBe('SIGKILL');
  resumedDb = await connectDatabase(resumed.url);
  const partial = await contents(resumedDb);
  expect(partial.communities.length).toBeGreaterThanOrEqual(24);
  expect(partial.communities.length).toBeLessThan(120);

  // Another plan would leave this one half made: refused, with the command that finishes it.
  const other = await generate(resumed.url, undefined, ['--communities', '12', '--cases', '100']);
  expect(other.code).toBe(1);
  expect(other.err).toContain(`npm run generate -- ${FLAGS.join(' ')} --months 24`);
  expect(await contents(resumedDb)).toEqual(partial);

  const carriedOn = await generate(resumed.url);
  expect(carriedOn.code).toBe(0);
  expect(carriedOn.err).toMatch(/Resuming run \d+ after sub-district \d+/);
  wholeDb = await connectDatabase(whole.url);
  const expected = await contents(wholeDb);
  expect(expected.communities).toHaveLength(120);
  expect(expected.caseCodes).toBe(expected.cases);
  expect(await contents(resumedDb)).toEqual(expected);
}, 180_000);
