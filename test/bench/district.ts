import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Sqlite from 'libsql';
import { prepareDatabase } from '../../server/src/bootstrap';
import { readConfig } from '../../server/src/config';
import { createServer } from '../../server/src/server';
import { localDay, startOfDay } from '../../shared/time/buckets';
import { createLogger } from '../../server/src/observability/logger';
import { pino } from 'pino';

/**
 * npm run bench: the dashboard's heaviest reads over GraphQL (rollups, DataLoaders,
 * HTTP) against the same answers from raw SQL over the raw case rows, in the same run,
 * on a generated city district (COMMUNITIES × 10 grids × 15 buildings, CASES cases).
 */
const COMMUNITIES = Number(process.env.BENCH_COMMUNITIES ?? 300);
const CASES = Number(process.env.BENCH_CASES ?? 300_000);
const RUNS = 15;

export async function runDistrictBenchmark() {
  const folder = mkdtempSync(join(tmpdir(), 'gridscope-bench-'));
  const databaseUrl = `file:${join(folder, 'bench.db')}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl };
  try {
    const config = readConfig({ DATABASE_URL: databaseUrl, SEED_ON_START: 'true' });
    const seedStarted = performance.now();
    const { db } = await prepareDatabase(config);
    console.log(
      `first start (migrations and the seed of 5 communities): ${(performance.now() - seedStarted).toFixed(0)} ms`,
    );
    execFileSync(
      process.execPath,
      ['--import', 'tsx', 'prisma/scripts/generate.ts', '--communities', String(COMMUNITIES), '--cases', String(CASES)],
      { env, stdio: ['ignore', 'inherit', 'ignore'] },
    );
    // Logging costs what it costs in production; the lines go nowhere.
    const server = await createServer(config, db, { logger: createLogger('info', pino.destination('/dev/null')) });
    const url = await server.listen(0, '127.0.0.1');
    const raw = new Sqlite(join(folder, 'bench.db'), { readonly: true });
    const from = new Date(Date.now() - 365 * 86_400_000);
    // As Prisma writes DateTime columns into SQLite: ISO text with an offset. Days begin at local midnight (TIME_ZONE).
    const asStored = (at: Date) => at.toISOString().replace('Z', '+00:00');
    const fromDay = asStored(startOfDay(from));
    const now = asStored(new Date());

    async function median(run: () => Promise<unknown> | unknown): Promise<number> {
      await run();
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        await run();
        times.push(performance.now() - started);
      }
      return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    }
    const gql = async (query: string) => {
      const body = await (
        await fetch(`${url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        })
      ).json();
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      return body;
    };

    const rows: [string, number, number][] = [];
    // The published figures of the cases accepted in the period (shared/metrics/case-metrics.ts); it ends now, so
    // "closed by its end" is "closed" and "still open at its end" is "open".
    rows.push([
      'summary of all communities (reported, closed, on-time, backlog)',
      await median(() =>
        gql(
          `{ summary(metrics: [CASES_REPORTED, CASES_CLOSED, ON_TIME_RATE, BACKLOG], from: "${from.toISOString()}") { metric value } }`,
        ),
      ),
      await median(() =>
        raw
          .prepare(
            `SELECT
          SUM(reportedAt >= @from) AS reported,
          SUM(acceptedAt >= @from AND closedAt IS NOT NULL) AS closed,
          SUM(acceptedAt >= @from AND closedAt <= deadline) AS onTime,
          SUM(acceptedAt >= @from AND (closedAt IS NOT NULL OR deadline < @now)) AS due,
          SUM(acceptedAt >= @from AND closedAt IS NULL AND deadline < @now AND postponedAt IS NOT NULL) AS postponed,
          SUM(closedAt IS NULL AND rejectedAt IS NULL) AS backlog
        FROM "Case"`,
          )
          .get({ from: fromDay, now }),
      ),
    ]);
    const community = raw.prepare('SELECT code, id FROM Community ORDER BY id DESC LIMIT 1').get() as {
      code: string;
      id: number;
    };
    rows.push([
      "one community's grids on the map, coloured by on-time rate",
      await median(() =>
        gql(`{ mapFeatures(level: GRID, communityCode: "${community.code}", metric: ON_TIME_RATE, zoom: 16) }`),
      ),
      await median(() =>
        raw
          .prepare(
            `SELECT g.code, g.name, g.boundary,
          SUM(c.acceptedAt >= @from AND c.closedAt <= c.deadline) * 1.0 /
          NULLIF(SUM(c.acceptedAt >= @from AND (c.closedAt IS NOT NULL OR c.deadline < @now))
            - SUM(c.acceptedAt >= @from AND c.closedAt IS NULL AND c.deadline < @now AND c.postponedAt IS NOT NULL), 0) AS rate
        FROM Grid g LEFT JOIN "Case" c ON c.gridId = g.id WHERE g.communityId = @id GROUP BY g.id`,
          )
          .all({ from: fromDay, id: community.id, now }),
      ),
    ]);
    rows.push([
      'every community with its grids and buildings',
      await median(() => gql('{ communities { code grids { code buildings { code households } } } }')),
      await median(() =>
        raw
          .prepare(
            'SELECT c.code, g.code, b.code, b.households FROM Community c JOIN Grid g ON g.communityId = c.id JOIN Building b ON b.gridId = g.id',
          )
          .all(),
      ),
    ]);

    // The analysts' query: 立案 and 按期结案率 of every community in every Beijing month of the year, each month's
    // cases as they stood at its end. The raw baseline buckets in SQL (Asia/Shanghai is UTC+8 all year).
    const firstDay = localDay(from);
    rows.push([
      'stats: 立案 and 按期结案率 by community by month, a year',
      await median(() =>
        gql(
          `{ stats(measures: [CASES_ACCEPTED, ON_TIME_RATE], dimensions: [COMMUNITY, TIME], bucket: MONTH,
              period: { from: "${firstDay}", to: "${localDay(new Date())}" }) { totalCount rows { keys { code } values { value } } } }`,
        ),
      ),
      await median(() =>
        raw
          .prepare(
            `WITH c AS (
          SELECT communityId, strftime('%Y-%m', acceptedAt, '+8 hours') AS month,
            julianday(strftime('%Y-%m-01', acceptedAt, '+8 hours'), '+1 month', '-8 hours') AS monthEnd,
            julianday(closedAt) AS closed, julianday(deadline) AS deadline, julianday(postponedAt) AS postponed
          FROM "Case" WHERE acceptedAt >= @from)
        SELECT communityId, month, COUNT(*) AS accepted,
          SUM(closed < monthEnd AND closed <= deadline) * 1.0 /
          NULLIF(SUM(closed < monthEnd OR deadline < monthEnd)
            - SUM((closed IS NULL OR closed >= monthEnd) AND deadline < monthEnd AND postponed < monthEnd), 0) AS rate
        FROM c GROUP BY communityId, month`,
          )
          .all({ from: asStored(startOfDay(new Date(`${firstDay}T00:00:00+08:00`))) }),
      ),
    ]);

    const counts = raw
      .prepare(
        'SELECT (SELECT COUNT(*) FROM Community) AS communities, (SELECT COUNT(*) FROM Grid) AS grids, (SELECT COUNT(*) FROM Building) AS buildings, (SELECT COUNT(*) FROM "Case") AS cases',
      )
      .get();
    console.log(`\ndata: ${JSON.stringify(counts)}; median of ${RUNS} runs each\n`);
    console.log('| read | GraphQL over HTTP (ms) | raw SQL baseline (ms) | ratio |\n|---|---|---|---|');
    for (const [name, api, sql] of rows)
      console.log(`| ${name} | ${api.toFixed(1)} | ${sql.toFixed(1)} | ${(api / sql).toFixed(2)}× |`);
    raw.close();
    await server.close();
    server.httpServer.close();
    await db.$disconnect();
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
