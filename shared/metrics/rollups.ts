import { startOfDay } from '../time/buckets';

/** The columns of a case that its rollup contributions depend on. */
export interface RollupCase {
  gridId: number;
  communityId: number;
  reportedAt: Date;
  acceptedAt: Date | null;
  rejectedAt: Date | null;
  closedAt: Date | null;
  deadline: Date;
  satisfaction: number | null;
}

export interface RollupLog {
  gridId: number;
  communityId: number;
  date: Date;
  hours: number;
}

export const COUNTERS = [
  'casesReported',
  'casesAccepted',
  'casesRejected',
  'casesClosed',
  'casesClosedOnTime',
  'hoursToCloseSum',
  'volunteerHours',
  'satisfactionSum',
  'satisfactionCount',
] as const;
export type Counter = (typeof COUNTERS)[number];
export type Counters = Record<Counter, number>;

export const zeroCounters = (): Counters => Object.fromEntries(COUNTERS.map((c) => [c, 0])) as Counters;

/** A Prisma `_sum` selection of every counter. */
export const SUM_ALL_COUNTERS = Object.fromEntries(COUNTERS.map((c) => [c, true])) as Record<Counter, true>;

export interface RollupDelta {
  gridId: number;
  communityId: number;
  day: Date;
  counters: Partial<Counters>;
}

/**
 * What one case in its current state adds to the per-grid per-day rollups. The seed,
 * the rebuild command and every mutation use this one function, so incremental
 * updates and a rebuild from raw rows cannot disagree.
 */
export function caseContributions(c: RollupCase): RollupDelta[] {
  const at = (day: Date, counters: Partial<Counters>) => ({
    gridId: c.gridId,
    communityId: c.communityId,
    day: startOfDay(day),
    counters,
  });
  const deltas = [at(c.reportedAt, { casesReported: 1 })];
  if (c.acceptedAt) deltas.push(at(c.acceptedAt, { casesAccepted: 1 }));
  if (c.rejectedAt) deltas.push(at(c.rejectedAt, { casesRejected: 1 }));
  if (c.closedAt) {
    deltas.push(
      at(c.closedAt, {
        casesClosed: 1,
        casesClosedOnTime: c.closedAt <= c.deadline ? 1 : 0,
        hoursToCloseSum: (c.closedAt.getTime() - c.reportedAt.getTime()) / 3_600_000,
        satisfactionSum: c.satisfaction ?? 0,
        satisfactionCount: c.satisfaction ? 1 : 0,
      }),
    );
  }
  return deltas;
}

export function logContribution(log: RollupLog): RollupDelta {
  return {
    gridId: log.gridId,
    communityId: log.communityId,
    day: startOfDay(log.date),
    counters: { volunteerHours: log.hours },
  };
}

/** Deltas that turn the rollups of `before` into those of `after` (same grid). */
export function caseChange(before: RollupCase, after: RollupCase): RollupDelta[] {
  const negated = caseContributions(before).map((delta) => ({
    ...delta,
    counters: Object.fromEntries(Object.entries(delta.counters).map(([key, value]) => [key, -value])),
  }));
  return [...negated, ...caseContributions(after)];
}

export interface RollupRow extends Counters {
  gridId: number;
  communityId: number;
  day: Date;
}

/** Sum deltas into one row per grid and day, dropping rows whose counters cancel to zero. */
export function sumDeltas(deltas: Iterable<RollupDelta>): RollupRow[] {
  const rows = new Map<string, RollupRow>();
  for (const delta of deltas) {
    const key = `${delta.gridId}:${delta.day.getTime()}`;
    let row = rows.get(key);
    if (!row) {
      row = { gridId: delta.gridId, communityId: delta.communityId, day: delta.day, ...zeroCounters() };
      rows.set(key, row);
    }
    for (const [counter, value] of Object.entries(delta.counters)) row[counter as Counter] += value;
  }
  return [...rows.values()].filter((row) => COUNTERS.some((c) => Math.abs(row[c]) > 1e-9));
}

export function aggregateRollups(cases: Iterable<RollupCase>, logs: Iterable<RollupLog>): RollupRow[] {
  function* all() {
    for (const c of cases) yield* caseContributions(c);
    for (const log of logs) yield logContribution(log);
  }
  return sumDeltas(all());
}
