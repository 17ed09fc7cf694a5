import DataLoader from 'dataloader';
import type { Database } from './db/client';
import type { Prisma } from '../generated/sqlite/client';
import { MAX_IDS_PER_QUERY } from './db/limits';
import { groupBy } from './group-by';
import { createMetricLoader, createSummaryLoader } from './modules/metric/metric.loader';

/** One row per id, fetched for a whole batch of ids at once. */
function byId<T extends { id: number }>(find: (ids: number[]) => Promise<T[]>) {
  return new DataLoader(
    async (ids: readonly number[]) => {
      const rows = new Map((await find([...ids])).map((row) => [row.id, row]));
      return ids.map((id) => rows.get(id)!);
    },
    { maxBatchSize: MAX_IDS_PER_QUERY },
  );
}

/**
 * The children of each parent id, fetched for a whole batch of parents at once. With `whole`, a batch
 * of more parents than one statement may name reads the whole level once instead of statement after
 * statement of ids: for a level small enough to read whole, as a city's communities with their grids.
 */
function childrenOf<T>(
  find: (parentIds: number[]) => Promise<T[]>,
  parentOf: (row: T) => number,
  whole?: () => Promise<T[]>,
) {
  return new DataLoader(
    async (parentIds: readonly number[]) => {
      const rows = whole && parentIds.length > MAX_IDS_PER_QUERY ? await whole() : await find([...parentIds]);
      const groups = groupBy(rows, parentOf);
      return parentIds.map((id) => groups.get(id) ?? []);
    },
    { maxBatchSize: whole ? Infinity : MAX_IDS_PER_QUERY },
  );
}

/** A loader per set of columns asked for (`columnsAsked`, which sorts them), made when first asked. */
function perColumns<C extends string, L>(make: (select: Record<C, true>) => L) {
  const loaders = new Map<string, L>();
  return (select: Record<C, true>) => {
    const key = Object.keys(select).join();
    if (!loaders.has(key)) loaders.set(key, make(select));
    return loaders.get(key)!;
  };
}

/** Loads an answer once per key and request, however many fields ask for it. */
export type Memo = <T>(key: string, load: () => Promise<T>) => Promise<T>;

export const noMemo: Memo = (_key, load) => load();

function memo(): Memo {
  const answers = new Map<string, Promise<unknown>>();
  return <T>(key: string, load: () => Promise<T>) => {
    if (!answers.has(key)) answers.set(key, load());
    return answers.get(key) as Promise<T>;
  };
}

/** A fresh set per request: to-many relations cost one query per level, not one per row. */
export function createLoaders(db: Database) {
  return {
    /** Reads that several fields share: the five monthly series of one scope read its rollups once. */
    shared: memo(),
    subDistrictById: byId((ids) => db.subDistrict.findMany({ where: { id: { in: ids } } })),
    communityById: byId((ids) => db.community.findMany({ where: { id: { in: ids } } })),
    gridById: byId((ids) => db.grid.findMany({ where: { id: { in: ids } } })),
    /** Called with the columns asked for (`gridColumns`). */
    gridsByCommunity: perColumns((select: Record<Prisma.GridScalarFieldEnum, true>) => {
      const read = (where: { communityId?: { in: number[] } }) =>
        db.grid.findMany({ select, where: { ...where, retiredAt: null }, orderBy: { code: 'asc' } });
      return childrenOf(
        (ids) => read({ communityId: { in: ids } }),
        (g) => g.communityId,
        () => read({}),
      );
    }),
    buildingsByGrid: childrenOf(
      (ids) => db.building.findMany({ where: { gridId: { in: ids }, retiredAt: null }, orderBy: { code: 'asc' } }),
      (b) => b.gridId,
    ),
    partyOrgsByCommunity: childrenOf(
      (ids) => db.partyOrganization.findMany({ where: { communityId: { in: ids } }, orderBy: { code: 'asc' } }),
      (o) => o.communityId,
    ),
    teamsByCommunity: childrenOf(
      (ids) => db.volunteerTeam.findMany({ where: { communityId: { in: ids } }, orderBy: { id: 'asc' } }),
      (t) => t.communityId,
    ),
    eventsByCase: childrenOf(
      (ids) => db.caseEvent.findMany({ where: { caseId: { in: ids } }, orderBy: [{ at: 'asc' }, { id: 'asc' }] }),
      (e) => e.caseId,
    ),
    figureSourcesByPlace: new DataLoader(
      async (codes: readonly string[]) => {
        const groups = groupBy(
          await db.figureSource.findMany({ where: { placeCode: { in: [...codes] } }, orderBy: { field: 'asc' } }),
          (s) => s.placeCode,
        );
        return codes.map((code) => groups.get(code) ?? []);
      },
      { maxBatchSize: MAX_IDS_PER_QUERY },
    ),
    metric: createMetricLoader(db),
    summary: createSummaryLoader(db),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
