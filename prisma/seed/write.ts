import { aggregateRollups } from '../../shared/metrics/rollups';
import { TABLE_ORDER, type Dataset, type TableName } from './dataset';

const BATCH_ROWS = 2_000;

/** The database table of each dataset list. */
export const MODEL_OF: Record<TableName, string> = {
  subDistricts: 'SubDistrict',
  communities: 'Community',
  grids: 'Grid',
  buildings: 'Building',
  partyOrganizations: 'PartyOrganization',
  volunteerTeams: 'VolunteerTeam',
  volunteerLogs: 'VolunteerLog',
  cases: 'Case',
  caseEvents: 'CaseEvent',
  metricSnapshots: 'MetricSnapshot',
};

/** Inserts rows into a table (by model name): Prisma for the seed, a raw driver for the generator. */
export type InsertRows = (model: string, rows: Record<string, unknown>[]) => Promise<void>;

const date = (value: Date | string | null | undefined) => (value ? new Date(value) : null);

/** Insert every table in batches, then the rollups computed from the same rows. Returns rows written. */
export async function writeDataset(insert: InsertRows, data: Dataset): Promise<number> {
  let written = 0;
  const write = async (model: string, rows: Record<string, unknown>[]) => {
    for (let start = 0; start < rows.length; start += BATCH_ROWS)
      await insert(model, rows.slice(start, start + BATCH_ROWS));
    written += rows.length;
  };
  for (const table of TABLE_ORDER) await write(MODEL_OF[table], data[table] as Record<string, unknown>[]);
  const communityOfGrid = new Map(data.grids.map((grid) => [grid.id!, grid.communityId]));
  const rollups = aggregateRollups(
    data.cases.map((c) => ({
      gridId: c.gridId,
      communityId: c.communityId,
      reportedAt: date(c.reportedAt)!,
      acceptedAt: date(c.acceptedAt),
      rejectedAt: date(c.rejectedAt),
      closedAt: date(c.closedAt),
      deadline: date(c.deadline)!,
      satisfaction: c.satisfaction ?? null,
    })),
    data.volunteerLogs.map((log) => ({
      gridId: log.gridId,
      communityId: communityOfGrid.get(log.gridId)!,
      date: date(log.date)!,
      hours: log.hours,
    })),
  );
  await write('GridDayRollup', rollups as unknown as Record<string, unknown>[]);
  return written;
}
