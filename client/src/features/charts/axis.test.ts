import { describe, expect, it } from 'vitest';
import { monthLabels, withPartialMonth } from './axis';

describe('chart axes', () => {
  it('puts the year on every month when months span two years', () => {
    const starts = ['2025-10-31T16:00:00.000Z', '2025-11-30T16:00:00.000Z', '2025-12-31T16:00:00.000Z'];
    expect(monthLabels(starts, 'zh-CN')).toEqual(['25年11月', '25年12月', '26年1月']);
    expect(monthLabels(starts, 'en')).toEqual(['Nov ’25', 'Dec ’25', 'Jan ’26']);
    expect(monthLabels(starts.slice(0, 2), 'en')).toEqual(['Nov', 'Dec']);
  });
  it('moves the month so far apart from the whole months', () => {
    const rows = [
      { month: 'Oct', hours: 10 },
      { month: 'Nov', hours: 12 },
      { month: 'Dec', hours: 1 },
    ];
    expect(withPartialMonth(rows, ['hours'], true)).toEqual([
      { month: 'Oct', hours: 10, hoursPartial: null },
      { month: 'Nov', hours: 12, hoursPartial: null },
      { month: 'Dec', hours: null, hoursPartial: 1 },
    ]);
    expect(withPartialMonth(rows, ['hours'], false)).toBe(rows);
  });
});
