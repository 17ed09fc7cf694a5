import { describe, expect, it } from 'vitest';
import { zonedDate } from '../time/buckets';
import {
  caseCounts,
  closureRate,
  extensionRate,
  isOverdueOpen,
  onTimeRate,
  reworkRate,
  type CaseRecord,
} from './case-metrics';

const period = { start: zonedDate(2026, 9, 1), end: zonedDate(2026, 10, 1) };
const day = (d: number, hours = 10) => zonedDate(2026, 9, d, hours);
const accepted = (extra: Partial<CaseRecord> = {}): CaseRecord => ({
  acceptedAt: day(2),
  closedAt: null,
  deadline: day(5),
  postponedAt: null,
  extendedAt: null,
  reworks: 0,
  ...extra,
});
const times = (n: number, c: CaseRecord) => Array.from({ length: n }, () => c);

describe('the published monthly figures', () => {
  it('reproduce a bulletin: 立案 996, 应结案 972, 结案 911 → 结案率 93.72 %; 按期结案 737 → 按期结案率 75.82 %', () => {
    const cases = [
      ...times(737, accepted({ closedAt: day(4) })), // closed by the deadline
      ...times(174, accepted({ closedAt: day(9) })), // closed late
      ...times(61, accepted()), // open, past the deadline: due, not closed
      ...times(24, accepted({ acceptedAt: day(28), deadline: zonedDate(2026, 10, 3) })), // open, due next month
      ...times(12, accepted({ acceptedAt: zonedDate(2026, 8, 31, 23), closedAt: day(3) })), // August's
    ];
    const counts = caseCounts(cases, period);
    expect(counts).toMatchObject({ accepted: 996, due: 972, closed: 911, closedOnTime: 737, postponed: 0 });
    expect(closureRate(counts).value!.toFixed(4)).toBe('0.9372');
    expect(onTimeRate(counts).value!.toFixed(4)).toBe('0.7582');
  });

  it('takes postponed cases out of the denominator, and counts reworks and extensions', () => {
    const cases = [
      ...times(8, accepted({ closedAt: day(4) })),
      ...times(2, accepted({ closedAt: day(4), reworks: 1, extendedAt: day(3) })),
      ...times(5, accepted({ postponedAt: day(3) })), // approved postponement, still open: 缓办
      ...times(5, accepted()), // open and overdue
      accepted({ postponedAt: zonedDate(2026, 10, 2) }), // postponed after the month: still due
    ];
    const counts = caseCounts(cases, period);
    expect(counts).toEqual({
      accepted: 21,
      due: 21,
      closed: 10,
      closedOnTime: 10,
      postponed: 5,
      reworked: 2,
      extended: 2,
    });
    expect(closureRate(counts).value).toBeCloseTo(10 / 16, 10);
    expect(onTimeRate(counts).value).toBeCloseTo(10 / 16, 10);
    expect(reworkRate(counts).value).toBeCloseTo(0.2, 10);
    expect(extensionRate(counts).value).toBeCloseTo(2 / 21, 10);
  });

  it('takes each case as it stood at the period’s end: a case closed after it is open in it', () => {
    const later = accepted({ closedAt: zonedDate(2026, 10, 2) });
    expect(caseCounts([later], period)).toMatchObject({ due: 1, closed: 0 });
    expect(isOverdueOpen(later, period.end)).toBe(true);
    expect(isOverdueOpen(later, zonedDate(2026, 10, 3))).toBe(false);
    expect(isOverdueOpen(accepted({ deadline: zonedDate(2026, 10, 5) }), period.end)).toBe(false);
  });

  it('states no rate over fewer than 5 cases', () => {
    expect(closureRate(caseCounts(times(4, accepted({ closedAt: day(3) })), period))).toEqual({
      value: null,
      sampleSize: 4,
      tooFewCases: true,
    });
  });
});
