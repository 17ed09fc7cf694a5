import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../server/src/db/client';
import {
  applyRollupDeltas,
  rebuildAllRollups,
  rollupsInTimeZone,
} from '../../server/src/modules/rollup/rollup.service';
import { caseContributions } from '../../shared/metrics/rollups';
import { DEFAULT_TIME_ZONE, localDay, setTimeZone, startOfDay } from '../../shared/time/buckets';
import { seededDatabase, type ScratchDatabase } from './databases';
import { startTestServer } from './harness';

let scratch: ScratchDatabase;
let db: Database;
beforeAll(async () => {
  scratch = await seededDatabase();
  db = await connectDatabase(scratch.url);
});
afterAll(async () => {
  setTimeZone(DEFAULT_TIME_ZONE);
  await db.$disconnect();
  await scratch.drop();
});

const rollupDays = async () => (await db.gridDayRollup.findMany({ select: { day: true } })).map((r) => r.day);

it('rebuilds rollups counted in UTC days (a database from before TIME_ZONE) into Beijing days, once', async () => {
  // The database as an earlier release left it: rollups keyed by UTC midnight, no zone recorded.
  setTimeZone('UTC');
  await rebuildAllRollups(db);
  await db.setting.deleteMany();
  setTimeZone(DEFAULT_TIME_ZONE);
  const reportedBefore = await db.gridDayRollup.aggregate({ _sum: { casesReported: true } });

  expect(await rollupsInTimeZone(db)).toBe('UTC');
  const days = await rollupDays();
  expect(days.length).toBeGreaterThan(0);
  expect(days.every((day) => day.getTime() === startOfDay(day).getTime())).toBe(true);
  expect(days.every((day) => day.toISOString().endsWith('T16:00:00.000Z'))).toBe(true);
  // The same cases, counted on other days: none lost, none doubled.
  expect(await db.gridDayRollup.aggregate({ _sum: { casesReported: true } })).toEqual(reportedBefore);
  expect(await db.case.count()).toBe(reportedBefore._sum.casesReported);
  expect(await rollupsInTimeZone(db)).toBeNull();
});

it('counts a case reported at 07:00 Beijing time on 1 March in March over GraphQL', async () => {
  // The case is written behind the server's back, which hears of no change: it keeps no answers.
  const server = await startTestServer({ DATABASE_URL: scratch.url, ANSWER_CACHE_SECONDS: '0' });
  try {
    const grid = await db.grid.findFirstOrThrow({ where: { community: { code: 'kangle' } }, orderBy: { code: 'asc' } });
    const series = async () => {
      const { data } = await server.gql(
        '{ timeSeries(bucket: MONTH, metric: CASES_REPORTED, gridCode: "' +
          grid.code +
          '", from: "2026-02-01T00:00:00+08:00", to: "2026-03-31T00:00:00+08:00") { start value } }',
      );
      return data!.timeSeries as { start: string; value: number }[];
    };
    const before = await series();
    expect(before.map((p) => localDay(new Date(p.start)))).toEqual(['2026-02-01', '2026-03-01']);
    const c = await db.case.findFirstOrThrow({ where: { gridId: grid.id }, orderBy: { id: 'asc' } });
    // A case as the importer writes one, with its report time from the hotline's record.
    const copy = {
      ...c,
      reportedAt: new Date('2026-03-01T07:00:00+08:00'),
      acceptedAt: null,
      rejectedAt: null,
      closedAt: null,
    };
    await db.$transaction(async (tx) => {
      await tx.case.create({ data: { ...copy, id: undefined, code: `${c.code}-TZ` } });
      await applyRollupDeltas(tx, caseContributions(copy));
    });
    const after = await series();
    expect(after[0].value).toBe(before[0].value);
    expect(after[1].value).toBe(before[1].value + 1);
  } finally {
    await server.close();
  }
});

it('counts cases accepted either side of Beijing midnight at a month’s end in their own month in stats', async () => {
  const server = await startTestServer({ DATABASE_URL: scratch.url });
  try {
    const grid = await db.grid.findFirstOrThrow({
      where: { community: { code: 'kangle' } },
      orderBy: { code: 'desc' },
    });
    const accepted = async () => {
      const { data, errors } = await server.gql(
        `{ stats(measures: [CASES_ACCEPTED], dimensions: [TIME], bucket: MONTH, filter: { gridCodes: ["${grid.code}"] },
            period: { from: "2026-02-01", to: "2026-03-31" }) { rows { keys { code } values { value } } } }`,
      );
      expect(errors).toBeUndefined();
      return (data!.stats.rows as { keys: { code: string }[]; values: { value: number }[] }[]).map((r) => [
        r.keys[0].code,
        r.values[0].value,
      ]);
    };
    const before = await accepted();
    expect(before.map(([month]) => month)).toEqual(['2026-02-01', '2026-03-01']);
    const c = await db.case.findFirstOrThrow({ where: { gridId: grid.id }, orderBy: { id: 'asc' } });
    // 23:30 on 28 February and 07:00 on 1 March, Beijing time: both on 28 February in UTC.
    for (const [suffix, at] of [
      ['FEB', '2026-02-28T23:30:00+08:00'],
      ['MAR', '2026-03-01T07:00:00+08:00'],
    ])
      await db.case.create({
        data: {
          ...c,
          id: undefined,
          code: `${c.code}-${suffix}`,
          reportedAt: new Date(at),
          acceptedAt: new Date(at),
          closedAt: null,
        },
      });
    const after = await accepted();
    expect(after).toEqual([
      ['2026-02-01', (before[0][1] as number) + 1],
      ['2026-03-01', (before[1][1] as number) + 1],
    ]);
  } finally {
    await server.close();
  }
});
