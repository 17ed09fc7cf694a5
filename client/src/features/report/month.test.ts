import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIME_ZONE, setTimeZone } from '../../../../shared/time/buckets';
import { currentMonth, lastWholeMonth, monthTitle, reportMonth } from './month';

const now = new Date('2026-12-02T02:00:00Z');

describe('the month of a report', () => {
  afterEach(() => setTimeZone(DEFAULT_TIME_ZONE));

  it('is a whole local month in Beijing time, with the 12 months that end with it', () => {
    expect(reportMonth('2026-10', now)).toEqual({
      month: '2026-10',
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-10-30T16:00:00.000Z',
      trendFrom: '2025-10-31T16:00:00.000Z',
      partial: false,
    });
  });

  it('runs to now in the month not yet over', () => {
    expect(reportMonth('2026-12', now)).toMatchObject({ to: now.toISOString(), partial: true });
  });

  it('follows the server time zone', () => {
    setTimeZone('UTC');
    expect(reportMonth('2026-02', now)).toMatchObject({
      from: '2026-02-01T00:00:00.000Z',
      to: '2026-02-28T00:00:00.000Z',
      trendFrom: '2025-03-01T00:00:00.000Z',
    });
  });

  it('says what is wrong with a month it cannot show', () => {
    for (const text of ['2026-13', '2026-1', '26-10', 'Oktober', '1999-12', ''])
      expect(reportMonth(text, now)).toBe('malformed');
    expect(reportMonth('2027-01', now)).toBe('future');
  });

  it('opens on the last whole month, and offers months up to this one', () => {
    expect(lastWholeMonth(now)).toBe('2026-11');
    expect(lastWholeMonth(new Date('2026-12-31T17:00:00Z'))).toBe('2026-12');
    expect(currentMonth(now)).toBe('2026-12');
  });

  it('names the month in the language on screen', () => {
    const month = reportMonth('2026-10', now);
    if (typeof month === 'string') throw new Error(month);
    expect(monthTitle(month, 'zh-CN')).toBe('2026年10月');
    expect(monthTitle(month, 'en')).toBe('October 2026');
  });
});
