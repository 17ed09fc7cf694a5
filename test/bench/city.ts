import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { print, type DocumentNode } from 'graphql';
import { KPI_METRICS } from '../../client/src/app/queries';
import pg from 'pg';
import {
  CommunityRowsDocument,
  CompareDocument,
  GridRowsDocument,
  MapFeaturesDocument,
  ScopeSeriesDocument,
  ScopeSummaryDocument,
  WallItemDocument,
  WallRankingDocument,
} from '../../client/src/gql/graphql';
import { prepareDatabase } from '../../server/src/bootstrap';
import { readConfig } from '../../server/src/config';
import { periodRange } from '../../shared/time/period-presets';
import { RAW_SQL, type Places, type RawQuery } from './city-sql';
import { measure, postGraphQL, type LoadResult } from './load';
import { measureMap } from './map';
import { COMMUNITIES_WITH_GRIDS } from './postgraphile';

/**
 * npm run bench -- --scale city: a city on PostgreSQL (3,500 communities, 35,000 grids,
 * 525,000 buildings, 5,000,000 cases and their history; built once into BENCH_DATABASE_URL
 * and reused, resumed if a build was cut short), and each operation the dashboard and the
 * wall send, as the client sends it, against raw SQL computing the same answer and, for
 * the nested read, PostGraphile v4 over the same tables, all in the same run; then the
 * overview's map in headless Chromium.
 */
const CITY = { communities: 3500, gridsPerCommunity: 10, buildingsPerGrid: 15, cases: 5_000_000 };
export const DATABASE_URL =
  process.env.BENCH_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/gridscope_bench_city';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/** The benchmark's own admin token, to report the case that the overview is loaded once more after. */
const BENCH_ADMIN_TOKEN = 'gridscope-benchmark-admin';
export const REPORT_CASE = 'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }';
const CONNECTIONS = 10;

/** Creates the database if it is missing. */
async function ensureDatabase(url: string) {
  const admin = new pg.Client({ connectionString: Object.assign(new URL(url), { pathname: '/postgres' }).toString() });
  await admin.connect();
  const name = new URL(url).pathname.slice(1);
  const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
}

/** Builds the city unless it is there; a build cut short carries on (npm run generate resumes). */
export async function ensureCity(url: string) {
  await ensureDatabase(url);
  const { db } = await prepareDatabase(readConfig({ DATABASE_URL: url, SEED_ON_START: 'true' }));
  const communities = await db.community.count();
  const unfinished = await db.setting.findUnique({ where: { key: 'generate.run' } });
  await db.$disconnect();
  if (communities >= CITY.communities && !unfinished) return;
  const flags = Object.entries(CITY).flatMap(([name, value]) => [
    `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`,
    String(value),
  ]);
  console.log(`building the city: npm run generate -- ${flags.join(' ')}`);
  execFileSync(process.execPath, ['--import', 'tsx', 'prisma/scripts/generate.ts', ...flags], {
    env: { ...process.env, DATABASE_URL: url },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

async function freePort(): Promise<number> {
  const probe = createNetServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as AddressInfo;
  probe.close();
  return port;
}

/**
 * A server in its own process, as deployed: the load generator's work does not share its
 * event loop. Ready once `ready` answers (not with 503 while it starts).
 */
async function startProcess(args: string[], env: Record<string, string>, ready: string) {
  // As `npm start` runs the server (see package.json), and the peer the same way.
  const child = spawn(process.execPath, ['--max-semi-space-size=64', '--import', 'tsx', ...args], {
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let tries = 0; ; tries++) {
    if (child.exitCode !== null) throw new Error(`${args.join(' ')} exited with ${child.exitCode}`);
    if (
      await fetch(ready).then(
        (r) => r.status < 500,
        () => false,
      )
    )
      break;
    if (tries > 600) throw new Error(`${args.join(' ')} did not start`);
    await sleep(200);
  }
  return async () => {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  };
}

/**
 * GridScope on the city in its own process, as `npm start` runs it, on a free port; `env` adds
 * to or overrides the production defaults. `base` is its address, without a path.
 */
export async function startGridScope(env: Record<string, string> = {}) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const stop = await startProcess(
    ['server/src/index.ts'],
    { DATABASE_URL, PORT: String(port), HOST: '127.0.0.1', SEED_ON_START: 'false', LOG_LEVEL: 'warn', ...env },
    `${base}/readyz`,
  );
  return { base, stop };
}

/** p50 / p95 in ms, or what went wrong when nothing was answered. */
const latency = (r: LoadResult) =>
  r.count
    ? `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)}${r.failed ? ` (${r.failed} failed)` : ''}`
    : `failed: ${/"code":"([A-Z_]+)"/.exec(r.failure ?? '')?.[1] ?? r.failure?.slice(0, 80)}`;
const rate = (r: LoadResult) => (r.count ? `${r.perSecond.toFixed(1)}${r.failed ? ` (${r.failed} failed)` : ''}` : '—');

interface Operation {
  name: string;
  document: DocumentNode | string;
  variables: Record<string, unknown>;
  /** The same answer from hand-written SQL. */
  sql: RawQuery;
  postgraphile?: string;
}

export async function runCityBenchmark() {
  await ensureCity(DATABASE_URL);
  const peerPort = await freePort();
  // The production defaults but for the per-caller limits: the benchmark's ten connections stand for ten callers.
  const limits = { RATE_LIMIT_PER_MINUTE: '1000000', GRAPHQL_CONCURRENT_PER_CALLER: String(CONNECTIONS) };
  const kept = await startGridScope({ ...limits, ADMIN_TOKEN: BENCH_ADMIN_TOKEN });
  // The same server keeping no answers: what each answer costs to compute, as after every change of the data.
  const cold = await startGridScope({ ...limits, ANSWER_CACHE_SECONDS: '0' });
  const stopPeer = await startProcess(
    ['test/bench/postgraphile.ts', DATABASE_URL, String(peerPort)],
    {},
    `http://127.0.0.1:${peerPort}/graphql?query=%7B__typename%7D`,
  );
  const url = `${kept.base}/graphql`;
  const coldUrl = `${cold.base}/graphql`;
  const peerUrl = `http://127.0.0.1:${peerPort}/graphql`;
  const raw = new pg.Pool({ connectionString: DATABASE_URL, max: CONNECTIONS });

  const { rows: counts } = await raw.query(
    `SELECT (SELECT COUNT(*) FROM "Community")::int AS communities, (SELECT COUNT(*) FROM "Grid")::int AS grids,
      (SELECT COUNT(*) FROM "Building")::int AS buildings, (SELECT COUNT(*) FROM "Case")::int AS cases`,
  );
  // The busiest community and its busiest grid: the worst case a leader opens.
  const { rows: busiest } = await raw.query(
    `SELECT c.code AS community, c.id AS "communityId", g.code AS grid, g.id AS "gridId" FROM "Grid" g
      JOIN "Community" c ON c.id = g."communityId" ORDER BY (SELECT COUNT(*) FROM "Case" WHERE "gridId" = g.id) DESC LIMIT 1`,
  );
  const { rows: others } = await raw.query(`SELECT code FROM "Community" WHERE code <> $1 ORDER BY id DESC LIMIT 4`, [
    busiest[0].community,
  ]);
  const period = periodRange('year');
  const places: Places = {
    ...busiest[0],
    compared: [busiest[0].community, ...others.map((o) => o.code)],
    from: new Date(period.from),
    to: new Date(period.to),
  };
  const { from, to } = period;
  const operations: Operation[] = [
    {
      name: 'overview · key figures',
      document: ScopeSummaryDocument,
      variables: { metrics: KPI_METRICS, from, to },
      sql: RAW_SQL.summary,
    },
    {
      name: 'overview · community rows',
      document: CommunityRowsDocument,
      variables: { metric: 'ON_TIME_RATE', from, to },
      sql: RAW_SQL.communityRows,
    },
    { name: 'overview · monthly series', document: ScopeSeriesDocument, variables: { from, to }, sql: RAW_SQL.series },
    {
      name: 'community · key figures',
      document: ScopeSummaryDocument,
      variables: { metrics: KPI_METRICS, communityCode: places.community, from, to },
      sql: RAW_SQL.summary,
    },
    {
      name: 'community · grid rows',
      document: GridRowsDocument,
      variables: { code: places.community, metric: 'ON_TIME_RATE', from, to },
      sql: RAW_SQL.gridRows,
    },
    {
      name: 'community · grid map',
      document: MapFeaturesDocument,
      variables: { level: 'GRID', metric: 'ON_TIME_RATE', communityCode: places.community, zoom: 15, from, to },
      sql: RAW_SQL.gridMap,
    },
    {
      name: 'grid · key figures',
      document: ScopeSummaryDocument,
      variables: { metrics: KPI_METRICS, gridCode: places.grid, from, to },
      sql: RAW_SQL.summary,
    },
    {
      name: 'compare · 5 communities',
      document: CompareDocument,
      variables: {
        communityCodes: places.compared,
        metrics: ['POPULATION', 'CLOSURE_RATE', 'ON_TIME_RATE', 'BACKLOG'],
        from,
        to,
      },
      sql: RAW_SQL.compare,
    },
    {
      name: 'wall · a community',
      document: WallItemDocument,
      variables: {
        metrics: ['POPULATION', 'CLOSURE_RATE', 'ON_TIME_RATE', 'BACKLOG'],
        communityCode: places.community,
        from,
        to,
      },
      sql: RAW_SQL.wallItem,
    },
    {
      name: 'wall · league table',
      document: WallRankingDocument,
      variables: { level: 'COMMUNITY', metric: 'ON_TIME_RATE', top: 8, from, to },
      sql: RAW_SQL.ranking,
    },
    {
      name: 'all communities with their grids',
      document: '{ communities { code name grids { code name } } }',
      variables: {},
      sql: RAW_SQL.nested,
      postgraphile: COMMUNITIES_WITH_GRIDS,
    },
  ];

  console.log(`\ndata: ${JSON.stringify(counts[0])}; period ${from} – ${to}; ${SECONDS} s per figure\n`);
  console.log(
    '| operation | GridScope p50 / p95 (ms) | GridScope req/s (10 conn.) | computed afresh p50 / p95 (ms) | raw SQL p50 / p95 (ms) | raw SQL q/s (10 conn.) | p50 ratio (kept · afresh) | PostGraphile p50 / p95 (ms) · req/s |\n|---|---|---|---|---|---|---|---|',
  );
  // Ten at once only of what answers alone: ten city-wide requests that each time out can exhaust the server's memory.
  const figures = async (load: (concurrency: number) => Promise<LoadResult>) => {
    const one = await load(1);
    return { one, many: one.count ? await load(CONNECTIONS) : one };
  };
  const ratio = (r: LoadResult, sql: LoadResult) => (r.count ? `${(r.p50 / sql.p50).toFixed(1)}×` : '—');
  for (const op of operations) {
    const query = typeof op.document === 'string' ? op.document : print(op.document);
    const graphQL = (at: string) => (concurrency: number) =>
      measure(() => postGraphQL(at, query, op.variables), { concurrency, seconds: SECONDS, warmup: 3 });
    const api = await figures(graphQL(url));
    const afresh = await graphQL(coldUrl)(1);
    const sql = await figures((concurrency) =>
      measure(() => op.sql(raw, op.variables, places), { concurrency, seconds: SECONDS, warmup: 3 }),
    );
    let peer = '—';
    if (op.postgraphile) {
      const pgl = await figures((concurrency) =>
        measure(() => postGraphQL(peerUrl, op.postgraphile!), {
          concurrency,
          seconds: SECONDS,
          warmup: 3,
        }),
      );
      peer = `${latency(pgl.one)} · ${rate(pgl.many)}`;
    }
    console.log(
      `| ${op.name} | ${latency(api.one)} | ${rate(api.many)} | ${latency(afresh)} | ${latency(sql.one)} | ${rate(sql.many)} | ${ratio(api.one, sql.one)} · ${ratio(afresh, sql.one)} | ${peer} |`,
    );
  }
  // The overview in headless Chromium, against the server as deployed: the map's own figures.
  const map = await measureMap(kept.base, {
    change: async () => {
      const i = { gridCode: places.grid, category: 'SANITATION', description: '基准测试：垃圾满溢' };
      await postGraphQL(url, REPORT_CASE, { i }, BENCH_ADMIN_TOKEN);
    },
  });
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  console.log(
    `\nthe overview in Chromium at 1920×1080: map fully drawn ${map.firstDrawMs} ms after navigation, ` +
      `${map.firstDrawAfterLoadMs} ms after the load event (${map.firstDrawAloneMs} ms with only the map's queries; ` +
      `${map.firstDrawAfterChangeMs} ms after the load event just after a case was reported); ` +
      `frames while dragged and zoomed p95 ${map.frameP95Ms} ms (${map.frames} frames; ${map.frameP95AloneMs} ms alone); ` +
      `the map's data ${kb(map.payloadGzipBytes)} gzip (${map.tiles} tiles and the values), the page ${kb(map.pageGzipBytes)}`,
  );
  await raw.end();
  await stopPeer();
  await cold.stop();
  await kept.stop();
}
