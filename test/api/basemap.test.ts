import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/src/config';
import { TileType } from 'pmtiles';
import { earthTile, solidPng, tilesCovering, writeMbtiles, writePmtiles, type ArchiveMetadata } from '../tile-archives';
import { startTestServer, type TestServer } from './harness';

const folder = mkdtempSync(join(tmpdir(), 'gridscope-basemap-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Around 康乐社区 in Kaifeng; credits as tools write them, in HTML. */
const METADATA: ArchiveMetadata = {
  bounds: [114.25, 34.79, 114.27, 34.81],
  attribution: '<a href="https://example.org/">&copy; 开封市测绘院</a> (test)',
};
// Each tile its own colour, so that a tile served for another (rows counted from the wrong end) shows.
const TILES = tilesCovering(METADATA.bounds, [10, 11, 12, 13, 14]).map((t, i) => ({
  ...t,
  data: solidPng([i * 7, 255 - i * 7, t.z * 10]),
}));
const WRITERS = { mbtiles: writeMbtiles, pmtiles: writePmtiles };

describe.each(Object.keys(WRITERS) as (keyof typeof WRITERS)[])('an offline basemap from a .%s file', (kind) => {
  let server: TestServer;
  beforeAll(async () => {
    const file = join(folder, `city.${kind}`);
    WRITERS[kind](file, TILES, METADATA);
    server = await startTestServer({ BASEMAP: `file:${file}`, MAP_APPROVAL_NUMBER: 'GS(2024)1234号' });
  });
  afterAll(() => server?.close());

  it('serves every tile of the archive as PNG, cached by the browser', async () => {
    expect(TILES.length).toBeGreaterThan(5);
    for (const { z, x, y, data } of TILES) {
      const response = await fetch(`${server.url}/basemap/${z}/${x}/${y}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(response.headers.get('cache-control')).toBe('public, max-age=86400');
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(data));
    }
  });

  it('answers a revalidation with 304', async () => {
    const { z, x, y } = TILES[0];
    const first = await fetch(`${server.url}/basemap/${z}/${x}/${y}`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    // As a browser revalidates; fetch would otherwise add Cache-Control: no-cache, which asks for the whole tile.
    const again = await fetch(`${server.url}/basemap/${z}/${x}/${y}`, {
      headers: { 'if-none-match': etag!, 'cache-control': 'max-age=0' },
    });
    expect(again.status).toBe(304);
  });

  it('answers 204 where the archive has no tile, and 404 for what is no tile at all', async () => {
    const { z, x, y } = TILES.at(-1)!;
    const beside = await fetch(`${server.url}/basemap/${z}/${x + 5}/${y}`);
    expect(beside.status).toBe(204);
    expect(beside.headers.get('cache-control')).toBe('public, max-age=86400');
    expect((await fetch(`${server.url}/basemap/3/6/3`)).status).toBe(204);
    for (const path of [`${z}/${2 ** z}/${y}`, '31/0/0', `${z}/${x}/-1`, `${z}/${x}/${y}.png`, 'a/b/c'])
      expect((await fetch(`${server.url}/basemap/${path}`)).status, path).toBe(404);
  });

  it("puts the archive's format, zooms, extent and credits, and the approval number, in /config.json", async () => {
    const config = await (await fetch(`${server.url}/config.json`)).json();
    expect(config.basemap).toBe('offline');
    expect(config.mapApprovalNumber).toBe('GS(2024)1234号');
    expect(config.offlineBasemap).toEqual({
      format: 'png',
      minZoom: 10,
      maxZoom: 14,
      bounds: METADATA.bounds.map((degrees) => expect.closeTo(degrees, 6)),
      attribution: '© 开封市测绘院 (test)',
    });
  });
});

describe('a vector archive', () => {
  const VECTOR_WRITERS = {
    mbtiles: (file: string) =>
      writeMbtiles(
        file,
        TILES.map((t) => ({ ...t, data: earthTile() })),
        METADATA,
        'pbf',
      ),
    pmtiles: (file: string) =>
      writePmtiles(
        file,
        TILES.map((t) => ({ ...t, data: earthTile() })),
        METADATA,
        TileType.Mvt,
      ),
  };

  it.each(Object.keys(VECTOR_WRITERS) as (keyof typeof VECTOR_WRITERS)[])(
    'from a .%s file is served as uncompressed Mapbox vector tiles',
    async (kind) => {
      const file = join(folder, `vector.${kind}`);
      VECTOR_WRITERS[kind](file);
      const server = await startTestServer({ BASEMAP: `file:${file}` });
      try {
        expect((await (await fetch(`${server.url}/config.json`)).json()).offlineBasemap.format).toBe('pbf');
        const { z, x, y } = TILES[0];
        const response = await fetch(`${server.url}/basemap/${z}/${x}/${y}`);
        expect(response.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
        expect(new Uint8Array(await response.arrayBuffer())).toEqual(earthTile());
      } finally {
        await server.close();
      }
    },
  );
});

describe('without an offline basemap', () => {
  it('has no archive in /config.json, a 404 at /basemap, and the Tianditu annotation URL from the environment', async () => {
    const server = await startTestServer({ TIANDITU_ANNOTATION_TILE_URL: 'http://tiles.example/cva/{z}/{x}/{y}' });
    try {
      const config = await (await fetch(`${server.url}/config.json`)).json();
      expect(config.basemap).toBe('none');
      expect(config.offlineBasemap).toBeNull();
      expect(config.mapApprovalNumber).toBeNull();
      expect(config.tileUrls.tiandituAnnotation).toBe('http://tiles.example/cva/{z}/{x}/{y}');
      expect(config.tileUrls.tianditu).toContain('LAYER=vec');
      expect((await fetch(`${server.url}/basemap/10/843/408`)).status).toBe(404);
    } finally {
      await server.close();
    }
  });

  it('refuses to start on a missing archive or one of another kind, naming the file', () => {
    const missing = join(folder, 'missing.pmtiles');
    expect(() => readConfig({ BASEMAP: `file:${missing}` })).toThrow(ConfigError);
    expect(() => readConfig({ BASEMAP: `file:${missing}` })).toThrow(`BASEMAP file:${missing} cannot be read`);
    const geojson = join(folder, 'city.geojson');
    writeFileSync(geojson, '{}');
    expect(() => readConfig({ BASEMAP: `file:${geojson}` })).toThrow('must be an .mbtiles or .pmtiles file');
  });

  it('refuses to start on a file that is not the archive it is named', async () => {
    for (const name of ['broken.pmtiles', 'broken.mbtiles']) {
      const file = join(folder, name);
      writeFileSync(file, 'not a tile archive, but long enough to hold a header of one '.repeat(4));
      await expect(startTestServer({ BASEMAP: `file:${file}` })).rejects.toThrow(
        `BASEMAP file:${file} cannot be read as a tile archive`,
      );
    }
  });
});
