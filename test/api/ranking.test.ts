import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { gradeOf } from '../../shared/metrics/grades';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const PERIOD = 'from: "2025-12-01T00:00:00+08:00", to: "2026-11-30T00:00:00+08:00"';
type Row = { rank: number | null; code: string; value: number | null; grade: string | null; tooFewCases: boolean };

it('ranks every community by 按期结案率, best first, with its grade, and the same figures as summary', async () => {
  const { data, errors } = await server.gql(
    `{ ranking(level: COMMUNITY, metric: ON_TIME_RATE, ${PERIOD}) { rank code value grade tooFewCases } }`,
  );
  expect(errors).toBeUndefined();
  const rows = data!.ranking as Row[];
  expect(rows.length).toBe(await server.db.community.count({ where: { retiredAt: null } }));
  const stated = rows.filter((r) => r.value !== null);
  expect(stated.map((r) => r.value)).toEqual([...stated.map((r) => r.value)].sort((a, b) => b! - a!));
  expect(stated[0].rank).toBe(1);
  for (const row of rows) {
    expect(row.grade).toBe(gradeOf('ON_TIME_RATE', row.value));
    expect(row.rank === null).toBe(row.value === null);
    const { data: one } = await server.gql(
      `{ summary(metrics: [ON_TIME_RATE], communityCode: "${row.code}", ${PERIOD}) { value grade } }`,
    );
    expect(one!.summary[0]).toEqual({ value: row.value, grade: row.grade });
  }
});

it('ranks one community’s grids, and asks for the community', async () => {
  const grids = await server.gql(
    `{ ranking(level: GRID, metric: OVERDUE_OPEN, communityCode: "kangle", ${PERIOD}) { rank code value } }`,
  );
  const rows = grids.data!.ranking as Row[];
  expect(rows.length).toBe(8);
  // Less is better: the fewest overdue cases first, equal counts sharing a rank.
  for (let i = 1; i < rows.length; i++) {
    expect(rows[i].value!).toBeGreaterThanOrEqual(rows[i - 1].value!);
    if (rows[i].value === rows[i - 1].value) expect(rows[i].rank).toBe(rows[i - 1].rank);
    else expect(rows[i].rank).toBe(i + 1);
  }
  const without = await server.gql(`{ ranking(level: GRID, metric: OVERDUE_OPEN) { rank } }`);
  expect(without.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

it('gives a wall the head of the table: the best N with enough cases, and a sub-district ranked on its own', async () => {
  const table = `rank code value tooFewCases`;
  const all = await server.gql(`{ ranking(level: COMMUNITY, metric: ON_TIME_RATE, ${PERIOD}) { ${table} } }`);
  const rows = all.data!.ranking as Row[];
  const rankable = rows.filter((r) => r.value !== null && !r.tooFewCases);
  expect(rankable.length).toBeGreaterThan(2);
  const head = await server.gql(`{ ranking(level: COMMUNITY, metric: ON_TIME_RATE, top: 2, ${PERIOD}) { ${table} } }`);
  expect(head.data!.ranking).toEqual(rankable.slice(0, 2));

  const { data } = await server.gql(`{ communities { code subDistrict { code } } }`);
  const places = data!.communities as { code: string; subDistrict: { code: string } }[];
  const subDistrict = places[0].subDistrict.code;
  const own = places.filter((p) => p.subDistrict.code === subDistrict).map((p) => p.code);
  expect(own.length).toBeLessThan(places.length);
  const local = await server.gql(
    `{ ranking(level: COMMUNITY, metric: ON_TIME_RATE, subDistrictCode: "${subDistrict}", ${PERIOD}) { ${table} } }`,
  );
  const localRows = local.data!.ranking as Row[];
  expect(localRows.map((r) => r.code).sort()).toEqual([...own].sort());
  // Ranked among themselves: the same order as in the whole table, ranks from 1.
  expect(localRows.map((r) => r.code)).toEqual(rows.filter((r) => own.includes(r.code)).map((r) => r.code));
  if (localRows[0].value !== null) expect(localRows[0].rank).toBe(1);

  for (const [args, code] of [
    ['level: COMMUNITY, top: 0', 'BAD_USER_INPUT'],
    ['level: COMMUNITY, top: 101', 'BAD_USER_INPUT'],
    [`level: GRID, communityCode: "kangle", subDistrictCode: "${subDistrict}"`, 'BAD_USER_INPUT'],
    ['level: COMMUNITY, subDistrictCode: "atlantis"', 'NOT_FOUND'],
  ]) {
    const refused = await server.gql(`{ ranking(${args}, metric: ON_TIME_RATE) { code } }`);
    expect(refused.errors?.[0].extensions?.code, args).toBe(code);
  }
});

it('grades by the bands of GRADES_FILE, and refuses a file whose bands are out of order', async () => {
  const folder = mkdtempSync(join(tmpdir(), 'grades-'));
  const strict = join(folder, 'strict.json');
  writeFileSync(strict, JSON.stringify({ ON_TIME_RATE: [0.999, 0.998, 0.997] }));
  const graded = await startTestServer({ GRADES_FILE: strict });
  try {
    const { data } = await graded.gql(`{ summary(metrics: [ON_TIME_RATE], ${PERIOD}) { value grade } }`);
    expect(data!.summary[0].value).toBeLessThan(0.997);
    expect(data!.summary[0].grade).toBe('差');
  } finally {
    await graded.close();
  }
  const wrong = join(folder, 'wrong.json');
  writeFileSync(wrong, JSON.stringify({ ON_TIME_RATE: [0.6, 0.8, 0.9] }));
  await expect(startTestServer({ GRADES_FILE: wrong })).rejects.toThrow(/GRADES_FILE .*falling/);
});
