import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { redisAnswers } from '../../server/src/db/answers';
import { createLogger } from '../../server/src/observability/logger';
import { REDIS_URL, startTestServer, TEST_ADMIN_TOKEN, twoInstances, type TestServer } from './harness';

const REPORT = 'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }';
/** The city-wide aggregates of the overview and the wall: totals, every community's value, a series, a league table. */
const OVERVIEW = `query($from: DateTime!, $to: DateTime!) {
  summary(metrics: [CASES_REPORTED, ON_TIME_RATE], from: $from, to: $to) { metric value }
  communities { code metric(metric: CASES_REPORTED, from: $from, to: $to) { value } }
  timeSeries(metric: CASES_REPORTED, bucket: MONTH, from: $from, to: $to) { value }
  ranking(level: COMMUNITY, metric: CASES_REPORTED, from: $from, to: $to) { code value }
}`;
/** The last 300 days up to now: a case reported now is in it, and in its last month. */
const PERIOD = { from: new Date(Date.now() - 300 * 86_400_000).toISOString(), to: new Date().toISOString() };

interface Overview {
  summary: { metric: string; value: number }[];
  communities: { code: string; metric: { value: number } }[];
  timeSeries: { value: number }[];
  ranking: { code: string; value: number }[];
}

/** The overview's answer, and how many statements read case rows or rollups for it. */
async function overview(server: TestServer) {
  server.queries.length = 0;
  const response = await server.gql<Overview>(OVERVIEW, PERIOD);
  expect(response.errors).toBeUndefined();
  const data = response.data!;
  return {
    reported: data.summary.find((s) => s.metric === 'CASES_REPORTED')!.value,
    inCommunity: (code: string) => data.communities.find((c) => c.code === code)!.metric.value,
    lastMonth: data.timeSeries.at(-1)!.value,
    ranked: (code: string) => data.ranking.find((r) => r.code === code)!.value,
    figureStatements: server.queries.filter((sql) => /"(Case|GridDayRollup)"/.test(sql)).length,
  };
}

async function report(server: TestServer, community: string) {
  const grid = await server.db.grid.findFirstOrThrow({ where: { community: { code: community }, retiredAt: null } });
  const reported = await server.gql(
    REPORT,
    { i: { gridCode: grid.code, category: 'SANITATION', description: '垃圾满溢' } },
    TEST_ADMIN_TOKEN,
  );
  expect(reported.errors).toBeUndefined();
}

function expectOneMoreIn(after: Awaited<ReturnType<typeof overview>>, before: typeof after, community: string) {
  expect(after.reported).toBe(before.reported + 1);
  expect(after.inCommunity(community)).toBe(before.inCommunity(community) + 1);
  expect(after.lastMonth).toBe(before.lastMonth + 1);
  expect(after.ranked(community)).toBe(before.ranked(community) + 1);
}

describe('kept answers on one instance', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it('answers the city-wide aggregates again without reading cases, until a case is reported; then at once afresh', async () => {
    const first = await overview(server);
    expect(first.figureStatements).toBeGreaterThan(0);
    const again = await overview(server);
    expect(again.figureStatements).toBe(0);
    expect(again.reported).toBe(first.reported);

    await report(server, 'kangle');
    const after = await overview(server);
    expect(after.figureStatements).toBeGreaterThan(0);
    expectOneMoreIn(after, first, 'kangle');
  });

  it('keeps where the map’s tiles are, the first thing a city’s map waits for, until the data changes', async () => {
    const ask = async () => {
      server.queries.length = 0;
      const answer = await server.gql<{ mapTiles: { url: string } }>('{ mapTiles { url } }');
      return { url: answer.data!.mapTiles.url, reads: server.queries.filter((sql) => /BoundaryVersion/.test(sql)) };
    };
    const first = await ask();
    expect(first.reads.length).toBeGreaterThan(0);
    const again = await ask();
    expect(again).toEqual({ url: first.url, reads: [] });
  });

  it('computes an aggregate asked by many at once a single time', async () => {
    await report(server, 'xinhua');
    server.queries.length = 0;
    const answers = await Promise.all(Array.from({ length: 5 }, () => server.gql<Overview>(OVERVIEW, PERIOD)));
    const alone = server.queries.filter((sql) => /"(Case|GridDayRollup)"/.test(sql)).length;
    expect(new Set(answers.map((a) => JSON.stringify(a.data))).size).toBe(1);
    const once = await overview(server);
    expect(once.figureStatements).toBe(0);
    await report(server, 'xinhua');
    const recomputed = await overview(server);
    // Five asking together cost what one asking alone does.
    expect(alone).toBeGreaterThan(0);
    expect(alone).toBe(recomputed.figureStatements);
  });
});

describe('kept answers shared through Redis by two instances', () => {
  const instances = twoInstances();

  it('answers on one instance what the other computed, and neither answers from before a change made on either', async () => {
    const { first, second } = instances;
    const computed = await overview(first);
    const shared = await overview(second);
    expect(shared.figureStatements).toBe(0);
    expect(shared.reported).toBe(computed.reported);

    await report(second, 'gonghelu');
    const onFirst = await overview(first);
    expect(onFirst.figureStatements).toBeGreaterThan(0);
    expectOneMoreIn(onFirst, computed, 'gonghelu');
    const onSecond = await overview(second);
    expect(onSecond.figureStatements).toBe(0);
    expect(onSecond.reported).toBe(onFirst.reported);
  });
});

describe('the answers store in Redis', () => {
  it('keeps answers of places through a change of activity on another instance, and drops them when places change', async () => {
    const database = `postgresql://answers-test/${randomUUID()}`;
    const logger = createLogger('silent');
    const [one, other] = await Promise.all([1, 2].map(() => redisAnswers(REDIS_URL, database, 60, logger)));
    try {
      await one.answer('tiles', async () => 'places before', 'places');
      await one.answer('totals', async () => 'activity before');
      expect(await other.answer('tiles', async () => 'recomputed', 'places')).toBe('places before');
      other.changed('activity');
      await other.generation();
      expect(await one.answer('tiles', async () => 'places after', 'places')).toBe('places before');
      expect(await one.answer('totals', async () => 'activity after')).toBe('activity after');
      one.changed('places');
      await one.generation();
      expect(await other.answer('tiles', async () => 'places after', 'places')).toBe('places after');
      expect(await other.answer('totals', async () => 'activity later')).toBe('activity later');
    } finally {
      await Promise.all([one.close(), other.close()]);
    }
  });
});
