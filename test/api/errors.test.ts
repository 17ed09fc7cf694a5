import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, TEST_DISPLAY_TOKEN, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const codeOf = (response: { errors?: { extensions?: { code?: string } }[] }) => response.errors?.[0].extensions?.code;

describe('bad input gets a stable code and a readable message', () => {
  it('NOT_FOUND for an unknown community in compare and time series', async () => {
    const compare = await server.gql(
      '{ compare(communityCodes: ["kangle", "atlantis"], metrics: [POPULATION]) { value } }',
    );
    expect(codeOf(compare)).toBe('NOT_FOUND');
    expect(compare.errors![0].message).toContain('"atlantis"');
    expect(
      codeOf(
        await server.gql(
          '{ timeSeries(metric: BACKLOG, bucket: MONTH, from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z", communityCode: "nowhere") { value } }',
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('BAD_USER_INPUT for a reversed period, a bad bbox, too many communities and a bad cursor', async () => {
    const reversed = await server.gql(
      '{ community(code: "kangle") { metric(metric: CASES_REPORTED, from: "2026-05-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { value } } }',
    );
    expect(codeOf(reversed)).toBe('BAD_USER_INPUT');
    expect(reversed.errors![0].message).toMatch(/starts .* after it ends/);
    expect(
      codeOf(
        await server.gql(
          '{ mapFeatures(level: COMMUNITY, metric: POPULATION, bbox: { west: 120, south: 30, east: 110, north: 40 }) }',
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      codeOf(
        await server.gql(
          '{ compare(communityCodes: ["a","b","c","d","e","f","g","h","i","j","k"], metrics: [POPULATION]) { value } }',
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(codeOf(await server.gql('{ cases(after: "bm9wZQ") { totalCount } }'))).toBe('BAD_USER_INPUT');
  });

  it('refuses queries nested too deep before running them', async () => {
    const deep =
      '{ communities { grids { community { grids { community { grids { community { grids { community { grids { code } } } } } } } } } } }';
    const refused = await server.gql(deep);
    expect(codeOf(refused)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(refused.errors![0].message).toMatch(/10 levels deep; at most 8 are allowed/);
  });
});

describe('maps', () => {
  it('draws one feature per located community and clips grids to the viewport', async () => {
    const all = await server.gql('{ mapFeatures(level: COMMUNITY, metric: POPULATION) }');
    expect(all.data!.mapFeatures.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual([
      'kangle',
      'longhailu',
      'xinhua',
      'gonghelu',
    ]);
    const kangle = all.data!.mapFeatures.features[0];
    expect(kangle.properties).toMatchObject({ name: '康乐社区', value: 9050, unit: 'people' });
    const west = 114.255,
      east = 114.258;
    const clipped = await server.gql(
      `{ mapFeatures(level: GRID, communityCode: "kangle", metric: BACKLOG, bbox: { west: ${west}, south: 34.7, east: ${east}, north: 34.9 }) }`,
    );
    const features = clipped.data!.mapFeatures.features;
    expect(features.length).toBeGreaterThan(0);
    expect(features.length).toBeLessThan(8);
    for (const f of features)
      for (const [lng] of f.geometry.coordinates[0]) expect(lng).toBeGreaterThanOrEqual(west - 1e-9);
  });
});

describe('without PUBLIC_DASHBOARD', () => {
  let closed: TestServer;
  beforeAll(async () => {
    closed = await startTestServer({ PUBLIC_DASHBOARD: 'false' });
  });
  afterAll(() => closed.close());

  it('needs a token to read, and a display token may read aggregates', async () => {
    expect(codeOf(await closed.gql('{ communities { code } }'))).toBe('UNAUTHENTICATED');
    const display = await closed.gql('{ communities { code population } }', {}, TEST_DISPLAY_TOKEN);
    expect(display.data!.communities).toHaveLength(5);
  });
});
