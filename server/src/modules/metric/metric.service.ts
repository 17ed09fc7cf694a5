import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import { memberTotal } from '../../../../shared/metrics/party-members';
import type { Prisma } from '../../../generated/sqlite/client';
import type { Database } from '../../db/client';
import { groupBy } from '../../group-by';
import { MAX_IDS_PER_QUERY } from '../../db/limits';
import {
  COUNTERS,
  SUM_ALL_COUNTERS,
  zeroCounters,
  type Counter,
  type Counters,
} from '../../../../shared/metrics/rollups';
import { metricResult, type MetricResult, type ScopeFigures } from './metric-value';
import { caseCounts, isOverdueOpen, type CaseCounts, type CaseRecord } from '../../../../shared/metrics/case-metrics';
import { periodKey, type Period } from '../../graphql/period';
import type { TimeBucket } from '../../../../shared/enums';
import { bucketStart, bucketStarts, nextBucket } from '../../../../shared/time/buckets';
import { noMemo, type Memo } from '../../loaders';

export type ScopeLevel = 'community' | 'grid';

export type StaticFigures = Pick<
  ScopeFigures,
  'population' | 'households' | 'floatingPopulation' | 'areaKm2' | 'partyMembers' | 'volunteers'
>;

/** A group of cases, not of places: it has no population, area or members of its own. */
export const NO_STATICS: StaticFigures = {
  population: null,
  households: null,
  floatingPopulation: null,
  areaKm2: null,
  partyMembers: null,
  volunteers: null,
};

export async function staticFigures(
  db: Database,
  level: ScopeLevel,
  ids: number[],
): Promise<Map<number, StaticFigures>> {
  const members = { residentMembers: true, inServiceMembers: true, retiredMembers: true, mobileMembers: true } as const;
  if (level === 'grid') {
    const [grids, party] = await Promise.all([
      db.grid.findMany({
        where: { id: { in: ids } },
        select: { id: true, population: true, households: true, areaKm2: true },
      }),
      db.partyOrganization.groupBy({ by: ['gridId'], where: { gridId: { in: ids } }, _sum: members }),
    ]);
    const partyByGrid = new Map(party.map((row) => [row.gridId, memberTotal(row._sum)]));
    return new Map(
      grids.map((g) => [
        g.id,
        {
          population: g.population,
          households: g.households,
          floatingPopulation: null,
          areaKm2: g.areaKm2,
          partyMembers: partyByGrid.get(g.id) ?? 0,
          volunteers: null,
        },
      ]),
    );
  }
  const [communities, party, teams] = await Promise.all([
    db.community.findMany({
      where: { id: { in: ids } },
      select: {
        id: true,
        population: true,
        households: true,
        floatingPopulation: true,
        areaKm2: true,
        volunteers: true,
      },
    }),
    db.partyOrganization.groupBy({ by: ['communityId'], where: { communityId: { in: ids } }, _sum: members }),
    db.volunteerTeam.groupBy({ by: ['communityId'], where: { communityId: { in: ids } }, _sum: { members: true } }),
  ]);
  const partyByCommunity = new Map(party.map((row) => [row.communityId, memberTotal(row._sum)]));
  const teamsByCommunity = new Map(teams.map((row) => [row.communityId, row._sum.members ?? 0]));
  return new Map(
    communities.map((c) => [
      c.id,
      {
        population: c.population,
        households: c.households,
        floatingPopulation: c.floatingPopulation,
        areaKm2: c.areaKm2,
        partyMembers: partyByCommunity.get(c.id) ?? 0,
        volunteers: c.volunteers ?? teamsByCommunity.get(c.id) ?? 0,
      },
    ]),
  );
}

/** The columns of a case that figures can be grouped by. */
export type CaseColumn = 'communityId' | 'gridId' | 'category' | 'source' | 'status';
const PLACE_COLUMNS: readonly CaseColumn[] = ['communityId', 'gridId'];

/**
 * Which cases a set of figures counts, and how they are grouped: by case columns (none for
 * one total), within places, optionally narrowed by more than place (category, source …).
 */
export interface Grouping {
  by: readonly CaseColumn[];
  places: { communityId?: { in: number[] }; gridId?: { in: number[] } };
  /** Cases narrower than the places, for a period (overdue at its end, say). */
  cases?: (period: Period) => Prisma.CaseWhereInput;
}

/** A grouping over one period: its narrowing written out. */
interface Counting {
  by: readonly CaseColumn[];
  places: Grouping['places'];
  cases?: Prisma.CaseWhereInput;
}

/** A group's key: its values of the grouping's columns, in order. */
export const groupKey = (by: readonly CaseColumn[], row: object) =>
  JSON.stringify(by.map((column) => (row as Record<string, unknown>)[column]));

/** Rollups answer a grouping by place alone; one narrowed by category, source or state needs case rows. */
export const rollupsAnswer = (grouping: Grouping | Counting) =>
  !grouping.cases && grouping.by.every((column) => PLACE_COLUMNS.includes(column));

/** Counted rows of a grouping: one grouped query, or one count when there are no columns. */
async function countBy(db: Database, grouping: Counting, where: Prisma.CaseWhereInput): Promise<Map<string, number>> {
  const all = { AND: [grouping.places, grouping.cases ?? {}, where] };
  if (grouping.by.length === 0) return new Map([['[]', await db.case.count({ where: all })]]);
  const rows = await db.case.groupBy({ by: [...grouping.by], where: all, _count: { _all: true } });
  return new Map(rows.map((row) => [groupKey(grouping.by, row), row._count._all]));
}

async function rollupSums(
  db: Database,
  grouping: Counting,
  day: { gte?: Date; lt: Date },
): Promise<Map<string, Counters>> {
  const where = { ...grouping.places, day };
  const sums = (sum: Partial<Record<Counter, number | null>>): Counters => ({
    ...zeroCounters(),
    ...Object.fromEntries(Object.entries(sum).map(([c, v]) => [c, v ?? 0])),
  });
  if (grouping.by.length === 0)
    return new Map([['[]', sums((await db.gridDayRollup.aggregate({ where, _sum: SUM_ALL_COUNTERS }))._sum)]]);
  const by = grouping.by as ('communityId' | 'gridId')[];
  const rows = await db.gridDayRollup.groupBy({ by, where, _sum: SUM_ALL_COUNTERS });
  return new Map(rows.map((row) => [groupKey(by, row), sums(row._sum)]));
}

/** The counters a grouping narrowed by more than place needs, counted from case rows. */
async function caseCounters(
  db: Database,
  grouping: Counting,
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<string, Counters>> {
  const inPeriod = { gte: period.start, lt: period.endExclusive };
  const [reported, rated] = await Promise.all([
    metrics.includes('CASES_REPORTED') ? countBy(db, grouping, { reportedAt: inPeriod }) : new Map<string, number>(),
    metrics.includes('SATISFACTION') ? satisfactionBy(db, grouping, inPeriod) : new Map<string, [number, number]>(),
  ]);
  const counters = new Map<string, Counters>();
  const of = (key: string) => counters.get(key) ?? counters.set(key, zeroCounters()).get(key)!;
  for (const [key, count] of reported) of(key).casesReported = count;
  for (const [key, [sum, count]] of rated) Object.assign(of(key), { satisfactionSum: sum, satisfactionCount: count });
  return counters;
}

async function satisfactionBy(
  db: Database,
  grouping: Counting,
  closedAt: { gte: Date; lt: Date },
): Promise<Map<string, [number, number]>> {
  const where = { AND: [grouping.places, grouping.cases ?? {}, { closedAt, satisfaction: { not: null } }] };
  if (grouping.by.length === 0) {
    const all = await db.case.aggregate({ where, _sum: { satisfaction: true }, _count: { satisfaction: true } });
    return new Map([['[]', [all._sum.satisfaction ?? 0, all._count.satisfaction]]]);
  }
  const rows = await db.case.groupBy({
    by: [...grouping.by],
    where,
    _sum: { satisfaction: true },
    _count: { satisfaction: true },
  });
  return new Map(
    rows.map((row) => [groupKey(grouping.by, row), [row._sum.satisfaction ?? 0, row._count.satisfaction]]),
  );
}

/** 待办: cases reported by the end, neither closed nor rejected by then, from rollups or case rows. */
async function backlogBy(db: Database, grouping: Counting, end: Date): Promise<Map<string, number>> {
  if (rollupsAnswer(grouping)) {
    const sums = await rollupSums(db, grouping, { lt: end });
    return new Map([...sums].map(([key, c]) => [key, c.casesReported - c.casesClosed - c.casesRejected]));
  }
  const notBy = (column: 'closedAt' | 'rejectedAt') => ({ OR: [{ [column]: null }, { [column]: { gte: end } }] });
  return countBy(db, grouping, { reportedAt: { lt: end }, AND: [notBy('closedAt'), notBy('rejectedAt')] });
}

async function hoursToClose(db: Database, grouping: Counting, period: Period): Promise<Map<string, number[]>> {
  const columns = Object.fromEntries(grouping.by.map((column) => [column, true]));
  const closed = await db.case.findMany({
    where: {
      AND: [grouping.places, grouping.cases ?? {}, { closedAt: { gte: period.start, lt: period.endExclusive } }],
    },
    select: { ...columns, reportedAt: true, closedAt: true },
  });
  return groupBy(closed, (c) => groupKey(grouping.by, c), hoursFromReportToClose);
}

/** The columns of a case the published figures are computed from. */
export const CASE_RECORD = {
  acceptedAt: true,
  closedAt: true,
  deadline: true,
  postponedAt: true,
  extendedAt: true,
  reworks: true,
} as const;

/**
 * The cases the published figures of periods from `start` to `end` stand on: those accepted
 * in them, and those accepted before that were still open at `start` (the overdue among them).
 */
export function cohortWhere(start: Date, end: Date) {
  return {
    acceptedAt: { lt: end },
    OR: [{ acceptedAt: { gte: start } }, { closedAt: null }, { closedAt: { gte: start } }],
  };
}

export interface Cohort {
  cases: CaseCounts;
  overdueOpen: number;
}

export function cohortOf(records: CaseRecord[], period: Period): Cohort {
  const end = period.endExclusive;
  return {
    cases: caseCounts(records, { start: period.start, end }),
    overdueOpen: records.filter((c) => isOverdueOpen(c, end)).length,
  };
}

type Figure =
  'accepted' | 'notYetDue' | 'closed' | 'closedOnTime' | 'postponed' | 'reworked' | 'extended' | 'overdueOpen';

/** The counts each metric stands on (shared/metrics/case-metrics.ts): 应结案 is 立案 less those not yet due. */
const COUNTS_OF: Partial<Record<Metric, readonly Figure[]>> = {
  CASES_ACCEPTED: ['accepted'],
  CASES_DUE: ['accepted', 'notYetDue'],
  CASES_CLOSED: ['closed'],
  CASES_CLOSED_ON_TIME: ['closedOnTime'],
  CASES_POSTPONED: ['postponed'],
  CLOSURE_RATE: ['closed', 'accepted', 'notYetDue', 'postponed'],
  ON_TIME_RATE: ['closedOnTime', 'accepted', 'notYetDue', 'postponed'],
  REWORK_RATE: ['reworked', 'closed'],
  EXTENSION_RATE: ['extended', 'accepted'],
  OVERDUE_OPEN: ['overdueOpen'],
};

/**
 * The published counts of every group, counted by the database: one grouped count per
 * figure the metrics need, each the condition of caseCounts (shared/metrics/case-metrics.ts)
 * written as a filter. `test/api/rollups.test.ts` holds both to the raw rows.
 */
async function cohorts(
  db: Database,
  grouping: Counting,
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<string, Cohort>> {
  const end = period.endExclusive;
  const acceptedIn = { acceptedAt: { gte: period.start, lt: end } };
  const openAtEnd = { OR: [{ closedAt: null }, { closedAt: { gte: end } }] };
  const filters: Record<Figure, Prisma.CaseWhereInput> = {
    accepted: acceptedIn,
    notYetDue: { ...acceptedIn, ...openAtEnd, deadline: { gte: end } },
    closed: { ...acceptedIn, closedAt: { lt: end } },
    closedOnTime: { ...acceptedIn, closedAt: { lt: end, lte: db.case.fields.deadline } },
    postponed: { ...acceptedIn, ...openAtEnd, deadline: { lt: end }, postponedAt: { lt: end } },
    reworked: { ...acceptedIn, closedAt: { lt: end }, reworks: { gt: 0 } },
    extended: { ...acceptedIn, extendedAt: { lt: end } },
    overdueOpen: { acceptedAt: { lt: end }, ...openAtEnd, deadline: { lt: end } },
  };
  const needed = [...new Set(metrics.flatMap((m) => COUNTS_OF[m] ?? []))];
  const counted = new Map(
    await Promise.all(needed.map(async (figure) => [figure, await countBy(db, grouping, filters[figure])] as const)),
  );
  const keys = new Set([...counted.values()].flatMap((byKey) => [...byKey.keys()]));
  const count = (figure: Figure, key: string) => counted.get(figure)?.get(key) ?? 0;
  return new Map(
    [...keys].map((key) => [
      key,
      {
        cases: {
          accepted: count('accepted', key),
          due: count('accepted', key) - count('notYetDue', key),
          closed: count('closed', key),
          closedOnTime: count('closedOnTime', key),
          postponed: count('postponed', key),
          reworked: count('reworked', key),
          extended: count('extended', key),
        },
        overdueOpen: count('overdueOpen', key),
      },
    ]),
  );
}

export const NO_COHORT: Cohort = {
  cases: { accepted: 0, due: 0, closed: 0, closedOnTime: 0, postponed: 0, reworked: 0, extended: 0 },
  overdueOpen: 0,
};

export function hoursFromReportToClose(c: { reportedAt: Date; closedAt: Date | null }): number {
  return (c.closedAt!.getTime() - c.reportedAt.getTime()) / 3_600_000;
}

/** The figures of a grouping that come from cases and volunteer logs (every figure but the static ones). */
export type CaseFigures = Omit<ScopeFigures, keyof StaticFigures>;

const NO_CASE_FIGURES: CaseFigures = { counters: zeroCounters(), backlog: 0, hoursToClose: [], ...NO_COHORT };

/**
 * The one place figures are read for metrics: the case and volunteer figures of every group
 * of a grouping over a period, reading only the sources the metrics need (rollups where they
 * answer, grouped counts of case rows where they do not). The map, summaries, compare,
 * rankings, the wall and `stats` all come here.
 */
export async function groupedFigures(
  db: Database,
  grouping: Grouping,
  metrics: readonly Metric[],
  period: Period,
  bucket: TimeBucket | null = null,
  once: Memo = noMemo,
): Promise<Map<string, CaseFigures>> {
  const counting = (over: Period): Counting => ({ ...grouping, cases: grouping.cases?.(over) });
  if (!bucket) return figuresOver(db, counting(period), metrics, period);
  const starts = bucketStarts(period.start, new Date(period.endExclusive.getTime() - 1), bucket);
  // One total over time (a chart's series): each source read once for every bucket.
  if (grouping.by.length === 0 && rollupsAnswer(grouping))
    return seriesFigures(db, grouping.places, metrics, period, bucket, starts, once);
  // Groups over time: grouped counts per bucket, however many cases the buckets hold.
  const perBucket = await Promise.all(
    starts.map(async (start) => {
      const over = bucketPeriod(start, bucket, period);
      return [start, await figuresOver(db, counting(over), metrics, over)] as const;
    }),
  );
  return new Map(
    perBucket.flatMap(([start, figures]) => [...figures].map(([key, f]) => [inBucket(key, start), f] as const)),
  );
}

/** The part of a bucket inside the period: the first and last buckets may be cut. */
export function bucketPeriod(start: Date, bucket: TimeBucket, period: Period): Period {
  const end = nextBucket(start, bucket);
  return {
    start: start < period.start ? period.start : start,
    endExclusive: end < period.endExclusive ? end : period.endExclusive,
  };
}

/** The key of a group in one bucket: its columns' values, then the bucket's start. */
export const inBucket = (key: string, start: Date) => JSON.stringify([...JSON.parse(key), start.getTime()]);

/**
 * One total per bucket: day rollups, the cases the cohort figures stand on and the closed
 * cases' hours each read once for the whole period (and once per request, through `once`,
 * for the several series of one chart), then counted per bucket in memory.
 */
async function seriesFigures(
  db: Database,
  places: Grouping['places'],
  metrics: readonly Metric[],
  period: Period,
  bucket: TimeBucket,
  starts: Date[],
  once: Memo,
): Promise<Map<string, CaseFigures>> {
  const sources = new Set(metrics.map((m) => METRIC_DEFINITIONS[m].source));
  const key = `${JSON.stringify(places)}:${periodKey(period)}`;
  const inPeriod = { gte: period.start, lt: period.endExclusive };
  const [days, before, records, closed] = await Promise.all([
    sources.has('rollup')
      ? once(`rollup-days:${key}`, () =>
          db.gridDayRollup.groupBy({ by: ['day'], where: { ...places, day: inPeriod }, _sum: SUM_ALL_COUNTERS }),
        )
      : [],
    metrics.includes('BACKLOG')
      ? once(`rollup-before:${key}`, () =>
          db.gridDayRollup.aggregate({
            where: { ...places, day: { lt: period.start } },
            _sum: { casesReported: true, casesClosed: true, casesRejected: true },
          }),
        )
      : null,
    sources.has('cohort')
      ? once(`cohort:${key}`, () =>
          db.case.findMany({
            where: { ...places, ...cohortWhere(period.start, period.endExclusive) },
            select: CASE_RECORD,
          }),
        )
      : [],
    sources.has('raw')
      ? once(`closed:${key}`, () =>
          db.case.findMany({ where: { ...places, closedAt: inPeriod }, select: { reportedAt: true, closedAt: true } }),
        )
      : [],
  ]);
  const counters = new Map(starts.map((s) => [s.getTime(), zeroCounters()]));
  for (const day of days) {
    const target = counters.get(bucketStart(day.day, bucket).getTime())!;
    for (const c of COUNTERS) target[c] += day._sum[c] ?? 0;
  }
  const hours = groupBy(closed, (c) => bucketStart(c.closedAt!, bucket).getTime(), hoursFromReportToClose);
  let backlog = before
    ? (before._sum.casesReported ?? 0) - (before._sum.casesClosed ?? 0) - (before._sum.casesRejected ?? 0)
    : 0;
  return new Map(
    starts.map((start) => {
      const sums = counters.get(start.getTime())!;
      backlog += sums.casesReported - sums.casesClosed - sums.casesRejected;
      const figures: CaseFigures = {
        counters: sums,
        backlog,
        hoursToClose: hours.get(start.getTime()) ?? [],
        ...(sources.has('cohort') ? cohortOf(records, bucketPeriod(start, bucket, period)) : NO_COHORT),
      };
      return [inBucket('[]', start), figures];
    }),
  );
}

/** The figures of every group over one period. */
async function figuresOver(
  db: Database,
  grouping: Counting,
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<string, CaseFigures>> {
  const sources = new Set(metrics.map((m) => METRIC_DEFINITIONS[m].source));
  const countersNeeded = metrics.some((m) => ['CASES_REPORTED', 'SATISFACTION', 'VOLUNTEER_HOURS'].includes(m));
  const [sums, backlog, hours, cohortsByKey] = await Promise.all([
    !countersNeeded
      ? new Map<string, Counters>()
      : rollupsAnswer(grouping)
        ? rollupSums(db, grouping, { gte: period.start, lt: period.endExclusive })
        : caseCounters(db, grouping, metrics, period),
    metrics.includes('BACKLOG') ? backlogBy(db, grouping, period.endExclusive) : new Map<string, number>(),
    sources.has('raw') ? hoursToClose(db, grouping, period) : new Map<string, number[]>(),
    sources.has('cohort') ? cohorts(db, grouping, metrics, period) : new Map<string, Cohort>(),
  ]);
  const keys = new Set([...sums.keys(), ...backlog.keys(), ...hours.keys(), ...cohortsByKey.keys()]);
  return new Map(
    [...keys].map((key) => [
      key,
      {
        counters: sums.get(key) ?? zeroCounters(),
        backlog: backlog.get(key) ?? 0,
        hoursToClose: hours.get(key) ?? [],
        ...(cohortsByKey.get(key) ?? NO_COHORT),
      },
    ]),
  );
}

/** The figures of many communities or grids, a bounded number of ids per query. */
async function loadFigures(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<number, ScopeFigures>> {
  const figures = new Map<number, ScopeFigures>();
  const column = level === 'grid' ? 'gridId' : 'communityId';
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_QUERY) {
    const chunk = ids.slice(start, start + MAX_IDS_PER_QUERY);
    const grouping: Grouping = { by: [column], places: { [column]: { in: chunk } } };
    const [statics, fromCases] = await Promise.all([
      staticFigures(db, level, chunk),
      groupedFigures(db, grouping, metrics, period),
    ]);
    for (const [id, base] of statics)
      figures.set(id, { ...base, ...(fromCases.get(JSON.stringify([id])) ?? NO_CASE_FIGURES) });
  }
  return figures;
}

/**
 * The requested metrics for many communities or grids at once: a fixed number of
 * queries whatever the number of scopes.
 */
export async function computeMetrics(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<number, Map<Metric, MetricResult>>> {
  const figures = await loadFigures(db, level, ids, metrics, period);
  return new Map([...figures].map(([id, f]) => [id, new Map(metrics.map((m) => [m, metricResult(m, f)]))]));
}

const addNullable = (a: number | null, b: number | null) => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/** Figures of several scopes taken together: counts add up, rates are recomputed from the summed counts. */
export function mergeFigures(all: ScopeFigures[]): ScopeFigures {
  return all.reduce(
    (total, f) => ({
      population: addNullable(total.population, f.population),
      households: addNullable(total.households, f.households),
      floatingPopulation: addNullable(total.floatingPopulation, f.floatingPopulation),
      areaKm2: addNullable(total.areaKm2, f.areaKm2),
      partyMembers: addNullable(total.partyMembers, f.partyMembers),
      volunteers: addNullable(total.volunteers, f.volunteers),
      counters: Object.fromEntries(COUNTERS.map((c) => [c, total.counters[c] + f.counters[c]])) as Counters,
      backlog: total.backlog + f.backlog,
      hoursToClose: [...total.hoursToClose, ...f.hoursToClose],
      cases: Object.fromEntries(
        Object.entries(total.cases).map(([k, v]) => [k, v + f.cases[k as keyof CaseCounts]]),
      ) as unknown as CaseCounts,
      overdueOpen: total.overdueOpen + f.overdueOpen,
    }),
    { ...NO_STATICS, ...NO_CASE_FIGURES },
  );
}

/** The metrics of several communities (or grids) taken as one scope. */
export async function computeTotals(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<Metric, MetricResult>> {
  const merged = mergeFigures([...(await loadFigures(db, level, ids, metrics, period)).values()]);
  return new Map(metrics.map((m) => [m, metricResult(m, merged)]));
}
