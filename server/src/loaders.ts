import DataLoader from 'dataloader';
import type { Database } from './db/client';
import { createMetricLoader } from './modules/metric/metric.loader';

function groupBy<T, K>(rows: T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return groups;
}

/** A fresh set per request: to-many relations cost one query per level, not one per row. */
export function createLoaders(db: Database) {
  return {
    subDistrictById: new DataLoader(async (ids: readonly number[]) => {
      const rows = new Map((await db.subDistrict.findMany({ where: { id: { in: [...ids] } } })).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id)!);
    }),
    communityById: new DataLoader(async (ids: readonly number[]) => {
      const rows = new Map((await db.community.findMany({ where: { id: { in: [...ids] } } })).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id)!);
    }),
    gridById: new DataLoader(async (ids: readonly number[]) => {
      const rows = new Map((await db.grid.findMany({ where: { id: { in: [...ids] } } })).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id)!);
    }),
    gridsByCommunity: new DataLoader(async (ids: readonly number[]) => {
      const rows = groupBy(await db.grid.findMany({ where: { communityId: { in: [...ids] } }, orderBy: { code: 'asc' } }), (g) => g.communityId);
      return ids.map((id) => rows.get(id) ?? []);
    }),
    buildingsByGrid: new DataLoader(async (ids: readonly number[]) => {
      const rows = groupBy(await db.building.findMany({ where: { gridId: { in: [...ids] } }, orderBy: { code: 'asc' } }), (b) => b.gridId);
      return ids.map((id) => rows.get(id) ?? []);
    }),
    partyOrgsByCommunity: new DataLoader(async (ids: readonly number[]) => {
      const rows = groupBy(await db.partyOrganization.findMany({ where: { communityId: { in: [...ids] } }, orderBy: { code: 'asc' } }), (o) => o.communityId);
      return ids.map((id) => rows.get(id) ?? []);
    }),
    teamsByCommunity: new DataLoader(async (ids: readonly number[]) => {
      const rows = groupBy(await db.volunteerTeam.findMany({ where: { communityId: { in: [...ids] } }, orderBy: { id: 'asc' } }), (t) => t.communityId);
      return ids.map((id) => rows.get(id) ?? []);
    }),
    eventsByCase: new DataLoader(async (ids: readonly number[]) => {
      const rows = groupBy(await db.caseEvent.findMany({ where: { caseId: { in: [...ids] } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }), (e) => e.caseId);
      return ids.map((id) => rows.get(id) ?? []);
    }),
    metric: createMetricLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
