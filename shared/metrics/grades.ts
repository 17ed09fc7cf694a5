import { METRIC_DEFINITIONS, METRICS, type Metric } from './definitions';

/** 优 良 中 差: the grades of the city assessment rules. */
export const GRADES = ['优', '良', '中', '差'] as const;
export type Grade = (typeof GRADES)[number];

/**
 * The lowest value (or, for a metric where less is better, the highest) that earns each
 * grade but the last, best first: `[0.9, 0.8, 0.6]` is 优 from 90 %, 良 from 80 %, 中 from
 * 60 %, else 差.
 */
export type GradeBands = Partial<Record<Metric, [number, number, number]>>;

/** Defaults in the style of the city assessment rules (按期结案率 ≥ 90 % 优, 80–90 % 良, …). */
export const DEFAULT_GRADE_BANDS: GradeBands = {
  ON_TIME_RATE: [0.9, 0.8, 0.6],
  CLOSURE_RATE: [0.95, 0.9, 0.8],
  SATISFACTION: [4.5, 4, 3],
  REWORK_RATE: [0.05, 0.1, 0.2],
  EXTENSION_RATE: [0.05, 0.1, 0.2],
};

/** The grade of a value, or null when the metric has no bands or the value is not stated. */
export function gradeOf(metric: Metric, value: number | null, bands: GradeBands = DEFAULT_GRADE_BANDS): Grade | null {
  const limits = bands[metric];
  if (!limits || value === null) return null;
  const lowerIsBetter = METRIC_DEFINITIONS[metric].higherIsBetter === false;
  const index = limits.findIndex((limit) => (lowerIsBetter ? value <= limit : value >= limit));
  return GRADES[index === -1 ? 3 : index];
}

/** What is wrong with grade bands read from a file, or null: known metrics, three numbers, in order. */
export function gradeBandsProblem(bands: unknown): string | null {
  if (typeof bands !== 'object' || bands === null || Array.isArray(bands))
    return 'must be an object of metric: [优, 良, 中]';
  for (const [metric, limits] of Object.entries(bands)) {
    if (!METRICS.includes(metric as Metric)) return `"${metric}" is not a metric`;
    if (!Array.isArray(limits) || limits.length !== 3 || !limits.every((l) => typeof l === 'number'))
      return `${metric} needs three numbers, the lower limits of 优, 良 and 中`;
    const lowerIsBetter = METRIC_DEFINITIONS[metric as Metric].higherIsBetter === false;
    const ordered = limits.every((l, i) => i === 0 || (lowerIsBetter ? l > limits[i - 1] : l < limits[i - 1]));
    if (!ordered) return `${metric}: the limits must run from 优 to 中 (${lowerIsBetter ? 'rising' : 'falling'})`;
  }
  return null;
}

export interface Ranked<T> {
  row: T;
  /** 1 for the best; equal values share a rank (1, 2, 2, 4); null for a rate on too few cases. */
  rank: number | null;
}

/**
 * A league table: best first by the metric's direction, equal values sharing their rank,
 * rows without a stated value (too few cases, unknown) last and unranked.
 */
export function rankRows<T extends { value: number | null }>(metric: Metric, rows: T[]): Ranked<T>[] {
  const sign = METRIC_DEFINITIONS[metric].higherIsBetter === false ? 1 : -1;
  const stated = rows.filter((r) => r.value !== null).sort((a, b) => sign * (a.value! - b.value!));
  const ranked = stated.map((row, i) => ({ row, rank: i + 1 }));
  for (let i = 1; i < ranked.length; i++)
    if (ranked[i].row.value === ranked[i - 1].row.value) ranked[i].rank = ranked[i - 1].rank;
  return [...ranked, ...rows.filter((r) => r.value === null).map((row) => ({ row, rank: null }))];
}
