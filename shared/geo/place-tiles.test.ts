import { describe, expect, it } from 'vitest';
import { GRID_TILE_ZOOM, lngLatOf, tileLevelAt, worldPoint } from './place-tiles';

describe('place tiles', () => {
  it('holds communities below the grid zoom and grids from it', () => {
    expect(tileLevelAt(0)).toBe('COMMUNITY');
    expect(tileLevelAt(GRID_TILE_ZOOM - 1)).toBe('COMMUNITY');
    expect(tileLevelAt(GRID_TILE_ZOOM)).toBe('GRID');
  });

  it('puts a place in the Web-Mercator square as Leaflet does, and back', () => {
    expect(worldPoint(0, 0)).toEqual([0.5, 0.5]);
    // 康乐社区, Kaifeng: in tile 13392/6500 at zoom 14, as XYZ tile servers number it.
    const [x, y] = worldPoint(114.26, 34.8);
    expect([Math.floor(x * 2 ** 14), Math.floor(y * 2 ** 14)]).toEqual([13392, 6500]);
    const [lng, lat] = lngLatOf(x, y);
    expect(lng).toBeCloseTo(114.26, 9);
    expect(lat).toBeCloseTo(34.8, 9);
  });
});
