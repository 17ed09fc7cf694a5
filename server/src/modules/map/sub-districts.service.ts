import { feature, featureCollection } from '@turf/helpers';
import union from '@turf/union';
import type { MultiPolygon, Polygon } from 'geojson';
import type { Metric } from '../../../../shared/metrics/definitions';
import { answerOnce } from '../../db/answers';
import type { Database } from '../../db/client';
import { groupBy } from '../../group-by';
import type { Period } from '../../graphql/period';
import { computeGroupMetrics } from '../metric/metric.service';
import { boundariesAt, existedAt } from './boundary.service';

/**
 * A sub-district as a city's map draws it far out: it has no shape or figures of its own, so it
 * is drawn as its communities dissolved into one shape and measured as its communities together.
 */
export interface SubDistrictPlace {
  code: string;
  name: string;
  /** Its communities not retired at the moment asked, located or not. */
  communityIds: number[];
}

/** The sub-districts with a community at `at`, each with those communities, in order of code. */
export async function subDistrictsAt(db: Database, at: Date): Promise<SubDistrictPlace[]> {
  const communities = await db.community.findMany({
    where: existedAt(at),
    select: { id: true, subDistrictId: true },
  });
  const members = groupBy(
    communities,
    (c) => c.subDistrictId,
    (c) => c.id,
  );
  const subDistricts = await db.subDistrict.findMany({
    where: { id: { in: [...members.keys()] } },
    select: { id: true, code: true, name: true },
    orderBy: { code: 'asc' },
  });
  return subDistricts.map((s) => ({ code: s.code, name: s.name, communityIds: members.get(s.id)! }));
}

/** Each sub-district's value of `metric`, by code: its communities' counts added up, its rates computed from them. */
export async function subDistrictValues(db: Database, places: SubDistrictPlace[], metric: Metric, period: Period) {
  const groups = new Map(places.map((place, i) => [i, place.communityIds]));
  const results = await computeGroupMetrics(db, groups, [metric], period);
  return new Map(places.map((place, i) => [place.code, results.get(i)?.get(metric)]));
}

/** A sub-district's shape: the union of its located communities' boundaries. */
export interface SubDistrictShape {
  code: string;
  name: string;
  boundary: Polygon | MultiPolygon;
}

/**
 * One outline of touching polygons. A union that fails (turf's sweep line can on nearly
 * coincident vertices) or comes out empty leaves the parts side by side instead: the map still
 * draws the sub-district, with its communities' inner edges.
 */
function dissolve(shapes: (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  if (shapes.length === 1) return shapes[0];
  try {
    const merged = union(featureCollection(shapes.map((shape) => feature(shape))));
    if (merged) return merged.geometry;
  } catch {
    // Drawn from its parts below.
  }
  return {
    type: 'MultiPolygon',
    coordinates: shapes.flatMap((shape) => (shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates)),
  };
}

/**
 * The shape of each sub-district with a located community at `at`, in order of code: the union
 * of its communities' boundaries drawn then (shared edges dissolve, so neighbouring communities
 * make one outline). A city's 300 unions take about half a second; the tiles keep them with
 * the places' version they were read at.
 */
export async function dissolvedSubDistricts(db: Database, at: Date): Promise<SubDistrictShape[]> {
  const rows = await db.community.findMany({
    where: { boundary: { not: null }, ...existedAt(at) },
    select: { code: true, boundary: true, subDistrict: { select: { code: true, name: true } } },
  });
  const drawn = await boundariesAt(db, 'COMMUNITY', rows, at);
  const bySubDistrict = groupBy(
    rows.filter((row) => drawn.has(row.code)),
    (row) => row.subDistrict.code,
  );
  return [...bySubDistrict]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([code, members]) => ({
      code,
      name: members[0].subDistrict.name,
      boundary: dissolve(members.map((row): Polygon | MultiPolygon => JSON.parse(drawn.get(row.code)!))),
    }));
}

/** dissolvedSubDistricts kept as aggregates are, until places change (mapFeatures). */
export function subDistrictShapes(db: Database, at: Date): Promise<SubDistrictShape[]> {
  return answerOnce(db, ['subDistrictShapes', at.toISOString()], () => dissolvedSubDistricts(db, at), 'places');
}
