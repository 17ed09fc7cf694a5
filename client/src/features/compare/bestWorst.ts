import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';

/** Which columns hold the best and worst value of a row, where the metric has a better direction. */
export function bestWorst(metric: Metric, values: (number | null)[]): { best: number | null; worst: number | null } {
  const direction = METRIC_DEFINITIONS[metric].higherIsBetter;
  const known = values.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => x.v !== null);
  if (direction === null || known.length < 2 || known.every((x) => x.v === known[0].v))
    return { best: null, worst: null };
  const sorted = [...known].sort((a, b) => (direction ? b.v - a.v : a.v - b.v));
  return { best: sorted[0].i, worst: sorted[sorted.length - 1].i };
}
