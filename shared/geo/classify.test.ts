import { describe, expect, it } from 'vitest';
import { classRanges, colorClasses, colorFor, NO_DATA_COLOR, PALETTE, PALETTES } from './classify';

const classify = (values: (number | null)[]) => colorClasses(classRanges(values, PALETTE.length), PALETTES.dashboard);

describe('legend classes', () => {
  it('splits values into quantile classes from light to dark', () => {
    const classes = classify([9050, 10870, 28600, 14929, null]);
    expect(classes.length).toBe(3);
    expect(classes[0].from).toBe(9050);
    expect(classes.at(-1)!.to).toBe(28600);
    expect(classes[0].color).toBe(PALETTE[0]);
    expect(classes.at(-1)!.color).toBe(PALETTE.at(-1));
  });

  it('gives every value a class and the largest the darkest colour', () => {
    const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    const classes = classify(values);
    expect(classes).toHaveLength(5);
    expect(colorFor(10, classes)).toBe(PALETTE[4]);
    expect(colorFor(1, classes)).toBe(PALETTE[0]);
  });

  it('uses one class for equal values and grey for missing data', () => {
    expect(classify([3, 3, 3])).toHaveLength(1);
    expect(classify([])).toEqual([]);
    expect(colorFor(null, classify([1, 2]))).toBe(NO_DATA_COLOR);
  });
});
