import DataLoader from 'dataloader';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import type { Context } from '../../context';
import type { Database } from '../../db/client';
import { perThousand, type MetricResult } from './metric-value';
import { computeMetrics, type ScopeLevel } from './metric.service';
import type { MetricValue } from './metric.type';
import { periodKey, periodOf, type Period } from '../../graphql/period';

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

/** One metric of one community or grid, through the request's batching loader. */
export async function loadMetricValue(
  ctx: Context,
  level: ScopeLevel,
  id: number,
  metric: Metric,
  from?: Date | null,
  to?: Date | null,
): Promise<MetricValue> {
  const period = periodOf(from, to);
  const [result, population] = await Promise.all([
    ctx.loaders.metric.load({ level, id, metric, period }),
    METRIC_DEFINITIONS[metric].perThousand
      ? ctx.loaders.metric.load({ level, id, metric: 'POPULATION', period })
      : null,
  ]);
  return { metric, ...result, perThousand: population ? perThousand(result, population.value) : null };
}
