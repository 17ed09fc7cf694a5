import { afterAll, beforeAll, expect, it } from 'vitest';
import { Prisma } from '../../server/generated/sqlite/client';
import { startTestServer, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

interface Key {
  dimension: string;
  code: string | null;
  label: string;
  start: string | null;
}
interface Value {
  metric: string;
  value: number | null;
  sampleSize: number;
  tooFewCases: boolean;
}
interface Row {
  keys: Key[];
  values: Value[];
}
interface Connection {
  rows: Row[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const ROW = 'rows { keys { dimension code label start } values { metric value sampleSize tooFewCases } }';

async function stats(args: string, token?: string): Promise<Connection> {
  const { data, errors } = await server.gql(
    `{ stats(${args}) { ${ROW} totalCount pageInfo { hasNextPage endCursor } } }`,
    undefined,
    token,
  );
  expect(errors).toBeUndefined();
  return data!.stats as Connection;
}

async function statsError(args: string) {
  const { errors } = await server.gql(`{ stats(${args}) { totalCount } }`);
  return errors?.[0];
}

/** Beijing has no daylight saving: its local time is UTC + 8 hours, written here without the product's calendar. */
const beijing = (at: Date) => new Date(at.getTime() + 8 * 3_600_000);
const beijingMidnight = (year: number, month: number, day = 1) =>
  new Date(Date.UTC(year, month - 1, day) - 8 * 3_600_000);

const YEAR_2026 = { start: beijingMidnight(2026, 1), end: beijingMidnight(2027, 1) };

interface CaseRow {
  communityId: number;
  gridId: number;
  category: string;
  source: string;
  acceptedAt: Date | null;
  closedAt: Date | null;
  deadline: Date;
  postponedAt: Date | null;
}

/** The case rows, read with SQL rather than through the server's code. */
const caseRows = () =>
  server.db.$queryRaw<CaseRow[]>(
    Prisma.sql`SELECT "communityId", "gridId", "category", "source", "acceptedAt", "closedAt", "deadline", "postponedAt" FROM "Case"`,
  );

it('answers "按期结案率 by community by month for 2026, worst first" from the case rows, in Beijing months', async () => {
  const answer = await stats(
    `measures: [ON_TIME_RATE, CASES_CLOSED_ON_TIME, CASES_DUE, CASES_POSTPONED], dimensions: [COMMUNITY, TIME], bucket: MONTH,
     period: { from: "2026-01-01", to: "2026-12-31" }, sort: [{ measure: ON_TIME_RATE }]`,
  );
  const communities = await server.db.community.findMany({ where: { retiredAt: null } });
  // Every community has a row for every month, even one without cases.
  expect(answer.totalCount).toBe(communities.length * 12);
  expect(answer.rows.length).toBe(answer.totalCount);
  const rates = answer.rows.map((r) => r.values[0].value);
  const known = rates.filter((v) => v !== null) as number[];
  expect(known.length).toBeGreaterThan(5);
  expect(known).toEqual([...known].sort((a, b) => a - b));
  expect(rates.slice(known.length).every((v) => v === null)).toBe(true);

  const rows = await caseRows();
  const codeOf = new Map(communities.map((c) => [c.id, c.code]));
  for (const row of answer.rows) {
    const [community, time] = row.keys;
    expect(community.dimension).toBe('COMMUNITY');
    expect(time.code).toMatch(/^2026-\d\d-01$/);
    const month = Number(time.code!.slice(5, 7));
    expect(time.label).toBe(`2026年${month}月`);
    expect(new Date(time.start!).getTime()).toBe(beijingMidnight(2026, month).getTime());
    const [start, end] = [beijingMidnight(2026, month), beijingMidnight(2026, month + 1)];
    const accepted = rows.filter(
      (c) =>
        codeOf.get(c.communityId) === community.code && c.acceptedAt && c.acceptedAt >= start && c.acceptedAt < end,
    );
    const closedBy = (c: CaseRow) => c.closedAt !== null && c.closedAt < end;
    const due = accepted.filter((c) => closedBy(c) || c.deadline < end);
    const onTime = due.filter((c) => closedBy(c) && c.closedAt! <= c.deadline).length;
    const postponed = due.filter((c) => !closedBy(c) && c.postponedAt !== null && c.postponedAt < end).length;
    const [rate, onTimeValue, dueValue, postponedValue] = row.values.map((v) => v.value);
    expect([onTimeValue, dueValue, postponedValue]).toEqual([onTime, due.length, postponed]);
    const denominator = due.length - postponed;
    if (denominator >= 5) expect(rate).toBeCloseTo(onTime / denominator, 12);
    else expect(row.values[0].tooFewCases || rate === null).toBe(true);
  }
});

it('groups by community and category exactly as a GROUP BY over the case rows does', async () => {
  const { start, end } = YEAR_2026;
  const expected = await server.db.$queryRaw<
    { code: string; category: string; accepted: bigint | number; closed: bigint | number }[]
  >(Prisma.sql`
    SELECT m."code", c."category", COUNT(*) AS accepted,
      SUM(CASE WHEN c."closedAt" < ${end} THEN 1 ELSE 0 END) AS closed
    FROM "Case" c JOIN "Community" m ON m."id" = c."communityId"
    WHERE c."acceptedAt" >= ${start} AND c."acceptedAt" < ${end}
    GROUP BY m."code", c."category"`);
  const answer = await stats(
    'measures: [CASES_ACCEPTED, CASES_CLOSED], dimensions: [COMMUNITY, CATEGORY], period: { from: "2026-01-01", to: "2026-12-31" }',
  );
  const got = answer.rows.map((r) => [r.keys[0].code, r.keys[1].code, r.values[0].value, r.values[1].value]);
  const want = expected.map((e) => [e.code, e.category, Number(e.accepted), Number(e.closed)]);
  const order = (a: unknown[], b: unknown[]) => String(a).localeCompare(String(b));
  expect(got.filter((r) => (r[2] as number) > 0).sort(order)).toEqual(want.sort(order));
  // Labels are the categories' names, in the language asked for.
  const sanitation = answer.rows.find((r) => r.keys[1].code === 'SANITATION')!;
  expect(sanitation.keys[1].label).toBe('环境卫生');
  const english = await stats(
    'measures: [CASES_ACCEPTED], dimensions: [CATEGORY], period: { from: "2026-01-01", to: "2026-12-31" }, language: EN',
  );
  expect(english.rows.find((r) => r.keys[0].code === 'SANITATION')!.keys[0].label).toBe('Sanitation');
});

it('finds the grids with the most overdue sanitation cases, and a sub-district is the sum of its communities', async () => {
  const end = beijingMidnight(2026, 12, 1);
  const rows = (await caseRows()).filter(
    (c) =>
      c.category === 'SANITATION' &&
      c.acceptedAt !== null &&
      c.acceptedAt < end &&
      (c.closedAt === null || c.closedAt >= end) &&
      c.deadline < end,
  );
  const perGrid = new Map<number, number>();
  for (const c of rows) perGrid.set(c.gridId, (perGrid.get(c.gridId) ?? 0) + 1);
  const answer = await stats(
    `measures: [OVERDUE_OPEN], dimensions: [GRID], filter: { categories: [SANITATION] },
     period: { from: "2026-11-01", to: "2026-11-30" }, sort: [{ measure: OVERDUE_OPEN, descending: true }], first: 5`,
  );
  const grids = await server.db.grid.findMany({ select: { id: true, code: true } });
  const codeOf = new Map(grids.map((g) => [g.id, g.code]));
  const top = [...perGrid.values()].sort((a, b) => b - a).slice(0, 5);
  expect(answer.rows.map((r) => r.values[0].value)).toEqual(top);
  for (const row of answer.rows)
    expect(perGrid.get(grids.find((g) => g.code === row.keys[0].code)!.id)).toBe(row.values[0].value);
  expect(codeOf.size).toBeGreaterThan(0);

  const bySubDistrict = await stats(
    'measures: [CASES_ACCEPTED, CLOSURE_RATE], dimensions: [SUB_DISTRICT], period: { from: "2026-01-01", to: "2026-06-30" }',
  );
  const byCommunity = await stats(
    'measures: [CASES_ACCEPTED, CASES_CLOSED, CASES_DUE, CASES_POSTPONED], dimensions: [SUB_DISTRICT, COMMUNITY], period: { from: "2026-01-01", to: "2026-06-30" }',
  );
  for (const row of bySubDistrict.rows) {
    const members = byCommunity.rows.filter((r) => r.keys[0].code === row.keys[0].code);
    const sum = (i: number) => members.reduce((total, r) => total + r.values[i].value!, 0);
    expect(row.values[0].value).toBe(sum(0));
    expect(row.values[1].value).toBeCloseTo(sum(1) / (sum(2) - sum(3)), 12);
  }
});

it('pages with cursors, and 12345 hotline cases are a filter like any other', async () => {
  const args = 'measures: [CASES_ACCEPTED], dimensions: [GRID], period: { from: "2026-01-01", to: "2026-12-31" }';
  const all = await stats(args);
  const first = await stats(`${args}, first: 7`);
  expect(first.rows).toEqual(all.rows.slice(0, 7));
  expect(first.pageInfo.hasNextPage).toBe(true);
  const next = await stats(`${args}, first: 7, after: "${first.pageInfo.endCursor}"`);
  expect(next.rows).toEqual(all.rows.slice(7, 14));
  expect(next.totalCount).toBe(all.totalCount);

  const { start, end } = YEAR_2026;
  const hotline = (await caseRows()).filter(
    (c) => c.source === 'HOTLINE_12345' && c.acceptedAt && c.acceptedAt >= start && c.acceptedAt < end,
  ).length;
  const answer = await stats(
    'measures: [CASES_ACCEPTED], filter: { sources: [HOTLINE_12345] }, period: { from: "2026-01-01", to: "2026-12-31" }',
  );
  expect(answer.rows).toHaveLength(1);
  expect(answer.rows[0].keys).toEqual([]);
  expect(answer.rows[0].values[0].value).toBe(hotline);
});

it('names grid workers only to those who may see them', async () => {
  const args =
    'measures: [CASES_ACCEPTED], dimensions: [GRID_WORKER], period: { from: "2026-01-01", to: "2026-12-31" }';
  const workers = (await server.db.grid.findMany({ where: { workerName: { not: null } } })).map((g) => g.workerName);
  const admin = await stats(args, TEST_ADMIN_TOKEN);
  expect(admin.rows.some((r) => workers.includes(r.keys[0].label))).toBe(true);
  const wall = await stats(args, TEST_DISPLAY_TOKEN);
  expect(wall.rows.some((r) => workers.includes(r.keys[0].label) || workers.includes(r.keys[0].code))).toBe(false);
  // The same cases either way, only grouped without names.
  const total = (c: Connection) => c.rows.reduce((sum, r) => sum + r.values[0].value!, 0);
  expect(total(wall)).toBe(total(admin));
});

it('refuses, with the reason, what it cannot answer', async () => {
  const tooMany = await statsError(
    'measures: [CASES_ACCEPTED, CLOSURE_RATE, ON_TIME_RATE], dimensions: [GRID, TIME], bucket: DAY, period: { from: "2024-01-01", to: "2026-11-30" }',
  );
  expect(tooMany?.extensions?.code).toBe('BAD_USER_INPUT');
  expect(tooMany?.message).toMatch(/rows × 3 measures = [\d,]+ values; at most 100,000/);
  expect(
    (
      await statsError(
        'measures: [POPULATION], dimensions: [CATEGORY], period: { from: "2026-01-01", to: "2026-01-31" }',
      )
    )?.message,
  ).toMatch(/figure of places/);
  expect(
    (
      await statsError(
        'measures: [CASES_ACCEPTED], dimensions: [TIME], period: { from: "2026-01-01", to: "2026-01-31" }',
      )
    )?.message,
  ).toMatch(/needs a bucket/);
  expect(
    (await statsError('measures: [CASES_ACCEPTED], period: { from: "2026-02-30", to: "2026-03-31" }'))?.message,
  ).toMatch(/YYYY-MM-DD/);
  expect(
    (
      await statsError(
        'measures: [CASES_ACCEPTED], filter: { communityCodes: ["nowhere"] }, period: { from: "2026-01-01", to: "2026-01-31" }',
      )
    )?.extensions?.code,
  ).toBe('NOT_FOUND');
});

it('gives places their figures, and a community without cases in the period still has its row', async () => {
  const answer = await stats(
    'measures: [POPULATION, CASES_ACCEPTED], dimensions: [COMMUNITY], period: { from: "2026-01-01", to: "2026-01-31" }, sort: [{ dimension: COMMUNITY }]',
  );
  const communities = await server.db.community.findMany({ where: { retiredAt: null } });
  expect(answer.rows.map((r) => r.keys[0].code).sort()).toEqual(communities.map((c) => c.code).sort());
  for (const row of answer.rows)
    expect(row.values[0].value).toBe(communities.find((c) => c.code === row.keys[0].code)!.population);
  const whole = await stats('measures: [POPULATION], period: { from: "2026-01-01", to: "2026-01-31" }');
  expect(whole.rows[0].values[0].value).toBe(communities.reduce((sum, c) => sum + (c.population ?? 0), 0));
  expect(beijing(new Date(0)).getTime()).toBe(8 * 3_600_000);
});

it('sums volunteer hours and reported cases by community by month from the rollups, each month as the raw rows have it', async () => {
  const answer = await stats(
    `measures: [VOLUNTEER_HOURS, CASES_REPORTED], dimensions: [COMMUNITY, TIME], bucket: MONTH,
     period: { from: "2026-01-01", to: "2026-12-31" }, first: 500`,
  );
  const communities = await server.db.community.findMany({ where: { retiredAt: null } });
  expect(answer.rows.length).toBe(communities.length * 12);
  const byCode = new Map(communities.map((c) => [c.code, c.id]));
  let nonZero = 0;
  for (const row of answer.rows) {
    const [community, time] = row.keys;
    const month = Number(time.code!.slice(5, 7));
    const within = { gte: beijingMidnight(2026, month), lt: beijingMidnight(2026, month + 1) };
    const communityId = byCode.get(community.code!)!;
    const [hours, reported] = await Promise.all([
      server.db.volunteerLog.aggregate({ where: { grid: { communityId }, date: within }, _sum: { hours: true } }),
      server.db.case.count({ where: { communityId, reportedAt: within } }),
    ]);
    expect(row.values[0].value).toBeCloseTo(hours._sum.hours ?? 0, 6);
    expect(row.values[1].value).toBe(reported);
    if (reported > 0) nonZero++;
  }
  expect(nonZero).toBeGreaterThan(10);
});
