import { parseArgs } from 'node:util';
import { prepareDatabase } from '../../server/src/bootstrap';
import { readConfig } from '../../server/src/config';
import { databaseKind } from '../../server/src/db/client';
import { openBulkWriter } from '../../server/src/db/bulk-insert';
import { resetIdSequences } from '../../server/src/db/dialect';
import { withEnvFile } from '../../server/src/env-file';
import { startOfDay } from '../../shared/time/buckets';
import { emptyDataset, IdSequence, TABLE_ORDER, type TableName } from '../seed/dataset';
import type { CommunityFacts } from '../seed/facts';
import { SeededRandom } from '../seed/random';
import { addCommunityActivity, MONTHS_OF_HISTORY } from '../seed/seed-dataset';
import { MODEL_OF, writeDataset } from '../seed/write';

const USAGE =
  'npm run generate -- --communities 3000 --grids-per-community 10 --buildings-per-grid 15 --cases 5000000 [--months 24] [--chunk 25]';
const { values } = parseArgs({
  options: {
    communities: { type: 'string', default: '100' },
    'grids-per-community': { type: 'string', default: '10' },
    'buildings-per-grid': { type: 'string', default: '15' },
    cases: { type: 'string', default: '100000' },
    months: { type: 'string', default: String(MONTHS_OF_HISTORY) },
    chunk: { type: 'string', default: '25' },
  },
});
const flags = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, Number(v)]));
const bad = Object.entries(flags).filter(([, v]) => !Number.isInteger(v) || v < 1);
if (bad.length) {
  console.error(`${bad.map(([k]) => `--${k}`).join(', ')} must be positive integers\n${USAGE}`);
  process.exit(1);
}
const communities = flags.communities,
  grids = flags['grids-per-community'],
  buildings = flags['buildings-per-grid'];
const casesPerGrid = Math.max(0, Math.round(flags.cases / (communities * grids)));

const config = readConfig({ ...withEnvFile(), SEED_ON_START: 'false' });
const { db } = await prepareDatabase(config);
// Continue after whatever is there (the seed, an earlier run): ids and codes never collide.
const maxId = async (table: TableName) =>
  Number(
    (await db.$queryRawUnsafe<{ max: number | null }[]>(`SELECT MAX("id") AS "max" FROM "${MODEL_OF[table]}"`))[0]
      .max ?? 0,
  );
const start = Object.fromEntries(await Promise.all(TABLE_ORDER.map(async (t) => [t, await maxId(t)]))) as Record<
  TableName,
  number
>;
const ids = new IdSequence(start);
const runTag = String(start.communities).padStart(6, '0');
const writer = await openBulkWriter(config.databaseUrl);
const random = new SeededRandom(start.communities + 1);
const until = startOfDay(new Date());
const started = Date.now();
let rows = 0;

function progress(done: number) {
  const width = 30,
    filled = Math.round((done / communities) * width);
  const seconds = (Date.now() - started) / 1000;
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${communities} communities, ${rows.toLocaleString()} rows, ${Math.round(rows / Math.max(seconds, 0.001)).toLocaleString()} rows/s`,
  );
}

for (let first = 0; first < communities; first += flags.chunk) {
  const data = emptyDataset();
  for (let n = first; n < Math.min(communities, first + flags.chunk); n++) {
    const subDistrictId = ids.next('subDistricts');
    const code = `gen-${runTag}-${String(n + 1).padStart(5, '0')}`;
    data.subDistricts.push({
      id: subDistrictId,
      code: `999${runTag}-${String(n + 1).padStart(5, '0')}`,
      name: `生成街道${n + 1}`,
    });
    const facts: CommunityFacts = {
      code,
      name: `生成社区${n + 1}`,
      nameEn: `Generated community ${n + 1}`,
      source: 'generated (npm run generate)',
      subDistrict: `生成街道${n + 1}`,
      approxCentroid: { lat: 22 + (n % 60) * 0.3, lng: 100 + Math.floor(n / 60) * 0.4 },
      population: grids * buildings * random.int(20, 40),
      grids: { count: grids },
      residentialBuildings: grids * buildings,
    };
    addCommunityActivity(
      data,
      ids,
      random,
      facts,
      subDistrictId,
      `999${runTag}-${String(n + 1).padStart(5, '0')}-001`,
      until,
      flags.months,
      casesPerGrid,
    );
  }
  rows += await writeDataset((model, batch) => writer.insert(model, batch), data);
  progress(Math.min(communities, first + flags.chunk));
}
await writer.close();
await resetIdSequences(
  db,
  databaseKind(config.databaseUrl),
  TABLE_ORDER.map((t) => MODEL_OF[t]),
);
await db.$disconnect();
const seconds = (Date.now() - started) / 1000;
console.log(
  `\nwrote ${rows.toLocaleString()} rows in ${seconds.toFixed(1)} s (${Math.round(rows / seconds).toLocaleString()} rows/s)`,
);
