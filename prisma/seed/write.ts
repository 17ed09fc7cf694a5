import type { Database } from '../../server/src/db/client';
import { aggregateRollups } from '../../server/src/modules/rollup/rollup.aggregate';
import { TABLE_ORDER, type Dataset, type TableName } from './dataset';

const BATCH_ROWS = 2_000;

/** Prisma model delegate of each dataset table. */
export const MODEL_OF: Record<TableName, string> = {
  subDistricts: 'SubDistrict', communities: 'Community', grids: 'Grid', buildings: 'Building',
  partyOrganizations: 'PartyOrganization', volunteerTeams: 'VolunteerTeam', volunteerLogs: 'VolunteerLog',
  cases: 'Case', caseEvents: 'CaseEvent', metricSnapshots: 'MetricSnapshot',
};

type Writer = Pick<Database, 'subDistrict'>;

function delegate(db: Writer, table: TableName): { createMany(args: { data: unknown[] }): Promise<{ count: number }> } {
  const model = MODEL_OF[table];
  return (db as unknown as Record<string, never>)[model[0].toLowerCase() + model.slice(1)];
}

/** Insert every table in batches, then the rollups computed from the same rows. */
export async function writeDataset(db: Writer, data: Dataset, onRows: (table: string, rows: number) => void = () => {}): Promise<void> {
  for (const table of TABLE_ORDER) {
    const rows = data[table];
    for (let start = 0; start < rows.length; start += BATCH_ROWS) {
      await delegate(db, table).createMany({ data: rows.slice(start, start + BATCH_ROWS) });
      onRows(table, Math.min(BATCH_ROWS, rows.length - start));
    }
  }
  const communityOfGrid = new Map(data.grids.map((grid) => [grid.id!, grid.communityId]));
  const date = (value: Date | string | null | undefined) => (value ? new Date(value) : null);
  const rollups = aggregateRollups(
    data.cases.map((c) => ({
      gridId: c.gridId, communityId: c.communityId, reportedAt: date(c.reportedAt)!, acceptedAt: date(c.acceptedAt),
      rejectedAt: date(c.rejectedAt), closedAt: date(c.closedAt), deadline: date(c.deadline)!, satisfaction: c.satisfaction ?? null,
    })),
    data.volunteerLogs.map((log) => ({ gridId: log.gridId, communityId: communityOfGrid.get(log.gridId)!, date: date(log.date)!, hours: log.hours })),
  );
  for (let start = 0; start < rollups.length; start += BATCH_ROWS) {
    await (db as unknown as Database).gridDayRollup.createMany({ data: rollups.slice(start, start + BATCH_ROWS) });
    onRows('gridDayRollups', Math.min(BATCH_ROWS, rollups.length - start));
  }
}
