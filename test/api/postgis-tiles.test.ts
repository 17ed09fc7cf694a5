import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GRID_TILE_ZOOM } from '../../shared/geo/place-tiles';
import { readConfig } from '../../server/src/config';
import { databaseKind } from '../../server/src/db/client';
import { seededDatabase, type ScratchDatabase } from './databases';
import { startTestServer, type TestServer } from './harness';
import { addLattice, LATTICE, latticeLat, latticeLng } from './lattice';
import { decode, tileAt, tileUrl, upsertGrid } from './vector-tiles';

describe('PLACE_TILES', () => {
  it('names who cuts the tiles, and PostGIS only beside PostgreSQL', () => {
    expect(readConfig({}).placeTiles).toBe('auto');
    expect(() => readConfig({ PLACE_TILES: 'mapnik' })).toThrow(
      'PLACE_TILES must be one of auto, postgis, in-process, got "mapnik"',
    );
    expect(() => readConfig({ DATABASE_URL: 'file:./gridscope.db', PLACE_TILES: 'postgis' })).toThrow(
      'PLACE_TILES=postgis needs a PostgreSQL DATABASE_URL with the PostGIS extension',
    );
  });
});

/** A tile's features, each as its layer, code, kind (1 dot, 3 shape) and community, with its size by code. */
async function contentOf(url: string) {
  const response = await fetch(url);
  if (response.status === 204) return { features: [], sizes: new Map<string, number>() };
  expect(response.status).toBe(200);
  const layers = await decode(response);
  const features = Object.entries(layers)
    .flatMap(([level, found]) => found.map((f) => `${level} ${f.code} ${f.type} ${f.community ?? ''}`))
    .sort();
  const sizes = new Map(Object.values(layers).flatMap((found) => found.map((f) => [f.code!, Number(f.size)])));
  return { features, sizes };
}

// PostGIS is an extension of PostgreSQL: the API suite's PostgreSQL pass runs these (CI installs postgresql-15-postgis-3).
if (databaseKind(inject('databaseUrl')) === 'postgresql')
  describe('tiles cut by PostGIS', () => {
    let database: ScratchDatabase;
    let inProcess: TestServer;
    let postgis: TestServer;
    let kangle: { lng: number; lat: number };
    /** Two instances without Redis: each keeps no answer the other's writes could leave stale. */
    const SHARING_NOTHING = { ANSWER_CACHE_SECONDS: '0' };
    const shapeVersions = async () =>
      (
        await inProcess.db.$queryRawUnsafe<{ version: string }[]>(
          'SELECT "version" FROM "gridscope_place_shape_versions"',
        )
      ).map((row) => row.version);

    beforeAll(async () => {
      database = await seededDatabase();
      inProcess = await startTestServer({ DATABASE_URL: database.url, PLACE_TILES: 'in-process', ...SHARING_NOTHING });
      await inProcess.db.$executeRawUnsafe('CREATE EXTENSION IF NOT EXISTS postgis');
      await addLattice(inProcess.db);
      postgis = await startTestServer({ DATABASE_URL: database.url, PLACE_TILES: 'postgis', ...SHARING_NOTHING });
      const community = await inProcess.db.community.findUniqueOrThrow({ where: { code: 'kangle' } });
      kangle = { lng: community.centroidLng!, lat: community.centroidLat! };
    });
    afterAll(async () => {
      await Promise.all([postgis?.close(), inProcess?.close()]);
      await database?.drop();
    });

    it('writes the shapes of today as it starts, before any map asks for a tile', async () => {
      await expect.poll(shapeVersions, { timeout: 20_000 }).toHaveLength(1);
    });

    it('cuts the tiles the in-process source cuts: the same places, dots and shapes, at every level', async () => {
      const { data } = await postgis.gql<{ mapTiles: { communityMinZoom: number } }>(
        '{ mapTiles { communityMinZoom } }',
      );
      const communityZoom = data!.mapTiles.communityMinZoom;
      expect(communityZoom).toBeGreaterThan(0);
      const [fromPostgis, fromProcess] = await Promise.all([tileUrl(postgis), tileUrl(inProcess)]);
      const lattice = { lng: latticeLng(LATTICE.columns), lat: latticeLat(LATTICE.rows / 2) };
      const tiles = [
        tileAt(lattice.lng, lattice.lat, communityZoom - 3),
        tileAt(lattice.lng, lattice.lat, communityZoom - 1),
        tileAt(lattice.lng, lattice.lat, communityZoom),
        tileAt(lattice.lng, lattice.lat, GRID_TILE_ZOOM - 1),
        tileAt(kangle.lng, kangle.lat, 3),
        tileAt(kangle.lng, kangle.lat, GRID_TILE_ZOOM),
        tileAt(kangle.lng, kangle.lat, GRID_TILE_ZOOM + 2),
      ];
      const levels = new Set<string>();
      for (const { z, x, y } of tiles) {
        const [cut, expected] = await Promise.all([contentOf(fromPostgis(z, x, y)), contentOf(fromProcess(z, x, y))]);
        expect(cut.features, `tile ${z}/${x}/${y}`).toEqual(expected.features);
        for (const [code, size] of expected.sizes) expect(cut.sizes.get(code)).toBeCloseTo(size, 9);
        for (const feature of cut.features) levels.add(feature.split(' ')[0]);
      }
      expect([...levels].sort()).toEqual(['COMMUNITY', 'GRID', 'SUB_DISTRICT']);
    });

    it('writes the shapes of a version once, for every server that cuts tiles from them', async () => {
      const before = await shapeVersions();
      expect(before).toHaveLength(1);
      const another = await startTestServer({ DATABASE_URL: database.url, PLACE_TILES: 'postgis' });
      try {
        const { z, x, y } = tileAt(kangle.lng, kangle.lat, 12);
        const url = (await tileUrl(another))(z, x, y);
        expect((await fetch(url)).status).toBe(200);
        expect(await shapeVersions()).toEqual(before);
        // A made-up epoch in the URL is read as the last change before it: nothing new is written.
        const madeUp = await fetch(url.replace(/v=\d+\./, 'v=999999999999.'));
        expect(madeUp.status).toBe(200);
        expect(await shapeVersions()).toEqual(before);
      } finally {
        await another.close();
      }
      const [{ count }] = await inProcess.db.$queryRawUnsafe<{ count: bigint }[]>(
        'SELECT count(*) AS count FROM "gridscope_place_shapes"',
      );
      const located = { boundary: { not: null }, retiredAt: null };
      const [communities, grids, subDistricts] = await Promise.all([
        inProcess.db.community.count({ where: located }),
        inProcess.db.grid.count({ where: located }),
        inProcess.db.subDistrict.count({ where: { communities: { some: located } } }),
      ]);
      expect(Number(count)).toBe(communities + grids + subDistricts);
    });

    it('sends the shapes of now for a URL from before a change, as the in-process tiles do', async () => {
      const grid = await postgis.db.grid.findFirstOrThrow({
        where: { community: { code: 'kangle' } },
        include: { community: true },
        orderBy: { code: 'asc' },
      });
      const { z, x, y } = tileAt(grid.centroidLng!, grid.centroidLat!, 15);
      const nameIn = async (url: string) =>
        (await decode(await fetch(url))).GRID.find((f) => f.code === grid.code)?.name;
      const before = await tileUrl(postgis);
      expect(await nameIn(before(z, x, y))).toBe(grid.name);
      expect(await upsertGrid(postgis, grid, { name: '改名网格' })).toBe('updated');
      const after = await tileUrl(postgis);
      expect(after(z, x, y)).not.toBe(before(z, x, y));
      expect(await nameIn(after(z, x, y))).toBe('改名网格');
      expect(await nameIn(before(z, x, y))).toBe('改名网格');
      expect(await shapeVersions()).toHaveLength(2);
    });

    it('draws a past period with the boundaries of its time, as the in-process tiles do', async () => {
      const grid = await postgis.db.grid.findFirstOrThrow({
        where: { community: { code: 'kangle' } },
        include: { community: true },
        orderBy: { code: 'desc' },
      });
      const [ring] = (JSON.parse(grid.boundary!) as { coordinates: number[][][] }).coordinates;
      const [lng, lat] = [grid.centroidLng!, grid.centroidLat!];
      // Redrawn at half its size about its centre: a new boundary version from now on.
      const shrunk = ring.map(([x, y]) => [lng + (x - lng) / 2, lat + (y - lat) / 2]);
      expect(await upsertGrid(postgis, grid, { boundary: { type: 'Polygon', coordinates: [shrunk] } })).toBe('updated');
      const { z, x, y } = tileAt(lng, lat, 15);
      const tileOf = async (server: TestServer, to: string) => {
        const { data } = await server.gql<{ mapTiles: { url: string } }>(`{ mapTiles(to: "${to}") { url } }`);
        return contentOf(`${server.url}${data!.mapTiles.url.replace('{z}/{x}/{y}', `${z}/${x}/${y}`)}`);
      };
      const compared = async (to: string) => {
        const [cut, expected] = await Promise.all([tileOf(postgis, to), tileOf(inProcess, to)]);
        expect(cut.features, `to ${to}`).toEqual(expected.features);
        for (const [code, size] of expected.sizes) expect(cut.sizes.get(code)).toBeCloseTo(size, 9);
        return cut;
      };
      const past = await compared('2025-06-30T00:00:00+08:00');
      const now = await compared(new Date().toISOString());
      expect(now.sizes.get(grid.code)).toBeCloseTo(past.sizes.get(grid.code)! / 2, 9);
    });

    it('will not start with PLACE_TILES=postgis on a database without PostGIS', async () => {
      await expect(startTestServer({ PLACE_TILES: 'postgis' })).rejects.toThrow(
        'PLACE_TILES=postgis: the database has no PostGIS extension',
      );
    });
  });
