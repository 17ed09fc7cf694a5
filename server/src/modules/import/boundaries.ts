import { area } from '@turf/area';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { feature, featureCollection } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import type { Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { Database } from '../../db/client';
import { groupBy } from '../../group-by';
import {
  chooseTransform,
  outsideChina,
  positionsOf,
  rawCoordinateProblem,
  ringProblem,
  transformGeometry,
  type Transform,
} from './coordinates';
import { fieldOf, type Field } from './fields';
import type { Findings } from './report';
import type { FeatureFile, FeatureRecord } from './readers/types';

export type Level = 'SUB_DISTRICT' | 'COMMUNITY' | 'GRID' | 'BUILDING';
const LEVELS: Level[] = ['SUB_DISTRICT', 'COMMUNITY', 'GRID', 'BUILDING'];
const LEVEL_WORDS: Record<string, Level> = {
  街道: 'SUB_DISTRICT',
  subdistrict: 'SUB_DISTRICT',
  社区: 'COMMUNITY',
  community: 'COMMUNITY',
  网格: 'GRID',
  grid: 'GRID',
  楼栋: 'BUILDING',
  building: 'BUILDING',
};
const LEVEL_NAMES: Record<Level, string> = { SUB_DISTRICT: '街道', COMMUNITY: '社区', GRID: '网格', BUILDING: '楼栋' };
/** Tolerances of the topology checks, as shares of the smaller area. */
const OUTSIDE_PARENT = 0.01;
const OVERLAP = 0.005;

type Shape = Polygon | MultiPolygon;

/** A place of the file, checked and in WGS-84, ready to be compared with the database. */
export interface PlaceDraft {
  location: string;
  level: Level;
  code: string;
  name: string;
  parentCode: string | null;
  geometry: Shape | Point | null;
}

export interface BoundaryPlan {
  drafts: PlaceDraft[];
  created: PlaceDraft[];
  updated: PlaceDraft[];
  unchanged: number;
  /** Grids of a community whose full set the file gives, that the file no longer has. */
  retired: string[];
}

interface KnownPlace {
  level: Level;
  code: string;
  name: string;
  parentCode: string | null;
  geometry: Shape | Point | null;
  retired?: boolean;
}

/**
 * The places of the database, by code, to find parents, check topology and compare:
 * every sub-district, community and grid, and of the buildings (half a million in a
 * city, never anyone's parent) only those the file names.
 */
async function knownPlaces(db: Database, buildingCodes: string[]): Promise<Map<string, KnownPlace>> {
  const [subDistricts, communities, grids, buildings] = await Promise.all([
    db.subDistrict.findMany({ select: { code: true, name: true } }),
    db.community.findMany({
      select: { code: true, name: true, boundary: true, subDistrict: { select: { code: true } } },
    }),
    db.grid.findMany({
      select: { code: true, name: true, boundary: true, retiredAt: true, community: { select: { code: true } } },
    }),
    db.building.findMany({
      where: { code: { in: buildingCodes } },
      select: { code: true, name: true, lat: true, lng: true, grid: { select: { code: true } } },
    }),
  ]);
  const shape = (text: string | null) => (text ? (JSON.parse(text) as Shape) : null);
  const places: KnownPlace[] = [
    ...subDistricts.map((s) => ({ level: 'SUB_DISTRICT' as const, ...s, parentCode: null, geometry: null })),
    ...communities.map((c) => ({
      level: 'COMMUNITY' as const,
      code: c.code,
      name: c.name,
      parentCode: c.subDistrict.code,
      geometry: shape(c.boundary),
    })),
    ...grids.map((g) => ({
      level: 'GRID' as const,
      code: g.code,
      name: g.name,
      parentCode: g.community.code,
      geometry: shape(g.boundary),
      retired: g.retiredAt !== null,
    })),
    ...buildings.map((b) => ({
      level: 'BUILDING' as const,
      code: b.code,
      name: b.name,
      parentCode: b.grid.code,
      geometry: b.lat === null || b.lng === null ? null : ({ type: 'Point', coordinates: [b.lng, b.lat] } as Point),
    })),
  ];
  return new Map(places.map((p) => [p.code, p]));
}

function propertiesByField(record: FeatureRecord): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const [key, value] of Object.entries(record.properties)) {
    const field = fieldOf(key);
    if (field && value !== null && value !== '' && values[field] === undefined) values[field] = String(value).trim();
  }
  return values;
}

/** The level a feature states, or that its layer, geometry or code implies. */
function levelOf(record: FeatureRecord, stated: string | undefined, code: string): Level | null {
  if (stated) return LEVEL_WORDS[stated.toLowerCase()] ?? null;
  const layer = Object.keys(LEVEL_WORDS).find((word) => record.location.startsWith(word));
  if (layer) return LEVEL_WORDS[layer];
  if (record.geometry?.type === 'Point') return 'BUILDING';
  const parts = code.split('-').length;
  return parts >= 2 && parts <= 5 ? LEVELS[parts - 2] : null;
}

const rounded = (geometry: Geometry | null) =>
  JSON.stringify(geometry, (_key, value) => (typeof value === 'number' ? Math.round(value * 1e7) / 1e7 : value));

/**
 * Read every feature, convert it to WGS-84 and check it: fields, level, geometry, unique
 * codes, parents, and the topology of grids in communities. Problems go to `findings`;
 * the plan says what would be created, updated or left as it is.
 */
export async function planBoundaries(
  db: Database,
  file: FeatureFile,
  crs: string | undefined,
  findings: Findings,
): Promise<BoundaryPlan> {
  if (!file.features.length) findings.problem(file.file, null, 'The file holds no features');
  const transform = chooseTransformFor(file, crs, findings);
  const drafts: PlaceDraft[] = [];
  const seen = new Map<string, string>();
  for (const record of file.features) {
    const values = propertiesByField(record);
    const where = `${record.location}${values.code ? ` (${values.code})` : ''}`;
    if (!values.code) findings.problem(record.location, 'code', 'No code (编码): every place needs one');
    if (!values.name) findings.problem(where, 'name', 'No name (名称)');
    if (!values.code || !values.name) continue;
    const level = levelOf(record, values.level, values.code);
    if (!level) {
      findings.problem(where, 'level', 'Say the level (层级: 街道, 社区, 网格 or 楼栋)');
      continue;
    }
    if (seen.has(values.code)) {
      findings.problem(where, 'code', `The code ${values.code} is also used by ${seen.get(values.code)}`);
      continue;
    }
    seen.set(values.code, where);
    const geometry = transform ? checkedGeometry(record, where, level, transform, findings) : null;
    drafts.push({
      location: where,
      level,
      code: values.code,
      name: values.name,
      parentCode: values.parent ?? null,
      geometry,
    });
  }
  const known = await knownPlaces(
    db,
    drafts.filter((d) => d.level === 'BUILDING').map((d) => d.code),
  );
  resolveParents(drafts, known, findings);
  const retired = retiredGrids(drafts, known);
  checkTopology(drafts, known, new Set(retired), findings);
  const created: PlaceDraft[] = [];
  const updated: PlaceDraft[] = [];
  let unchanged = 0;
  for (const draft of drafts) {
    const before = known.get(draft.code);
    if (!before) created.push(draft);
    else if (before.level !== draft.level)
      findings.problem(
        draft.location,
        'code',
        `${draft.code} is a ${LEVEL_NAMES[before.level]} already, not a ${LEVEL_NAMES[draft.level]}`,
      );
    else if (
      before.retired ||
      before.name !== draft.name ||
      before.parentCode !== draft.parentCode ||
      rounded(before.geometry) !== rounded(draft.geometry)
    )
      updated.push(draft);
    else unchanged++;
  }
  for (const code of retired)
    findings.note(`Grid ${code} is not in the file's full set of its community's grids: it is retired`);
  return { drafts, created, updated, unchanged, retired };
}

/**
 * A file that gives a community together with its grids gives all of them: a grid of that
 * community that the database has and the file has not is retired (kept, with its cases).
 */
function retiredGrids(drafts: PlaceDraft[], known: Map<string, KnownPlace>): string[] {
  const inFile = new Set(drafts.map((d) => d.code));
  const complete = new Set(
    drafts
      .filter((d) => d.level === 'COMMUNITY' && drafts.some((g) => g.level === 'GRID' && g.parentCode === d.code))
      .map((d) => d.code),
  );
  return [...known.values()]
    .filter((p) => p.level === 'GRID' && !p.retired && complete.has(p.parentCode!) && !inFile.has(p.code))
    .map((p) => p.code);
}

function chooseTransformFor(file: FeatureFile, crs: string | undefined, findings: Findings): Transform | null {
  const chosen = chooseTransform(crs, file.crs);
  if (typeof chosen === 'string') {
    findings.problem(file.file, null, chosen);
    return null;
  }
  if (chosen) {
    findings.note(`Coordinates: ${chosen.label}`);
    return chosen;
  }
  const positions = file.features.flatMap((f) => (f.geometry ? positionsOf(f.geometry) : []));
  const problem = rawCoordinateProblem(positions);
  if (problem) {
    findings.problem(file.file, null, problem);
    return null;
  }
  findings.note(
    'The file names no coordinate system: taken as WGS-84. Give --crs gcj02 for boundaries traced on AMap, --crs bd09 for Baidu',
  );
  return { label: 'WGS-84', apply: (p: Position) => p };
}

function checkedGeometry(
  record: FeatureRecord,
  where: string,
  level: Level,
  transform: Transform,
  findings: Findings,
): Shape | Point | null {
  const geometry = record.geometry;
  if (!geometry) {
    if (level !== 'SUB_DISTRICT') findings.problem(where, 'geometry', 'No geometry');
    return null;
  }
  const wanted = level === 'BUILDING' ? ['Point'] : ['Polygon', 'MultiPolygon'];
  if (!wanted.includes(geometry.type)) {
    findings.problem(
      where,
      'geometry',
      `A ${LEVEL_NAMES[level]} needs a ${wanted.join(' or ')}, not a ${geometry.type}`,
    );
    return null;
  }
  const converted = transformGeometry(geometry as Shape | Point, transform);
  if (outsideChina(converted)) {
    findings.problem(where, 'geometry', 'Lies outside China after conversion: check the coordinate system (--crs)');
    return null;
  }
  if (converted.type !== 'Point') {
    const polygons = converted.type === 'Polygon' ? [converted.coordinates] : converted.coordinates;
    const problem = polygons.map(ringProblem).find(Boolean);
    if (problem) {
      findings.problem(where, 'geometry', problem);
      return null;
    }
  }
  return converted;
}

const PARENT_LEVEL: Record<Level, Level | null> = {
  SUB_DISTRICT: null,
  COMMUNITY: 'SUB_DISTRICT',
  GRID: 'COMMUNITY',
  BUILDING: 'GRID',
};

/** Every parent named by code or exact name, or implied by the code's prefix, must exist in the file or the database. */
function resolveParents(drafts: PlaceDraft[], known: Map<string, KnownPlace>, findings: Findings): void {
  const inFile = new Map(drafts.map((d) => [d.code, d]));
  const levelOfCode = (code: string) => inFile.get(code)?.level ?? known.get(code)?.level;
  const byName = (name: string, level: Level) =>
    [...drafts.filter((d) => d.level === level), ...[...known.values()].filter((p) => p.level === level)]
      .filter((p) => p.name === name)
      .map((p) => p.code);
  for (const draft of drafts) {
    const wanted = PARENT_LEVEL[draft.level];
    if (!wanted) continue;
    const named = draft.parentCode;
    const candidates = named
      ? levelOfCode(named) === wanted
        ? [named]
        : [...new Set(byName(named, wanted))]
      : [draft.code.split('-').slice(0, -1).join('-')].filter((code) => levelOfCode(code) === wanted);
    if (candidates.length === 1) draft.parentCode = candidates[0];
    else
      findings.problem(
        draft.location,
        'parent',
        candidates.length > 1
          ? `The ${LEVEL_NAMES[wanted]} "${named}" is ambiguous: give its code`
          : named
            ? `No ${LEVEL_NAMES[wanted]} "${named}" in the file or the database`
            : `No ${LEVEL_NAMES[wanted]} for it: give 上级编码 (parent), or a code that extends its parent's`,
      );
  }
}

const shapeArea = (shape: Shape) => area(feature(shape));

function overlapArea(a: Shape, b: Shape): number {
  const shared = intersect(featureCollection([feature(a), feature(b)]));
  return shared ? area(shared) : 0;
}

type Box = [west: number, south: number, east: number, north: number];

function boxOf(shape: Shape): Box {
  const positions = positionsOf(shape);
  const xs = positions.map((p) => p[0]);
  const ys = positions.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

/** The share of the smaller box that two boxes have in common: an upper bound of the shapes' overlap, without turf. */
function boxOverlapShare(a: Box, b: Box): number {
  const width = Math.min(a[2], b[2]) - Math.max(a[0], b[0]);
  const height = Math.min(a[3], b[3]) - Math.max(a[1], b[1]);
  if (width <= 0 || height <= 0) return 0;
  const size = (box: Box) => (box[2] - box[0]) * (box[3] - box[1]);
  return (width * height) / Math.min(size(a), size(b));
}

/**
 * Grids lie inside their community and communities inside their sub-district (all but
 * 1 % of their area), grids of one community do not overlap (beyond 0.5 % of the
 * smaller), buildings stand inside their grid. Each violation names both places.
 */
function checkTopology(
  drafts: PlaceDraft[],
  known: Map<string, KnownPlace>,
  retiring: Set<string>,
  findings: Findings,
): void {
  const byCode = new Map(drafts.map((d) => [d.code, d]));
  const geometryOf = (code: string) => byCode.get(code)?.geometry ?? known.get(code)?.geometry ?? null;
  const nameOf = (code: string) => byCode.get(code)?.location ?? `${code} (in the database)`;
  for (const draft of drafts) {
    if (!draft.geometry || !draft.parentCode) continue;
    const parent = geometryOf(draft.parentCode);
    if (!parent || parent.type === 'Point') continue;
    if (draft.geometry.type === 'Point') {
      if (!booleanPointInPolygon(draft.geometry.coordinates, parent))
        findings.problem(draft.location, 'geometry', `Stands outside its grid ${nameOf(draft.parentCode)}`);
      continue;
    }
    const own = shapeArea(draft.geometry);
    const outside = own - overlapArea(draft.geometry, parent);
    if (outside > own * OUTSIDE_PARENT)
      findings.problem(
        draft.location,
        'geometry',
        `${((outside / own) * 100).toFixed(1)} % of it lies outside its ${LEVEL_NAMES[PARENT_LEVEL[draft.level]!]} ${nameOf(draft.parentCode)}`,
      );
  }
  // Grids of one community, from the file and the database (a file's version replaces the database's).
  const grids = new Map<string, { code: string; parent: string; shape: Shape; box: Box }>();
  const current = [...known.values()].filter((p) => !p.retired && !retiring.has(p.code));
  for (const place of [...current, ...drafts])
    if (place.level === 'GRID' && place.geometry && place.geometry.type !== 'Point' && place.parentCode)
      grids.set(place.code, {
        code: place.code,
        parent: place.parentCode,
        shape: place.geometry,
        box: boxOf(place.geometry),
      });
  const fileCodes = new Set(drafts.map((d) => d.code));
  for (const siblings of groupBy(grids.values(), (g) => g.parent).values()) {
    for (let i = 0; i < siblings.length; i++) {
      for (let j = i + 1; j < siblings.length; j++) {
        const [a, b] = [siblings[i], siblings[j]];
        // Neighbours share edges, not area: their boxes tell so without intersecting the shapes.
        if ((!fileCodes.has(a.code) && !fileCodes.has(b.code)) || boxOverlapShare(a.box, b.box) <= OVERLAP) continue;
        const shared = overlapArea(a.shape, b.shape);
        const smaller = Math.min(shapeArea(a.shape), shapeArea(b.shape));
        if (shared > smaller * OVERLAP)
          findings.problem(
            nameOf(fileCodes.has(a.code) ? a.code : b.code),
            'geometry',
            `Overlaps ${nameOf(fileCodes.has(a.code) ? b.code : a.code)} by ${((shared / smaller) * 100).toFixed(1)} % of the smaller one`,
          );
      }
    }
  }
}
