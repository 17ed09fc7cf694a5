/**
 * Every metric the product shows, defined once. `source` says where the value comes
 * from: `static` figures (latest snapshot or stated), `rollup` sums over the period,
 * `cohort` the cases accepted in the period as they stood at its end (the published
 * monthly figures, shared/metrics/case-metrics.ts), `raw` rows (medians).
 * `perThousand` says whether a per-1,000-residents view makes sense.
 */
export const METRICS = [
  'POPULATION',
  'HOUSEHOLDS',
  'FLOATING_POPULATION',
  'DENSITY',
  'PARTY_MEMBERS',
  'VOLUNTEERS',
  'VOLUNTEER_HOURS',
  'CASES_REPORTED',
  'CASES_ACCEPTED',
  'CASES_DUE',
  'CASES_CLOSED',
  'CASES_CLOSED_ON_TIME',
  'CASES_POSTPONED',
  'CLOSURE_RATE',
  'ON_TIME_RATE',
  'REWORK_RATE',
  'EXTENSION_RATE',
  'OVERDUE_OPEN',
  'MEDIAN_HOURS_TO_CLOSE',
  'BACKLOG',
  'SATISFACTION',
] as const;
export type Metric = (typeof METRICS)[number];

export type MetricUnit = 'people' | 'households' | 'perKm2' | 'hours' | 'cases' | 'ratio' | 'score';

export interface MetricDefinition {
  unit: MetricUnit;
  source: 'static' | 'rollup' | 'cohort' | 'raw';
  /** A rate over fewer than MIN_CASES_FOR_RATE cases is not shown. */
  isRate: boolean;
  perThousand: boolean;
  /** Whether a larger value is better (for best/worst marks and colour direction). */
  higherIsBetter: boolean | null;
}

export const METRIC_DEFINITIONS: Record<Metric, MetricDefinition> = {
  POPULATION: { unit: 'people', source: 'static', isRate: false, perThousand: false, higherIsBetter: null },
  HOUSEHOLDS: { unit: 'households', source: 'static', isRate: false, perThousand: true, higherIsBetter: null },
  FLOATING_POPULATION: { unit: 'people', source: 'static', isRate: false, perThousand: true, higherIsBetter: null },
  DENSITY: { unit: 'perKm2', source: 'static', isRate: false, perThousand: false, higherIsBetter: null },
  PARTY_MEMBERS: { unit: 'people', source: 'static', isRate: false, perThousand: true, higherIsBetter: true },
  VOLUNTEERS: { unit: 'people', source: 'static', isRate: false, perThousand: true, higherIsBetter: true },
  VOLUNTEER_HOURS: { unit: 'hours', source: 'rollup', isRate: false, perThousand: true, higherIsBetter: true },
  CASES_REPORTED: { unit: 'cases', source: 'rollup', isRate: false, perThousand: true, higherIsBetter: null },
  CASES_ACCEPTED: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: null },
  CASES_DUE: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: null },
  CASES_CLOSED: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: true },
  CASES_CLOSED_ON_TIME: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: true },
  CASES_POSTPONED: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: false },
  CLOSURE_RATE: { unit: 'ratio', source: 'cohort', isRate: true, perThousand: false, higherIsBetter: true },
  ON_TIME_RATE: { unit: 'ratio', source: 'cohort', isRate: true, perThousand: false, higherIsBetter: true },
  REWORK_RATE: { unit: 'ratio', source: 'cohort', isRate: true, perThousand: false, higherIsBetter: false },
  EXTENSION_RATE: { unit: 'ratio', source: 'cohort', isRate: true, perThousand: false, higherIsBetter: false },
  OVERDUE_OPEN: { unit: 'cases', source: 'cohort', isRate: false, perThousand: true, higherIsBetter: false },
  MEDIAN_HOURS_TO_CLOSE: { unit: 'hours', source: 'raw', isRate: true, perThousand: false, higherIsBetter: false },
  BACKLOG: { unit: 'cases', source: 'rollup', isRate: false, perThousand: true, higherIsBetter: false },
  SATISFACTION: { unit: 'score', source: 'rollup', isRate: true, perThousand: false, higherIsBetter: true },
};

export const MIN_CASES_FOR_RATE = 5;

/** Value per 1,000 residents, or null when the population is unknown or zero. */
export function perThousandResidents(value: number | null, population: number | null): number | null {
  if (value === null || !population) return null;
  return (value * 1000) / population;
}
