import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { namedFlavor } from '@protomaps/basemaps';
import type { Browser, Page } from 'playwright-core';
import { TileType } from 'pmtiles';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../api/harness';
import { earthTile, solidPng, tilesCovering, writePmtiles } from '../tile-archives';
import { launchBrowser, SCREENSHOTS } from './browser';

const folder = mkdtempSync(join(tmpdir(), 'gridscope-basemap-'));
const APPROVAL = 'GS(2024)1234号';
const ATTRIBUTION = '© 开封市测绘院 (test)';
let browser: Browser;
/** Around 康乐 (Kaifeng), closely. */
const KANGLE: [number, number, number, number] = [114.24, 34.78, 114.28, 34.82];
/** Tianditu's streets and place names, as a local tile server answers them. */
let tianditu: Server;
/** A port nothing listens on: a tile server out of reach. */
let unreachable: number;

async function listening(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

beforeAll(async () => {
  // The seed's communities at low zooms, and 康乐 (Kaifeng) closely: two tones, so that tiles show as tiles.
  const tiles = [
    ...tilesCovering([103.9, 30.5, 127.2, 46.8], [4, 5, 6, 7, 8]),
    ...tilesCovering(KANGLE, [10, 11, 12, 13, 14]),
  ];
  const tones = [solidPng([242, 239, 233]), solidPng([232, 228, 218])];
  writePmtiles(
    join(folder, 'city.pmtiles'),
    tiles.map((t) => ({ ...t, data: tones[(t.x + t.y) % 2] })),
    { bounds: [103.9, 30.5, 127.2, 46.8], attribution: ATTRIBUTION },
  );
  writePmtiles(
    join(folder, 'vector.pmtiles'),
    tilesCovering(KANGLE, [10, 11, 12, 13, 14]).map((t) => ({ ...t, data: earthTile() })),
    { bounds: KANGLE, attribution: ATTRIBUTION },
    TileType.Mvt,
  );
  const tile = solidPng([200, 220, 240]);
  tianditu = createServer((_req, res) => void res.writeHead(200, { 'content-type': 'image/png' }).end(tile));
  await listening(tianditu);
  const closed = createServer();
  unreachable = await listening(closed);
  await new Promise((resolve) => closed.close(resolve));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  tianditu?.close();
  rmSync(folder, { recursive: true, force: true });
});

/** The map's tile images: where each comes from, and whether it was drawn. */
const mapTiles = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLImageElement>('[data-testid=grid-map] img.leaflet-tile')].map((img) => ({
      src: img.src,
      drawn: img.complete && img.naturalWidth > 0,
    })),
  );
const drawnFrom = async (page: Page, part: string) =>
  (await mapTiles(page)).filter((t) => t.drawn && t.src.includes(part)).length;

describe('an offline basemap from the archive the server is given', () => {
  let server: TestServer;
  let page: Page;
  const requested: string[] = [];
  beforeAll(async () => {
    server = await startTestServer({
      BASEMAP: `file:${join(folder, 'city.pmtiles')}`,
      MAP_APPROVAL_NUMBER: APPROVAL,
      OSM_TILE_URL: `http://127.0.0.1:${unreachable}/osm/{z}/{x}/{y}.png`,
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('request', (request) => requested.push(request.url()));
  });
  afterAll(() => server?.close());

  it('draws tiles from this server only, under 康乐 and across the overview, with the 审图号 and credits', async () => {
    await page.goto(`${server.url}/c/kangle`);
    await expect.poll(() => page.getByTestId('grid-map').getAttribute('data-features'), { timeout: 20_000 }).toBe('8');
    await expect.poll(() => page.getByTestId('basemap-select').inputValue(), { timeout: 20_000 }).toBe('offline');
    await expect.poll(() => drawnFrom(page, `${server.url}/basemap/`), { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await mapTiles(page)).every((t) => t.src.startsWith(`${server.url}/basemap/`))).toBe(true);
    const credits = page.getByTestId('map-credits');
    expect(await credits.textContent()).toContain(`审图号：${APPROVAL}`);
    expect(await credits.textContent()).toContain(ATTRIBUTION);
    await page.screenshot({ path: `${SCREENSHOTS}/basemap-offline-1366.png` });
    await page.goto(`${server.url}/`);
    await expect.poll(() => page.getByTestId('grid-map').getAttribute('data-features'), { timeout: 20_000 }).toBe('4');
    await expect.poll(() => drawnFrom(page, `${server.url}/basemap/`), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(server.url))).toEqual([]);
    expect(await page.getByTestId('basemap-failed').count()).toBe(0);
  });

  it('says so when OpenStreetMap cannot be reached, and draws the archive instead', async () => {
    await page.goto(`${server.url}/c/kangle`);
    await expect.poll(() => drawnFrom(page, '/basemap/'), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.getByTestId('basemap-select').selectOption('osm');
    await expect.poll(() => page.getByTestId('basemap-failed').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('basemap-failed').textContent()).toBe(
      'OpenStreetMap加载失败（网络不通？），已改用本地离线地图。',
    );
    expect(requested.some((url) => url.includes(`:${unreachable}/osm/`))).toBe(true);
    await expect.poll(() => drawnFrom(page, '/basemap/'), { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await mapTiles(page)).filter((t) => t.src.includes('/osm/'))).toEqual([]);
    expect(await page.getByTestId('map-credits').textContent()).toContain(ATTRIBUTION);
  });
});

describe('online basemaps without an archive', () => {
  let server: TestServer;
  let page: Page;
  beforeAll(async () => {
    const local = `http://127.0.0.1:${(tianditu.address() as AddressInfo).port}`;
    server = await startTestServer({
      BASEMAP: 'tianditu',
      TIANDITU_KEY: 'test-key',
      TIANDITU_TILE_URL: `${local}/vec/{z}/{x}/{y}?tk={key}`,
      TIANDITU_ANNOTATION_TILE_URL: `${local}/cva/{z}/{x}/{y}?tk={key}`,
      OSM_TILE_URL: `http://127.0.0.1:${unreachable}/osm/{z}/{x}/{y}.png`,
    });
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  });
  afterAll(() => server?.close());

  it("draws Tianditu's place names (cva) over its streets (vec), with its credits", async () => {
    await page.goto(`${server.url}/c/kangle`);
    await expect.poll(() => drawnFrom(page, '/vec/'), { timeout: 20_000 }).toBeGreaterThan(0);
    await expect.poll(() => drawnFrom(page, '/cva/'), { timeout: 20_000 }).toBeGreaterThan(0);
    expect((await mapTiles(page)).every((t) => t.src.endsWith('?tk=test-key'))).toBe(true);
    // Leaflet draws later layers of one z-index on top: the annotation's layer comes second.
    const layers = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid=grid-map] .leaflet-tile-pane > .leaflet-layer')].map((layer) => ({
        zIndex: Number(getComputedStyle(layer).zIndex),
        source: layer.querySelector('img')?.src.includes('/cva/') ? 'cva' : 'vec',
      })),
    );
    expect(layers.sort((a, b) => a.zIndex - b.zIndex).map((l) => l.source)).toEqual(['vec', 'cva']);
    expect(await page.getByTestId('map-credits').textContent()).toBe('© 天地图');
    expect(await page.getByTestId('basemap-failed').count()).toBe(0);
  });

  it('says so when OpenStreetMap cannot be reached, and draws our boundaries alone', async () => {
    await page.getByTestId('basemap-select').selectOption('osm');
    await expect.poll(() => page.getByTestId('basemap-failed').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.getByTestId('basemap-failed').textContent()).toBe(
      'OpenStreetMap加载失败（网络不通？），仅显示辖区边界。',
    );
    await expect.poll(async () => (await mapTiles(page)).length).toBe(0);
    expect(await page.getByTestId('grid-map').getAttribute('data-features')).toBe('8');
    expect(await page.getByTestId('map-credits').count()).toBe(0);
    // Chosen again, it is tried again.
    await page.getByTestId('basemap-select').selectOption('tianditu');
    await expect.poll(() => page.getByTestId('basemap-failed').count()).toBe(0);
    await expect.poll(() => drawnFrom(page, '/vec/'), { timeout: 20_000 }).toBeGreaterThan(0);
  });
});

describe('a vector archive', () => {
  let server: TestServer;
  afterAll(() => server?.close());

  it("is drawn in the browser, its land in the style's colour", async () => {
    server = await startTestServer({ BASEMAP: `file:${join(folder, 'vector.pmtiles')}` });
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${server.url}/c/kangle`);
    await expect.poll(() => page.getByTestId('grid-map').getAttribute('data-features'), { timeout: 20_000 }).toBe('8');
    const earth = namedFlavor('light')
      .earth.match(/\w\w/g)!
      .map((hex) => parseInt(hex, 16));
    const centres = () =>
      page.evaluate(() =>
        [...document.querySelectorAll<HTMLCanvasElement>('[data-testid=grid-map] canvas.leaflet-tile')]
          .filter((tile) => tile.width > 0)
          .map((tile) => [...tile.getContext('2d')!.getImageData(tile.width / 2, tile.height / 2, 1, 1).data]),
      );
    await expect.poll(centres, { timeout: 20_000 }).toContainEqual([...earth, 255]);
    await page.close();
  });
});
