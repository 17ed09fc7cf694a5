import { describe, expect, it } from 'vitest';
import { countUpAt } from './countUp';

describe('counting up', () => {
  it('starts at the old value, ends at the new one, and never overshoots or goes back', () => {
    expect(countUpAt(100, 250, 0)).toBe(100);
    expect(countUpAt(100, 250, 1)).toBe(250);
    expect(countUpAt(100, 250, 2)).toBe(250);
    const steps = [0.1, 0.3, 0.5, 0.7, 0.9].map((t) => countUpAt(100, 250, t));
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps.every((v) => v > 100 && v < 250)).toBe(true);
    // Fast first: more than half the way at a third of the time.
    expect(countUpAt(0, 1, 1 / 3)).toBeGreaterThan(0.5);
    expect(countUpAt(0.9, 0.8, 0.5)).toBeLessThan(0.9);
  });
});
