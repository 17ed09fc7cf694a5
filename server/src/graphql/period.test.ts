import { describe, expect, it } from 'vitest';
import { localDay, zonedDate } from '../../../shared/time/buckets';
import { earlierPeriod, type Period } from './period';

const days = (p: Period) => [localDay(p.start), localDay(new Date(p.endExclusive.getTime() - 1))];

describe('the period a figure is compared with', () => {
  it('compares a month with the month before (环比) and with the same month a year before (同比)', () => {
    const march = { start: zonedDate(2026, 3, 1), endExclusive: zonedDate(2026, 4, 1) };
    expect(days(earlierPeriod(march, 'previous'))).toEqual(['2026-02-01', '2026-02-28']);
    expect(days(earlierPeriod(march, 'yearEarlier'))).toEqual(['2025-03-01', '2025-03-31']);
  });

  it('compares a quarter with the quarter before, and ten days with the ten days before', () => {
    const q3 = { start: zonedDate(2026, 7, 1), endExclusive: zonedDate(2026, 10, 1) };
    expect(days(earlierPeriod(q3, 'previous'))).toEqual(['2026-04-01', '2026-06-30']);
    const tenDays = { start: zonedDate(2026, 3, 5), endExclusive: zonedDate(2026, 3, 15) };
    expect(days(earlierPeriod(tenDays, 'previous'))).toEqual(['2026-02-23', '2026-03-04']);
  });

  it('compares this month so far with the same days of the month before, and a quarter so far likewise', () => {
    const december = { start: zonedDate(2026, 12, 1), endExclusive: zonedDate(2026, 12, 3) };
    expect(days(earlierPeriod(december, 'previous'))).toEqual(['2026-11-01', '2026-11-02']);
    const quarterSoFar = { start: zonedDate(2026, 10, 1), endExclusive: zonedDate(2026, 12, 3) };
    expect(days(earlierPeriod(quarterSoFar, 'previous'))).toEqual(['2026-07-01', '2026-09-02']);
  });
});
