import { on } from 'node:events';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { prepareDatabase } from '../../server/src/bootstrap';
import { readConfig } from '../../server/src/config';
import { databaseKind } from '../../server/src/db/client';
import { openBulkWriter } from '../../server/src/db/bulk-insert';
import { idSequenceResets } from '../../server/src/db/dialect';
import { withEnvFile } from '../../server/src/env-file';
import { startOfDay } from '../../shared/time/buckets';
import { TABLE_ORDER, type TableName } from '../seed/dataset';
import { COMMUNITIES_PER_SUB_DISTRICT, type GenerationPlan } from '../seed/generated-communities';
import { MONTHS_OF_HISTORY } from '../seed/seed-dataset';
import { MODEL_OF } from '../seed/write';
import type { GeneratedChunk, GeneratorJob } from './generate-worker';

/**
 * npm run generate: a made-up city district for load tests and benchmarks, written in
 * transactions of two sub-districts. The run's plan and progress are kept in the database
 * in the same transactions, so after a failure the same command carries on where the
 * last one stopped, with no duplicates and the same data an uninterrupted run makes.
 */
const USAGE =
  'npm run generate -- --communities 3500 --grids-per-community 10 --buildings-per-grid 15 --cases 5000000 [--months 24] [--new]';
const { values } = parseArgs({
  options: {
    communities: { type: 'string', default: '100' },
    'grids-per-community': { type: 'string', default: '10' },
    'buildings-per-grid': { type: 'string', default: '15' },
    cases: { type: 'string', default: '100000' },
    months: { type: 'string', default: String(MONTHS_OF_HISTORY) },
    new: { type: 'boolean', default: false },
  },
});
const { new: forgetUnfinished, ...counts } = values;
const flags = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, Number(v)]));
const bad = Object.entries(flags).filter(([, v]) => !Number.isInteger(v) || v < 1);
if (bad.length) {
  console.error(`${bad.map(([k]) => `--${k}`).join(', ')} must be positive integers\n${USAGE}`);
  process.exit(1);
}
const RUN_KEY = 'generate.run';
const CHUNK_SUB_DISTRICTS = 2;
const asked = {
  communities: flags.communities,
  gridsPerCommunity: flags['grids-per-community'],
  buildingsPerGrid: flags['buildings-per-grid'],
  casesPerGrid: Math.max(0, Math.round(flags.cases / (flags.communities * flags['grids-per-community']))),
  months: flags.months,
};
type Asked = typeof asked;
const flagsOf = (plan: Asked) =>
  `--communities ${plan.communities} --grids-per-community ${plan.gridsPerCommunity} --buildings-per-grid ${plan.buildingsPerGrid} --cases ${plan.casesPerGrid * plan.communities * plan.gridsPerCommunity} --months ${plan.months}`;

const config = readConfig({ ...withEnvFile(), SEED_ON_START: 'false' });
const kind = databaseKind(config.databaseUrl);
const { db } = await prepareDatabase(config);
const tables = TABLE_ORDER.map((table) => MODEL_OF[table]);
const maxId = async (table: TableName) =>
  Number(
    (await db.$queryRawUnsafe<{ max: number | null }[]>(`SELECT MAX("id") AS "max" FROM "${MODEL_OF[table]}"`))[0]
      .max ?? 0,
  );
const ids = Object.fromEntries(await Promise.all(TABLE_ORDER.map(async (t) => [t, await maxId(t)]))) as Record<
  TableName,
  number
>;

const unfinished = forgetUnfinished ? null : await db.setting.findUnique({ where: { key: RUN_KEY } });
let plan: GenerationPlan, from: number;
if (unfinished) {
  ({ plan, done: from } = JSON.parse(unfinished.value) as { plan: GenerationPlan; done: number });
  if (flagsOf(plan) !== flagsOf(asked)) {
    console.error(
      `An unfinished run is in the database: run it again to finish it,\n  npm run generate -- ${flagsOf(plan)}\nor start another with --new (what it wrote stays).`,
    );
    process.exit(1);
  }
  console.error(`Resuming run ${plan.tag} after sub-district ${from}.`);
} else {
  // Codes carry the run's tag, so they never collide with an earlier run's or the seed's.
  plan = { ...asked, tag: String(ids.communities).padStart(6, '0'), until: startOfDay(new Date()).toISOString() };
  from = 0;
}
const total = Math.ceil(plan.communities / COMMUNITIES_PER_SUB_DISTRICT);

const writer = await openBulkWriter(config.databaseUrl, { trusted: true });
const job: GeneratorJob = { plan, kind, from, total, chunk: CHUNK_SUB_DISTRICTS, ids };
// tsx's loader does not reach a worker's entry file by itself (privatenumber/tsx#354): the worker registers it first.
const worker = new Worker(
  `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./generate-worker.ts', import.meta.url).href)}); })`,
  // A young generation large enough for a chunk's short-lived rows: without it, collecting them costs more than making them.
  { eval: true, workerData: job, resourceLimits: { maxYoungGenerationSizeMb: 256 } },
);
const started = Date.now();
let rows = 0;

function progress(done: number) {
  const width = 30,
    filled = Math.round((done / total) * width);
  const seconds = (Date.now() - started) / 1000;
  const rate = rows / Math.max(seconds, 0.001);
  const left = ((total - done) / Math.max(done - from, 1)) * seconds;
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} sub-districts, ${rows.toLocaleString()} rows, ${Math.round(rate).toLocaleString()} rows/s, ${Math.ceil(left)} s to go `,
  );
}

try {
  if (from < total)
    for await (const [chunk] of on(worker, 'message') as AsyncIterable<[GeneratedChunk]>) {
      await writer.transaction(async () => {
        await writer.write(chunk.encoded);
        for (const statement of idSequenceResets(kind, tables)) await writer.execute(statement);
        const progressRow =
          chunk.done < total
            ? `INSERT INTO "Setting" ("key", "value") VALUES ('${RUN_KEY}', '${JSON.stringify({ plan, done: chunk.done })}') ON CONFLICT ("key") DO UPDATE SET "value" = excluded."value"`
            : `DELETE FROM "Setting" WHERE "key" = '${RUN_KEY}'`;
        await writer.execute(progressRow);
      });
      rows += chunk.rows;
      progress(chunk.done);
      if (chunk.done === total) break;
      worker.postMessage('more');
    }
  // The planner's statistics, and the visibility map and hint bits, after a load that may have multiplied the
  // tables: without the vacuum, index-only scans read the table too and the first reads write every page, until
  // autovacuum gets there (hours later for a city).
  if (kind === 'postgresql') await writer.execute('VACUUM (ANALYZE)');
} catch (error) {
  console.error(`\n${(error as Error).message}\nWhat was written is kept; the same command carries on from there.`);
  process.exitCode = 1;
} finally {
  await worker.terminate();
  await writer.close();
  await db.$disconnect();
}
if (!process.exitCode) {
  const seconds = (Date.now() - started) / 1000;
  console.log(
    `\nwrote ${rows.toLocaleString()} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString()} rows/s)`,
  );
}
