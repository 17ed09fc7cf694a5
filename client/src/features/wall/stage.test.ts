import { describe, expect, it } from 'vitest';
import { stageFor } from './stage';

describe('the wall’s design canvas', () => {
  it('scales the 16:9 canvas to 16:9 screens of any size, whole and centred', () => {
    expect(stageFor({ width: 3840, height: 2160 }, 'contain')).toEqual({
      design: { name: 'wide', width: 1920, height: 1080 },
      scale: 2,
      left: 0,
      top: 0,
    });
    const laptop = stageFor({ width: 1366, height: 768 }, 'contain');
    expect(laptop.design.name).toBe('wide');
    expect(laptop.scale).toBeCloseTo(768 / 1080, 6);
    // 1366×768 is a little wider than 16:9: a third of a pixel at each side, none above and below.
    expect(laptop.left).toBeCloseTo((1366 - 1920 * laptop.scale) / 2, 6);
    expect(laptop.left).toBeGreaterThan(0);
    expect(laptop.top).toBeCloseTo(0, 6);
  });

  it('takes the wider canvases for 21:9 and 32:9 panels', () => {
    expect(stageFor({ width: 2560, height: 1080 }, 'contain')).toMatchObject({
      design: { name: 'ultrawide' },
      scale: 1,
    });
    expect(stageFor({ width: 3440, height: 1440 }, 'contain').design.name).toBe('ultrawide');
    expect(stageFor({ width: 5120, height: 1440 }, 'contain')).toMatchObject({
      design: { name: 'superwide' },
      scale: 1440 / 1080,
    });
  });

  it('fills the screen with cover, cropping evenly, and keeps the design size with none', () => {
    const cover = stageFor({ width: 1920, height: 1200 }, 'cover');
    expect(cover.scale).toBeCloseTo(1200 / 1080, 6);
    expect(cover.left).toBeCloseTo((1920 - 1920 * cover.scale) / 2, 6);
    expect(cover.top).toBeCloseTo(0, 6);
    expect(stageFor({ width: 1366, height: 768 }, 'none')).toMatchObject({ scale: 1, left: (1366 - 1920) / 2 });
  });
});
