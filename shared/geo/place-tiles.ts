/**
 * The overview's vector tiles of place shapes (GET /tiles/{z}/{x}/{y}.pbf, Mapbox Vector Tiles
 * in the usual 256-pixel Web-Mercator numbering): which level a tile holds at which zoom, and
 * how it is laid out. Metric values are not in them: they come from `mapLegend { places }`.
 */

/**
 * The levels tiles hold: sub-districts while a city's communities are too many and too small to
 * tell apart, then communities, then their grids from GRID_TILE_ZOOM.
 */
export type TileLevel = 'SUB_DISTRICT' | 'COMMUNITY' | 'GRID';

/** From this tile zoom (about 9 m a pixel, a grid of 100–300 m is 10–30 px across) tiles hold grids. */
export const GRID_TILE_ZOOM = 14;

/** The deepest tile served; a map zoomed further draws it larger. */
export const MAX_TILE_ZOOM = 18;

/** Coordinates in a tile run from 0 to this, as in most vector tiles. */
export const TILE_EXTENT = 4096;

/** Up to this many located communities, each is drawn as itself at every zoom (a dot where it is too small to see). */
export const COMMUNITIES_DRAWN_AT_EVERY_ZOOM = 500;

/** Past that, sub-districts are drawn until a typical community is this wide on screen (px). */
const COMMUNITY_MIN_PIXELS = 12;

/**
 * The tile zoom from which communities are drawn, below which their sub-districts are: 0 (never
 * sub-districts) for a few hundred communities, a legible mosaic of dots; for a city, the zoom at
 * which its median community (`medianSize`, its larger side in pixels at zoom 0) is 12 px across.
 */
export function communityMinZoom(located: number, medianSize: number): number {
  if (located <= COMMUNITIES_DRAWN_AT_EVERY_ZOOM || !(medianSize > 0)) return 0;
  return Math.max(0, Math.min(GRID_TILE_ZOOM, Math.ceil(Math.log2(COMMUNITY_MIN_PIXELS / medianSize))));
}

export function tileLevelAt(tileZoom: number, fromCommunityZoom: number): TileLevel {
  if (tileZoom >= GRID_TILE_ZOOM) return 'GRID';
  return tileZoom >= fromCommunityZoom ? 'COMMUNITY' : 'SUB_DISTRICT';
}

/**
 * What each feature of a tile carries. A place is a polygon (cut to the tile, with a margin) and
 * a point at the centre of its extent, for a dot where the polygon is too small to see and for
 * its label; the layer is named by the level.
 */
export interface PlaceTileProperties {
  code: string;
  name: string;
  /** A grid's community; absent on communities and sub-districts. */
  community?: string;
  /** The larger side of the place's extent in pixels at zoom 0 (the world 256 across): its size on screen at any zoom. */
  size: number;
}

/** Web-Mercator position in the world square, 0 to 1 from the west and from the north. */
export function worldPoint(lng: number, lat: number): [number, number] {
  const sin = Math.sin((Math.max(-85.05, Math.min(85.05, lat)) * Math.PI) / 180);
  return [(lng + 180) / 360, 0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)];
}

/** The larger side of an extent in WGS-84 degrees, in pixels at zoom 0 (the world 256 across): PlaceTileProperties.size. */
export function sizeAtZoomZero(west: number, south: number, east: number, north: number): number {
  const [left, top] = worldPoint(west, north);
  const [right, bottom] = worldPoint(east, south);
  return Math.max(right - left, bottom - top) * 256;
}

/** The inverse of worldPoint: [lng, lat]. */
export function lngLatOf(x: number, y: number): [number, number] {
  return [x * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI];
}
