import { print } from 'graphql';
import { createClient, type Client } from 'graphql-ws';
import pg from 'pg';
import WebSocket from 'ws';
import {
  LiveChangesDocument,
  WallItemDocument,
  WallLatestCasesDocument,
  WallPlacesDocument,
  WallRankingDocument,
} from '../../client/src/gql/graphql';
import { WALL_KPIS } from '../../client/src/features/wall/operations';
import { changeConcerns, type LiveChange } from '../../client/src/features/wall/changeConcerns';
import { CHANGE_DEBOUNCE_MS } from '../../client/src/features/wall/useWallFreshness';
import { DEFAULT_WALL_METRICS } from '../../client/src/features/wall/wallParams';
import { createToken } from '../../server/src/auth/tokens';
import { prepareDatabase } from '../../server/src/bootstrap';
import { readConfig } from '../../server/src/config';
import { periodRange } from '../../shared/time/period-presets';
import { DATABASE_URL, ensureCity, REPORT_CASE, startGridScope } from './city';
import { percentile, postGraphQL } from './load';

/**
 * npm run bench -- --scale walls: BENCH_WALLS walls (1,000) showing the whole city built by the
 * city benchmark, each with its own display token, each subscribed over graphql-ws to the
 * city's live changes and showing its own community, as walls started at different times
 * would. One case is reported; the benchmark times how long each wall takes to hear of it
 * and to refetch what the wall refetches for it (the league table and the latest cases, and
 * the wall showing the case's community its figures), on one instance and then on two sharing Redis.
 */
const WALLS = Number(process.env.BENCH_WALLS ?? 1000);
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
/** Walls connecting, and booting, at once: a hall's walls come up together, a city's do not. */
const BATCH = 50;
/** How long a phase may take before the benchmark gives up on it and says so. */
const PHASE_MS = 180_000;
const TOKEN_NAME = 'bench wall';

const QUERIES = {
  places: print(WallPlacesDocument),
  item: print(WallItemDocument),
  ranking: print(WallRankingDocument),
  latest: print(WallLatestCasesDocument),
  live: print(LiveChangesDocument),
};

interface Wall {
  token: string;
  community: string;
  http: string;
  socket: Client;
  heard: (at: number, change: LiveChange) => void;
  /** The backlog its figures showed last. */
  backlog: number | null;
}

const summary = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted.length
    ? `p50 ${percentile(sorted, 0.5).toFixed(0)} ms, p95 ${percentile(sorted, 0.95).toFixed(0)} ms, last ${sorted.at(-1)!.toFixed(0)} ms`
    : 'none';
};

/** Resolves with `work`, or rejects naming the phase when it takes longer than PHASE_MS. */
async function phase<T>(name: string, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const started = performance.now();
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`${name}: not done after ${PHASE_MS / 1000} s`)), PHASE_MS);
      }),
    ]);
  } finally {
    clearTimeout(timer);
    console.log(`  ${name}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Runs `work` on every item, BATCH at a time, printing how far it got. */
async function inBatches<T>(label: string, items: T[], work: (item: T) => Promise<void>) {
  for (let i = 0; i < items.length; i += BATCH) {
    await Promise.all(items.slice(i, i + BATCH).map(work));
    process.stdout.write(`\r  ${label} ${Math.min(items.length, i + BATCH)}/${items.length}`);
  }
  process.stdout.write('\n');
}

/** Fresh display tokens for the walls and an admin's to report with; those of an earlier run are deleted first. */
async function wallTokens(count: number): Promise<string[]> {
  const { db } = await prepareDatabase(readConfig({ DATABASE_URL, SEED_ON_START: 'false' }));
  try {
    await db.apiToken.deleteMany({ where: { name: { startsWith: TOKEN_NAME } } });
    if (!count) return [];
    const tokens: string[] = [];
    for (let i = 0; i < count; i++)
      tokens.push((await createToken(db, { name: `${TOKEN_NAME} ${i}`, role: 'DISPLAY' })).token);
    tokens.push((await createToken(db, { name: `${TOKEN_NAME} reporter`, role: 'ADMIN' })).token);
    return tokens;
  } finally {
    await db.$disconnect();
  }
}

/**
 * The walls on `urls` (round robin), booted and subscribed; then a case is reported in the first
 * wall's community, and each wall's hearing of it and refetching what it concerns is timed.
 */
async function round(label: string, urls: string[], tokens: string[], communities: string[], grid: string) {
  console.log(`\n${label}: ${WALLS} walls`);
  const { from, to } = periodRange('year');
  const since = new Date(Date.now() - 2 * 86_400_000).toISOString();
  const metric = DEFAULT_WALL_METRICS[0];
  /** What the wall refetches for `changes` (all of it without), as useWallFreshness does; its backlog when it asked. */
  const figures = async (wall: Wall, changes?: LiveChange[]) => {
    const itemVariables = { metrics: [...WALL_KPIS], communityCode: wall.community, from, to };
    const [item] = await Promise.all([
      !changes || changeConcerns(changes, { queryName: 'WallItem', variables: itemVariables })
        ? postGraphQL(wall.http, QUERIES.item, itemVariables, wall.token)
        : null,
      postGraphQL(wall.http, QUERIES.ranking, { level: 'COMMUNITY', metric, top: 8, from, to }, wall.token),
      postGraphQL(wall.http, QUERIES.latest, { communityCode: null, since }, wall.token),
    ]);
    if (item) wall.backlog = item.summary.find((s: { metric: string }) => s.metric === 'BACKLOG').value;
  };
  const walls: Wall[] = [];
  await phase(
    'connected and subscribed',
    inBatches(
      'walls',
      Array.from({ length: WALLS }, (_, i) => i),
      async (i) => {
        const base = urls[i % urls.length];
        const wall: Wall = {
          token: tokens[i],
          community: communities[i % communities.length],
          http: `${base}/graphql`,
          socket: createClient({
            url: `${base.replace('http', 'ws')}/graphql`,
            webSocketImpl: WebSocket,
            connectionParams: { token: tokens[i] },
            lazy: false,
            retryAttempts: 0,
          }),
          heard: () => undefined,
          backlog: null,
        };
        await new Promise<void>((resolve, reject) => {
          wall.socket.on('connected', () => resolve());
          wall.socket.on('closed', (event) => reject(new Error(`wall ${i} closed: ${JSON.stringify(event)}`)));
        });
        wall.socket.subscribe(
          { query: QUERIES.live, variables: { scope: 'all' } },
          {
            next: ({ data }) => wall.heard(performance.now(), data!.liveChanges as LiveChange),
            error: (e) => console.error(`wall ${i}:`, e),
            complete: () => {},
          },
        );
        walls.push(wall);
      },
    ),
  );
  // A wall boots with its places, then its figures. The places (3,500 communities, 467 KB) are the same for every
  // city-wide wall and asked for only at boot and reconnection: timed once here, not a thousand times.
  const placesSent = performance.now();
  await postGraphQL(walls[0].http, QUERIES.places, { withGrids: false }, walls[0].token);
  console.log(`  one wall's places: ${(performance.now() - placesSent).toFixed(0)} ms`);
  await phase(
    'booted (item, league table, latest cases)',
    inBatches('walls', walls, (wall) => figures(wall)),
  );

  const reporter = tokens.at(-1)!;
  const shown = walls.find((wall) => wall.community === communities[0])!;
  // A first change proves every subscription is in place (graphql-ws does not acknowledge one) and warms the path.
  for (const measured of [false, true]) {
    const before = shown.backlog!;
    const heardAt: number[] = [];
    const refreshedAt: number[] = [];
    const failures = new Map<string, number>();
    let resolveAll!: () => void;
    const allHeard = new Promise<void>((resolve) => (resolveAll = resolve));
    for (const wall of walls)
      wall.heard = (at, change) => {
        wall.heard = () => undefined;
        heardAt.push(at);
        if (heardAt.length === walls.length) resolveAll();
        // As the wall does: what the change concerns, once no other change has come for a moment.
        setTimeout(
          () =>
            figures(wall, [change]).then(
              () => refreshedAt.push(performance.now()),
              (error: Error) => {
                const cause = (error.cause as { code?: string } | undefined)?.code;
                const reason = cause ?? /"code":"([A-Z_]+)"/.exec(error.message)?.[1] ?? error.message.slice(0, 60);
                failures.set(reason, (failures.get(reason) ?? 0) + 1);
              },
            ),
          CHANGE_DEBOUNCE_MS,
        );
      };
    const sent = performance.now();
    await postGraphQL(
      urls[0] + '/graphql',
      REPORT_CASE,
      { i: { gridCode: grid, category: 'SANITATION', description: '基准测试：垃圾满溢' } },
      reporter,
    );
    const answered = performance.now();
    await phase(measured ? 'every wall heard' : 'every wall heard the warm-up change', allHeard);
    const failed = () => [...failures.values()].reduce((a, b) => a + b, 0);
    const waited = performance.now();
    while (refreshedAt.length + failed() < walls.length && performance.now() - waited < PHASE_MS)
      await new Promise((resolve) => setTimeout(resolve, 20));
    if (!measured) continue;
    console.log(`  reportCase answered in ${(answered - sent).toFixed(0)} ms`);
    console.log(`  heard, from the report:      ${summary(heardAt.map((t) => t - sent))}`);
    console.log(
      `  refetched, from the report:  ${summary(refreshedAt.map((t) => t - sent))} (${CHANGE_DEBOUNCE_MS} ms of it the wall's wait for more changes)`,
    );
    if (failures.size) console.log(`  failed: ${JSON.stringify(Object.fromEntries(failures))}`);
    console.log(`  the wall showing the case's community: backlog ${before} → ${shown.backlog}`);
  }
  for (const wall of walls) await wall.socket.dispose();
}

export async function runWallBenchmark() {
  await ensureCity(DATABASE_URL);
  const raw = new pg.Client({ connectionString: DATABASE_URL });
  await raw.connect();
  const { rows } = await raw.query<{ code: string }>(
    `SELECT code FROM "Community" WHERE "retiredAt" IS NULL ORDER BY id LIMIT $1`,
    [WALLS],
  );
  const { rows: grids } = await raw.query<{ code: string }>(
    `SELECT g.code FROM "Grid" g JOIN "Community" c ON c.id = g."communityId" WHERE c.code = $1 LIMIT 1`,
    [rows[0].code],
  );
  await raw.end();
  const communities = rows.map((r) => r.code);
  const tokens = await wallTokens(WALLS);
  const one = await startGridScope();
  try {
    await round('one instance', [one.base], tokens, communities, grids[0].code);
  } finally {
    await one.stop();
  }
  const pair = [await startGridScope({ REDIS_URL }), await startGridScope({ REDIS_URL })];
  try {
    await round(
      'two instances sharing Redis',
      pair.map((s) => s.base),
      tokens,
      communities,
      grids[0].code,
    );
  } finally {
    for (const server of pair) await server.stop();
  }
  await wallTokens(0);
}
