import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import type { MapLevel } from '../../../../shared/enums';
import type { Database } from '../../db/client';
import { badInput, notFound } from '../../graphql/errors';
import { computeMetrics, type ScopeLevel } from '../metric/metric.service';
import type { Period } from '../../graphql/period';
import { fitToView, isEmptyGeometry, validateBBox } from './geometry';
import { classRanges, PALETTE } from '../../../../shared/geo/classify';
import type { GradeBands } from '../../../../shared/metrics/grades';
import type { MapLegendInfo } from './map.type';
import type { BBoxInput } from './map.input';

export interface MapRequest {
  level: MapLevel;
  metric: Metric;
  communityCode: string | null;
  gridCode: string | null;
  bbox: BBoxInput | null;
  zoom: number | null;
  period: Period;
}

export interface FeatureProperties {
  code: string;
  name: string;
  value: number | null;
  tooFewCases: boolean;
  sampleSize: number;
  unit: string;
  parentCode: string | null;
}

const overlaps = (bbox: BBoxInput | null) =>
  bbox
    ? {
        minLng: { lte: bbox.east },
        maxLng: { gte: bbox.west },
        minLat: { lte: bbox.north },
        maxLat: { gte: bbox.south },
      }
    : {};

/** Places not retired before the period ended: a past period shows the grids of its time. */
const existedAt = (period: Period) => ({ OR: [{ retiredAt: null }, { retiredAt: { gte: period.endExclusive } }] });

/**
 * The boundary each place had at `at`: its imported version valid then, or the current
 * one for a place never imported. A place whose versions all begin later is left out.
 */
async function boundariesAt(
  db: Database,
  level: 'COMMUNITY' | 'GRID',
  rows: { code: string; boundary: string | null }[],
  at: Date,
): Promise<Map<string, string>> {
  const versions = await db.boundaryVersion.findMany({
    where: { level, code: { in: rows.map((r) => r.code) } },
    select: { code: true, boundary: true, validFrom: true, validTo: true },
  });
  const versioned = new Set(versions.map((v) => v.code));
  const drawn = new Map(rows.filter((r) => !versioned.has(r.code)).map((r) => [r.code, r.boundary!]));
  for (const v of versions) if (v.validFrom < at && (!v.validTo || v.validTo >= at)) drawn.set(v.code, v.boundary);
  return drawn;
}

/** A GeoJSON FeatureCollection of communities, grids or buildings with the metric in each feature. */
export async function mapFeatures(
  db: Database,
  request: MapRequest,
): Promise<FeatureCollection<Geometry, FeatureProperties>> {
  const { level, bbox } = request;
  if (bbox) {
    const problem = validateBBox(bbox);
    if (problem) throw badInput(problem);
  }
  if (request.zoom !== null && (request.zoom < 0 || request.zoom > 22)) throw badInput('zoom must be between 0 and 22');
  if (level === 'BUILDING') return buildingFeatures(db, request);
  let rows: { id: number; code: string; name: string; boundary: string | null; parentCode: string | null }[];
  if (level === 'COMMUNITY') {
    rows = (
      await db.community.findMany({
        where: { boundary: { not: null }, ...existedAt(request.period), ...overlaps(bbox) },
        orderBy: { id: 'asc' },
      })
    ).map((c) => ({ ...c, parentCode: null }));
  } else {
    if (!request.communityCode && !bbox) throw badInput('Grid features need a communityCode or a bbox');
    const community = request.communityCode
      ? await db.community.findUnique({ where: { code: request.communityCode } })
      : null;
    if (request.communityCode && !community) throw notFound(`Community "${request.communityCode}"`);
    const grids = await db.grid.findMany({
      where: {
        boundary: { not: null },
        ...existedAt(request.period),
        ...(community ? { communityId: community.id } : {}),
        ...overlaps(bbox),
      },
      include: { community: { select: { code: true } } },
      orderBy: { code: 'asc' },
    });
    rows = grids.map((g) => ({ ...g, parentCode: g.community.code }));
  }
  const drawn = await boundariesAt(db, level, rows, request.period.endExclusive);
  rows = rows.filter((row) => drawn.has(row.code)).map((row) => ({ ...row, boundary: drawn.get(row.code)! }));
  const scope: ScopeLevel = level === 'COMMUNITY' ? 'community' : 'grid';
  const values = await computeMetrics(
    db,
    scope,
    rows.map((r) => r.id),
    [request.metric],
    request.period,
  );
  const features = rows
    .map((row) => {
      const result = values.get(row.id)?.get(request.metric) ?? { value: null, sampleSize: 0, tooFewCases: false };
      const feature: Feature<Polygon | MultiPolygon, FeatureProperties> = {
        type: 'Feature',
        geometry: JSON.parse(row.boundary!),
        properties: {
          code: row.code,
          name: row.name,
          ...result,
          unit: METRIC_DEFINITIONS[request.metric].unit,
          parentCode: row.parentCode,
        },
      };
      return fitToView(feature, request.zoom, bbox);
    })
    .filter((feature) => !isEmptyGeometry(feature));
  return { type: 'FeatureCollection', features };
}

async function buildingFeatures(
  db: Database,
  request: MapRequest,
): Promise<FeatureCollection<Point, FeatureProperties>> {
  if (!request.gridCode) throw badInput('Building features need a gridCode');
  const grid = await db.grid.findUnique({
    where: { code: request.gridCode },
    include: { buildings: { where: { retiredAt: null }, orderBy: { code: 'asc' } } },
  });
  if (!grid) throw notFound(`Grid "${request.gridCode}"`);
  const valueOf = { POPULATION: 'population', HOUSEHOLDS: 'households' } as const;
  const field = valueOf[request.metric as keyof typeof valueOf];
  const { bbox } = request;
  const features = grid.buildings
    .filter(
      (b) =>
        b.lat !== null &&
        b.lng !== null &&
        (!bbox || (b.lng >= bbox.west && b.lng <= bbox.east && b.lat >= bbox.south && b.lat <= bbox.north)),
    )
    .map((b): Feature<Point, FeatureProperties> => ({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [b.lng!, b.lat!] },
      properties: {
        code: b.code,
        name: b.name,
        value: field ? b[field] : null,
        tooFewCases: false,
        sampleSize: 0,
        unit: METRIC_DEFINITIONS[request.metric].unit,
        parentCode: grid.code,
      },
    }));
  return { type: 'FeatureCollection', features };
}

/**
 * The legend of a map: quantile classes of every place of the level in the jurisdiction (every grid, not one community's), so that two
 * communities' maps of the same metric and period read alike. Places retired before the
 * period ended are left out, as on the map. The metric's grade bands come with them when it
 * has targets: the dashboard colours by grade, a wall by the classes in its own palette.
 */
export async function mapLegend(
  db: Database,
  level: MapLevel,
  metric: Metric,
  period: Period,
  bands: GradeBands,
): Promise<MapLegendInfo> {
  let values: (number | null)[];
  if (level === 'BUILDING') {
    const valueOf = { POPULATION: 'population', HOUSEHOLDS: 'households' } as const;
    const field = valueOf[metric as keyof typeof valueOf];
    const buildings = field
      ? await db.building.findMany({ where: { retiredAt: null }, select: { population: true, households: true } })
      : [];
    values = buildings.map((b) => b[field!]);
  } else {
    const where = existedAt(period);
    const places =
      level === 'COMMUNITY'
        ? await db.community.findMany({ where, select: { id: true } })
        : await db.grid.findMany({ where, select: { id: true } });
    const scope: ScopeLevel = level === 'COMMUNITY' ? 'community' : 'grid';
    const results = await computeMetrics(
      db,
      scope,
      places.map((p) => p.id),
      [metric],
      period,
    );
    values = [...results.values()].map((r) => {
      const result = r.get(metric);
      return result && !result.tooFewCases ? result.value : null;
    });
  }
  const limits = bands[metric];
  return { classes: classRanges(values, PALETTE.length), gradeLimits: limits ? [...limits] : null };
}
