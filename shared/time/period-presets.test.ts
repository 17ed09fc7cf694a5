import { describe, expect, it } from 'vitest';
import { dayRange, periodRange } from './period-presets';

describe('period presets', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  it('starts this quarter at midnight on the first of October, Beijing time, for a date in November', () => {
    expect(periodRange('quarter', now).from).toBe('2026-09-30T16:00:00.000Z');
  });
  it('covers twelve calendar months for a year, including the current one', () => {
    expect(periodRange('year', now).from).toBe('2025-11-30T16:00:00.000Z');
    expect(periodRange('twoYears', now).from).toBe('2024-11-30T16:00:00.000Z');
  });
  it('starts the quarter in the new one from midnight on 1 January, Beijing time, which is still December in UTC', () => {
    expect(periodRange('quarter', new Date('2026-12-31T17:00:00Z')).from).toBe('2026-12-31T16:00:00.000Z');
  });
  it('starts this month and this year on their first day, both partial, ending at the start of today', () => {
    expect(periodRange('month', now)).toEqual({
      from: '2026-10-31T16:00:00.000Z',
      to: '2026-11-21T16:00:00.000Z',
      partial: true,
    });
    // Asked again later the same day: the same question, so the server may answer it from what it kept.
    expect(periodRange('month', new Date('2026-11-22T15:59:59Z'))).toEqual(periodRange('month', now));
    expect(periodRange('month', new Date('2026-11-22T16:00:00Z')).to).toBe('2026-11-22T16:00:00.000Z');
    expect(periodRange('thisYear', now).from).toBe('2025-12-31T16:00:00.000Z');
  });
  it('takes last month whole, ending on its last day, not partial', () => {
    expect(periodRange('lastMonth', now)).toEqual({
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-10-30T16:00:00.000Z',
      partial: false,
    });
  });
  it('takes a custom range of local days, and falls back to 12 months without one', () => {
    expect(periodRange('custom', now, { from: '2025-03-01', to: '2025-06-30' })).toEqual({
      from: '2025-02-28T16:00:00.000Z',
      to: '2025-06-29T16:00:00.000Z',
      partial: false,
    });
    expect(periodRange('custom', now, null).from).toBe(periodRange('year', now).from);
  });
  it('refuses a custom range that is malformed or reversed', () => {
    expect(dayRange('2025-03-01', '2025-06-30')).toEqual({ from: '2025-03-01', to: '2025-06-30' });
    expect(dayRange('2025-07-01', '2025-06-30')).toBeNull();
    expect(dayRange('2025-7-1', '2025-06-30')).toBeNull();
    expect(dayRange(null, '2025-06-30')).toBeNull();
  });
});
