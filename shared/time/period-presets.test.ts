import { describe, expect, it } from 'vitest';
import { periodRange } from './period-presets';

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
});
