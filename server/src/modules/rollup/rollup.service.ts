import type { Database, Transaction } from '../../db/client';
import { MAX_IDS_PER_QUERY } from '../../db/limits';
import { aggregateRollups, sumDeltas, type RollupDelta } from '../../../../shared/metrics/rollups';
import { timeZone } from '../../../../shared/time/buckets';

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

/**
 * The same for many deltas at once (an import of thousands of cases): rows that do not
 * exist yet are inserted in batches, the others updated one by one. Unlike the upserts
 * above it assumes no concurrent writer creates the same grid-day meanwhile; an import
 * that meets one fails whole and can be run again.
 */
export async function applyRollupDeltasInBulk(tx: Transaction, deltas: RollupDelta[]): Promise<void> {
  const rows = sumDeltas(deltas);
  const key = (gridId: number, day: Date) => `${gridId}/${day.getTime()}`;
  const gridIds = [...new Set(rows.map((r) => r.gridId))];
  const existing = new Set<string>();
  for (let start = 0; start < gridIds.length; start += MAX_IDS_PER_QUERY) {
    const found = await tx.gridDayRollup.findMany({
      where: { gridId: { in: gridIds.slice(start, start + MAX_IDS_PER_QUERY) } },
      select: { gridId: true, day: true },
    });
    for (const row of found) existing.add(key(row.gridId, row.day));
  }
  const fresh = rows.filter((r) => !existing.has(key(r.gridId, r.day)));
  for (let start = 0; start < fresh.length; start += 2_000)
    await tx.gridDayRollup.createMany({ data: fresh.slice(start, start + 2_000) });
  await applyRollupDeltas(
    tx,
    deltas.filter((d) => existing.has(key(d.gridId, d.day))),
  );
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

const ROLLUP_ZONE = 'rollups.timeZone';

/** Recompute every community's rollups from raw rows, reporting each community done. */
export async function rebuildAllRollups(
  db: Database,
  onCommunity: (done: number, total: number, name: string, rows: number) => void = () => undefined,
): Promise<void> {
  const communities = await db.community.findMany({ select: { id: true, name: true }, orderBy: { id: 'asc' } });
  for (const [i, community] of communities.entries())
    onCommunity(i + 1, communities.length, community.name, await rebuildCommunityRollups(db, community.id));
}

/**
 * Rollups count days from local midnight in the calendar's time zone. When the database's
 * were counted in another zone (or, before zones were recorded, in UTC), they are rebuilt
 * from raw rows; the zone they are in is recorded. Returns the zone rebuilt from, if any.
 */
export async function rollupsInTimeZone(
  db: Database,
  onCommunity?: Parameters<typeof rebuildAllRollups>[1],
): Promise<string | null> {
  const zone = timeZone();
  const recorded = (await db.setting.findUnique({ where: { key: ROLLUP_ZONE } }))?.value;
  if (recorded === zone) return null;
  const before = recorded ?? ((await db.gridDayRollup.count()) ? 'UTC' : null);
  if (before) await rebuildAllRollups(db, onCommunity);
  await db.setting.upsert({
    where: { key: ROLLUP_ZONE },
    create: { key: ROLLUP_ZONE, value: zone },
    update: { value: zone },
  });
  return before;
}
