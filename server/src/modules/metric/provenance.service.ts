import DataLoader from 'dataloader';
import { METRIC_DEFINITIONS, type Metric } from '../../../../shared/metrics/definitions';
import {
  combineProvenance,
  recordsProvenance,
  statedAsOf,
  type Provenance,
} from '../../../../shared/metrics/provenance';
import { localDay } from '../../../../shared/time/buckets';
import type { Context } from '../../context';
import { answerOnce } from '../../db/answers';
import { MAX_IDS_PER_QUERY } from '../../db/limits';
import { groupBy } from '../../group-by';
import { Prisma } from '../../../generated/sqlite/client';
import { computedFrom } from './metric.service';

/** The places a value stands on; none given means every place. */
export interface PlacesOf {
  communityIds?: number[];
  communityCodes?: string[];
  gridIds?: number[];
  gridCodes?: string[];
}

/** The fields of a place each static metric is made of (DENSITY: population over area). */
const FIELDS_OF: Partial<Record<Metric, readonly string[]>> = {
  POPULATION: ['population'],
  HOUSEHOLDS: ['households'],
  FLOATING_POPULATION: ['floatingPopulation'],
  DENSITY: ['population', 'areaKm2'],
  PARTY_MEMBERS: ['partyMembers'],
  VOLUNTEERS: ['volunteers'],
};

const COMMUNITY_FACTS = { id: true, code: true, source: true, generatedFields: true, populationAtLeast: true } as const;
const GRID_FACTS = { id: true, code: true, communityId: true, generated: true } as const;
type CommunityFacts = {
  id: number;
  code: string;
  source: string;
  generatedFields: string[];
  populationAtLeast: boolean;
};
type GridFacts = { id: number; code: string; communityId: number; generated: boolean };
const parsed = (c: Omit<CommunityFacts, 'generatedFields'> & { generatedFields: string }): CommunityFacts => ({
  ...c,
  generatedFields: JSON.parse(c.generatedFields) as string[],
});

/** Imported sources by place code and field. */
const bySourceKey = <T extends { placeCode: string; field: string }>(sources: T[]) =>
  new Map(sources.map((s) => [`${s.placeCode}|${s.field}`, s]));

/** What the provenance of figures over every place is read from, once per request. */
function everyPlace(ctx: Context) {
  return ctx.loaders.shared('provenance:places', async () => {
    const [communities, grids, sources] = await Promise.all([
      ctx.db.community.findMany({ select: COMMUNITY_FACTS }),
      ctx.db.grid.findMany({ select: GRID_FACTS }),
      ctx.db.figureSource.findMany(),
    ]);
    return { communities: communities.map(parsed), grids, sources: bySourceKey(sources) };
  });
}

/**
 * The facts of the places asked for in a request, by id or code, a batch to a statement: one
 * community's figures read that community and its grids, not the city's (a stats answer asks
 * for every row's places in the same batch).
 */
function placeLoaders(ctx: Context) {
  return ctx.loaders.shared('provenance:loaders', async () => {
    const byKey = <T extends { id: number; code: string }>(find: (ids: number[], codes: string[]) => Promise<T[]>) =>
      new DataLoader<number | string, T | undefined>(
        async (keys) => {
          const ids = keys.filter((k): k is number => typeof k === 'number');
          const codes = keys.filter((k): k is string => typeof k === 'string');
          const rows = await find(ids, codes);
          const index = new Map<number | string, T>(
            rows.flatMap((row) => [[row.id, row] as const, [row.code, row] as const]),
          );
          return keys.map((key) => index.get(key));
        },
        { maxBatchSize: MAX_IDS_PER_QUERY },
      );
    const among = (ids: number[], codes: string[]) => ({ OR: [{ id: { in: ids } }, { code: { in: codes } }] });
    return {
      community: byKey(async (ids, codes) =>
        (await ctx.db.community.findMany({ where: among(ids, codes), select: COMMUNITY_FACTS })).map(parsed),
      ),
      grid: byKey((ids, codes) => ctx.db.grid.findMany({ where: among(ids, codes), select: GRID_FACTS })),
      gridsOf: new DataLoader<number, GridFacts[]>(
        async (communityIds) => {
          const grids = await ctx.db.grid.findMany({
            where: { communityId: { in: [...communityIds] } },
            select: GRID_FACTS,
          });
          const of = groupBy(grids, (g) => g.communityId);
          return communityIds.map((id) => of.get(id) ?? []);
        },
        { maxBatchSize: MAX_IDS_PER_QUERY },
      ),
    };
  });
}

/** The communities and grids a value stands on, and the imported sources of their figures. */
async function placeFacts(ctx: Context, places: PlacesOf) {
  const byGrid = Boolean(places.gridIds || places.gridCodes);
  const byCommunity = Boolean(places.communityIds || places.communityCodes);
  if (!byGrid && !byCommunity) return everyPlace(ctx);
  const loaders = await placeLoaders(ctx);
  const known = <T>(found: (T | undefined | Error)[]) =>
    found.filter((f): f is T => f !== undefined && !(f instanceof Error));
  const communities = byCommunity
    ? known(await loaders.community.loadMany([...(places.communityIds ?? []), ...(places.communityCodes ?? [])]))
    : [];
  const grids = byGrid
    ? known(await loaders.grid.loadMany([...(places.gridIds ?? []), ...(places.gridCodes ?? [])]))
    : known(await loaders.gridsOf.loadMany(communities.map((c) => c.id))).flat();
  const codes = byGrid ? grids.map((g) => g.code) : communities.map((c) => c.code);
  const sources = known(await ctx.loaders.figureSourcesByPlace.loadMany(codes)).flat();
  return { communities, grids, sources: bySourceKey(sources) };
}

interface Origins {
  total: number;
  generated: number;
}

const recordCounts = (ctx: Context, records: 'cases' | 'logs', gridIds: number[]) => {
  const where = { gridId: { in: gridIds } };
  return records === 'cases'
    ? ctx.db.case.groupBy({ by: ['gridId', 'generated'], where, _count: { _all: true } })
    : ctx.db.volunteerLog.groupBy({ by: ['gridId', 'generated'], where, _count: { _all: true } });
};

/**
 * Records of each grid asked for in a request (cases, or volunteer logs), and how many of them
 * are generated: counted for those grids only, a batch of grids to a statement, never the
 * whole table for one grid's figures.
 */
function originsByGrid(ctx: Context, records: 'cases' | 'logs') {
  return ctx.loaders.shared(
    `provenance:${records}`,
    async () =>
      new DataLoader<number, Origins>(
        async (gridIds) => {
          const byGrid = new Map<number, Origins>();
          for (const row of await recordCounts(ctx, records, [...gridIds])) {
            const counts = byGrid.get(row.gridId) ?? { total: 0, generated: 0 };
            counts.total += row._count._all;
            if (row.generated) counts.generated += row._count._all;
            byGrid.set(row.gridId, counts);
          }
          return gridIds.map((id) => byGrid.get(id) ?? { total: 0, generated: 0 });
        },
        { maxBatchSize: MAX_IDS_PER_QUERY },
      ),
  );
}

/**
 * For figures over every place, what recordsProvenance reads of the counts: whether any
 * record of the kind is generated and whether any is not, a lookup in each partial index
 * (migration 0008_figure_indexes) however many records there are.
 */
function everyOrigin(ctx: Context, records: 'cases' | 'logs'): Promise<Origins> {
  return ctx.loaders.shared(`provenance:${records}:all`, async () => {
    const table = Prisma.raw(records === 'cases' ? '"Case"' : '"VolunteerLog"');
    const [row] = await ctx.db.$queryRaw<{ generated: unknown; recorded: unknown }[]>`SELECT
      EXISTS (SELECT 1 FROM ${table} WHERE "generated") AS generated,
      EXISTS (SELECT 1 FROM ${table} WHERE NOT "generated") AS recorded`;
    const [someGenerated, someRecorded] = [Boolean(Number(row.generated)), Boolean(Number(row.recorded))];
    return { total: Number(someGenerated) + Number(someRecorded), generated: Number(someGenerated) };
  });
}

/**
 * Where a metric's value over some places comes from: their stated, imported or generated
 * figures, or their records. Over every place (a city's figures read every place's facts),
 * kept with the answers.
 */
export function provenanceOf(ctx: Context, metric: Metric, places: PlacesOf): Promise<Provenance | null> {
  const byGrid = Boolean(places.gridIds || places.gridCodes);
  const byCommunity = Boolean(places.communityIds || places.communityCodes);
  return byGrid || byCommunity
    ? readProvenance(ctx, metric, places, byGrid, byCommunity)
    : answerOnce(
        ctx.db,
        ['provenance', metric],
        () => readProvenance(ctx, metric, places, false, false),
        computedFrom([metric]),
      );
}

async function readProvenance(
  ctx: Context,
  metric: Metric,
  places: PlacesOf,
  byGrid: boolean,
  byCommunity: boolean,
): Promise<Provenance | null> {
  const { communities, grids, sources } = await placeFacts(ctx, places);
  if (METRIC_DEFINITIONS[metric].source !== 'static') {
    const records = metric === 'VOLUNTEER_HOURS' ? 'logs' : 'cases';
    const byPlace = await originsByGrid(ctx, records);
    const under =
      byGrid || byCommunity
        ? await Promise.all(grids.map((g) => byPlace.load(g.id)))
        : [await everyOrigin(ctx, records)];
    return recordsProvenance(
      under.reduce((sum, c) => sum + c.total, 0),
      under.reduce((sum, c) => sum + c.generated, 0),
    );
  }
  const fields = FIELDS_OF[metric] ?? [];
  const imported = (code: string, field: string): Provenance | null => {
    const source = sources.get(`${code}|${field}`);
    if (!source) return null;
    const where = [source.file, source.sheet, source.row ? `row ${source.row}` : null].filter(Boolean).join(', ');
    return { kind: 'IMPORTED', source: where, asOf: localDay(source.asOf), qualifier: null, restsOnGenerated: false };
  };
  const generated: Provenance = {
    kind: 'GENERATED',
    source: null,
    asOf: null,
    qualifier: null,
    restsOnGenerated: true,
  };
  const parts = byGrid
    ? grids.flatMap((g) =>
        fields.map(
          (field) =>
            imported(g.code, field) ??
            (g.generated ? generated : { ...generated, kind: 'IMPORTED' as const, restsOnGenerated: false }),
        ),
      )
    : communities.flatMap((c) =>
        fields.map(
          (field): Provenance =>
            imported(c.code, field) ??
            (c.generatedFields.includes(field)
              ? generated
              : {
                  kind: 'STATED',
                  source: c.source,
                  asOf: statedAsOf(c.source),
                  qualifier: field === 'population' && c.populationAtLeast ? 'AT_LEAST' : null,
                  restsOnGenerated: false,
                }),
        ),
      );
  return combineProvenance(parts);
}
