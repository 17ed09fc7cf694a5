import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import type { Context } from '../../context';
import { perThousand } from './metric-value';
import type { ScopeLevel } from './metric.service';
import { periodOf } from './period';
import type { MetricValue } from './metric.type';

/** One metric of one community or grid, through the request's batching loader. */
export async function loadMetricValue(ctx: Context, level: ScopeLevel, id: number, metric: Metric, from?: Date | null, to?: Date | null): Promise<MetricValue> {
  const period = periodOf(from, to);
  const [result, population] = await Promise.all([
    ctx.loaders.metric.load({ level, id, metric, period }),
    METRIC_DEFINITIONS[metric].perThousand ? ctx.loaders.metric.load({ level, id, metric: 'POPULATION', period }) : null,
  ]);
  return { metric, ...result, perThousand: population ? perThousand(result, population.value) : null };
}
