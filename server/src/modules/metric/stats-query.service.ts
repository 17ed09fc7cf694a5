import type { CaseStatus } from '../../../../shared/case/workflow';
import { CASE_CATEGORIES, CASE_SOURCES, type StatsDimension, type TimeBucket } from '../../../../shared/enums';
import type { Language } from '../../../../shared/format/number';
import { METRIC_DEFINITIONS, perThousandResidents, type Metric } from '../../../../shared/metrics/definitions';
import { bucketStarts, localDate, localDay } from '../../../../shared/time/buckets';
import { CATEGORY_TEXT, inLanguage, SOURCE_TEXT, STATUS_TEXT } from '../../../../shared/vocabulary';
import { CASE_STATUSES } from '../../../../shared/case/workflow';
import { canSeePersonalData, type Viewer } from '../../auth/viewer';
import { Prisma } from '../../../generated/sqlite/client';
import { kindOf, type Database } from '../../db/client';
import { timeValue } from '../../db/dialect';
import { badInput, notFound } from '../../graphql/errors';
import { periodOfDays, type Period } from '../../graphql/period';
import { metricResult } from './metric-value';
import {
  groupedFigures,
  groupKey,
  inBucket,
  NO_STATICS,
  mergeFigures,
  rollupsAnswer,
  staticFigures,
  type CaseColumn,
  type CaseFigures,
  type Grouping,
  type StaticFigures,
} from './metric.service';
import type { MetricValue } from './metric.type';
import type { PlacesOf } from './provenance.service';

/** What an analyst asks `stats` for, checked and in the server's terms. */
export interface StatsRequest {
  measures: Metric[];
  dimensions: StatsDimension[];
  filter: StatsFilterValue;
  /** Local calendar dates in TIME_ZONE, both inclusive. */
  from: string;
  to: string;
  bucket: TimeBucket | null;
  sort: { dimension?: StatsDimension; measure?: Metric; descending?: boolean }[];
  first: number | null;
  after: string | null;
  language: Language;
  /** The most values (rows × measures) the answer may compute. */
  maxValues: number;
}

export interface StatsFilterValue {
  subDistrictCodes?: string[];
  communityCodes?: string[];
  gridCodes?: string[];
  gridWorkers?: string[];
  categories?: string[];
  sources?: string[];
  statuses?: CaseStatus[];
  overdue?: boolean;
  closedLate?: boolean;
}

export interface StatsKeyValue {
  dimension: StatsDimension;
  code: string | null;
  label: string;
  start: Date | null;
}

export interface StatsRowValue {
  keys: StatsKeyValue[];
  values: MetricValue[];
}

export interface StatsAnswer {
  rows: StatsRowValue[];
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  period: Period;
}

interface CommunityPlace {
  id: number;
  code: string;
  name: string;
  nameEn: string;
  subDistrictId: number;
  retiredAt: Date | null;
}
interface GridPlace {
  id: number;
  code: string;
  name: string;
  communityId: number;
  workerName: string | null;
  retiredAt: Date | null;
}

/** The places a request counts in, and what it needs to label them. */
interface Places {
  subDistricts: Map<number, { code: string; name: string; nameEn: string | null }>;
  communities: Map<number, CommunityPlace>;
  /** Loaded only when a grid dimension or filter asks for them. */
  grids: Map<number, GridPlace> | null;
  /** Ids counted: null for every place. */
  communityIds: number[] | null;
  gridIds: number[] | null;
}

/** The case column each dimension groups by; SUB_DISTRICT and GRID_WORKER are read off it afterwards. */
const COLUMN_OF: Record<Exclude<StatsDimension, 'TIME'>, CaseColumn> = {
  SUB_DISTRICT: 'communityId',
  COMMUNITY: 'communityId',
  GRID: 'gridId',
  GRID_WORKER: 'gridId',
  CATEGORY: 'category',
  SOURCE: 'source',
  STATUS: 'status',
};

const PLACE_DIMENSIONS: readonly StatsDimension[] = ['SUB_DISTRICT', 'COMMUNITY', 'GRID', 'GRID_WORKER'];
const ENUM_ORDER: Partial<Record<StatsDimension, readonly string[]>> = {
  CATEGORY: CASE_CATEGORIES,
  SOURCE: CASE_SOURCES,
  STATUS: CASE_STATUSES,
};

function checkRequest(request: StatsRequest): void {
  const { measures, dimensions, bucket, sort, first } = request;
  if (measures.length === 0) throw badInput('Name at least one measure');
  const twice = (list: readonly string[]) => list.filter((item, i) => list.indexOf(item) !== i);
  if (twice(measures).length) throw badInput(`Each measure once: ${twice(measures).join(', ')} is named twice`);
  if (twice(dimensions).length) throw badInput(`Each dimension once: ${twice(dimensions).join(', ')} is named twice`);
  if (dimensions.includes('TIME') && !bucket) throw badInput('The TIME dimension needs a bucket (DAY, WEEK, MONTH …)');
  if (bucket && !dimensions.includes('TIME')) throw badInput(`A bucket (${bucket}) needs the TIME dimension`);
  for (const key of sort) {
    if (Boolean(key.dimension) === Boolean(key.measure))
      throw badInput('Each sort key names either a dimension or a measure');
    if (key.dimension && !dimensions.includes(key.dimension))
      throw badInput(`Sorting by ${key.dimension} needs it among the dimensions`);
    if (key.measure && !measures.includes(key.measure))
      throw badInput(`Sorting by ${key.measure} needs it among the measures`);
  }
  if (first !== null && (!Number.isInteger(first) || first < 0)) throw badInput('first must be 0 or more');
  const byCase = request.dimensions.some((d) => !PLACE_DIMENSIONS.includes(d));
  const narrowed = caseFilterAsked(request.filter);
  for (const measure of measures) {
    const { source } = METRIC_DEFINITIONS[measure];
    if (source === 'static' && (byCase || narrowed))
      throw badInput(
        `${measure} is a figure of places, not of cases: it cannot be split by TIME, CATEGORY, SOURCE or STATUS, nor filtered by them`,
      );
    if (
      measure === 'VOLUNTEER_HOURS' &&
      (dimensions.some((d) => d !== 'TIME' && !PLACE_DIMENSIONS.includes(d)) || narrowed)
    )
      throw badInput('VOLUNTEER_HOURS are logged per grid, not per case: split it by places and TIME only');
  }
}

const caseFilterAsked = (filter: StatsFilterValue) =>
  Boolean(
    filter.categories?.length ||
    filter.sources?.length ||
    filter.statuses?.length ||
    filter.overdue ||
    filter.closedLate,
  );

/** The places of the request: its filter applied, unknown codes refused. */
async function loadPlaces(db: Database, request: StatsRequest, viewer: Viewer): Promise<Places> {
  const { filter, dimensions } = request;
  const [subDistrictRows, communityRows] = await Promise.all([
    db.subDistrict.findMany({ select: { id: true, code: true, name: true, nameEn: true } }),
    db.community.findMany({
      select: { id: true, code: true, name: true, nameEn: true, subDistrictId: true, retiredAt: true },
    }),
  ]);
  const needGrids =
    dimensions.includes('GRID') ||
    dimensions.includes('GRID_WORKER') ||
    Boolean(filter.gridCodes?.length || filter.gridWorkers?.length);
  const gridRows = needGrids
    ? await db.grid.findMany({
        select: { id: true, code: true, name: true, communityId: true, workerName: true, retiredAt: true },
      })
    : null;
  const places: Places = {
    subDistricts: new Map(subDistrictRows.map((s) => [s.id, s])),
    communities: new Map(communityRows.map((c) => [c.id, c])),
    grids: gridRows && new Map(gridRows.map((g) => [g.id, g])),
    communityIds: null,
    gridIds: null,
  };
  const known = <T extends { code: string }>(rows: T[], codes: string[] | undefined, what: string) => {
    if (!codes?.length) return null;
    const missing = codes.filter((code) => !rows.some((row) => row.code === code));
    if (missing.length) throw notFound(`${what} ${missing.map((c) => `"${c}"`).join(', ')}`);
    return rows.filter((row) => codes.includes(row.code));
  };
  const subDistricts = known(subDistrictRows, filter.subDistrictCodes, 'Sub-district');
  const communities = known(communityRows, filter.communityCodes, 'Community');
  let communityIds = communityRows.map((c) => c.id);
  if (subDistricts)
    communityIds = communityIds.filter((id) =>
      subDistricts.some((s) => s.id === places.communities.get(id)!.subDistrictId),
    );
  if (communities) communityIds = communityIds.filter((id) => communities.some((c) => c.id === id));
  if (subDistricts || communities) places.communityIds = communityIds;
  if (gridRows) {
    const grids = known(gridRows, filter.gridCodes, 'Grid');
    let gridIds = gridRows.filter((g) => communityIds.includes(g.communityId)).map((g) => g.id);
    if (grids) gridIds = gridIds.filter((id) => grids.some((g) => g.id === id));
    if (filter.gridWorkers?.length)
      gridIds = gridIds.filter((id) => {
        const grid = places.grids!.get(id)!;
        return filter.gridWorkers!.includes(grid.workerName ?? '') && workerVisible(viewer, places, grid);
      });
    if (grids || filter.gridWorkers?.length) places.gridIds = gridIds;
  }
  return places;
}

/** Grid workers' names are personal data: shown to the admin, the leader over the grid and its worker. */
function workerVisible(viewer: Viewer, places: Places, grid: GridPlace): boolean {
  const community = places.communities.get(grid.communityId)!;
  return canSeePersonalData(viewer, {
    gridCode: grid.code,
    communityCode: community.code,
    subDistrictCode: places.subDistricts.get(community.subDistrictId)?.code ?? '',
  });
}

/** The most rows the request could have, before anything is counted: nested places count once, at the finest. */
function estimatedRows(request: StatsRequest, places: Places, buckets: number): number {
  const placeCount = (dimension: StatsDimension) => {
    if (dimension === 'SUB_DISTRICT') return places.subDistricts.size;
    if (dimension === 'COMMUNITY') return places.communityIds?.length ?? places.communities.size;
    return places.gridIds?.length ?? places.grids?.size ?? 0;
  };
  const finestPlace = Math.max(1, ...request.dimensions.filter((d) => PLACE_DIMENSIONS.includes(d)).map(placeCount));
  const { filter } = request;
  const others = request.dimensions.map((dimension) => {
    if (dimension === 'TIME') return buckets;
    if (dimension === 'CATEGORY') return filter.categories?.length || CASE_CATEGORIES.length;
    if (dimension === 'SOURCE') return filter.sources?.length || CASE_SOURCES.length;
    if (dimension === 'STATUS') return filter.statuses?.length || CASE_STATUSES.length;
    return 1;
  });
  return others.reduce((product, n) => product * n, finestPlace);
}

/** The Prisma filter of the cases counted over a period ending at `end`. */
function casesWhere(db: Database, filter: StatsFilterValue, end: Date): Prisma.Sql {
  const where: Prisma.Sql[] = [];
  const oneOf = (column: string, values: readonly string[]) =>
    Prisma.sql`c.${Prisma.raw(`"${column}"`)} IN (${Prisma.join(values)})`;
  if (filter.categories?.length) where.push(oneOf('category', filter.categories));
  if (filter.sources?.length) where.push(oneOf('source', filter.sources));
  if (filter.statuses?.length) where.push(oneOf('status', filter.statuses));
  if (filter.overdue) {
    const at = timeValue(kindOf(db), end);
    where.push(
      Prisma.sql`c."acceptedAt" < ${at} AND c.deadline < ${at} AND (c."closedAt" IS NULL OR c."closedAt" >= ${at})`,
    );
  }
  if (filter.closedLate) where.push(Prisma.sql`c."closedAt" > c.deadline`);
  return Prisma.join(where, ' AND ');
}

/** A group of atoms (the rows the database groups by) that one output row stands for. */
interface Group {
  keys: StatsKeyValue[];
  atoms: { figures: CaseFigures; statics: StaticFigures | null }[];
  /** The places the row stands on, for the provenance of its values. */
  places: PlacesOf;
}

const EMPTY_FIGURES: CaseFigures = mergeFigures([]);

function bucketLabel(start: Date, bucket: TimeBucket, language: Language): string {
  const { year, month } = localDate(start);
  const zh = language === 'zh-CN';
  if (bucket === 'YEAR') return zh ? `${year}年` : String(year);
  if (bucket === 'QUARTER') return zh ? `${year}年第${Math.ceil(month / 3)}季度` : `${year} Q${Math.ceil(month / 3)}`;
  if (bucket === 'MONTH') return zh ? `${year}年${month}月` : `${year}-${String(month).padStart(2, '0')}`;
  return zh && bucket === 'WEEK'
    ? `${localDay(start)} 起的一周`
    : bucket === 'WEEK'
      ? `Week of ${localDay(start)}`
      : localDay(start);
}

/**
 * The analysts' query: any measures, grouped by any dimensions, over local calendar days,
 * filtered, sorted and paged. The buckets' figures are counted together, a statement per kind
 * (through groupedFigures, like every other figure); groups of sub-districts and grid workers
 * are the sums of their communities' and grids' counts, and rates are recomputed from them.
 */
export async function stats(db: Database, viewer: Viewer, request: StatsRequest): Promise<StatsAnswer> {
  checkRequest(request);
  const period = periodOfDays(request.from, request.to);
  const starts = request.bucket
    ? bucketStarts(period.start, new Date(period.endExclusive.getTime() - 1), request.bucket)
    : [period.start];
  const places = await loadPlaces(db, request, viewer);
  const estimate = estimatedRows(request, places, starts.length);
  const values = estimate * request.measures.length;
  if (values > request.maxValues)
    throw badInput(
      `This could be ${estimate.toLocaleString('en')} rows × ${request.measures.length} measures = ${values.toLocaleString('en')} values; at most ${request.maxValues.toLocaleString('en')} are allowed. Narrow the period or the places, take a coarser bucket, or drop a dimension`,
      { reason: 'TOO_MANY_VALUES' },
    );
  const by = [...new Set(request.dimensions.filter((d) => d !== 'TIME').map((d) => COLUMN_OF[d as 'COMMUNITY']))];
  // The finest place the columns reach decides where static figures and empty rows come from.
  const level = by.includes('gridId') ? 'grid' : 'community';
  const placeOnly = by.every((c) => c === 'communityId' || c === 'gridId') && !caseFilterAsked(request.filter);
  const needStatics =
    placeOnly &&
    !request.dimensions.includes('TIME') &&
    request.measures.some((m) => METRIC_DEFINITIONS[m].source === 'static' || METRIC_DEFINITIONS[m].perThousand);
  const placeRows = atomsOfPlaces(places, level);
  const staticById = needStatics
    ? await staticFigures(
        db,
        level,
        placeRows.map((row) => row.id),
      )
    : new Map<number, StaticFigures>();
  const groups = new Map<string, Group>();
  const placesWhere: Grouping['places'] = places.gridIds
    ? { gridId: { in: places.gridIds } }
    : places.communityIds
      ? { communityId: { in: places.communityIds } }
      : {};
  const measures = needStatics ? [...new Set<Metric>([...request.measures, 'POPULATION'])] : request.measures;
  const grouping: Grouping = {
    by,
    places: placesWhere,
    cases: caseFilterAsked(request.filter) ? (over) => casesWhere(db, request.filter, over.endExclusive) : undefined,
  };
  const figures = await groupedFigures(db, grouping, measures, period, request.bucket);
  // Without TIME the figures are one period's; with it each key ends with its bucket's start.
  const bucketOf = (key: string) =>
    request.bucket
      ? { start: new Date(JSON.parse(key).at(-1)), key: JSON.stringify(JSON.parse(key).slice(0, -1)) }
      : { start: period.start, key };
  const add = (row: AtomRow, start: Date, atom: Group['atoms'][number]) => {
    const keys = request.dimensions.map((d) => keyOf(d, row, start, places, viewer, request));
    const id = JSON.stringify(keys.map((k) => [k.code, k.start?.getTime() ?? null]));
    const group = groups.get(id) ?? groups.set(id, { keys, atoms: [], places: {} }).get(id)!;
    group.atoms.push(atom);
    if (row.gridId !== undefined && level === 'grid') (group.places.gridIds ??= []).push(row.gridId);
    else if (row.communityId !== undefined) (group.places.communityIds ??= []).push(row.communityId);
  };
  const seen = new Set<string>();
  // Every place counted has a row (in every bucket) when the rows are places, even one without cases.
  if (rollupsAnswer(grouping) && by.length)
    for (const start of starts)
      for (const row of placeRows) {
        const key = request.bucket ? inBucket(groupKey(by, row), start) : groupKey(by, row);
        seen.add(key);
        add(row, start, { figures: figures.get(key) ?? EMPTY_FIGURES, statics: staticById.get(row.id) ?? null });
      }
  for (const [key, atomFigures] of figures) {
    if (seen.has(key)) continue;
    const { start, key: columns } = bucketOf(key);
    const row = Object.fromEntries(by.map((column, i) => [column, JSON.parse(columns)[i]])) as AtomRow;
    if (row.gridId !== undefined && row.communityId === undefined)
      row.communityId = places.grids?.get(row.gridId)?.communityId;
    add(row, start, {
      figures: atomFigures,
      statics: by.length === 0 ? null : (staticById.get(level === 'grid' ? row.gridId! : row.communityId!) ?? null),
    });
  }
  if (by.length === 0 && !request.bucket && figures.size === 0)
    add({} as AtomRow, period.start, { figures: EMPTY_FIGURES, statics: null });
  if (by.length === 0 && needStatics)
    for (const group of groups.values())
      group.atoms.push(...[...staticById.values()].map((statics) => ({ figures: EMPTY_FIGURES, statics })));
  const everywhere: PlacesOf = places.gridIds
    ? { gridIds: places.gridIds }
    : places.communityIds
      ? { communityIds: places.communityIds }
      : {};
  const rows = [...groups.values()].map((group) =>
    rowOf(group, request.measures, group.places.gridIds || group.places.communityIds ? group.places : everywhere),
  );
  sortRows(rows, request);
  const offset = request.after ? offsetOf(request.after) : 0;
  const page = request.first === null ? rows.slice(offset) : rows.slice(offset, offset + request.first);
  const end = offset + page.length;
  return {
    rows: page,
    totalCount: rows.length,
    pageInfo: { hasNextPage: end < rows.length, endCursor: page.length ? cursorOf(end) : null },
    period,
  };
}

const cursorOf = (offset: number) => Buffer.from(`stats:${offset}`).toString('base64url');
function offsetOf(cursor: string): number {
  const match = /^stats:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw badInput('after is not a cursor of stats: pass the endCursor of the page before');
  return Number(match[1]);
}

/** What one row the database groups by holds: its place, and the case columns asked for. */
interface AtomRow {
  id: number;
  communityId?: number;
  gridId?: number;
  category?: string;
  source?: string;
  status?: string;
}

/** Every place counted, at the level asked for, as a row of case columns. */
function atomsOfPlaces(places: Places, level: 'community' | 'grid'): AtomRow[] {
  if (level === 'grid') {
    const counted =
      places.gridIds ??
      [...places.grids!.values()].filter((g) => !g.retiredAt && inCommunities(places, g.communityId)).map((g) => g.id);
    return counted.map((id) => ({ id, gridId: id, communityId: places.grids!.get(id)!.communityId }));
  }
  const counted = places.communityIds ?? [...places.communities.values()].filter((c) => !c.retiredAt).map((c) => c.id);
  return counted.map((id) => ({ id, communityId: id }));
}

const inCommunities = (places: Places, communityId: number) =>
  places.communityIds === null || places.communityIds.includes(communityId);

function keyOf(
  dimension: StatsDimension,
  row: AtomRow,
  start: Date,
  places: Places,
  viewer: Viewer,
  request: StatsRequest,
): StatsKeyValue {
  const { language } = request;
  const key = (code: string | null, label: string): StatsKeyValue => ({ dimension, code, label, start: null });
  switch (dimension) {
    case 'TIME':
      return { dimension, code: localDay(start), label: bucketLabel(start, request.bucket!, language), start };
    case 'COMMUNITY': {
      const community = places.communities.get(row.communityId!)!;
      return key(community.code, language === 'en' ? community.nameEn || community.name : community.name);
    }
    case 'SUB_DISTRICT': {
      const subDistrict = places.subDistricts.get(places.communities.get(row.communityId!)!.subDistrictId)!;
      return key(subDistrict.code, language === 'en' ? subDistrict.nameEn || subDistrict.name : subDistrict.name);
    }
    case 'GRID': {
      const grid = places.grids!.get(row.gridId!)!;
      return key(grid.code, grid.name);
    }
    case 'GRID_WORKER': {
      const grid = places.grids!.get(row.gridId!)!;
      if (!grid.workerName) return key(null, language === 'en' ? 'No grid worker' : '未配备网格员');
      if (workerVisible(viewer, places, grid)) return key(grid.workerName, grid.workerName);
      return key(`grid:${grid.code}`, language === 'en' ? `Grid worker of ${grid.name}` : `${grid.name}网格员`);
    }
    case 'CATEGORY':
      return key(
        row.category!,
        inLanguage(CATEGORY_TEXT[row.category as 'OTHER'] ?? { zh: row.category!, en: row.category! }, language),
      );
    case 'SOURCE':
      return key(
        row.source!,
        inLanguage(SOURCE_TEXT[row.source as 'APP'] ?? { zh: row.source!, en: row.source! }, language),
      );
    case 'STATUS':
      return key(
        row.status!,
        inLanguage(STATUS_TEXT[row.status as CaseStatus] ?? { zh: row.status!, en: row.status! }, language),
      );
  }
}

/** A row's values: its atoms' figures summed, every measure computed from the sums by metricResult. */
function rowOf(group: Group, measures: readonly Metric[], places: PlacesOf): StatsRowValue {
  const statics = group.atoms.map((a) => a.statics).filter((s): s is StaticFigures => s !== null);
  const merged = mergeFigures(
    group.atoms
      .map((atom) => ({ ...NO_STATICS, ...atom.figures }))
      .concat(statics.map((s) => ({ ...EMPTY_FIGURES, ...s }))),
  );
  const population = metricResult('POPULATION', merged).value;
  return {
    keys: group.keys,
    values: measures.map((metric) => {
      const result = metricResult(metric, merged);
      return {
        metric,
        ...result,
        perThousand: METRIC_DEFINITIONS[metric].perThousand ? perThousandResidents(result.value, population) : null,
        places,
      };
    }),
  };
}

function sortRows(rows: StatsRowValue[], request: StatsRequest): void {
  const collator = new Intl.Collator(request.language === 'en' ? 'en' : 'zh-CN', { numeric: true });
  const keys = [
    ...request.sort,
    ...request.dimensions.map((dimension) => ({ dimension, descending: false, measure: undefined })),
  ];
  const compareBy = (key: StatsRequest['sort'][number], a: StatsRowValue, b: StatsRowValue): number => {
    const direction = key.descending ? -1 : 1;
    if (key.measure) {
      const i = request.measures.indexOf(key.measure);
      const [x, y] = [a.values[i].value, b.values[i].value];
      if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1; // no value: last either way
      return (x - y) * direction;
    }
    const i = request.dimensions.indexOf(key.dimension!);
    const [x, y] = [a.keys[i], b.keys[i]];
    if (x.start && y.start) return (x.start.getTime() - y.start.getTime()) * direction;
    const order = ENUM_ORDER[key.dimension!];
    if (order) return (order.indexOf(x.code ?? '') - order.indexOf(y.code ?? '')) * direction;
    return collator.compare(x.label, y.label) * direction;
  };
  rows.sort((a, b) => {
    for (const key of keys) {
      const order = compareBy(key, a, b);
      if (order !== 0) return order;
    }
    return 0;
  });
}
