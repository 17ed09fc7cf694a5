import { getOperationAST, print, type DocumentNode } from 'graphql';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { KPI_METRICS } from '../../client/src/app/queries';
import {
  GridRowsDocument,
  MapFeaturesDocument,
  MapLegendDocument,
  ScopeSeriesDocument,
  ScopeSummaryDocument,
  ViewerDocument,
} from '../../client/src/gql/graphql';
import { startTestServer, type TestServer } from './harness';

/**
 * What one community page of the dashboard may cost, whatever the number of its grids and cases.
 * Its key figures over three periods (the chosen one, the one before and a year before) are
 * one statement of case rows and one of rollups, with their provenance; its legend covers every
 * grid of the jurisdiction; its series count every month of cases in one statement.
 */
const COMMUNITY_PAGE_STATEMENTS = 34;

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
    return { queries: server.queries.filter((sql) => /^\s*(SELECT|WITH)\b/i.test(sql)).length, data: response.data! };
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

it('draws a community page (its figures, grids, map, charts and series) in a fixed, small number of SQL statements', async () => {
  const page = { communityCode: 'kangle', from: '2025-12-01T00:00:00+08:00', to: '2026-11-30T00:00:00+08:00' };
  const operations: [DocumentNode, Record<string, unknown>][] = [
    [ViewerDocument, {}],
    [ScopeSummaryDocument, { ...page, metrics: [...KPI_METRICS] }],
    [GridRowsDocument, { code: 'kangle', metric: 'ON_TIME_RATE', from: page.from, to: page.to }],
    [ScopeSeriesDocument, page],
    [MapFeaturesDocument, { level: 'GRID', metric: 'ON_TIME_RATE', ...page }],
    [MapLegendDocument, { level: 'GRID', metric: 'ON_TIME_RATE', from: page.from, to: page.to }],
  ];
  const statements: Record<string, number> = {};
  for (const [document, variables] of operations) {
    server.queries.length = 0;
    const response = await server.gql(print(document), variables);
    expect(response.errors).toBeUndefined();
    statements[getOperationAST(document)!.name!.value] = server.queries.filter((sql) =>
      /^\s*(SELECT|WITH)\b/i.test(sql),
    ).length;
  }
  const total = Object.values(statements).reduce((a, b) => a + b, 0);
  console.log(`a community page: ${total} SQL statements ${JSON.stringify(statements)}`);
  expect(total).toBeLessThanOrEqual(COMMUNITY_PAGE_STATEMENTS);
});
