import { MIN_CASES_FOR_RATE } from './definitions';

/** A ratio with the count it stands on; `value` is null when there are too few cases. */
export interface RateValue {
  value: number | null;
  sampleSize: number;
  tooFewCases: boolean;
}

export function rate(numerator: number, denominator: number): RateValue {
  if (numerator < 0 || denominator < 0)
    throw new RangeError(`A rate needs non-negative counts, got ${numerator}/${denominator}`);
  const tooFewCases = denominator < MIN_CASES_FOR_RATE;
  return { value: tooFewCases ? null : numerator / denominator, sampleSize: denominator, tooFewCases };
}

/** Mean of 1–5 satisfaction ratings. */
export function meanSatisfaction(sum: number, count: number): RateValue {
  return rate(sum, count);
}
