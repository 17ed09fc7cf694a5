import DataLoader from 'dataloader';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import type { Context } from '../../context';
import type { Database } from '../../db/client';
import { perThousand, type MetricResult } from './metric-value';
import { computeMetrics, type ScopeLevel } from './metric.service';
import type { MetricValue } from './metric.type';
import { earlierPeriod, periodKey, periodOf, type Period } from '../../graphql/period';
import { scopeSummary } from './stats.service';

export interface MetricKey {
  level: ScopeLevel;
  id: number;
  metric: Metric;
  period: Period;
}

/**
 * Batches every metric asked for in one request: keys are grouped by level and period,
 * and each group costs one computeMetrics call for all its scopes and metrics.
 */
export function createMetricLoader(db: Database) {
  return new DataLoader<MetricKey, MetricResult, string>(
    async (keys) => {
      const groups = new Map<string, { level: ScopeLevel; period: Period; ids: Set<number>; metrics: Set<Metric> }>();
      for (const key of keys) {
        const groupKey = `${key.level}|${periodKey(key.period)}`;
        const group = groups.get(groupKey) ?? {
          level: key.level,
          period: key.period,
          ids: new Set(),
          metrics: new Set(),
        };
        group.ids.add(key.id);
        group.metrics.add(key.metric);
        groups.set(groupKey, group);
      }
      const computed = new Map<string, Awaited<ReturnType<typeof computeMetrics>>>();
      await Promise.all(
        [...groups].map(async ([groupKey, g]) => {
          computed.set(groupKey, await computeMetrics(db, g.level, [...g.ids], [...g.metrics], g.period));
        }),
      );
      return keys.map(
        (key) =>
          computed
            .get(`${key.level}|${periodKey(key.period)}`)
            ?.get(key.id)
            ?.get(key.metric) ?? { value: null, sampleSize: 0, tooFewCases: false },
      );
    },
    { cacheKeyFn: (key) => `${key.level}|${key.id}|${key.metric}|${periodKey(key.period)}` },
  );
}

/** One metric of one community or grid over a period, through the request's batching loader. */
async function placeValue(ctx: Context, level: ScopeLevel, id: number, metric: Metric, period: Period) {
  const [result, population] = await Promise.all([
    ctx.loaders.metric.load({ level, id, metric, period }),
    METRIC_DEFINITIONS[metric].perThousand
      ? ctx.loaders.metric.load({ level, id, metric: 'POPULATION', period })
      : null,
  ]);
  return {
    metric,
    ...result,
    perThousand: population ? perThousand(result, population.value) : null,
    origin: { scope: { level, id }, period },
  };
}

/** One metric of one community or grid, through the request's batching loader. */
export function loadMetricValue(
  ctx: Context,
  level: ScopeLevel,
  id: number,
  metric: Metric,
  from?: Date | null,
  to?: Date | null,
): Promise<MetricValue> {
  return placeValue(ctx, level, id, metric, periodOf(from, to));
}

export interface SummaryKey {
  communityCode: string | null;
  gridCode: string | null;
  metric: Metric;
  period: Period;
}

/**
 * Summaries asked for in one request (a figure with its 环比 and 同比): one computation per
 * scope for all its metrics and periods, so the periods share each statement.
 */
export function createSummaryLoader(db: Database) {
  const scopeOf = (key: SummaryKey) => `${key.communityCode}|${key.gridCode}`;
  return new DataLoader<SummaryKey, MetricValue, string>(
    async (keys) => {
      const groups = new Map<string, { first: SummaryKey; metrics: Set<Metric>; periods: Map<string, Period> }>();
      for (const key of keys) {
        const group = groups.get(scopeOf(key)) ?? { first: key, metrics: new Set<Metric>(), periods: new Map() };
        group.metrics.add(key.metric);
        group.periods.set(periodKey(key.period), key.period);
        groups.set(scopeOf(key), group);
      }
      const values = new Map<string, MetricValue>();
      for (const [scope, { first, metrics, periods }] of groups) {
        const perPeriod = await scopeSummary(
          db,
          first.communityCode,
          first.gridCode,
          [...metrics],
          [...periods.values()],
        );
        for (const [i, period] of [...periods.keys()].entries())
          for (const value of perPeriod[i]) values.set(`${scope}|${period}|${value.metric}`, value);
      }
      return keys.map((key) => values.get(`${scopeOf(key)}|${periodKey(key.period)}|${key.metric}`)!);
    },
    { cacheKeyFn: (key) => `${scopeOf(key)}|${periodKey(key.period)}|${key.metric}` },
  );
}

/** The same figure over the period it is compared with: 环比 (`previous`) or 同比 (`yearEarlier`). */
export function valueOver(ctx: Context, value: MetricValue, which: 'previous' | 'yearEarlier') {
  if (!value.origin) return null;
  const period = earlierPeriod(value.origin.period, which);
  const { scope } = value.origin;
  return 'level' in scope
    ? placeValue(ctx, scope.level, scope.id, value.metric, period)
    : ctx.loaders.summary.load({ ...scope, metric: value.metric, period });
}
