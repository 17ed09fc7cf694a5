import { afterEach, describe, expect, it } from 'vitest';
import {
  addDays,
  bucketStart,
  bucketStarts,
  DEFAULT_TIME_ZONE,
  localDay,
  nextBucket,
  setTimeZone,
  startOfDay,
  zonedDate,
} from './buckets';

afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

describe('the calendar in Beijing time (the default)', () => {
  const at = new Date('2026-11-19T17:30:00Z'); // Thursday 19 November 17:30 in UTC, Friday 20 November 01:30 in Beijing

  it('truncates to local midnight, the Monday of the week, the first of the month, quarter and year', () => {
    expect(startOfDay(at).toISOString()).toBe('2026-11-19T16:00:00.000Z');
    expect(bucketStart(at, 'WEEK').toISOString()).toBe('2026-11-15T16:00:00.000Z');
    expect(bucketStart(at, 'MONTH').toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(bucketStart(at, 'QUARTER').toISOString()).toBe('2026-09-30T16:00:00.000Z');
    expect(bucketStart(at, 'YEAR').toISOString()).toBe('2025-12-31T16:00:00.000Z');
  });

  it('counts a case reported at 07:00 on 1 March in March, and one at 23:59 on 31 March still in March', () => {
    const early = new Date('2026-03-01T07:00:00+08:00');
    const late = new Date('2026-03-31T23:59:00+08:00');
    expect(localDay(early)).toBe('2026-03-01');
    expect(bucketStart(early, 'MONTH')).toEqual(zonedDate(2026, 3, 1));
    expect(bucketStart(late, 'MONTH')).toEqual(zonedDate(2026, 3, 1));
    expect(nextBucket(bucketStart(late, 'MONTH'), 'MONTH').toISOString()).toBe('2026-03-31T16:00:00.000Z');
    expect(localDay(new Date('2026-04-01T00:00:00+08:00'))).toBe('2026-04-01');
  });

  it('lists every month across a year boundary', () => {
    const months = bucketStarts(new Date('2025-11-15T12:00Z'), new Date('2026-02-03T12:00Z'), 'MONTH');
    expect(months.map(localDay)).toEqual(['2025-11-01', '2025-12-01', '2026-01-01', '2026-02-01']);
  });

  it('stops one past the most asked for, so that a century of days is not counted to be refused', () => {
    const days = bucketStarts(new Date('2000-01-01Z'), new Date('2099-12-31Z'), 'DAY', 1_000);
    expect(days).toHaveLength(1_001);
    expect(localDay(days[1_000])).toBe(localDay(addDays(days[0], 1_000)));
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => bucketStarts(new Date('2026-02-01Z'), new Date('2026-01-01Z'), 'DAY')).toThrow(
      /starts .* after it ends/,
    );
  });
});

describe('a calendar with daylight saving', () => {
  it('has a 23-hour day when the clocks go forward, and keeps local midnights', () => {
    setTimeZone('Europe/Berlin');
    const day = zonedDate(2026, 3, 29);
    expect(day.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(nextBucket(day, 'DAY').getTime() - day.getTime()).toBe(23 * 3_600_000);
    expect(addDays(new Date('2026-03-28T11:00:00Z'), 2).toISOString()).toBe('2026-03-30T10:00:00.000Z');
    expect(startOfDay(new Date('2026-10-25T12:00:00Z')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('refuses a zone it does not know', () => {
    expect(() => setTimeZone('Mars/Olympus_Mons')).toThrow(RangeError);
  });
});
