import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import { memberTotal } from '../../../../shared/metrics/party-members';
import type { Prisma } from '../../../generated/sqlite/client';
import type { Database } from '../../db/client';
import { groupBy } from '../../group-by';
import { MAX_IDS_PER_QUERY } from '../../db/limits';
import { COUNTERS, SUM_ALL_COUNTERS, zeroCounters, type Counters } from '../../../../shared/metrics/rollups';
import { metricResult, type MetricResult, type ScopeFigures } from './metric-value';
import { caseCounts, isOverdueOpen, type CaseCounts, type CaseRecord } from '../../../../shared/metrics/case-metrics';
import type { Period } from '../../graphql/period';

export type ScopeLevel = 'community' | 'grid';

type StaticFigures = Pick<
  ScopeFigures,
  'population' | 'households' | 'floatingPopulation' | 'areaKm2' | 'partyMembers' | 'volunteers'
>;

async function staticFigures(db: Database, level: ScopeLevel, ids: number[]): Promise<Map<number, StaticFigures>> {
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

async function rollupSums(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  day: { gte?: Date; lt: Date },
): Promise<Map<number, Counters>> {
  const key = level === 'grid' ? 'gridId' : 'communityId';
  const rows = await db.gridDayRollup.groupBy({
    by: [key],
    where: { [key]: { in: ids }, day },
    _sum: SUM_ALL_COUNTERS,
  });
  return new Map(
    rows.map((row) => [
      (row as unknown as Record<string, number>)[key],
      { ...zeroCounters(), ...Object.fromEntries(Object.entries(row._sum).map(([c, v]) => [c, v ?? 0])) },
    ]),
  );
}

async function hoursToClose(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  period: Period,
): Promise<Map<number, number[]>> {
  const key = level === 'grid' ? 'gridId' : 'communityId';
  const closed = await db.case.findMany({
    where: { [key]: { in: ids }, closedAt: { gte: period.start, lt: period.endExclusive } },
    select: { gridId: true, communityId: true, reportedAt: true, closedAt: true },
  });
  return groupBy(closed, (c) => c[key], hoursFromReportToClose);
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
 * The published counts of many scopes, counted by the database: one grouped count per
 * figure the metrics need, each the condition of caseCounts (shared/metrics/case-metrics.ts)
 * written as a filter. `test/api/rollups.test.ts` holds both to the raw rows.
 */
async function cohorts(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<number, Cohort>> {
  const key = level === 'grid' ? 'gridId' : 'communityId';
  const end = period.endExclusive;
  const scope = { [key]: { in: ids } };
  const acceptedIn = { ...scope, acceptedAt: { gte: period.start, lt: end } };
  const openAtEnd = { OR: [{ closedAt: null }, { closedAt: { gte: end } }] };
  const filters: Record<Figure, Prisma.CaseWhereInput> = {
    accepted: acceptedIn,
    notYetDue: { ...acceptedIn, ...openAtEnd, deadline: { gte: end } },
    closed: { ...acceptedIn, closedAt: { lt: end } },
    closedOnTime: { ...acceptedIn, closedAt: { lt: end, lte: db.case.fields.deadline } },
    postponed: { ...acceptedIn, ...openAtEnd, deadline: { lt: end }, postponedAt: { lt: end } },
    reworked: { ...acceptedIn, closedAt: { lt: end }, reworks: { gt: 0 } },
    extended: { ...acceptedIn, extendedAt: { lt: end } },
    overdueOpen: { ...scope, acceptedAt: { lt: end }, ...openAtEnd, deadline: { lt: end } },
  };
  const needed = [...new Set(metrics.flatMap((m) => COUNTS_OF[m] ?? []))];
  const counted = new Map(
    await Promise.all(
      needed.map(async (figure) => {
        const rows = await db.case.groupBy({ by: [key], where: filters[figure], _count: { _all: true } });
        const byId = new Map(rows.map((row) => [(row as unknown as Record<string, number>)[key], row._count._all]));
        return [figure, byId] as const;
      }),
    ),
  );
  const count = (figure: Figure, id: number) => counted.get(figure)?.get(id) ?? 0;
  return new Map(
    ids.map((id) => [
      id,
      {
        cases: {
          accepted: count('accepted', id),
          due: count('accepted', id) - count('notYetDue', id),
          closed: count('closed', id),
          closedOnTime: count('closedOnTime', id),
          postponed: count('postponed', id),
          reworked: count('reworked', id),
          extended: count('extended', id),
        },
        overdueOpen: count('overdueOpen', id),
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

/** The figures of many communities or grids, a bounded number of ids per query. */
async function loadFigures(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<number, ScopeFigures>> {
  const figures = new Map<number, ScopeFigures>();
  for (let start = 0; start < ids.length; start += MAX_IDS_PER_QUERY) {
    for (const [id, f] of await loadFigureChunk(
      db,
      level,
      ids.slice(start, start + MAX_IDS_PER_QUERY),
      metrics,
      period,
    ))
      figures.set(id, f);
  }
  return figures;
}

/** The figures of up to MAX_IDS_PER_QUERY scopes, reading only the sources the metrics need. */
async function loadFigureChunk(
  db: Database,
  level: ScopeLevel,
  ids: number[],
  metrics: readonly Metric[],
  period: Period,
): Promise<Map<number, ScopeFigures>> {
  const sources = new Set(metrics.map((m) => METRIC_DEFINITIONS[m].source));
  const [statics, sums, upToEnd, hours, cohortsById] = await Promise.all([
    staticFigures(db, level, ids),
    sources.has('rollup')
      ? rollupSums(db, level, ids, { gte: period.start, lt: period.endExclusive })
      : new Map<number, Counters>(),
    metrics.includes('BACKLOG') ? rollupSums(db, level, ids, { lt: period.endExclusive }) : new Map<number, Counters>(),
    sources.has('raw') ? hoursToClose(db, level, ids, period) : new Map<number, number[]>(),
    sources.has('cohort') ? cohorts(db, level, ids, metrics, period) : new Map<number, Cohort>(),
  ]);
  const figures = new Map<number, ScopeFigures>();
  for (const id of ids) {
    const base = statics.get(id);
    if (!base) continue;
    const cumulative = upToEnd.get(id) ?? zeroCounters();
    figures.set(id, {
      ...base,
      counters: sums.get(id) ?? zeroCounters(),
      backlog: cumulative.casesReported - cumulative.casesClosed - cumulative.casesRejected,
      hoursToClose: hours.get(id) ?? [],
      ...(cohortsById.get(id) ?? NO_COHORT),
    });
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
    {
      population: null,
      households: null,
      floatingPopulation: null,
      areaKm2: null,
      partyMembers: null,
      volunteers: null,
      counters: zeroCounters(),
      backlog: 0,
      hoursToClose: [],
      ...NO_COHORT,
    } as ScopeFigures,
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
