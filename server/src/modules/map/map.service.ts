import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon } from 'geojson';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import type { MapLevel } from '../../../../shared/enums';
import type { Database } from '../../db/client';
import { answerOnce } from '../../db/answers';
import { badInput, notFound } from '../../graphql/errors';
import { computeMetrics, type ScopeLevel } from '../metric/metric.service';
import type { Period } from '../../graphql/period';
import { fitToView, isEmptyGeometry, validateBBox } from './geometry';
import { classRanges, PALETTE } from '../../../../shared/geo/classify';
import type { GradeBands } from '../../../../shared/metrics/grades';
import type { MapLegendInfo, MapTilesInfo } from './map.type';
import type { BBoxInput } from './map.input';
import { boundariesAt, boundaryEpoch, existedAt } from './boundary.service';
import { communityMinZoom, GRID_TILE_ZOOM, sizeAtZoomZero } from '../../../../shared/geo/place-tiles';
import { subDistrictShapes, subDistrictsAt, subDistrictValues } from './sub-districts.service';

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
  if (level === 'SUB_DISTRICT') return subDistrictFeatures(db, request);
  let rows: { id: number; code: string; name: string; boundary: string | null; parentCode: string | null }[];
  if (level === 'COMMUNITY') {
    rows = (
      await db.community.findMany({
        where: { boundary: { not: null }, ...existedAt(request.period.endExclusive), ...overlaps(bbox) },
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
        ...existedAt(request.period.endExclusive),
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

/** Sub-districts as their communities dissolved into one shape, each measured as its communities together. */
async function subDistrictFeatures(
  db: Database,
  request: MapRequest,
): Promise<FeatureCollection<Geometry, FeatureProperties>> {
  const at = request.period.endExclusive;
  const [shapes, places] = await Promise.all([subDistrictShapes(db, at), subDistrictsAt(db, at)]);
  const values = await subDistrictValues(db, places, request.metric, request.period);
  const features = shapes
    .map(({ code, name, boundary }) =>
      fitToView(
        {
          type: 'Feature',
          geometry: boundary,
          properties: {
            code,
            name,
            ...(values.get(code) ?? { value: null, sampleSize: 0, tooFewCases: false }),
            unit: METRIC_DEFINITIONS[request.metric].unit,
            parentCode: null,
          },
        } satisfies Feature<Polygon | MultiPolygon, FeatureProperties>,
        request.zoom,
        request.bbox,
      ),
    )
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
 * has targets: the dashboard colours by grade, a wall by the classes in its own palette. Each
 * place's value comes along for a map whose shapes come without them (vector tiles).
 */
export async function mapLegend(
  db: Database,
  level: MapLevel,
  metric: Metric,
  period: Period,
  bands: GradeBands,
): Promise<MapLegendInfo> {
  let places: { code: string; value: number | null; tooFewCases: boolean }[];
  if (level === 'BUILDING') {
    const valueOf = { POPULATION: 'population', HOUSEHOLDS: 'households' } as const;
    const field = valueOf[metric as keyof typeof valueOf];
    const buildings = field
      ? await db.building.findMany({
          where: { retiredAt: null },
          select: { code: true, population: true, households: true },
          orderBy: { code: 'asc' },
        })
      : [];
    places = buildings.map((b) => ({ code: b.code, value: b[field!], tooFewCases: false }));
  } else if (level === 'SUB_DISTRICT') {
    const subDistricts = await subDistrictsAt(db, period.endExclusive);
    const values = await subDistrictValues(db, subDistricts, metric, period);
    places = subDistricts.map(({ code }) => ({
      code,
      value: values.get(code)?.value ?? null,
      tooFewCases: values.get(code)?.tooFewCases ?? false,
    }));
  } else {
    const query = {
      where: existedAt(period.endExclusive),
      select: { id: true, code: true },
      orderBy: { code: 'asc' },
    } as const;
    const rows = level === 'COMMUNITY' ? await db.community.findMany(query) : await db.grid.findMany(query);
    const scope: ScopeLevel = level === 'COMMUNITY' ? 'community' : 'grid';
    const results = await computeMetrics(
      db,
      scope,
      rows.map((p) => p.id),
      [metric],
      period,
    );
    places = rows.map((row) => {
      const { value, tooFewCases } = results.get(row.id)?.get(metric) ?? { value: null, tooFewCases: false };
      return { code: row.code, value, tooFewCases };
    });
  }
  const limits = bands[metric];
  return {
    classes: classRanges(
      places.map((p) => (p.tooFewCases ? null : p.value)),
      PALETTE.length,
    ),
    gradeLimits: limits ? [...limits] : null,
    places: {
      codes: places.map((p) => p.code),
      values: places.map((p) => p.value),
      tooFewCases: places.map((p) => p.tooFewCases),
    },
  };
}

/**
 * Where the places' vector tiles of a period are (GET /tiles/…), and the extent of its located
 * communities. Kept until places change (imports and retirements move boundaries), through
 * reported cases: seven counts over 35,000 grids and their boundary versions are the first thing
 * a city's map waits for, and a city reports a case every few seconds.
 */
export function mapTiles(db: Database, period: Period): Promise<MapTilesInfo> {
  return answerOnce(
    db,
    ['mapTiles', period.endExclusive.toISOString()],
    () => locateTiles(db, period.endExclusive),
    'places',
  );
}

async function locateTiles(db: Database, at: Date): Promise<MapTilesInfo> {
  const [version, extents] = await Promise.all([
    boundaryEpoch(db, at),
    db.community.findMany({
      where: { boundary: { not: null }, ...existedAt(at) },
      select: { minLng: true, minLat: true, maxLng: true, maxLat: true },
    }),
  ]);
  const located = extents.filter(
    (e): e is { [K in keyof typeof e]: number } =>
      e.minLng !== null && e.minLat !== null && e.maxLng !== null && e.maxLat !== null,
  );
  const sizes = located.map((e) => sizeAtZoomZero(e.minLng, e.minLat, e.maxLng, e.maxLat)).sort((a, b) => a - b);
  const fromCommunityZoom = communityMinZoom(located.length, sizes[Math.floor(sizes.length / 2)] ?? 0);
  const bounds = located.reduce(
    (b, e) => ({
      west: Math.min(b.west, e.minLng),
      south: Math.min(b.south, e.minLat),
      east: Math.max(b.east, e.maxLng),
      north: Math.max(b.north, e.maxLat),
    }),
    { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity },
  );
  return {
    url: `/tiles/{z}/{x}/{y}.pbf?v=${version.epoch.getTime()}.${version.key}&c=${fromCommunityZoom}`,
    communityMinZoom: fromCommunityZoom,
    gridMinZoom: GRID_TILE_ZOOM,
    bounds: located.length ? bounds : null,
  };
}
