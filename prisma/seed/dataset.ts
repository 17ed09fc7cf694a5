import type { Prisma } from '../../server/generated/sqlite/client';

/**
 * Rows to insert, with ids assigned up front so that children can point at parents
 * without a round trip per row; the writer inserts them table by table in batches.
 */
export interface Dataset {
  subDistricts: Prisma.SubDistrictCreateManyInput[];
  communities: Prisma.CommunityCreateManyInput[];
  grids: Prisma.GridCreateManyInput[];
  buildings: Prisma.BuildingCreateManyInput[];
  partyOrganizations: Prisma.PartyOrganizationCreateManyInput[];
  volunteerTeams: Prisma.VolunteerTeamCreateManyInput[];
  volunteerLogs: Prisma.VolunteerLogCreateManyInput[];
  cases: Prisma.CaseCreateManyInput[];
  caseEvents: Prisma.CaseEventCreateManyInput[];
  metricSnapshots: Prisma.MetricSnapshotCreateManyInput[];
}

export type TableName = keyof Dataset;

/** Insert order: parents before children. */
export const TABLE_ORDER: readonly TableName[] = [
  'subDistricts',
  'communities',
  'grids',
  'buildings',
  'partyOrganizations',
  'volunteerTeams',
  'volunteerLogs',
  'cases',
  'caseEvents',
  'metricSnapshots',
];

export function emptyDataset(): Dataset {
  return Object.fromEntries(TABLE_ORDER.map((table) => [table, []])) as unknown as Dataset;
}

/** Hands out consecutive ids per table, starting after the given offsets. */
export class IdSequence {
  private readonly last = new Map<TableName, number>();

  constructor(start: Partial<Record<TableName, number>> = {}) {
    for (const [table, id] of Object.entries(start)) this.last.set(table as TableName, id);
  }

  next(table: TableName): number {
    const id = (this.last.get(table) ?? 0) + 1;
    this.last.set(table, id);
    return id;
  }
}
