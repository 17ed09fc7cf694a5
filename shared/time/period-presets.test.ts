import { describe, expect, it } from 'vitest';
import { periodRange } from './period-presets';

describe('period presets', () => {
  const now = new Date('2026-11-22T10:00:00Z');
  it('starts this quarter on the first of October for a date in November', () => {
    expect(periodRange('quarter', now).from).toBe('2026-10-01T00:00:00.000Z');
  });
  it('covers twelve calendar months for a year, including the current one', () => {
    expect(periodRange('year', now).from).toBe('2025-12-01T00:00:00.000Z');
    expect(periodRange('twoYears', now).from).toBe('2024-12-01T00:00:00.000Z');
  });
});
