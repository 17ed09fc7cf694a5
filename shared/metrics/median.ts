import { MIN_CASES_FOR_RATE } from './definitions';
import type { RateValue } from './rates';

/** Median of the values (hours to close), null below the minimum sample. */
export function median(values: readonly number[]): RateValue {
  const sampleSize = values.length;
  if (sampleSize < MIN_CASES_FOR_RATE) return { value: null, sampleSize, tooFewCases: true };
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sampleSize / 2);
  const value = sampleSize % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { value, sampleSize, tooFewCases: false };
}
