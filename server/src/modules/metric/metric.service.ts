import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import { memberTotal } from '../../../../shared/metrics/party-members';
import type { Database } from '../../db/client';
import { groupBy } from '../../group-by';
import { SUM_ALL_COUNTERS, zeroCounters, type Counters } from '../rollup/rollup.aggregate';
import { metricResult, type MetricResult, type ScopeFigures } from './metric-value';
import type { Period } from './period';

export type ScopeLevel = 'community' | 'grid';


type StaticFigures = Pick<ScopeFigures, 'population' | 'households' | 'floatingPopulation' | 'areaKm2' | 'partyMembers' | 'volunteers'>;

async function staticFigures(db: Database, level: ScopeLevel, ids: number[]): Promise<Map<number, StaticFigures>> {
  const members = { residentMembers: true, inServiceMembers: true, retiredMembers: true, mobileMembers: true } as const;
  if (level === 'grid') {
    const [grids, party] = await Promise.all([
      db.grid.findMany({ where: { id: { in: ids } }, select: { id: true, population: true, households: true, areaKm2: true } }),
      db.partyOrganization.groupBy({ by: ['gridId'], where: { gridId: { in: ids } }, _sum: members }),
    ]);
    const partyByGrid = new Map(party.map((row) => [row.gridId, memberTotal(row._sum)]));
    return new Map(grids.map((g) => [g.id, { population: g.population, households: g.households, floatingPopulation: null, areaKm2: g.areaKm2, partyMembers: partyByGrid.get(g.id) ?? 0, volunteers: null }]));
  }
  const [communities, party, teams] = await Promise.all([
    db.community.findMany({ where: { id: { in: ids } }, select: { id: true, population: true, households: true, floatingPopulation: true, areaKm2: true, volunteers: true } }),
    db.partyOrganization.groupBy({ by: ['communityId'], where: { communityId: { in: ids } }, _sum: members }),
    db.volunteerTeam.groupBy({ by: ['communityId'], where: { communityId: { in: ids } }, _sum: { members: true } }),
  ]);
  const partyByCommunity = new Map(party.map((row) => [row.communityId, memberTotal(row._sum)]));
  const teamsByCommunity = new Map(teams.map((row) => [row.communityId, row._sum.members ?? 0]));
  return new Map(communities.map((c) => [c.id, {
    population: c.population, households: c.households, floatingPopulation: c.floatingPopulation, areaKm2: c.areaKm2,
    partyMembers: partyByCommunity.get(c.id) ?? 0, volunteers: c.volunteers ?? teamsByCommunity.get(c.id) ?? 0,
  }]));
}

async function rollupSums(db: Database, level: ScopeLevel, ids: number[], day: { gte?: Date; lt: Date }): Promise<Map<number, Counters>> {
  const key = level === 'grid' ? 'gridId' : 'communityId';
  const rows = await db.gridDayRollup.groupBy({ by: [key], where: { [key]: { in: ids }, day }, _sum: SUM_ALL_COUNTERS });
  return new Map(rows.map((row) => [(row as unknown as Record<string, number>)[key], { ...zeroCounters(), ...Object.fromEntries(Object.entries(row._sum).map(([c, v]) => [c, v ?? 0])) }]));
}

async function hoursToClose(db: Database, level: ScopeLevel, ids: number[], period: Period): Promise<Map<number, number[]>> {
  const key = level === 'grid' ? 'gridId' : 'communityId';
  const closed = await db.case.findMany({
    where: { [key]: { in: ids }, closedAt: { gte: period.start, lt: period.endExclusive } },
    select: { gridId: true, communityId: true, reportedAt: true, closedAt: true },
  });
  return groupBy(closed, (c) => c[key], hoursFromReportToClose);
}

export function hoursFromReportToClose(c: { reportedAt: Date; closedAt: Date | null }): number {
  return (c.closedAt!.getTime() - c.reportedAt.getTime()) / 3_600_000;
}

/**
 * The requested metrics for many communities or grids at once: a fixed number of
 * queries whatever the number of scopes, reading only the sources the metrics need.
 */
export async function computeMetrics(db: Database, level: ScopeLevel, ids: number[], metrics: readonly Metric[], period: Period): Promise<Map<number, Map<Metric, MetricResult>>> {
  const sources = new Set(metrics.map((m) => METRIC_DEFINITIONS[m].source));
  const needsBacklog = metrics.includes('BACKLOG');
  const [statics, sums, upToEnd, hours] = await Promise.all([
    staticFigures(db, level, ids),
    sources.has('rollup') ? rollupSums(db, level, ids, { gte: period.start, lt: period.endExclusive }) : new Map<number, Counters>(),
    needsBacklog ? rollupSums(db, level, ids, { lt: period.endExclusive }) : new Map<number, Counters>(),
    sources.has('raw') ? hoursToClose(db, level, ids, period) : new Map<number, number[]>(),
  ]);
  const results = new Map<number, Map<Metric, MetricResult>>();
  for (const id of ids) {
    const base = statics.get(id);
    if (!base) continue;
    const cumulative = upToEnd.get(id) ?? zeroCounters();
    const figures: ScopeFigures = {
      ...base,
      counters: sums.get(id) ?? zeroCounters(),
      backlog: cumulative.casesReported - cumulative.casesClosed - cumulative.casesRejected,
      hoursToClose: hours.get(id) ?? [],
    };
    results.set(id, new Map(metrics.map((m) => [m, metricResult(m, figures)])));
  }
  return results;
}
