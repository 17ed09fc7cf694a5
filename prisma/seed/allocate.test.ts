import { describe, expect, it } from 'vitest';
import { allocate } from './allocate';

describe('allocate', () => {
  it('splits 康乐 3,180 households over 209 buildings so that they add up exactly', () => {
    const weights = Array.from({ length: 209 }, (_, i) => (i < 70 ? 30 : i < 128 ? 2 : 1) * (1 + (i % 7) / 10));
    const parts = allocate(3180, weights);
    expect(parts).toHaveLength(209);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(3180);
    expect(parts[0]).toBeGreaterThan(parts[200]);
  });

  it('keeps proportions when they divide evenly', () => {
    expect(allocate(10, [1, 1, 3])).toEqual([2, 2, 6]);
  });

  it('splits evenly when every weight is zero', () => {
    expect(allocate(5, [0, 0])).toEqual([3, 2]);
  });

  it('refuses a fractional total', () => {
    expect(() => allocate(2.5, [1])).toThrow(/non-negative integer/);
  });
});
