import { describe, expect, it } from 'vitest';
import { perThousandResidents } from './definitions';
import { median } from './median';
import { meanSatisfaction, rate } from './rates';

describe('rates', () => {
  it('refuses to state a rate over fewer than 5 cases', () => {
    expect(rate(4, 4)).toEqual({ value: null, sampleSize: 4, tooFewCases: true });
    expect(rate(0, 0).tooFewCases).toBe(true);
    expect(rate(3, 5)).toEqual({ value: 0.6, sampleSize: 5, tooFewCases: false });
  });

  it('averages satisfaction ratings', () => {
    expect(meanSatisfaction(4 + 5 + 3 + 4 + 4, 5).value).toBeCloseTo(4, 10);
  });

  it('rejects negative counts', () => {
    expect(() => rate(-1, 6)).toThrow(/non-negative/);
  });
});

describe('median', () => {
  it('takes the middle of an odd sample and the mean of the two middles of an even one', () => {
    expect(median([9, 1, 5, 3, 7]).value).toBe(5);
    expect(median([8, 2, 6, 4, 10, 12]).value).toBe(7);
  });

  it('is not stated for fewer than 5 values', () => {
    expect(median([1, 2, 3, 4]).value).toBeNull();
  });
});

describe('per 1,000 residents', () => {
  it('scales by population and gives null without one', () => {
    expect(perThousandResidents(278, 9050)).toBeCloseTo(30.718, 3);
    expect(perThousandResidents(10, null)).toBeNull();
    expect(perThousandResidents(10, 0)).toBeNull();
  });
});
