import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const COMPARE = `query($c: [String!], $g: [String!]) {
  compare(communityCodes: $c, gridCodes: $g, metrics: [POPULATION, PARTY_MEMBERS]) {
    level code name communityCode metric raw perThousand
  }
}`;
type Row = { level: string; code: string; name: string; communityCode: string; metric: string; raw: number | null };

describe('compare takes grids as well as communities', () => {
  it('answers a community and two grids, in the order asked, each with its own figures', async () => {
    const grids = await server.db.grid.findMany({
      where: { community: { code: 'kangle' } },
      orderBy: { code: 'asc' },
      take: 2,
    });
    const { data, errors } = await server.gql(COMPARE, { c: ['gonghelu'], g: grids.map((g) => g.code).reverse() });
    expect(errors).toBeUndefined();
    const population = (data!.compare as Row[]).filter((row) => row.metric === 'POPULATION');
    expect(population.map((row) => [row.level, row.code])).toEqual([
      ['COMMUNITY', 'gonghelu'],
      ['GRID', grids[1].code],
      ['GRID', grids[0].code],
    ]);
    expect(population[0].raw).toBe(14929);
    for (const [i, grid] of [grids[1], grids[0]].entries())
      expect(population[i + 1]).toMatchObject({ name: grid.name, communityCode: 'kangle', raw: grid.population });
  });

  it('compares up to 10 places and refuses 11 with a message that says so', async () => {
    const codes = (await server.db.grid.findMany({ orderBy: { code: 'asc' }, take: 11 })).map((g) => g.code);
    const ten = await server.gql(COMPARE, { c: ['kangle'], g: codes.slice(0, 9) });
    expect(ten.errors).toBeUndefined();
    expect(new Set((ten.data!.compare as Row[]).map((row) => row.code)).size).toBe(10);
    const eleven = await server.gql(COMPARE, { c: ['kangle'], g: codes.slice(0, 10) });
    expect(eleven.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(eleven.errors?.[0].message).toBe('Name 1 to 10 communities and grids, not 11');
    const none = await server.gql(COMPARE, {});
    expect(none.errors?.[0].message).toBe('Name 1 to 10 communities and grids, not 0');
  });

  it('says which grid it does not know', async () => {
    const answer = await server.gql(COMPARE, { c: ['kangle'], g: ['no-such-grid'] });
    expect(answer.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(answer.errors?.[0].message).toContain('Grid "no-such-grid"');
  });
});
