import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METRIC_DEFINITIONS, METRICS } from '../../shared/metrics/definitions';
import { startTestServer, type TestServer } from './harness';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

/** The first half of 2026 in Beijing time, whose days the server counts. */
const PERIOD = { from: '2026-01-01T00:00:00+08:00', to: '2026-06-30T00:00:00+08:00' };
const start = new Date(PERIOD.from),
  end = new Date('2026-07-01T00:00:00+08:00');

describe('summary of a scope', () => {
  it('adds populations and recomputes the on-time rate from raw rows of every community', async () => {
    const { data, errors } = await server.gql(
      'query($f: DateTime, $t: DateTime) { summary(metrics: [POPULATION, ON_TIME_RATE, CASES_REPORTED], from: $f, to: $t) { metric value perThousand sampleSize } }',
      { f: PERIOD.from, t: PERIOD.to },
    );
    expect(errors).toBeUndefined();
    const byMetric = Object.fromEntries(data!.summary.map((m: { metric: string }) => [m.metric, m]));
    const communities = await server.db.community.findMany();
    expect(byMetric.POPULATION.value).toBe(communities.reduce((sum, c) => sum + (c.population ?? 0), 0));
    // 按期结案率 = 按期结案数 ÷ (应结案数 − 缓办数), over the cases accepted in the half year as they stood at its end.
    const accepted = await server.db.case.findMany({
      where: { acceptedAt: { gte: start, lt: end } },
      select: { closedAt: true, deadline: true, postponedAt: true },
    });
    const open = (c: (typeof accepted)[number]) => !c.closedAt || c.closedAt >= end;
    const due = accepted.filter((c) => !open(c) || c.deadline < end);
    const postponed = due.filter((c) => open(c) && c.postponedAt && c.postponedAt < end).length;
    const onTime = due.filter((c) => !open(c) && c.closedAt! <= c.deadline).length;
    expect(byMetric.ON_TIME_RATE.sampleSize).toBe(due.length - postponed);
    expect(byMetric.ON_TIME_RATE.value).toBeCloseTo(onTime / (due.length - postponed), 10);
    const reported = await server.db.case.count({ where: { reportedAt: { gte: start, lt: end } } });
    expect(byMetric.CASES_REPORTED.value).toBe(reported);
    expect(byMetric.CASES_REPORTED.perThousand).toBeCloseTo((reported * 1000) / byMetric.POPULATION.value, 6);
  });

  it('narrows to one grid', async () => {
    const grid = await server.db.grid.findFirstOrThrow({
      where: { community: { code: 'kangle' } },
      orderBy: { code: 'asc' },
    });
    const { data } = await server.gql(
      `{ summary(metrics: [POPULATION, HOUSEHOLDS], gridCode: "${grid.code}") { metric value } }`,
    );
    expect(data!.summary.map((m: { value: number }) => m.value)).toEqual([grid.population, grid.households]);
  });

  it('counts cases by category so that the categories add up to all cases reported', async () => {
    const { data } = await server.gql(
      'query($f: DateTime, $t: DateTime) { casesByCategory(communityCode: "xinhua", from: $f, to: $t) { category reported closed open } }',
      { f: PERIOD.from, t: PERIOD.to },
    );
    const xinhua = await server.db.community.findUniqueOrThrow({ where: { code: 'xinhua' } });
    const total = await server.db.case.count({
      where: { communityId: xinhua.id, reportedAt: { gte: start, lt: end } },
    });
    const rows = data!.casesByCategory as { reported: number; closed: number; open: number }[];
    expect(rows.reduce((sum, r) => sum + r.reported, 0)).toBe(total);
    for (const r of rows) expect(r.closed + r.open).toBeLessThanOrEqual(r.reported);
  });
});

describe('search', () => {
  it('finds a community by Chinese name and a grid by its code', async () => {
    const byName = await server.gql('{ search(text: "康乐") { kind code label } }');
    expect(byName.data!.search[0]).toMatchObject({ kind: 'COMMUNITY', code: 'kangle' });
    const grid = await server.db.grid.findFirstOrThrow({ where: { community: { code: 'gonghelu' } } });
    const byCode = await server.gql(`{ search(text: "${grid.code}") { kind code communityCode } }`);
    expect(byCode.data!.search).toContainEqual({ kind: 'GRID', code: grid.code, communityCode: 'gonghelu' });
  });

  it('refuses an empty search', async () => {
    expect((await server.gql('{ search(text: "  ") { code } }')).errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('metric definitions', () => {
  it('lists every metric with its names and formula, and each rate is its numerator ÷ (denominator − less)', async () => {
    const { data, errors } = await server.gql(
      '{ metricDefinitions { metric nameZh nameEn definitionZh unit source numerator denominator denominatorLess } }',
    );
    expect(errors).toBeUndefined();
    const definitions = data!.metricDefinitions as Record<string, string | null>[];
    const byMetric = Object.fromEntries(definitions.map((d) => [d.metric, d]));
    expect(byMetric.CLOSURE_RATE).toMatchObject({
      nameZh: '结案率',
      definitionZh: '结案数 ÷ (应结案数 − 缓办数)',
      unit: 'ratio',
      source: 'cohort',
      numerator: 'CASES_CLOSED',
      denominator: 'CASES_DUE',
      denominatorLess: 'CASES_POSTPONED',
    });
    const all = definitions.map((d) => d.metric);
    const summary = await server.gql(
      `query($m: [Metric!]!) { summary(metrics: $m, from: "${PERIOD.from}", to: "${PERIOD.to}") { metric value sampleSize } }`,
      { m: all },
    );
    const value = Object.fromEntries(
      summary.data!.summary.map((v: { metric: string; value: number }) => [v.metric, v.value]),
    );
    const rates = definitions.filter((d) => d.numerator);
    expect(rates.length).toBe(2);
    for (const d of rates) {
      const denominator = value[d.denominator!] - (d.denominatorLess ? value[d.denominatorLess] : 0);
      expect(value[d.metric!], d.metric!).toBeCloseTo(value[d.numerator!] / denominator, 10);
    }
  });
});

describe('the published case figures', () => {
  it('are the same counted by the database (summary) and from case records (a one-quarter series)', async () => {
    const figures = METRICS.filter((m) => METRIC_DEFINITIONS[m].source === 'cohort');
    const quarter = { from: '2026-07-01T00:00:00+08:00', to: '2026-09-30T00:00:00+08:00' };
    const { data } = await server.gql(
      `query($m: [Metric!]!) { summary(metrics: $m, from: "${quarter.from}", to: "${quarter.to}") { metric value } }`,
      { m: figures },
    );
    const summary = Object.fromEntries(
      data!.summary.map((v: { metric: string; value: number }) => [v.metric, v.value]),
    );
    expect(summary.CASES_ACCEPTED).toBeGreaterThan(100);
    for (const metric of figures) {
      const series = await server.gql(
        `{ timeSeries(metric: ${metric}, bucket: QUARTER, from: "${quarter.from}", to: "${quarter.to}") { value } }`,
      );
      expect(series.data!.timeSeries, metric).toEqual([{ value: summary[metric] }]);
    }
  });
});

describe('comparisons with earlier periods', () => {
  type Figure = { metric: string; value: number; previous?: Figure; yearEarlier?: Figure };
  it('gives each figure the month before (环比) and the same month a year before (同比), as summaries of those months', async () => {
    const summaryOf = async (from: string, to: string, extra = '') =>
      (
        await server.gql(
          `{ summary(metrics: [CASES_REPORTED, ON_TIME_RATE], communityCode: "kangle", from: "${from}", to: "${to}") { metric value ${extra} } }`,
        )
      ).data!.summary as Figure[];
    const september = await summaryOf(
      '2026-09-01T00:00:00+08:00',
      '2026-09-30T00:00:00+08:00',
      'grade previous { value previous { value } } yearEarlier { value }',
    );
    const august = await summaryOf('2026-08-01T00:00:00+08:00', '2026-08-31T00:00:00+08:00');
    const july = await summaryOf('2026-07-01T00:00:00+08:00', '2026-07-31T00:00:00+08:00');
    const lastSeptember = await summaryOf('2025-09-01T00:00:00+08:00', '2025-09-30T00:00:00+08:00');
    expect(september.map((v) => v.previous!.value)).toEqual(august.map((v) => v.value));
    expect(september.map((v) => v.previous!.previous!.value)).toEqual(july.map((v) => v.value));
    expect(september.map((v) => v.yearEarlier!.value)).toEqual(lastSeptember.map((v) => v.value));
    expect(september[0].value).not.toBe(august[0].value);
  });

  it('gives a community’s own metric field its comparisons too', async () => {
    const { data } = await server.gql(
      `{ community(code: "kangle") { metric(metric: CASES_REPORTED, from: "2026-09-01T00:00:00+08:00", to: "2026-09-30T00:00:00+08:00") { value previous { value } } } }`,
    );
    const august = await server.gql(
      `{ community(code: "kangle") { metric(metric: CASES_REPORTED, from: "2026-08-01T00:00:00+08:00", to: "2026-08-31T00:00:00+08:00") { value } } }`,
    );
    expect(data!.community.metric.previous.value).toBe(august.data!.community.metric.value);
  });
});
