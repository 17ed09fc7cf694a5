import { aggregateRollups } from '../../shared/metrics/rollups';
import { TABLE_ORDER, type Dataset, type TableName } from './dataset';

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

/** Inserts rows into a table (by model name). */
export type InsertRows = (model: string, rows: Record<string, unknown>[]) => Promise<void>;

const date = (value: Date | string | null | undefined) => (value ? new Date(value) : null);

/** Every table's rows in insert order (parents first), then the rollups computed from the same rows. */
export function datasetRows(data: Dataset): [model: string, rows: Record<string, unknown>[]][] {
  const tables = TABLE_ORDER.map((table): [string, Record<string, unknown>[]] => [
    MODEL_OF[table],
    data[table] as Record<string, unknown>[],
  ]);
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
  return [...tables, ['GridDayRollup', rollups as unknown as Record<string, unknown>[]]];
}

/** Insert every table, then the rollups. Returns rows written. */
export async function writeDataset(insert: InsertRows, data: Dataset): Promise<number> {
  let written = 0;
  for (const [model, rows] of datasetRows(data)) {
    if (rows.length) await insert(model, rows);
    written += rows.length;
  }
  return written;
}
