import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** What measureMap reports; times in ms, sizes in bytes as sent gzipped (GraphQL answers gzipped here when the server did not). */
export interface MapMeasurement {
  /** From navigation start to the overview map fully drawn: every tile on screen painted in its place's colour. */
  firstDrawMs: number;
  /** The same, from the page's load event. */
  firstDrawAfterLoadMs: number;
  /** The same with the dashboard's other panels' queries held back: what the map alone needs. */
  firstDrawAloneMs: number;
  /**
   * After the load event, with every panel, the page loaded just after `change` (a reported case):
   * what a leader waits for in a city that reports a case every few seconds. Null without `change`.
   */
  firstDrawAfterChangeMs: number | null;
  /** 95th percentile of the time between animation frames while the map is dragged and zoomed (to grids and back), every panel loaded. */
  frameP95Ms: number;
  /** The same on the page of the map alone, right after its first draw. */
  frameP95AloneMs: number;
  frames: number;
  /** The map's own data for the first draw: its tiles, mapTiles and the places' values. */
  payloadGzipBytes: number;
  /** Everything the page fetched until the map was drawn (scripts, styles, fonts, every query). */
  pageGzipBytes: number;
  tiles: number;
}

const MAP_OPERATIONS = ['MapTiles', 'MapPlaceValues'];
const VIEWPORT = { width: 1920, height: 1080 };

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/**
 * Resolves with performance.now() of the moment the overview's map says it is drawn. In-page
 * scripts are text: tsx would name their inner functions with a helper the page lacks.
 */
function drawnAt(page: Page): Promise<number> {
  return page.evaluate(`new Promise((resolve) => {
    const check = () => {
      const map = document.querySelector('[data-testid=grid-map][data-renderer=tiles]');
      const drawn = map?.getAttribute('aria-busy') === 'false' && Number(map.getAttribute('data-features')) > 0;
      if (drawn) resolve(performance.now());
      return drawn;
    };
    if (check()) return;
    const observer = new MutationObserver(() => check() && observer.disconnect());
    observer.observe(document.body, { attributes: true, subtree: true, childList: true });
  })`);
}

/** Bytes of each response as sent gzipped: its own size when encoded, else the size gzip gives it. */
function countBytes(page: Page) {
  const bytes = { map: 0, page: 0, tiles: 0 };
  page.on('response', async (response) => {
    const body = await response.body().catch(() => null);
    if (!body) return;
    const encoded = response.headers()['content-encoding'];
    const size = encoded ? Number(response.headers()['content-length'] ?? body.length) : gzipSync(body).length;
    const url = new URL(response.url());
    const operation =
      url.pathname === '/graphql' ? (JSON.parse(response.request().postData() ?? '{}').operationName ?? '') : '';
    bytes.page += size;
    if (url.pathname.startsWith('/tiles/')) bytes.tiles += 1;
    if (url.pathname.startsWith('/tiles/') || MAP_OPERATIONS.includes(operation)) bytes.map += size;
  });
  return bytes;
}

async function newPage(context: BrowserContext, alone: boolean): Promise<Page> {
  const page = await context.newPage();
  if (alone)
    await page.route('**/graphql', (route) => {
      const operation = JSON.parse(route.request().postData() ?? '{}').operationName;
      return MAP_OPERATIONS.includes(operation) || operation === 'Viewer' ? route.continue() : route.abort();
    });
  return page;
}

/** Drags the map about and zooms in to grids and out again, recording the time between animation frames. */
async function frameTimes(page: Page): Promise<number[]> {
  await page.evaluate(`{
    window.frameDeltas = [];
    window.recording = true;
    let last = performance.now();
    const frame = (now) => {
      window.frameDeltas.push(now - last);
      last = now;
      if (window.recording) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  }`);
  const box = (await page.locator('[data-testid=grid-map]').boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const drag = async (dx: number, dy: number) => {
    await page.mouse.move(centre.x, centre.y);
    await page.mouse.down();
    for (let step = 1; step <= 10; step++)
      await page.mouse.move(centre.x + (dx * step) / 10, centre.y + (dy * step) / 10);
    await page.mouse.up();
    await page.waitForTimeout(300);
  };
  for (const [dx, dy] of [
    [300, 0],
    [0, 200],
    [-300, 0],
    [0, -200],
  ])
    await drag(dx, dy);
  await page.mouse.move(centre.x, centre.y);
  for (let zoom = 0; zoom < 4; zoom++) {
    await page.mouse.wheel(0, -120);
    await page.waitForTimeout(700);
  }
  await drag(400, 150);
  await drag(-400, -150);
  for (let zoom = 0; zoom < 4; zoom++) {
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(700);
  }
  return page.evaluate<number[]>('window.recording = false, window.frameDeltas.slice(1)');
}

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))];

/**
 * The overview's map in headless Chromium at 1920×1080, each load in a fresh browser context
 * (nothing cached): the time to its first full draw with the whole dashboard loading and with
 * its own queries alone, the frame times while it is dragged and zoomed, and the bytes it
 * needs. `signIn` puts a session into a context, for a server without PUBLIC_DASHBOARD; `change`
 * changes the data, before one more load.
 */
export async function measureMap(
  baseUrl: string,
  { signIn, change }: { signIn?: (context: BrowserContext) => Promise<void>; change?: () => Promise<void> } = {},
): Promise<MapMeasurement> {
  const browser = await launch();
  try {
    const load = async (alone: boolean) => {
      const context = await browser.newContext({ viewport: VIEWPORT });
      await signIn?.(context);
      const page = await newPage(context, alone);
      const bytes = countBytes(page);
      await page.goto(`${baseUrl}/`, { waitUntil: 'commit' });
      const drawn = await drawnAt(page);
      const atDraw = { ...bytes };
      await page.waitForLoadState('load');
      const loaded = await page.evaluate(() => performance.getEntriesByType('navigation')[0].toJSON().loadEventEnd);
      return { page, context, drawn, loaded, bytes: atDraw };
    };
    const alone = await load(true);
    const framesAlone = await frameTimes(alone.page);
    await alone.context.close();
    const full = await load(false);
    // Once every panel has come: their charts' first drawing is theirs, not the map's.
    await full.page.waitForLoadState('networkidle', { timeout: 120_000 }).catch(() => undefined);
    const frames = await frameTimes(full.page);
    await full.context.close();
    let firstDrawAfterChangeMs: number | null = null;
    if (change) {
      await change();
      const after = await load(false);
      await after.context.close();
      firstDrawAfterChangeMs = Math.round(after.drawn - after.loaded);
    }
    return {
      firstDrawMs: Math.round(full.drawn),
      firstDrawAfterLoadMs: Math.round(full.drawn - full.loaded),
      firstDrawAloneMs: Math.round(alone.drawn),
      firstDrawAfterChangeMs,
      frameP95Ms: Math.round(percentile(frames, 95) * 10) / 10,
      frameP95AloneMs: Math.round(percentile(framesAlone, 95) * 10) / 10,
      frames: frames.length,
      payloadGzipBytes: full.bytes.map,
      pageGzipBytes: full.bytes.page,
      tiles: full.bytes.tiles,
    };
  } finally {
    await browser.close();
  }
}

// npx tsx test/bench/map.ts http://localhost:4000
if (import.meta.url === `file://${process.argv[1]}`)
  console.log(await measureMap(process.argv[2] ?? 'http://localhost:4000'));
