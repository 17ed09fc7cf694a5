import { bucketStart, monthStart } from './buckets';

/** Period presets a leader picks from; they travel in the URL as ?period=. */
export const PERIODS = ['quarter', 'year', 'twoYears'] as const;
export type PeriodPreset = (typeof PERIODS)[number];

/**
 * The preset as a from/to pair ending now: this quarter from the first day of its first
 * month, or the last 12 or 24 months counting this one, in the calendar's time zone.
 */
export function periodRange(preset: PeriodPreset, now = new Date()): { from: string; to: string } {
  const from = preset === 'quarter' ? bucketStart(now, 'QUARTER') : monthStart(now, preset === 'year' ? -11 : -23);
  return { from: from.toISOString(), to: now.toISOString() };
}
