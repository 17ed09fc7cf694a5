import { describe, expect, it } from 'vitest';
import { bestAndWorst, largestFirst, MOST_PLACES } from './mostShown';

const places = (count: number) => Array.from({ length: count }, (_, i) => ({ code: `c${i}`, value: (i * 37) % count }));

describe('how many places a chart draws', () => {
  it('draws a sub-district’s few places as they came, and of a city’s only the largest, largest first', () => {
    const few = places(8);
    expect(largestFirst(few, (p) => p.value)).toEqual(few);
    const city = places(3505);
    const shown = largestFirst(city, (p) => p.value);
    expect(shown).toHaveLength(MOST_PLACES);
    expect(shown.map((p) => p.value)).toEqual(Array.from({ length: MOST_PLACES }, (_, i) => 3504 - i));
  });

  it('keeps a long ranking’s best and worst and counts what lies between', () => {
    const ranked = places(3505).sort((a, b) => b.value - a.value);
    const { best, worst, between } = bestAndWorst(ranked);
    expect(best.map((p) => p.value)).toEqual([3504, 3503, 3502, 3501, 3500, 3499, 3498, 3497, 3496, 3495]);
    expect(worst.map((p) => p.value)).toEqual([9, 8, 7, 6, 5, 4, 3, 2, 1, 0]);
    expect(between).toBe(3505 - MOST_PLACES);
    expect(bestAndWorst(ranked.slice(0, MOST_PLACES))).toEqual({
      best: ranked.slice(0, MOST_PLACES),
      worst: [],
      between: 0,
    });
  });
});
