import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type ScratchDatabase } from './databases';
import { REDIS_URL, startTestServer, TEST_ADMIN_TOKEN, type TestServer } from './harness';

const PLACES = '{ communities { code name grids { code name worker { phone } } } }';
/** The communities with a figure of their cases: an answer that changes with activity. */
const CASES = '{ communities { code name reported: metric(metric: CASES_REPORTED) { value } } }';
const RENAMED = '康乐社区（更名）';

type Places = {
  communities: { code: string; name: string; grids: { code: string; worker: { phone: string } | null }[] }[];
};

/** The places as `credentials` see them, and how many statements read communities or grids for them. */
async function places(server: TestServer, credentials?: string, query = PLACES) {
  server.queries.length = 0;
  const response = await server.gql<Places>(query, {}, credentials);
  const placeStatements = server.queries.filter((sql) => /[`"](Community|Grid)[`"]/.test(sql)).length;
  return { ...response, placeStatements };
}

async function reportCase(server: TestServer) {
  const grid = await server.db.grid.findFirstOrThrow({ where: { retiredAt: null } });
  const reported = await server.gql(
    'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }',
    { i: { gridCode: grid.code, category: 'SANITATION', description: '垃圾满溢' } },
    TEST_ADMIN_TOKEN,
  );
  expect(reported.errors).toBeUndefined();
}

/** Retires a grid on `server`, as an admin: a change of places that no live event reports. */
async function retire(server: TestServer, grid: string) {
  const retired = await server.gql(
    'mutation($code: String!) { retirePlace(code: $code) { code } }',
    { code: grid },
    TEST_ADMIN_TOKEN,
  );
  expect(retired.errors).toBeUndefined();
}

const kangle = (data: Places | undefined) => data!.communities.find((c) => c.code === 'kangle')!;

/**
 * The places kept on `reader`, then the last grid of its `community`-th community retired on
 * `writer`, which no live event reports: `reader` answers afresh, without that grid.
 */
async function expectRetirementSeen(writer: TestServer, reader: TestServer, community: number) {
  const before = await places(reader, TEST_ADMIN_TOKEN);
  expect((await places(reader, TEST_ADMIN_TOKEN)).placeStatements).toBe(0);
  const grid = before.data!.communities[community].grids.at(-1)!.code;
  await retire(writer, grid);
  const after = await places(reader, TEST_ADMIN_TOKEN);
  expect(after.placeStatements).toBeGreaterThan(0);
  expect(after.data!.communities[community].grids.map((g) => g.code)).not.toContain(grid);
}

// Its own database: renaming a community behind the server's back must not reach other tests.
let database: ScratchDatabase;
const servers: TestServer[] = [];
const start = async (env: Record<string, string>) => {
  const server = await startTestServer({ DATABASE_URL: database.url, ...env });
  servers.push(server);
  return server;
};
beforeAll(async () => {
  database = await seededDatabase();
});
afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
  await database?.drop();
});

describe('whole answers kept on one instance', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await start({ KEPT_RESPONSE_MIN_MS: '0' });
  });

  it('answers the same question from the same caller again without reading, until the data changes', async () => {
    const first = await places(server, TEST_ADMIN_TOKEN, CASES);
    expect(first.errors).toBeUndefined();
    expect(first.placeStatements).toBeGreaterThan(0);
    // Renamed behind the server's back, which nothing tells it of: the kept answer is sent again.
    await server.db.community.update({ where: { code: 'kangle' }, data: { name: RENAMED } });
    const again = await places(server, TEST_ADMIN_TOKEN, CASES);
    expect(again.placeStatements).toBe(0);
    expect(again.data).toEqual(first.data);
    // A reported case is a change the server hears of: the next answer is computed afresh.
    await reportCase(server);
    const after = await places(server, TEST_ADMIN_TOKEN, CASES);
    expect(after.placeStatements).toBeGreaterThan(0);
    expect(kangle(after.data).name).toBe(RENAMED);
    const reported = (data: typeof after.data) =>
      (data as unknown as { communities: { reported: { value: number } }[] }).communities.reduce(
        (sum, c) => sum + c.reported.value,
        0,
      );
    expect(reported(after.data)).toBe(reported(first.data) + 1);
  });

  it('keeps an answer read from places alone through reported cases, until places change', async () => {
    const first = await places(server, TEST_ADMIN_TOKEN);
    expect(first.placeStatements).toBeGreaterThan(0);
    await server.db.community.update({ where: { code: 'kangle' }, data: { name: `${RENAMED}2` } });
    await reportCase(server);
    const after = await places(server, TEST_ADMIN_TOKEN);
    expect(after.placeStatements).toBe(0);
    expect(after.data).toEqual(first.data);
    await server.db.community.update({ where: { code: 'kangle' }, data: { name: RENAMED } });
  });

  it('drops them when a place is retired, a change no live event reports', async () => {
    await expectRetirementSeen(server, server, 0);
  });

  it('never keeps accounts, tokens or the audit log, which signing in and administration change', async () => {
    const query = '{ communities { code } apiTokens { name } }';
    for (let ask = 0; ask < 2; ask++) {
      const answer = await places(server, TEST_ADMIN_TOKEN, query);
      expect(answer.errors).toBeUndefined();
      expect(answer.placeStatements).toBeGreaterThan(0);
    }
  });

  it('keeps each caller its own answer: a visitor is never sent what an admin was', async () => {
    const admin = await places(server, TEST_ADMIN_TOKEN);
    expect(admin.data!.communities.flatMap((c) => c.grids).some((g) => g.worker?.phone)).toBe(true);
    const visitor = await places(server);
    expect(visitor.errors).toBeUndefined();
    expect(visitor.placeStatements).toBeGreaterThan(0);
    expect(visitor.data!.communities.flatMap((c) => c.grids).every((g) => g.worker === null)).toBe(true);
    expect((await places(server)).placeStatements).toBe(0);
  });

  it('keeps no answer that carries an error', async () => {
    // A period that ends before it starts: the communities come, with an error beside them.
    const query = `{ communities { code } community(code: "kangle") {
      metric(metric: CASES_REPORTED, from: "2026-02-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { value } } }`;
    for (let ask = 0; ask < 2; ask++) {
      const answer = await places(server, TEST_ADMIN_TOKEN, query);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.data!.communities.length).toBeGreaterThan(0);
      expect(answer.placeStatements).toBeGreaterThan(0);
    }
  });
});

describe('answers about places, on a busy city', () => {
  const MAP_TILES = '{ mapTiles { url bounds { west } } }';
  const west = async (server: TestServer) => {
    const answer = await server.gql<{ mapTiles: { url: string; bounds: { west: number } } }>(
      MAP_TILES,
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.mapTiles.bounds.west;
  };

  const population = async (server: TestServer) => {
    const answer = await server.gql<{ summary: { value: number }[] }>(
      '{ summary(metrics: [POPULATION]) { value } }',
      {},
      TEST_ADMIN_TOKEN,
    );
    expect(answer.errors).toBeUndefined();
    return answer.data!.summary[0].value;
  };

  it('keeps where the map’s tiles are and stated figures through reported cases, until places change', async () => {
    const server = await start({});
    const before = await west(server);
    const people = await population(server);
    // Changed behind the server's back: only a change of places, not a reported case, makes it read them again.
    const { population: stated } = await server.db.community.findUniqueOrThrow({ where: { code: 'kangle' } });
    await server.db.community.update({
      where: { code: 'kangle' },
      data: { minLng: before - 1, population: stated! + 1000 },
    });
    await reportCase(server);
    expect(await west(server)).toBe(before);
    expect(await population(server)).toBe(people);
    const grid = await server.db.grid.findFirstOrThrow({ where: { retiredAt: null }, orderBy: { code: 'desc' } });
    await retire(server, grid.code);
    expect(await west(server)).toBeCloseTo(before - 1, 9);
    expect(await population(server)).toBe(people + 1000);
  });
});

describe('how long whole answers are kept', () => {
  it('keeps none of a query quicker than KEPT_RESPONSE_MIN_MS', async () => {
    const server = await start({ KEPT_RESPONSE_MIN_MS: '60000' });
    await places(server, TEST_ADMIN_TOKEN);
    expect((await places(server, TEST_ADMIN_TOKEN)).placeStatements).toBeGreaterThan(0);
  });

  it('keeps an answer ANSWER_CACHE_SECONDS at most, and none with 0', async () => {
    const oneSecond = await start({ KEPT_RESPONSE_MIN_MS: '0', ANSWER_CACHE_SECONDS: '1' });
    await places(oneSecond, TEST_ADMIN_TOKEN);
    expect((await places(oneSecond, TEST_ADMIN_TOKEN)).placeStatements).toBe(0);
    await sleep(1100);
    expect((await places(oneSecond, TEST_ADMIN_TOKEN)).placeStatements).toBeGreaterThan(0);
    const none = await start({ KEPT_RESPONSE_MIN_MS: '0', ANSWER_CACHE_SECONDS: '0' });
    await places(none, TEST_ADMIN_TOKEN);
    expect((await places(none, TEST_ADMIN_TOKEN)).placeStatements).toBeGreaterThan(0);
  });
});

describe('whole answers kept on two instances sharing Redis', () => {
  it('drops them on one instance when a change is made on the other, reported live or not', async () => {
    const [first, second] = await Promise.all([
      start({ KEPT_RESPONSE_MIN_MS: '0', REDIS_URL }),
      start({ KEPT_RESPONSE_MIN_MS: '0', REDIS_URL }),
    ]);
    await places(second, TEST_ADMIN_TOKEN, CASES);
    await places(second, TEST_ADMIN_TOKEN);
    expect((await places(second, TEST_ADMIN_TOKEN, CASES)).placeStatements).toBe(0);
    await reportCase(first);
    await expect.poll(async () => (await places(second, TEST_ADMIN_TOKEN, CASES)).placeStatements).toBeGreaterThan(0);
    // Read from places alone: kept through the case.
    expect((await places(second, TEST_ADMIN_TOKEN)).placeStatements).toBe(0);
    // A retirement has no live event: the generation the two share in Redis moves on.
    await expectRetirementSeen(first, second, 1);
  });
});
