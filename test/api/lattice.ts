import type { Database } from '../../server/src/db/client';

/**
 * A city's worth of communities for the map's levels of detail: two sub-districts of 13 × 20
 * lattice cells side by side (520 communities, more than are drawn one by one far out), each
 * cell about 650 m across and sharing its edges with its neighbours, far from the seed.
 */
export const LATTICE = {
  rows: 13,
  columns: 20,
  subDistricts: [
    { code: 'city-west', name: '格子西街道' },
    { code: 'city-east', name: '格子东街道' },
  ],
} as const;

const ORIGIN = { lat: 30, lng: 90 };
const STEP = { lat: 0.006, lng: 0.0065 };
/** Edges of the lattice, each computed once from its index so that neighbours share the same numbers. */
export const latticeLat = (row: number) => ORIGIN.lat + row * STEP.lat;
export const latticeLng = (column: number) => ORIGIN.lng + column * STEP.lng;
export const latticePopulation = (row: number, column: number) => 1000 + row * 37 + column;

/** Adds the lattice: the west sub-district holds columns 0–19, the east one 20–39. */
export async function addLattice(db: Database): Promise<void> {
  const { rows, columns } = LATTICE;
  for (const [block, subDistrict] of LATTICE.subDistricts.entries()) {
    const { id: subDistrictId } = await db.subDistrict.create({ data: subDistrict });
    await db.community.createMany({
      data: Array.from({ length: rows * columns }, (_, n) => {
        const [row, column] = [Math.floor(n / columns), block * columns + (n % columns)];
        const box = {
          minLat: latticeLat(row),
          maxLat: latticeLat(row + 1),
          minLng: latticeLng(column),
          maxLng: latticeLng(column + 1),
        };
        const ring = [
          [box.minLng, box.minLat],
          [box.maxLng, box.minLat],
          [box.maxLng, box.maxLat],
          [box.minLng, box.maxLat],
          [box.minLng, box.minLat],
        ];
        return {
          code: `lattice-${row}-${column}`,
          name: `格子${row}-${column}`,
          nameEn: `Lattice ${row}-${column}`,
          subDistrictId,
          source: 'test',
          population: latticePopulation(row, column),
          boundary: JSON.stringify({ type: 'Polygon', coordinates: [ring] }),
          centroidLat: (box.minLat + box.maxLat) / 2,
          centroidLng: (box.minLng + box.maxLng) / 2,
          ...box,
        };
      }),
    });
  }
}
