import { describe, expect, it } from 'vitest';
import { PALETTES } from '../geo/classify';
import { contrastRatio } from './contrast';

describe('contrast', () => {
  it('computes the WCAG ratio: 21 for black on white, 1 for a colour on itself', () => {
    expect(contrastRatio('#000', '#ffffff')).toBeCloseTo(21, 6);
    expect(contrastRatio('rgb(19, 28, 46)', '#131c2e')).toBeCloseTo(1, 6);
    expect(contrastRatio('#767676', '#fff')).toBeCloseTo(4.54, 2);
  });

  it('keeps every class of a wall’s map at 4.5:1 or more against its theme’s panel', () => {
    for (const [palette, background] of [
      [PALETTES.wallDark, '#131c2e'],
      [PALETTES.wallLight, '#ffffff'],
    ] as const)
      for (const color of [...palette.classes, palette.noData])
        expect(contrastRatio(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(4.5);
    // The dashboard's full scale would not: its darkest on the dark panel is the 1.1:1 the wall had.
    expect(contrastRatio(PALETTES.dashboard.classes.at(-1)!, '#131c2e')).toBeLessThan(1.5);
  });
});
