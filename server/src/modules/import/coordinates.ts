import type { Geometry, Position } from 'geojson';
import proj4 from 'proj4';
import { convertPosition } from '../../../../shared/geo/convert';
import type { CrsHint } from './readers/types';

/** What --crs accepts. CGCS2000 geographic differs from WGS-84 by centimetres and is taken as it. */
export const CRS_OPTIONS = ['wgs84', 'gcj02', 'bd09', 'cgcs2000'] as const;

/** How coordinates of a file become WGS-84, and how to say so in the report. */
export interface Transform {
  label: string;
  apply(position: Position): Position;
}

const IDENTITY: Transform = { label: 'WGS-84', apply: (p) => p };
const GEOGRAPHIC_EPSG = new Set([4326, 4490, 4610, 4214]);

/**
 * The proj4 definition of a CGCS2000 Gauss-Krüger zone (EPSG:4491–4554): 6° zones
 * 13–23 and 3° zones 25–45, with or without the zone number in front of the easting.
 */
function cgcs2000GaussKruger(code: number): string | null {
  const tmerc = (centralMeridian: number, falseEasting: number) =>
    `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 +ellps=GRS80 +units=m +no_defs`;
  if (code >= 4491 && code <= 4501) return tmerc((code - 4491 + 13) * 6 - 3, (code - 4491 + 13) * 1e6 + 500000);
  if (code >= 4502 && code <= 4512) return tmerc(75 + (code - 4502) * 6, 500000);
  if (code >= 4513 && code <= 4533) return tmerc((code - 4513 + 25) * 3, (code - 4513 + 25) * 1e6 + 500000);
  if (code >= 4534 && code <= 4554) return tmerc(75 + (code - 4534) * 3, 500000);
  return null;
}

function projected(label: string, definition: string): Transform {
  const converter = proj4(definition, 'WGS84');
  return { label, apply: (p) => converter.forward([p[0], p[1]]) };
}

function fromEpsg(code: number): Transform | string {
  if (GEOGRAPHIC_EPSG.has(code)) return { ...IDENTITY, label: `EPSG:${code} (taken as WGS-84)` };
  if (code === 3857) return projected('EPSG:3857', 'EPSG:3857');
  const gaussKruger = cgcs2000GaussKruger(code);
  if (gaussKruger) return projected(`EPSG:${code} (CGCS2000 Gauss-Krüger)`, gaussKruger);
  return `EPSG:${code} is not one this importer knows (WGS-84, CGCS2000 4490, its Gauss-Krüger zones 4491–4554, 3857)`;
}

function fromWkt(wkt: string): Transform | string {
  if (/^\s*GEOGCS/i.test(wkt)) return { ...IDENTITY, label: 'geographic (.prj), taken as WGS-84' };
  try {
    return projected('projected (.prj)', wkt);
  } catch (error) {
    return `The .prj could not be read: ${(error as Error).message}`;
  }
}

/** The transform that --crs asks for, or that the file states; a string says why neither works. */
export function chooseTransform(option: string | undefined, hint: CrsHint): Transform | string | null {
  if (option) {
    const lower = option.toLowerCase();
    if (lower === 'wgs84' || lower === 'cgcs2000') return { ...IDENTITY, label: option };
    if (lower === 'gcj02' || lower === 'bd09') {
      const from = lower === 'gcj02' ? 'GCJ02' : 'BD09';
      return { label: `${from} converted to WGS-84`, apply: (p) => convertPosition(p, from, 'WGS84') };
    }
    const epsg = /^epsg:(\d{4,5})$/i.exec(option);
    if (epsg) return fromEpsg(Number(epsg[1]));
    return `--crs must be ${CRS_OPTIONS.join(', ')} or EPSG:NNNN, got "${option}"`;
  }
  if (hint?.kind === 'epsg') return fromEpsg(hint.code);
  if (hint?.kind === 'wkt') return fromWkt(hint.wkt);
  return null;
}

/** China's extent with a margin: coordinates outside it are not a sub-district's. */
const inChina = ([lng, lat]: Position) => lng >= 73 && lng <= 136 && lat >= 3 && lat <= 54;

export function positionsOf(geometry: Geometry): Position[] {
  if (geometry.type === 'GeometryCollection') return geometry.geometries.flatMap(positionsOf);
  const flat = (value: unknown): Position[] =>
    typeof (value as unknown[])[0] === 'number' ? [value as Position] : (value as unknown[]).flatMap(flat);
  return flat(geometry.coordinates);
}

/** Why the raw coordinates of a file without CRS cannot be taken as WGS-84, or null. */
export function rawCoordinateProblem(positions: Position[]): string | null {
  const sample = positions.slice(0, 200);
  if (!sample.length) return null;
  if (sample.every((p) => !inChina(p) && inChina([p[1], p[0]])))
    return 'The coordinates lie outside China but inside it with latitude and longitude exchanged: looks like lat/lng are swapped';
  if (sample.some(([x, y]) => Math.abs(x) > 180 || Math.abs(y) > 90))
    return 'The coordinates are projected metres but the file names no coordinate system: add the .prj, or give --crs EPSG:NNNN';
  return null;
}

export function transformGeometry<G extends Geometry>(geometry: G, transform: Transform): G {
  if (geometry.type === 'GeometryCollection') throw new Error('GeometryCollection is not a boundary');
  const walk = (value: unknown): unknown =>
    typeof (value as unknown[])[0] === 'number' ? transform.apply(value as Position) : (value as unknown[]).map(walk);
  return { ...geometry, coordinates: walk((geometry as { coordinates: unknown }).coordinates) } as G;
}

export const outsideChina = (geometry: Geometry) => positionsOf(geometry).some((p) => !inChina(p));

/** Why a polygon's rings are not a boundary (unclosed, too short, crossing themselves), or null. */
export function ringProblem(rings: Position[][]): string | null {
  for (const [index, ring] of rings.entries()) {
    const which = index === 0 ? 'The outer ring' : `Hole ${index}`;
    if (ring.length < 4) return `${which} has fewer than 4 positions`;
    const [first, last] = [ring[0], ring[ring.length - 1]];
    if (first[0] !== last[0] || first[1] !== last[1])
      return `${which} is not closed (its last position is not its first)`;
    const crossing = selfIntersection(ring);
    if (crossing) return `${which} crosses itself near ${crossing.map((v) => v.toFixed(6)).join(', ')}`;
  }
  return null;
}

/** A point where two non-adjacent edges of a closed ring cross, or null. */
function selfIntersection(ring: Position[]): Position | null {
  const edges = ring.length - 1;
  for (let i = 0; i < edges; i++) {
    for (let j = i + 2; j < edges; j++) {
      if (i === 0 && j === edges - 1) continue; // the closing edge meets the first one
      const hit = crossingPoint(ring[i], ring[i + 1], ring[j], ring[j + 1]);
      if (hit) return hit;
    }
  }
  return null;
}

function crossingPoint(a: Position, b: Position, c: Position, d: Position): Position | null {
  const denominator = (b[0] - a[0]) * (d[1] - c[1]) - (b[1] - a[1]) * (d[0] - c[0]);
  if (denominator === 0) return null;
  const t = ((c[0] - a[0]) * (d[1] - c[1]) - (c[1] - a[1]) * (d[0] - c[0])) / denominator;
  const u = ((c[0] - a[0]) * (b[1] - a[1]) - (c[1] - a[1]) * (b[0] - a[0])) / denominator;
  return t > 0 && t < 1 && u > 0 && u < 1 ? [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])] : null;
}
