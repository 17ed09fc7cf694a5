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

  it('keeps one decimal per 1,000 residents', () => {
    expect(formatPerThousand(0.33, 'zh-CN')).toBe('0.3');
    expect(formatPerThousand(30.718, 'en')).toBe('30.7');
  });

  it('shows ratios as percentages and missing values as a dash', () => {
    expect(formatNumber(0.6269, 'ratio', 'en')).toBe('62.7%');
    expect(formatNumber(null, 'cases', 'zh-CN')).toBe('—');
  });
});
