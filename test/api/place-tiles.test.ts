import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { COMMUNITIES_DRAWN_AT_EVERY_ZOOM, GRID_TILE_ZOOM, worldPoint } from '../../shared/geo/place-tiles';
import { decode, MAP_TILES, tileAt, tileUrl, upsertGrid } from './vector-tiles';
import { seededDatabase, type ScratchDatabase } from './databases';
import { addLattice, LATTICE, latticeLat, latticeLng, latticePopulation } from './lattice';
import { startTestServer, TEST_ADMIN_PASSWORD, TEST_DISPLAY_TOKEN, type TestServer } from './harness';

describe('the places as vector tiles', () => {
  let server: TestServer;
  let kangle: { lng: number; lat: number; grids: string[] };
  beforeAll(async () => {
    server = await startTestServer();
    const community = await server.db.community.findUniqueOrThrow({
      where: { code: 'kangle' },
      include: { grids: { where: { retiredAt: null } } },
    });
    kangle = { lng: community.centroidLng!, lat: community.centroidLat!, grids: community.grids.map((g) => g.code) };
  });
  afterAll(() => server?.close());

  it('says where the tiles are and the extent of the located communities', async () => {
    const { data } = await server.gql(MAP_TILES);
    expect(data!.mapTiles.url).toMatch(/^\/tiles\/\{z\}\/\{x\}\/\{y\}\.pbf\?v=\d+\.[\w-]+&c=0$/);
    expect(data!.mapTiles.gridMinZoom).toBe(GRID_TILE_ZOOM);
    // A few communities are each drawn at every zoom: no sub-districts.
    expect(data!.mapTiles.communityMinZoom).toBe(0);
    const { west, south, east, north } = data!.mapTiles.bounds;
    expect(west).toBeLessThan(kangle.lng);
    expect(east).toBeGreaterThan(kangle.lng);
    expect(south).toBeLessThan(kangle.lat);
    expect(north).toBeGreaterThan(kangle.lat);
  });

  it('serves a tile that holds 康乐 as its shape and its centre, gzipped and cached by its ETag', async () => {
    const url = await tileUrl(server);
    const { z, x, y } = tileAt(kangle.lng, kangle.lat, 12);
    const response = await fetch(url(z, x, y));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
    const etag = response.headers.get('etag')!;
    expect(etag).toMatch(/^"[^"]+"$/);
    const layers = await decode(response);
    expect(Object.keys(layers)).toEqual(['COMMUNITY']);
    const places = layers.COMMUNITY.filter((f) => f.code === 'kangle');
    expect(places.map((f) => f.type).sort()).toEqual([1, 3]);
    expect(places[0]).toMatchObject({ name: '康乐社区' });
    // As a browser revalidates; fetch would otherwise add Cache-Control: no-cache.
    const again = await fetch(url(z, x, y), { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });
    expect(again.status).toBe(304);
    const other = await fetch(url(z, x + 1, y), { headers: { 'if-none-match': etag, 'cache-control': 'max-age=0' } });
    expect(other.status).not.toBe(304);
  });

  it(`holds communities below zoom ${GRID_TILE_ZOOM} and grids, with their community, from it`, async () => {
    const url = await tileUrl(server);
    const below = tileAt(kangle.lng, kangle.lat, GRID_TILE_ZOOM - 1);
    expect(Object.keys(await decode(await fetch(url(below.z, below.x, below.y))))).toEqual(['COMMUNITY']);
    const at = tileAt(kangle.lng, kangle.lat, GRID_TILE_ZOOM);
    const layers = await decode(await fetch(url(at.z, at.x, at.y)));
    expect(Object.keys(layers)).toEqual(['GRID']);
    expect(layers.GRID.length).toBeGreaterThan(0);
    for (const grid of layers.GRID) {
      expect(kangle.grids).toContain(grid.code);
      expect(grid.community).toBe('kangle');
    }
  });

  it('sends little: nothing where no place is, a few hundred bytes for the seed’s whole country', async () => {
    const url = await tileUrl(server);
    expect((await fetch(url(10, 0, 0))).status).toBe(204);
    const country = tileAt(kangle.lng, kangle.lat, 3);
    const response = await fetch(url(country.z, country.x, country.y));
    const located = await server.db.community.count({ where: { boundary: { not: null } } });
    const features = Object.values(await decode(response)).flat();
    expect(new Set(features.map((f) => f.code)).size).toBeLessThanOrEqual(located);
    // Shapes of a few hundred metres are dropped this far out: their centres (dots) remain.
    expect(features.every((f) => f.type === 1)).toBe(true);
    expect(Number(response.headers.get('content-length'))).toBeLessThan(150 * located);
  });

  it('refuses what is no tile', async () => {
    const url = await tileUrl(server);
    expect((await fetch(url(30, 0, 0))).status).toBe(404);
    expect((await fetch(url(3, 8, 0))).status).toBe(404);
  });

  it('gives every place’s value with the legend, as mapFeatures colours it', async () => {
    const { data } = await server.gql(
      `{ mapLegend(level: COMMUNITY, metric: POPULATION) { places { codes values tooFewCases } }
         mapFeatures(level: COMMUNITY, metric: POPULATION) }`,
    );
    const { codes, values, tooFewCases } = data!.mapLegend.places;
    expect(codes.length).toBe(values.length);
    expect(tooFewCases.length).toBe(values.length);
    for (const feature of data!.mapFeatures.features)
      expect(values[codes.indexOf(feature.properties.code)]).toBe(feature.properties.value);
  });
});

describe('who may read the tiles: the same as mapFeatures', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ PUBLIC_DASHBOARD: 'false' });
  });
  afterAll(() => server?.close());

  it('refuses a visitor, and serves a wall’s token and a signed-in person, privately', async () => {
    const url = await tileUrl(server, TEST_DISPLAY_TOKEN);
    const visitor = await fetch(url(3, 6, 3));
    expect(visitor.status).toBe(401);
    expect(await visitor.json()).toMatchObject({ code: 'SIGN_IN_REQUIRED' });
    const features = await server.gql(`{ mapFeatures(level: COMMUNITY, metric: POPULATION) }`);
    expect(features.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    const wall = await fetch(url(3, 6, 3), { headers: { authorization: `Bearer ${TEST_DISPLAY_TOKEN}` } });
    expect(wall.status).toBe(200);
    expect(wall.headers.get('cache-control')).toBe('private, max-age=86400');
    const { cookie } = await server.signIn('admin', TEST_ADMIN_PASSWORD);
    expect((await fetch(url(3, 6, 3), { headers: { cookie: cookie! } })).status).toBe(200);
    expect((await fetch(url(3, 6, 3), { headers: { authorization: 'Bearer wrong-token-value' } })).status).toBe(401);
  });
});

describe('tiles after a place changes', () => {
  let database: ScratchDatabase;
  let server: TestServer;
  beforeAll(async () => {
    database = await seededDatabase();
    server = await startTestServer({ DATABASE_URL: database.url });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('name a new version, whose tiles show the change; an old version’s URL is answered with it too', async () => {
    const grid = await server.db.grid.findFirstOrThrow({
      where: { community: { code: 'kangle' } },
      include: { community: true },
      orderBy: { code: 'asc' },
    });
    const { z, x, y } = tileAt(grid.centroidLng!, grid.centroidLat!, 15);
    const nameIn = async (response: Response) => (await decode(response)).GRID.find((f) => f.code === grid.code)?.name;
    const before = await tileUrl(server);
    const first = await fetch(before(z, x, y));
    expect(await nameIn(first)).toBe(grid.name);
    expect(await upsertGrid(server, grid, { name: '改名网格' })).toBe('updated');
    const after = await tileUrl(server);
    expect(after(z, x, y)).not.toBe(before(z, x, y));
    const second = await fetch(after(z, x, y));
    expect(second.headers.get('etag')).not.toBe(first.headers.get('etag'));
    expect(await nameIn(second)).toBe('改名网格');
    expect(await nameIn(await fetch(before(z, x, y)))).toBe('改名网格');
  });
});

describe('a city: sub-districts far out, each its communities dissolved and measured together', () => {
  let database: ScratchDatabase;
  let server: TestServer;
  const { rows: ROWS, columns: COLUMNS } = LATTICE;
  const [west, east] = LATTICE.subDistricts;
  const [lat, lng] = [latticeLat, latticeLng];
  let communityMinZoom: number;

  beforeAll(async () => {
    database = await seededDatabase();
    server = await startTestServer({ DATABASE_URL: database.url, ANSWER_CACHE_SECONDS: '0' });
    await addLattice(server.db);
    const { data } = await server.gql<{ mapTiles: { url: string; communityMinZoom: number } }>(MAP_TILES);
    communityMinZoom = data!.mapTiles.communityMinZoom;
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });

  it('draws sub-districts until its communities are 12 px across, and says so in the tiles’ URL', async () => {
    expect(await server.db.community.count({ where: { boundary: { not: null } } })).toBeGreaterThan(
      COMMUNITIES_DRAWN_AT_EVERY_ZOOM,
    );
    const [left] = worldPoint(lng(0), lat(0));
    const [right] = worldPoint(lng(1), lat(0));
    const width = (right - left) * 256;
    expect(width * 2 ** communityMinZoom).toBeGreaterThanOrEqual(12);
    expect(width * 2 ** (communityMinZoom - 1)).toBeLessThan(12);
    const url = await tileUrl(server);
    expect(url(0, 0, 0)).toContain(`&c=${communityMinZoom}`);

    const middle = { lng: lng(COLUMNS / 2), lat: lat(ROWS / 2) };
    const far = tileAt(middle.lng, middle.lat, communityMinZoom - 1);
    const layers = await decode(await fetch(url(far.z, far.x, far.y)));
    expect(Object.keys(layers)).toEqual(['SUB_DISTRICT']);
    // Each sub-district once as a shape and once as its centre, named as it is.
    const shapes = layers.SUB_DISTRICT.filter((f) => f.type === 3);
    expect(shapes.map((f) => f.code).sort()).toEqual([east.code, west.code]);
    expect(shapes.find((f) => f.code === west.code)).toMatchObject({ name: west.name });
    const near = tileAt(middle.lng, middle.lat, communityMinZoom);
    expect(Object.keys(await decode(await fetch(url(near.z, near.x, near.y))))).toEqual(['COMMUNITY']);
    expect((await fetch(url(near.z, near.x, near.y).replace(/c=\d+/, 'c=99'))).status).toBe(400);
  });

  it('dissolves neighbouring communities into one outline, and adds up their population', async () => {
    const { data, errors } = await server.gql(`{ mapFeatures(level: SUB_DISTRICT, metric: POPULATION) }`);
    expect(errors).toBeUndefined();
    const features = data!.mapFeatures.features as Feature<Polygon | MultiPolygon, { code: string; value: number }>[];
    const shape = features.find((f) => f.properties.code === west.code)!;
    expect(shape.geometry.type).toBe('Polygon');
    const [outline, ...holes] = (shape.geometry as Polygon).coordinates;
    expect(holes).toEqual([]);
    const along = (i: 0 | 1) => outline.map((point) => point[i]);
    expect(Math.min(...along(0))).toBeCloseTo(lng(0), 9);
    expect(Math.max(...along(0))).toBeCloseTo(lng(COLUMNS), 9);
    expect(Math.min(...along(1))).toBeCloseTo(lat(0), 9);
    expect(Math.max(...along(1))).toBeCloseTo(lat(ROWS), 9);
    let population = 0;
    for (let row = 0; row < ROWS; row++)
      for (let column = 0; column < COLUMNS; column++) population += latticePopulation(row, column);
    expect(shape.properties.value).toBe(population);
    const legend = await server.gql(
      `{ mapLegend(level: SUB_DISTRICT, metric: POPULATION) { places { codes values } } }`,
    );
    const { codes, values } = legend.data!.mapLegend.places;
    for (const feature of features)
      expect(values[codes.indexOf(feature.properties.code)]).toBe(feature.properties.value);
  });

  it('computes a sub-district’s rate from its communities’ counts, not from their rates', async () => {
    // 康乐 joins the sub-district of another seeded community with cases: two scattered shapes, one value.
    const kangle = await server.db.community.findUniqueOrThrow({ where: { code: 'kangle' } });
    const other = await server.db.community.findFirstOrThrow({
      where: {
        code: { not: 'kangle' },
        boundary: { not: null },
        cases: { some: {} },
        subDistrict: { code: { notIn: [west.code, east.code] } },
      },
      include: { subDistrict: true },
    });
    await server.db.community.update({ where: { id: kangle.id }, data: { subDistrictId: other.subDistrictId } });
    const period = 'from: "2025-12-01T00:00:00+08:00", to: "2026-11-30T00:00:00+08:00"';
    const valueOf = async (level: string, metric: string, code: string) => {
      const { data } = await server.gql(
        `{ mapLegend(level: ${level}, metric: ${metric}, ${period}) { places { codes values } } }`,
      );
      const { codes, values } = data!.mapLegend.places;
      return values[codes.indexOf(code)] as number;
    };
    const sum = async (metric: string) =>
      (await valueOf('COMMUNITY', metric, 'kangle')) + (await valueOf('COMMUNITY', metric, other.code));
    const expected = (await sum('CASES_CLOSED_ON_TIME')) / ((await sum('CASES_DUE')) - (await sum('CASES_POSTPONED')));
    const rate = await valueOf('SUB_DISTRICT', 'ON_TIME_RATE', other.subDistrict.code);
    expect(rate).toBeCloseTo(expected, 12);
    const mean =
      ((await valueOf('COMMUNITY', 'ON_TIME_RATE', 'kangle')) +
        (await valueOf('COMMUNITY', 'ON_TIME_RATE', other.code))) /
      2;
    expect(rate).not.toBeCloseTo(mean, 6);
    const { data } = await server.gql(`{ mapFeatures(level: SUB_DISTRICT, metric: ON_TIME_RATE, ${period}) }`);
    const joined = data!.mapFeatures.features.find(
      (f: { properties: { code: string } }) => f.properties.code === other.subDistrict.code,
    );
    expect(joined.geometry.type).toBe('MultiPolygon');
    expect(joined.properties.value).toBeCloseTo(expected, 12);
  });

  it('ranks no sub-districts', async () => {
    const { errors } = await server.gql(`{ ranking(level: SUB_DISTRICT, metric: POPULATION) { code } }`);
    expect(errors?.[0].message).toBe('Rankings are of communities or grids');
  });
});
