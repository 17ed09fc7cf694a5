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
import { MAX_IDS_PER_QUERY } from '../../db/limits';
import { groupBy } from '../../group-by';

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

/** What the provenance of static figures is read from, once per request. */
function placeFacts(ctx: Context) {
  return ctx.loaders.shared('provenance:places', async () => {
    const [communities, grids, sources] = await Promise.all([
      ctx.db.community.findMany({
        select: { id: true, code: true, source: true, generatedFields: true, populationAtLeast: true },
      }),
      ctx.db.grid.findMany({ select: { id: true, code: true, communityId: true, generated: true } }),
      ctx.db.figureSource.findMany(),
    ]);
    const parsed = communities.map((c) => ({ ...c, generatedFields: JSON.parse(c.generatedFields) as string[] }));
    // Indexed once per request: a stats answer asks for the provenance of every row's values.
    return {
      communities: parsed,
      communityBy: new Map<number | string, (typeof parsed)[number]>(
        parsed.flatMap((c) => [
          [c.id, c],
          [c.code, c],
        ]),
      ),
      grids,
      gridBy: new Map<number | string, (typeof grids)[number]>(
        grids.flatMap((g) => [
          [g.id, g],
          [g.code, g],
        ]),
      ),
      gridsOf: groupBy(grids, (g) => g.communityId),
      sources: new Map(sources.map((s) => [`${s.placeCode}|${s.field}`, s])),
    };
  });
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
 * record of the kind is generated and whether any is not, two index lookups however many
 * records there are.
 */
function everyOrigin(ctx: Context, records: 'cases' | 'logs'): Promise<Origins> {
  return ctx.loaders.shared(`provenance:${records}:all`, async () => {
    const anyWhere = (generated: boolean) =>
      (records === 'cases'
        ? ctx.db.case.findFirst({ where: { generated }, select: { id: true } })
        : ctx.db.volunteerLog.findFirst({ where: { generated }, select: { id: true } })
      ).then(Boolean);
    const [someGenerated, someOther] = await Promise.all([anyWhere(true), anyWhere(false)]);
    return { total: Number(someGenerated) + Number(someOther), generated: Number(someGenerated) };
  });
}

/** Where a metric's value over some places comes from: their stated, imported or generated figures, or their records. */
export async function provenanceOf(ctx: Context, metric: Metric, places: PlacesOf): Promise<Provenance | null> {
  const facts = await placeFacts(ctx);
  const byGrid = Boolean(places.gridIds || places.gridCodes);
  const byCommunity = Boolean(places.communityIds || places.communityCodes);
  const known = <T>(index: Map<number | string, T>, keys: readonly (number | string)[]) =>
    keys.map((key) => index.get(key)).filter((found): found is T => found !== undefined);
  const communities = byCommunity
    ? known(facts.communityBy, [...(places.communityIds ?? []), ...(places.communityCodes ?? [])])
    : facts.communities;
  const grids = byGrid
    ? known(facts.gridBy, [...(places.gridIds ?? []), ...(places.gridCodes ?? [])])
    : byCommunity
      ? communities.flatMap((c) => facts.gridsOf.get(c.id) ?? [])
      : facts.grids;
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
    const source = facts.sources.get(`${code}|${field}`);
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
