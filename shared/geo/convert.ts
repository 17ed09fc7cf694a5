import gcoord from 'gcoord';
import type { Geometry, Position } from 'geojson';

/** Coordinate systems of Chinese basemaps: Tianditu ≈ WGS-84, AMap/Tencent GCJ-02, Baidu BD-09. */
export type Crs = 'WGS84' | 'GCJ02' | 'BD09';

const SYSTEMS = { WGS84: gcoord.WGS84, GCJ02: gcoord.GCJ02, BD09: gcoord.BD09 } as const;

export function convertPosition(position: Position, from: Crs, to: Crs): Position {
  if (!SYSTEMS[from] || !SYSTEMS[to]) throw new Error(`Unknown coordinate system: ${!SYSTEMS[from] ? from : to}`);
  if (from === to) return position;
  return gcoord.transform([position[0], position[1]], SYSTEMS[from], SYSTEMS[to]) as Position;
}

/** Convert a stored WGS-84 geometry to the system of the chosen basemap. */
export function convertGeometry<G extends Geometry>(geometry: G, from: Crs, to: Crs): G {
  if (from === to) return geometry;
  const walk = (value: unknown): unknown =>
    typeof (value as number[])[0] === 'number'
      ? convertPosition(value as Position, from, to)
      : (value as unknown[]).map(walk);
  return { ...geometry, coordinates: walk((geometry as { coordinates: unknown }).coordinates) } as G;
}
