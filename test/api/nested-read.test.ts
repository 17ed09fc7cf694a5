import { getNamedType, isNonNullType, isObjectType, type GraphQLObjectType, type GraphQLSchema } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_IDS_PER_QUERY } from '../../server/src/db/limits';
import { buildAppSchema } from '../../server/src/graphql/schema';
import { seededDatabase, type ScratchDatabase } from './databases';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from './harness';

/** The columns of `table` that the SELECT statements sent read. */
const columnsRead = (statements: string[], table: string) =>
  new Set(
    statements
      .filter((sql) => new RegExp(`^SELECT .* FROM [\`"]\\w+[\`"]\\.[\`"]${table}[\`"] `).test(sql))
      .flatMap((sql) =>
        [...sql.split(' FROM ')[0].matchAll(new RegExp(`[\`"]${table}[\`"]\\.[\`"](\\w+)[\`"]`, 'g'))].map((m) => m[1]),
      ),
  );

/**
 * Every field of `type` that needs no argument, object fields with their own such fields
 * `depth` levels down: what a caller may select, found in the schema so a new field is included.
 */
function everyField(type: GraphQLObjectType, depth: number, except: string[] = []): string {
  return Object.values(type.getFields())
    .filter((field) => !except.includes(field.name) && field.args.every((arg) => !isNonNullType(arg.type)))
    .flatMap((field) => {
      const named = getNamedType(field.type);
      if (!isObjectType(named)) return [field.name];
      return depth > 0 ? [`${field.name} { ${everyField(named, depth - 1)} }`] : [];
    })
    .join(' ');
}

let server: TestServer;
let schema: GraphQLSchema;
beforeAll(async () => {
  [server, schema] = await Promise.all([startTestServer(), buildAppSchema()]);
});
afterAll(() => server.close());

it('reads only the columns of grids and communities that the nested read selects', async () => {
  server.queries.length = 0;
  const names = await server.gql('{ communities { code name grids { code name } } }');
  expect(names.errors).toBeUndefined();
  expect(columnsRead(server.queries, 'Grid')).toEqual(new Set(['id', 'communityId', 'code', 'name']));
  expect(columnsRead(server.queries, 'Community')).toEqual(new Set(['id', 'subDistrictId', 'code', 'name']));
  server.queries.length = 0;
  const shapes = await server.gql('{ communities { hasLocation grids { centroid { lat } boundary } } }');
  expect(shapes.errors).toBeUndefined();
  expect(columnsRead(server.queries, 'Grid')).toEqual(
    new Set(['id', 'communityId', 'code', 'centroidLat', 'centroidLng', 'boundary']),
  );
  expect(columnsRead(server.queries, 'Community')).toEqual(new Set(['id', 'subDistrictId', 'code', 'centroidLat']));
});

it('answers every field of communities and grids read through the list as it does for one place read whole', async () => {
  const communityFields = everyField(schema.getType('Community') as GraphQLObjectType, 1, ['grids']);
  const gridFields = everyField(schema.getType('Grid') as GraphQLObjectType, 1);
  // Through fragments, as clients write them: the columns asked for are found through them too.
  const fragments = { C: `fragment C on Community { ${communityFields} }`, G: `fragment G on Grid { ${gridFields} }` };
  const listed = await server.gql(
    `{ communities { ...C grids { ...G } } } ${fragments.C} ${fragments.G}`,
    {},
    TEST_ADMIN_TOKEN,
  );
  expect(listed.errors).toBeUndefined();
  type ListedGrid = { code: string; worker: { phone: string } | null; centroid: unknown };
  const communities = listed.data!.communities as { code: string; grids: ListedGrid[] }[];
  const grids = communities.flatMap((c) => c.grids);
  expect(grids.length).toBeGreaterThan(50);
  // One place at a time, by code: rows read whole, each field resolved from them.
  const one = async (field: 'community' | 'grid', code: string) => {
    const fragment = field === 'community' ? 'C' : 'G';
    const query = `query ($code: String!) { ${field}(code: $code) { ...${fragment} } } ${fragments[fragment]}`;
    const { data, errors } = await server.gql(query, { code }, TEST_ADMIN_TOKEN);
    expect(errors).toBeUndefined();
    return data![field];
  };
  expect(communities.map(({ grids: _, ...community }) => community)).toEqual(
    await Promise.all(communities.map((c) => one('community', c.code))),
  );
  expect(grids).toEqual(await Promise.all(grids.map((g) => one('grid', g.code))));
  // The comparison covers what can go wrong: located grids with workers the admin may see.
  expect(grids.some((g) => g.worker?.phone)).toBe(true);
  expect(grids.some((g) => g.centroid)).toBe(true);
});

describe('a city-size list', () => {
  let city: ScratchDatabase;
  let cityServer: TestServer;
  const added = MAX_IDS_PER_QUERY + 20;
  beforeAll(async () => {
    city = await seededDatabase();
    cityServer = await startTestServer({ DATABASE_URL: city.url });
    const { id: subDistrictId } = await cityServer.db.subDistrict.findFirstOrThrow();
    await cityServer.db.community.createMany({
      data: Array.from({ length: added }, (_, i) => ({
        code: `city-${i}`,
        name: `第${i}社区`,
        nameEn: `Community ${i}`,
        subDistrictId,
        source: 'test',
      })),
    });
    const ids = await cityServer.db.community.findMany({ where: { code: { startsWith: 'city-' } } });
    await cityServer.db.grid.createMany({
      data: ids.flatMap((c, i) =>
        Array.from({ length: 1 + (i % 3) }, (_, g) => ({
          code: `${c.code}-${g}`,
          name: `第${g}网格`,
          communityId: c.id,
          areaKm2: 0.1,
        })),
      ),
    });
  });
  afterAll(async () => {
    await cityServer?.close();
    await city?.drop();
  });

  it('reads the grids of more communities than one statement may name in one statement, each under its own', async () => {
    cityServer.queries.length = 0;
    const { data, errors } = await cityServer.gql('{ communities { code grids { code } } }');
    expect(errors).toBeUndefined();
    const communities = data!.communities as { code: string; grids: { code: string }[] }[];
    expect(communities.length).toBeGreaterThan(MAX_IDS_PER_QUERY);
    expect(cityServer.queries.filter((sql) => /^SELECT .* FROM [`"]\w+[`"]\.[`"]Grid[`"] /.test(sql))).toHaveLength(1);
    const stored = await cityServer.db.grid.findMany({
      where: { retiredAt: null },
      select: { code: true, community: { select: { code: true } } },
      orderBy: { code: 'asc' },
    });
    expect(Object.fromEntries(communities.map((c) => [c.code, c.grids.map((g) => g.code)]))).toEqual(
      Object.fromEntries(
        communities.map((c) => [c.code, stored.filter((g) => g.community.code === c.code).map((g) => g.code)]),
      ),
    );
    expect(communities.find((c) => c.code === 'city-2')!.grids.map((g) => g.code)).toEqual([
      'city-2-0',
      'city-2-1',
      'city-2-2',
    ]);
  });
});
