import { area } from '@turf/area';
import { feature } from '@turf/helpers';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Transaction } from '../../db/client';
import { ROWS_PER_INSERT } from '../../db/limits';
import { positionsOf } from './coordinates';
import type { BoundaryPlan, Level, PlaceDraft } from './boundaries';
import { markPlacesChanged } from '../map/boundary.service';

/** The area-weighted centre of the outer rings (shoelace), in degrees: good to centimetres at a grid's size. */
function centroid(shape: Polygon | MultiPolygon): Position {
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  let [sum, cx, cy] = [0, 0, 0];
  for (const [ring] of polygons) {
    for (let i = 0; i < ring.length - 1; i++) {
      const [x0, y0] = ring[i];
      const [x1, y1] = ring[i + 1];
      const cross = x0 * y1 - x1 * y0;
      sum += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
  }
  return [cx / (3 * sum), cy / (3 * sum)];
}

/** The columns a boundary fills: GeoJSON text, centroid, bounding box and area. */
function boundaryColumns(shape: Polygon | MultiPolygon) {
  const positions = positionsOf(shape);
  const [lng, lat] = centroid(shape);
  return {
    boundary: JSON.stringify(shape),
    centroidLat: lat,
    centroidLng: lng,
    minLat: Math.min(...positions.map((p) => p[1])),
    maxLat: Math.max(...positions.map((p) => p[1])),
    minLng: Math.min(...positions.map((p) => p[0])),
    maxLng: Math.max(...positions.map((p) => p[0])),
    areaKm2: area(feature(shape)) / 1e6,
  };
}

const ORDER: Level[] = ['SUB_DISTRICT', 'COMMUNITY', 'GRID', 'BUILDING'];

/**
 * Write the plan's new and changed places, parents first, inside the caller's
 * transaction: new ones in batches, changed ones one by one. A changed boundary closes its current version at `asOf` and opens a new
 * one; a place that never had a version gets one for its old boundary first. Retired
 * grids close their version and keep their rows and cases.
 */
export async function writePlaces(
  tx: Transaction,
  plan: BoundaryPlan,
  asOf: Date,
  source: string,
  onProgress: (done: number) => void,
): Promise<void> {
  let done = 0;
  for (const level of ORDER) {
    const created = plan.created.filter((d) => d.level === level);
    for (let start = 0; start < created.length; start += ROWS_PER_INSERT) {
      await createPlaces(tx, level, created.slice(start, start + ROWS_PER_INSERT), asOf, source);
      onProgress((done += Math.min(ROWS_PER_INSERT, created.length - start)));
    }
    for (const draft of plan.updated.filter((d) => d.level === level)) {
      await writePlace(tx, draft, asOf, `${source}, ${draft.location}`);
      if (++done % 100 === 0) onProgress(done);
    }
  }
  for (const code of plan.retired) {
    const grid = await tx.grid.update({ where: { code }, data: { retiredAt: asOf } });
    await versionBoundary(tx, 'GRID', code, grid.boundary, null, asOf, source);
  }
  await markPlacesChanged(tx);
  onProgress(done);
}

/** New places of one level, a batch at a time: one INSERT for the places and one for their first boundary versions. */
async function createPlaces(tx: Transaction, level: Level, drafts: PlaceDraft[], asOf: Date, source: string) {
  const parents = [...new Set(drafts.map((d) => d.parentCode!))];
  const idOf = async (): Promise<Map<string, number>> => {
    const rows =
      level === 'COMMUNITY'
        ? await tx.subDistrict.findMany({ where: { code: { in: parents } }, select: { id: true, code: true } })
        : level === 'GRID'
          ? await tx.community.findMany({ where: { code: { in: parents } }, select: { id: true, code: true } })
          : await tx.grid.findMany({ where: { code: { in: parents } }, select: { id: true, code: true } });
    return new Map(rows.map((r) => [r.code, r.id]));
  };
  if (level === 'SUB_DISTRICT') {
    await tx.subDistrict.createMany({ data: drafts.map(({ code, name }) => ({ code, name })) });
    return;
  }
  const parentId = await idOf();
  if (level === 'BUILDING') {
    await tx.building.createMany({
      data: drafts.map(({ code, name, parentCode, geometry }) => {
        const [lng, lat] = geometry?.type === 'Point' ? geometry.coordinates : [null, null];
        return { code, name, kind: 'APARTMENT', gridId: parentId.get(parentCode!)!, lat, lng, generated: false };
      }),
    });
    return;
  }
  const columns = drafts.map((d) => boundaryColumns(d.geometry as Polygon | MultiPolygon));
  if (level === 'COMMUNITY')
    await tx.community.createMany({
      data: drafts.map(({ code, name, parentCode, location }, i) => ({
        code,
        name,
        nameEn: name,
        source: `${source}, ${location}`,
        subDistrictId: parentId.get(parentCode!)!,
        ...columns[i],
      })),
    });
  else
    await tx.grid.createMany({
      data: drafts.map(({ code, name, parentCode }, i) => ({
        code,
        name,
        communityId: parentId.get(parentCode!)!,
        generated: false,
        ...columns[i],
      })),
    });
  await tx.boundaryVersion.createMany({
    data: drafts.map((d, i) => ({
      level,
      code: d.code,
      boundary: columns[i].boundary,
      validFrom: asOf,
      source: `${source}, ${d.location}`,
    })),
  });
}

async function writePlace(tx: Transaction, draft: PlaceDraft, asOf: Date, source: string): Promise<void> {
  const { code, name, parentCode, geometry } = draft;
  if (draft.level === 'SUB_DISTRICT') {
    await tx.subDistrict.upsert({ where: { code }, create: { code, name }, update: { name } });
    return;
  }
  if (draft.level === 'BUILDING') {
    const grid = await tx.grid.findUniqueOrThrow({ where: { code: parentCode! } });
    const [lng, lat] = geometry?.type === 'Point' ? geometry.coordinates : [null, null];
    const data = { name, gridId: grid.id, lat, lng, generated: false };
    await tx.building.upsert({ where: { code }, create: { code, kind: 'APARTMENT', ...data }, update: data });
    return;
  }
  const shape = geometry as Polygon | MultiPolygon;
  const columns = boundaryColumns(shape);
  if (draft.level === 'COMMUNITY') {
    const subDistrict = await tx.subDistrict.findUniqueOrThrow({ where: { code: parentCode! } });
    const before = await tx.community.findUnique({ where: { code } });
    const data = { name, subDistrictId: subDistrict.id, ...columns };
    await tx.community.upsert({ where: { code }, create: { code, nameEn: name, source, ...data }, update: data });
    await versionBoundary(tx, 'COMMUNITY', code, before?.boundary ?? null, columns.boundary, asOf, source);
  } else {
    const community = await tx.community.findUniqueOrThrow({ where: { code: parentCode! } });
    const before = await tx.grid.findUnique({ where: { code } });
    const data = { name, communityId: community.id, generated: false, retiredAt: null, ...columns };
    await tx.grid.upsert({ where: { code }, create: { code, ...data }, update: data });
    await versionBoundary(tx, 'GRID', code, before?.boundary ?? null, columns.boundary, asOf, source);
  }
}

async function versionBoundary(
  tx: Transaction,
  level: 'COMMUNITY' | 'GRID',
  code: string,
  before: string | null,
  after: string | null,
  asOf: Date,
  source: string,
): Promise<void> {
  if (before === after) return;
  const open = await tx.boundaryVersion.findFirst({ where: { level, code, validTo: null } });
  if (open) await tx.boundaryVersion.update({ where: { id: open.id }, data: { validTo: asOf } });
  else if (before)
    await tx.boundaryVersion.create({
      data: { level, code, boundary: before, validFrom: new Date(0), validTo: asOf, source: 'before the first import' },
    });
  // A retired place's boundary ends here, and no new one begins.
  if (after) await tx.boundaryVersion.create({ data: { level, code, boundary: after, validFrom: asOf, source } });
}
