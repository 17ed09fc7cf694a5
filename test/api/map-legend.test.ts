import { afterAll, beforeAll, expect, it } from 'vitest';
import { classRanges } from '../../shared/geo/classify';
import { DEFAULT_GRADE_BANDS } from '../../shared/metrics/grades';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const PERIOD = 'from: "2025-12-01T00:00:00+08:00", to: "2026-11-30T00:00:00+08:00"';
type Feature = { properties: { code: string; value: number | null; tooFewCases: boolean } };

async function gridValues(communityCode: string, metric: string): Promise<(number | null)[]> {
  const { data } = await server.gql(
    `{ mapFeatures(level: GRID, communityCode: "${communityCode}", metric: ${metric}, ${PERIOD}) }`,
  );
  return (data!.mapFeatures.features as Feature[]).map((f) => (f.properties.tooFewCases ? null : f.properties.value));
}

it('gives every community’s grid map the classes of all grids, not of its own', async () => {
  const legend = async () =>
    (await server.gql(`{ mapLegend(level: GRID, metric: POPULATION, ${PERIOD}) { classes { from to } gradeLimits } }`))
      .data!.mapLegend;
  const first = await legend();
  const { data } = await server.gql(`{ communities { grids { metric(metric: POPULATION, ${PERIOD}) { value } } } }`);
  const all = (data!.communities as { grids: { metric: { value: number | null } }[] }[]).flatMap((c) =>
    c.grids.map((g) => g.metric.value),
  );
  expect(first.classes).toEqual(classRanges(all, 5));
  // One community's own quantiles differ from the jurisdiction's: the map would change legends between views.
  const kangle = await gridValues('kangle', 'POPULATION');
  expect(classRanges(kangle, 5)).not.toEqual(first.classes);
  expect(first.gradeLimits).toBeNull();
  expect(await legend()).toEqual(first);
});

it('carries the grade bands of a metric with targets', async () => {
  const { data } = await server.gql(
    `{ mapLegend(level: COMMUNITY, metric: ON_TIME_RATE, ${PERIOD}) { classes { from to } gradeLimits } }`,
  );
  expect(data!.mapLegend.gradeLimits).toEqual(DEFAULT_GRADE_BANDS.ON_TIME_RATE);
});
