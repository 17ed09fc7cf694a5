import { afterAll, beforeAll, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

it('loads every community with its grids and buildings in a fixed number of SQL queries', async () => {
  const count = async (query: string) => {
    server.queries.length = 0;
    const response = await server.gql(query);
    expect(response.errors).toBeUndefined();
    return { queries: server.queries.filter((sql) => /^\s*SELECT/i.test(sql)).length, data: response.data! };
  };
  const nested = await count('{ communities { code grids { code buildings { code kind households } } } }');
  const gridCount = nested.data.communities.reduce((sum: number, c: { grids: unknown[] }) => sum + c.grids.length, 0);
  expect(gridCount).toBeGreaterThan(50);
  // communities, then all their grids, then all those grids' buildings: one query per level.
  expect(nested.queries).toBe(3);
  const withMetrics = await count(
    '{ communities { code partyMembers volunteerHours grids { code metric(metric: BACKLOG) { value } } } }',
  );
  // Metrics batch per level and period too: a handful of queries for 5 communities and 50+ grids.
  expect(withMetrics.queries).toBeLessThan(15);
});
