import { describe, expect, it } from 'vitest';
import { bucketStart, bucketStarts, startOfDay } from './buckets';

describe('time buckets', () => {
  const at = new Date('2026-11-19T15:30:00Z'); // a Thursday

  it('truncates to the UTC day, the Monday of the week and the first of the month', () => {
    expect(startOfDay(at).toISOString()).toBe('2026-11-19T00:00:00.000Z');
    expect(bucketStart(at, 'WEEK').toISOString()).toBe('2026-11-16T00:00:00.000Z');
    expect(bucketStart(at, 'MONTH').toISOString()).toBe('2026-11-01T00:00:00.000Z');
  });

  it('lists every month across a year boundary', () => {
    const months = bucketStarts(new Date('2025-11-15Z'), new Date('2026-02-03Z'), 'MONTH');
    expect(months.map((m) => m.toISOString().slice(0, 7))).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => bucketStarts(new Date('2026-02-01Z'), new Date('2026-01-01Z'), 'DAY')).toThrow(
      /starts .* after it ends/,
    );
  });
});
