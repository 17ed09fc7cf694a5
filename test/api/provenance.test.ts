import { afterAll, beforeAll, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../../server/src/db/client';
import { seededDatabase, type ScratchDatabase } from './databases';
import { startTestServer, type TestServer } from './harness';

let scratch: ScratchDatabase;
let server: TestServer;
let db: Database;
beforeAll(async () => {
  scratch = await seededDatabase();
  server = await startTestServer({ DATABASE_URL: scratch.url });
  db = await connectDatabase(scratch.url);
});
afterAll(async () => {
  await server.close();
  await db.$disconnect();
  await scratch.drop();
});

const PROVENANCE = 'provenance { kind source asOf qualifier restsOnGenerated }';

async function summary(communityCode: string, metrics: string) {
  const { data, errors } = await server.gql(
    `{ summary(metrics: [${metrics}], communityCode: "${communityCode}") { metric value ${PROVENANCE} } }`,
  );
  expect(errors).toBeUndefined();
  return data!.summary as { metric: string; value: number; provenance: Record<string, unknown> }[];
}

it('says which figures an article states, with its date, and which the seed generated', async () => {
  const [population, households] = await summary('kangle', 'POPULATION, HOUSEHOLDS');
  expect(population.provenance).toEqual({
    kind: 'STATED',
    source: '000_9e7b2d3ffd31d488.txt (映象网, 2018-08-09)',
    asOf: '2018-08-09',
    qualifier: null,
    restsOnGenerated: false,
  });
  expect(households.provenance.kind).toBe('STATED');
  // 陇海路's article gives no households: the seed made them up.
  const [longhai] = await summary('longhailu', 'HOUSEHOLDS');
  expect(longhai.provenance).toMatchObject({ kind: 'GENERATED', restsOnGenerated: true });
  // 重华: "4000余" residents, in an undated speech.
  const [chonghua] = await summary('chonghua', 'POPULATION');
  expect(chonghua.provenance).toMatchObject({ kind: 'STATED', qualifier: 'AT_LEAST', asOf: null });
  expect(chonghua.value).toBe(4000);
});

it('calls case figures over synthetic records generated, in summaries, rankings and stats alike', async () => {
  const [rate] = await summary('kangle', 'ON_TIME_RATE');
  expect(rate.provenance).toEqual({
    kind: 'GENERATED',
    source: null,
    asOf: null,
    qualifier: null,
    restsOnGenerated: true,
  });
  const { data } = await server.gql(
    `{ ranking(level: COMMUNITY, metric: ON_TIME_RATE) { code ${PROVENANCE} }
       stats(measures: [CASES_ACCEPTED, POPULATION], dimensions: [COMMUNITY], period: { from: "2026-01-01", to: "2026-06-30" }) {
         rows { keys { code } values { metric ${PROVENANCE} } } } }`,
  );
  expect(data!.ranking.every((r: { provenance: { restsOnGenerated: boolean } }) => r.provenance.restsOnGenerated)).toBe(
    true,
  );
  const kangle = data!.stats.rows.find((r: { keys: { code: string }[] }) => r.keys[0].code === 'kangle');
  expect(kangle.values.map((v: { provenance: { kind: string } }) => v.provenance.kind)).toEqual([
    'GENERATED',
    'STATED',
  ]);
});

it('names the file, sheet and row of an imported figure, and real records are computed', async () => {
  const kangle = await db.community.findUniqueOrThrow({ where: { code: 'kangle' } });
  await db.figureSource.create({
    data: {
      placeCode: 'kangle',
      field: 'households',
      file: '2026年人口统计.xlsx',
      sheet: '社区',
      row: 4,
      asOf: new Date('2026-06-30T00:00:00+08:00'),
      importedBy: 'admin',
    },
  });
  await db.case.updateMany({ where: { communityId: kangle.id }, data: { generated: false } });
  const [households, accepted] = await summary('kangle', 'HOUSEHOLDS, CASES_ACCEPTED');
  expect(households.provenance).toEqual({
    kind: 'IMPORTED',
    source: '2026年人口统计.xlsx, 社区, row 4',
    asOf: '2026-06-30',
    qualifier: null,
    restsOnGenerated: false,
  });
  expect(accepted.provenance).toMatchObject({ kind: 'COMPUTED', restsOnGenerated: false });
  // Over every community, the generated cases of the others still show.
  const { data } = await server.gql(`{ summary(metrics: [CASES_ACCEPTED]) { ${PROVENANCE} } }`);
  expect(data!.summary[0].provenance).toMatchObject({ kind: 'COMPUTED', restsOnGenerated: true });
});
