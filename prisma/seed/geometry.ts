import type { Polygon } from 'geojson';
import type { SeededRandom } from './random';

export interface LatLng {
  lat: number;
  lng: number;
}
export interface Box {
  minLat: number;
  minLng: number;
  maxLat: number;
  maxLng: number;
}

const KM_PER_DEGREE_LAT = 110.574;
const kmPerDegreeLng = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);

/** A rectangle of the given area (km²) centred on the point, a little wider than tall. */
export function boxAround(centre: LatLng, areaKm2: number): Box {
  const widthKm = Math.sqrt(areaKm2 * 1.25);
  const heightKm = areaKm2 / widthKm;
  const halfLat = heightKm / KM_PER_DEGREE_LAT / 2;
  const halfLng = widthKm / kmPerDegreeLng(centre.lat) / 2;
  return {
    minLat: centre.lat - halfLat,
    maxLat: centre.lat + halfLat,
    minLng: centre.lng - halfLng,
    maxLng: centre.lng + halfLng,
  };
}

export function boxPolygon(box: Box): Polygon {
  const { minLat, minLng, maxLat, maxLng } = box;
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLng, minLat],
        [maxLng, minLat],
        [maxLng, maxLat],
        [minLng, maxLat],
        [minLng, minLat],
      ],
    ],
  };
}

function jitteredSplits(from: number, to: number, weights: number[], random: SeededRandom): number[] {
  const jittered = weights.map((w) => w * random.between(0.8, 1.2));
  const total = jittered.reduce((a, b) => a + b, 0);
  const edges = [from];
  let acc = 0;
  for (const w of jittered.slice(0, -1)) edges.push(from + ((to - from) * (acc += w)) / total);
  edges.push(to);
  return edges;
}

/**
 * Tile the box with `count` rectangles of roughly equal area, in columns, with shared
 * edges (no gaps, no overlaps), ordered west to east and south to north.
 */
export function tileBox(box: Box, count: number, random: SeededRandom): Box[] {
  const columns = Math.ceil(Math.sqrt(count));
  const rowsPerColumn = Array.from(
    { length: columns },
    (_, c) => Math.floor(count / columns) + (c < count % columns ? 1 : 0),
  );
  const columnEdges = jitteredSplits(box.minLng, box.maxLng, rowsPerColumn, random);
  return rowsPerColumn.flatMap((rows, c) => {
    const rowEdges = jitteredSplits(box.minLat, box.maxLat, Array(rows).fill(1), random);
    return Array.from({ length: rows }, (_, r) => ({
      minLng: columnEdges[c],
      maxLng: columnEdges[c + 1],
      minLat: rowEdges[r],
      maxLat: rowEdges[r + 1],
    }));
  });
}

/** `count` points spread over the inside of the box (never on its edge), lightly jittered. */
export function pointsInside(box: Box, count: number, random: SeededRandom): LatLng[] {
  const columns = Math.max(1, Math.ceil(Math.sqrt(count)));
  const rows = Math.max(1, Math.ceil(count / columns));
  const cellLat = (box.maxLat - box.minLat) / rows;
  const cellLng = (box.maxLng - box.minLng) / columns;
  return Array.from({ length: count }, (_, i) => ({
    lat: box.minLat + cellLat * (Math.floor(i / columns) + random.between(0.25, 0.75)),
    lng: box.minLng + cellLng * ((i % columns) + random.between(0.25, 0.75)),
  }));
}

export function boxCentre(box: Box): LatLng {
  return { lat: (box.minLat + box.maxLat) / 2, lng: (box.minLng + box.maxLng) / 2 };
}

export function boxAreaKm2(box: Box): number {
  const centreLat = (box.minLat + box.maxLat) / 2;
  return (box.maxLat - box.minLat) * KM_PER_DEGREE_LAT * (box.maxLng - box.minLng) * kmPerDegreeLng(centreLat);
}
