import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type ScratchDatabase } from './databases';
import { startTestServer, type TestServer } from './harness';

let database: ScratchDatabase;
let server: TestServer;
beforeAll(async () => {
  // Places added for the ranking, on a copy: the other tests count the seed's buildings.
  database = await seededDatabase();
  server = await startTestServer({ DATABASE_URL: database.url });
  const grid = await server.db.grid.findFirstOrThrow({
    where: { community: { code: 'kangle' } },
    orderBy: { code: 'asc' },
  });
  // Codes that sort before every seeded building's, so that an order by code alone would put them first.
  const add = (code: string, name: string) =>
    server.db.building.create({
      data: { code, name, gridId: grid.id, kind: 'APARTMENT', households: 1, population: 1 },
    });
  await add('000-a', '141号楼');
  await add('000-b', '41号楼附楼');
  await add('000-c', '康乐');
});
afterAll(async () => {
  await server?.close();
  await database?.drop();
});

type Hit = { kind: string; code: string; name: string; gridCode: string | null };
const search = async (text: string, first = 20) => {
  const { data, errors } = await server.gql(
    'query($t: String!, $f: Int) { search(text: $t, first: $f) { kind code name gridCode } }',
    { t: text, f: first },
  );
  expect(errors).toBeUndefined();
  return data!.search as Hit[];
};

describe('search ranks exact names and codes first', () => {
  it('puts every 41号楼 before 41号楼附楼 (a prefix) and 141号楼 (inside)', async () => {
    const names = (await search('41号楼')).map((hit) => hit.name);
    const exact = names.filter((name) => name === '41号楼').length;
    expect(exact).toBeGreaterThan(0);
    expect(names).toEqual([...Array(exact).fill('41号楼'), '41号楼附楼', '141号楼']);
  });

  it('finds the exact one however many places hold the text', async () => {
    const hits = await search('41号楼', 1);
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ kind: 'BUILDING', name: '41号楼' });
  });

  it('puts an exact name of any kind before a community whose name starts with it', async () => {
    const hits = await search('康乐');
    expect(hits.slice(0, 2).map((hit) => [hit.kind, hit.name])).toEqual([
      ['BUILDING', '康乐'],
      ['COMMUNITY', '康乐社区'],
    ]);
  });

  it('puts a grid found by its code before the buildings whose codes start with it', async () => {
    const grid = await server.db.grid.findFirstOrThrow({
      where: { community: { code: 'gonghelu' } },
      orderBy: { code: 'asc' },
    });
    const hits = await search(grid.code);
    expect(hits[0]).toMatchObject({ kind: 'GRID', code: grid.code });
    expect(hits.slice(1).length).toBeGreaterThan(0);
    for (const hit of hits.slice(1)) expect(hit).toMatchObject({ kind: 'BUILDING', gridCode: grid.code });
  });
});
