import { METRIC_DEFINITIONS, perThousandResidents, type Metric } from '../../../../shared/metrics/definitions';
import { CASE_CATEGORIES, MAX_COMPARED, type CaseCategory, type TimeBucket } from '../../../../shared/enums';
import { isOpen, type CaseStatus } from '../../../../shared/case/workflow';
import { bucketStarts, nextBucket } from '../../../../shared/time/buckets';
import { answerOnce } from '../../db/answers';
import type { Database } from '../../db/client';
import { badInput, notFound } from '../../graphql/errors';
import { boundedCodes } from '../../graphql/input-bounds';
import { metricResult, type MetricResult } from './metric-value';
import {
  computedFrom,
  computeMetrics,
  computeTotals,
  groupedFigures,
  inBucket,
  NO_STATICS,
  type ScopeLevel,
} from './metric.service';
import { periodKey, type Period } from '../../graphql/period';
import { noMemo, type Memo } from '../../loaders';
import type { CategoryCount, ComparisonRow, MetricValue, RankingRow, TimePoint } from './metric.type';
import { rankRows } from '../../../../shared/metrics/grades';

/** The places of a comparison, in the order they were asked for: communities, then grids. */
export interface ComparedCodes {
  communityCodes: string[];
  gridCodes: string[];
}

type ComparedPlace = Pick<ComparisonRow, 'level' | 'code' | 'name' | 'communityCode' | 'communityName'>;

export async function comparePlaces(
  db: Database,
  { communityCodes, gridCodes }: ComparedCodes,
  metrics: Metric[],
  period: Period,
  perThousand: boolean,
): Promise<ComparisonRow[]> {
  boundedCodes([...communityCodes, ...gridCodes], 'communities and grids', 1, MAX_COMPARED);
  if (metrics.length === 0) throw badInput('Name at least one metric to compare');
  const [communities, grids] = await Promise.all([
    db.community.findMany({ where: { code: { in: communityCodes } } }),
    db.grid.findMany({ where: { code: { in: gridCodes } }, include: { community: true } }),
  ]);
  for (const [what, codes, found] of [
    ['Community', communityCodes, communities],
    ['Grid', gridCodes, grids],
  ] as const) {
    const missing = codes.filter((code) => !found.some((place) => place.code === code));
    if (missing.length) throw notFound(`${what} ${missing.map((c) => `"${c}"`).join(', ')}`);
  }
  const asked = [...new Set<Metric>([...metrics, 'POPULATION'])];
  const [communityValues, gridValues] = await Promise.all([
    computeMetrics(
      db,
      'community',
      communities.map((c) => c.id),
      asked,
      period,
    ),
    computeMetrics(
      db,
      'grid',
      grids.map((g) => g.id),
      asked,
      period,
    ),
  ]);
  const rowsOf = (place: ComparedPlace, results: Map<Metric, MetricResult>) => {
    const population = results.get('POPULATION')!.value;
    return metrics.map((metric) => {
      const result = results.get(metric)!;
      const scaled = METRIC_DEFINITIONS[metric].perThousand ? perThousandResidents(result.value, population) : null;
      return {
        ...place,
        metric,
        raw: result.value,
        perThousand: scaled,
        value: perThousand && METRIC_DEFINITIONS[metric].perThousand ? scaled : result.value,
        sampleSize: result.sampleSize,
        tooFewCases: result.tooFewCases,
      };
    });
  };
  return [
    ...communityCodes.flatMap((code) => {
      const c = communities.find((community) => community.code === code)!;
      const place = { level: 'COMMUNITY', code, name: c.name, communityCode: code, communityName: c.name } as const;
      return rowsOf(place, communityValues.get(c.id)!);
    }),
    ...gridCodes.flatMap((code) => {
      const g = grids.find((grid) => grid.code === code)!;
      const place = {
        level: 'GRID',
        code,
        name: g.name,
        communityCode: g.community.code,
        communityName: g.community.name,
      } as const;
      return rowsOf(place, gridValues.get(g.id)!);
    }),
  ];
}

const MAX_BUCKETS = 1_000;

/**
 * A metric per day, week or month for one community or all of them. Counts and rates
 * come from the daily rollups, medians from raw rows, slowly changing figures from the
 * latest snapshot in each bucket.
 */
export async function timeSeries(
  db: Database,
  metric: Metric,
  scope: Scope,
  bucket: TimeBucket,
  period: Period,
  once: Memo = noMemo,
): Promise<TimePoint[]> {
  const starts = bucketStarts(period.start, new Date(period.endExclusive.getTime() - 1), bucket, MAX_BUCKETS);
  if (starts.length > MAX_BUCKETS)
    throw badInput(
      `That is more than ${MAX_BUCKETS.toLocaleString('en')} ${bucket.toLowerCase()} buckets; ask for fewer`,
    );
  const source = METRIC_DEFINITIONS[metric].source;
  if (source === 'static') {
    if (scope.gridId) throw badInput(`${metric} has no history per grid; ask for it with grid.metric instead`);
    return staticSeries(db, metric, scope.communityId ? { communityId: scope.communityId } : {}, starts, bucket);
  }
  const places = scope.gridId
    ? { gridId: { in: [scope.gridId] } }
    : scope.communityId
      ? { communityId: { in: [scope.communityId] } }
      : {};
  const results = await answerOnce(db, ['series', metric, places, bucket, periodKey(period)], async () => {
    const figures = await groupedFigures(db, { by: [], places }, [metric], period, bucket, once);
    return starts.map((start) => metricResult(metric, { ...NO_STATICS, ...figures.get(inBucket('[]', start))! }));
  });
  return starts.map((start, i) => ({ start, ...results[i] }));
}

async function staticSeries(
  db: Database,
  metric: Metric,
  scope: { communityId?: number },
  starts: Date[],
  bucket: TimeBucket,
): Promise<TimePoint[]> {
  const field = (
    {
      POPULATION: 'population',
      HOUSEHOLDS: 'households',
      FLOATING_POPULATION: 'floatingPopulation',
      PARTY_MEMBERS: 'partyMembers',
      VOLUNTEERS: 'volunteers',
    } as const
  )[metric as string];
  if (!field) throw badInput(`${metric} has no history; ask for it with community.metric instead`);
  const snapshots = await db.metricSnapshot.findMany({ where: scope, orderBy: { date: 'asc' } });
  return starts.map((start) => {
    const end = nextBucket(start, bucket);
    const latest = new Map<number, number | null>();
    for (const s of snapshots) if (s.date < end) latest.set(s.communityId, s[field]);
    const known = [...latest.values()].filter((v): v is number => v !== null);
    const result: MetricResult = {
      value: known.length ? known.reduce((a, b) => a + b, 0) : null,
      sampleSize: 0,
      tooFewCases: false,
    };
    return { start, ...result };
  });
}

/** The scope the dashboard shows: every community, one community, or one grid. */
export interface Scope {
  level: ScopeLevel;
  ids: number[];
  communityId: number | null;
  gridId: number | null;
}

export async function resolveScope(
  db: Database,
  communityCode: string | null,
  gridCode: string | null,
): Promise<Scope> {
  if (gridCode) {
    const grid = await db.grid.findUnique({ where: { code: gridCode } });
    if (!grid) throw notFound(`Grid "${gridCode}"`);
    return { level: 'grid', ids: [grid.id], communityId: grid.communityId, gridId: grid.id };
  }
  if (communityCode) {
    const community = await db.community.findUnique({ where: { code: communityCode } });
    if (!community) throw notFound(`Community "${communityCode}"`);
    return { level: 'community', ids: [community.id], communityId: community.id, gridId: null };
  }
  const all = await db.community.findMany({ select: { id: true } });
  return { level: 'community', ids: all.map((c) => c.id), communityId: null, gridId: null };
}

/** Metrics of a whole scope over each period: counts summed, rates recomputed from summed counts. */
export async function scopeSummary(
  db: Database,
  communityCode: string | null,
  gridCode: string | null,
  metrics: Metric[],
  periods: Period[],
): Promise<MetricValue[][]> {
  if (metrics.length === 0) throw badInput('Name at least one metric');
  const scope = await resolveScope(db, communityCode, gridCode);
  const totals = await computeTotals(
    db,
    scope.level,
    scope.ids,
    [...new Set<Metric>([...metrics, 'POPULATION'])],
    periods,
  );
  return totals.map((values, i) => {
    const population = values.get('POPULATION')!.value;
    return metrics.map((metric) => {
      const result = values.get(metric)!;
      return {
        metric,
        ...result,
        perThousand: METRIC_DEFINITIONS[metric].perThousand ? perThousandResidents(result.value, population) : null,
        origin: { scope: { communityCode, gridCode }, period: periods[i] },
      };
    });
  });
}

/** Cases reported in the period by category, with how many of them are closed and still open. */
export function casesByCategory(db: Database, scope: Scope, period: Period): Promise<CategoryCount[]> {
  const place = scope.gridId ? { gridId: scope.gridId } : scope.communityId ? { communityId: scope.communityId } : {};
  return answerOnce(db, ['categories', place, periodKey(period)], async () => {
    const rows = await db.case.groupBy({
      by: ['category', 'status'],
      where: { reportedAt: { gte: period.start, lt: period.endExclusive }, ...place },
      _count: { _all: true },
    });
    return CASE_CATEGORIES.map((category: CaseCategory) => {
      const of = rows.filter((r) => r.category === category);
      const count = (pick: (status: CaseStatus) => boolean) =>
        of.filter((r) => pick(r.status as CaseStatus)).reduce((sum, r) => sum + r._count._all, 0);
      return { category, reported: count(() => true), closed: count((s) => s === 'CLOSED'), open: count(isOpen) };
    });
  });
}

/** Which places a league table ranks, and how much of it is wanted. */
export interface RankingOf {
  level: 'COMMUNITY' | 'GRID';
  /** The community whose grids are ranked (GRID). */
  communityCode: string | null;
  /** Only this sub-district's communities (COMMUNITY). */
  subDistrictCode: string | null;
  /** Only the best this many places with enough cases to rank, as a wall shows them; all when null. */
  top: number | null;
}

/**
 * A league table of every community (or a sub-district's), or of one community's grids, by one metric over a
 * period: best first, ties sharing their rank, rows on too few cases last and unranked.
 */
export async function ranking(
  db: Database,
  { level, communityCode, subDistrictCode, top }: RankingOf,
  metric: Metric,
  period: Period,
): Promise<Omit<RankingRow, 'grade'>[]> {
  // The whole table is kept, not only its values: a thousand walls ask for its head after every change.
  const question = ['ranking', level, communityCode, subDistrictCode, metric, periodKey(period)];
  const table = await answerOnce(
    db,
    question,
    async () => {
      const select = { id: true, code: true, name: true } as const;
      let places: { id: number; code: string; name: string }[];
      if (level === 'GRID') {
        if (!communityCode) throw badInput('A ranking of grids needs a communityCode');
        const community = await db.community.findUnique({ where: { code: communityCode } });
        if (!community) throw notFound(`Community "${communityCode}"`);
        places = await db.grid.findMany({ where: { communityId: community.id, retiredAt: null }, select });
      } else if (subDistrictCode) {
        const subDistrict = await db.subDistrict.findUnique({ where: { code: subDistrictCode } });
        if (!subDistrict) throw notFound(`Sub-district "${subDistrictCode}"`);
        places = await db.community.findMany({ where: { subDistrictId: subDistrict.id, retiredAt: null }, select });
      } else places = await db.community.findMany({ where: { retiredAt: null }, select });
      const values = await computeMetrics(
        db,
        level === 'GRID' ? 'grid' : 'community',
        places.map((p) => p.id),
        [metric],
        period,
      );
      const rows = places.map((place) => ({
        code: place.code,
        name: place.name,
        metric,
        ...values.get(place.id)!.get(metric)!,
      }));
      return rankRows(metric, rows).map(({ row, rank }) => ({ ...row, rank }));
    },
    computedFrom([metric]),
  );
  return top === null ? table : table.filter((row) => row.value !== null && !row.tooFewCases).slice(0, top);
}
