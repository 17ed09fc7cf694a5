import type { Language } from '../../../shared/format/number';
import { METRIC_DEFINITIONS, type Metric } from '../../../shared/metrics/definitions';

/** A figure's move against an earlier period, as a leader reads it. */
export interface Change {
  direction: 'up' | 'down' | 'same';
  /** good or bad by the metric's direction; neutral for a metric with none (population). */
  tone: 'good' | 'bad' | 'neutral';
  /** +12.3% for a count, +2.1 points for a rate (percent of a percent misleads). */
  text: string;
}

/**
 * The change from `earlier` to `value`, or null when either is unknown (a thin rate is
 * null, so is a count that was 0 and is not now: no percentage of nothing).
 */
export function changeOf(
  metric: Metric,
  value: number | null,
  earlier: number | null,
  language: Language,
  points: string,
): Change | null {
  if (value === null || earlier === null) return null;
  const { unit, higherIsBetter } = METRIC_DEFINITIONS[metric];
  const byPoints = unit === 'ratio';
  if (!byPoints && earlier === 0 && value !== 0) return null;
  const delta = byPoints ? (value - earlier) * 100 : earlier === 0 ? 0 : ((value - earlier) / Math.abs(earlier)) * 100;
  const rounded = Math.round(delta * 10) / 10;
  const direction = rounded > 0 ? 'up' : rounded < 0 ? 'down' : 'same';
  const tone =
    direction === 'same' || higherIsBetter === null
      ? 'neutral'
      : (direction === 'up') === higherIsBetter
        ? 'good'
        : 'bad';
  const number = Math.abs(rounded).toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const sign = direction === 'up' ? '+' : direction === 'down' ? '−' : '±';
  return { direction, tone, text: `${sign}${number}${byPoints ? points : '%'}` };
}
