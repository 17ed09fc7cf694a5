import { describe, expect, it } from 'vitest';
import {
  COMMUNITIES_DRAWN_AT_EVERY_ZOOM,
  communityMinZoom,
  GRID_TILE_ZOOM,
  lngLatOf,
  tileLevelAt,
  worldPoint,
} from './place-tiles';

describe('place tiles', () => {
  it('holds sub-districts below the community zoom, communities below the grid zoom and grids from it', () => {
    expect(tileLevelAt(0, 0)).toBe('COMMUNITY');
    expect(tileLevelAt(GRID_TILE_ZOOM - 1, 0)).toBe('COMMUNITY');
    expect(tileLevelAt(GRID_TILE_ZOOM, 0)).toBe('GRID');
    expect(tileLevelAt(10, 11)).toBe('SUB_DISTRICT');
    expect(tileLevelAt(11, 11)).toBe('COMMUNITY');
    expect(tileLevelAt(GRID_TILE_ZOOM, GRID_TILE_ZOOM)).toBe('GRID');
  });

  it("draws a city's communities from the zoom where the median one is 12 px wide, and a few hundred at every zoom", () => {
    // A community 650 m across at 22° N, as in the benchmark's city.
    const [west] = worldPoint(100, 22);
    const [east] = worldPoint(100.0065, 22);
    const size = (east - west) * 256;
    const zoom = communityMinZoom(3500, size);
    expect(size * 2 ** zoom).toBeGreaterThanOrEqual(12);
    expect(size * 2 ** (zoom - 1)).toBeLessThan(12);
    expect(zoom).toBeGreaterThan(8);
    expect(communityMinZoom(COMMUNITIES_DRAWN_AT_EVERY_ZOOM, size)).toBe(0);
    expect(communityMinZoom(COMMUNITIES_DRAWN_AT_EVERY_ZOOM + 1, size)).toBe(zoom);
    // Places a metre across never hide the grids: the zoom stops at theirs.
    expect(communityMinZoom(3500, size / 1000)).toBe(GRID_TILE_ZOOM);
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
