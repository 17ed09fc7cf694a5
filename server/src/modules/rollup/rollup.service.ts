import type { Database } from '../../db/client';
import { aggregateRollups, sumDeltas, type RollupDelta } from '../../../../shared/metrics/rollups';

type Transaction = Parameters<Parameters<Database['$transaction']>[0]>[0];

/** Add the deltas to the rollups, inside the caller's transaction. */
export async function applyRollupDeltas(tx: Transaction, deltas: RollupDelta[]): Promise<void> {
  for (const row of sumDeltas(deltas)) {
    const { gridId, communityId: _community, day, ...counters } = row;
    const increments = Object.fromEntries(
      Object.entries(counters).map(([counter, value]) => [counter, { increment: value }]),
    );
    await tx.gridDayRollup.upsert({ where: { gridId_day: { gridId, day } }, create: row, update: increments });
  }
}

/** Recompute every rollup of one community from its raw rows (npm run rollups:rebuild). */
export async function rebuildCommunityRollups(db: Database, communityId: number): Promise<number> {
  const [cases, logs] = await Promise.all([
    db.case.findMany({
      where: { communityId },
      select: {
        gridId: true,
        communityId: true,
        reportedAt: true,
        acceptedAt: true,
        rejectedAt: true,
        closedAt: true,
        deadline: true,
        satisfaction: true,
      },
    }),
    db.volunteerLog.findMany({ where: { grid: { communityId } }, select: { gridId: true, date: true, hours: true } }),
  ]);
  const rows = aggregateRollups(
    cases,
    logs.map((log) => ({ ...log, communityId })),
  );
  await db.$transaction(
    async (tx) => {
      await tx.gridDayRollup.deleteMany({ where: { communityId } });
      for (let start = 0; start < rows.length; start += 2_000)
        await tx.gridDayRollup.createMany({ data: rows.slice(start, start + 2_000) });
    },
    { timeout: 300_000 },
  );
  return rows.length;
}
