import { describe, expect, it } from 'vitest';
import { formatNumber, formatPerThousand } from './number';

describe('number formatting', () => {
  it('uses 万 for ten thousands in Chinese', () => {
    expect(formatNumber(14929, 'people', 'zh-CN')).toBe('1.49万');
    expect(formatNumber(28600, 'people', 'zh-CN')).toBe('2.86万');
    expect(formatNumber(9050, 'people', 'zh-CN')).toBe('9,050');
  });

  it('groups thousands in English', () => {
    expect(formatNumber(14929, 'people', 'en')).toBe('14,929');
  });

  it('uses 亿 from a hundred million, and k and M on a wall in English', () => {
    expect(formatNumber(321_000_000, 'people', 'zh-CN')).toBe('3.21亿');
    expect(formatNumber(14929, 'people', 'en', true)).toBe('14.9k');
    expect(formatNumber(9050, 'people', 'en', true)).toBe('9,050');
    expect(formatNumber(2_350_000, 'hours', 'en', true)).toBe('2.4M');
  });

  it('keeps one decimal per 1,000 residents', () => {
    expect(formatPerThousand(0.33, 'zh-CN')).toBe('0.3');
    expect(formatPerThousand(30.718, 'en')).toBe('30.7');
  });

  it('shows ratios as percentages and missing values as a dash', () => {
    expect(formatNumber(0.6269, 'ratio', 'en')).toBe('62.7%');
    expect(formatNumber(null, 'cases', 'zh-CN')).toBe('—');
  });
});
