import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { type TestServer } from '../api/harness';
import { SCREENSHOTS, signInAsAdmin, withServerAndBrowser } from './browser';

let server: TestServer;
let browser: Browser;
let page: Page;
withServerAndBrowser((run) => ({ server, browser, page } = run));

const map = () => page.getByTestId('grid-map');
const features = () => map().getAttribute('data-features');
const shot = (name: string) => page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });

describe('the map dashboard in Chromium', () => {
  it('draws one feature per located community and lists 重华 beside the map', async () => {
    const started = Date.now();
    await page.goto(`${server.url}/`);
    await expect.poll(features, { timeout: 20_000 }).toBe('4');
    console.log(`overview: map fully drawn ${Date.now() - started} ms after navigation`);
    await expect.poll(() => page.getByTestId('no-location').textContent()).toContain('重华社区');
    await expect.poll(() => page.getByTestId('kpi-population').getAttribute('data-value')).toBe('67449');
    await shot('overview-1366');
  });

  it('draws the overview from vector tiles, recolours it from values alone, and opens a community clicked on it', async () => {
    const tiles: string[] = [];
    const operations: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/tiles/')) tiles.push(request.url());
      if (request.url().endsWith('/graphql')) operations.push(JSON.parse(request.postData()!).operationName);
    });
    await page.goto(`${server.url}/`);
    await expect.poll(features, { timeout: 20_000 }).toBe('4');
    expect(await map().getAttribute('data-renderer')).toBe('tiles');
    expect(tiles.length).toBeGreaterThan(0);
    expect(await map().locator('canvas.leaflet-tile').count()).toBeGreaterThan(0);
    // The first view's last column of tiles is asked for about 200 ms after the others, and on a loaded
    // machine after the map says it is drawn: the tiles are counted once none has been asked for in 500 ms.
    await expect
      .poll(async () => {
        const asked = tiles.length;
        await page.waitForTimeout(500);
        return tiles.length === asked;
      })
      .toBe(true);
    // Another metric: the places' values are fetched again, their shapes are not.
    const [fillsBefore, tilesBefore] = [await map().getAttribute('data-fills'), tiles.length];
    operations.length = 0;
    await page.getByTestId('metric-select').selectOption('ON_TIME_RATE');
    await expect.poll(() => map().getAttribute('data-fills')).not.toBe(fillsBefore);
    await expect.poll(features).toBe('4');
    expect(operations).toContain('MapPlaceValues');
    expect(tiles.length).toBe(tilesBefore);
    // 康乐 is the easternmost of the names beside its dot: the label box starts 14 px right of that dot.
    const label = map().locator('.map-label-box', { has: page.locator('[data-code=kangle]') });
    const box = (await label.boundingBox())!;
    const dot = { x: box.x - 14, y: box.y + box.height / 2 };
    await page.mouse.move(dot.x, dot.y);
    await expect.poll(() => page.locator('.leaflet-tooltip').textContent()).toContain('康乐社区');
    await page.mouse.click(dot.x, dot.y);
    await expect.poll(() => page.url()).toContain('/c/kangle');
    await expect.poll(features, { timeout: 20_000 }).toBe('8');
  });

  it('drills into 康乐: 8 grids and a population of 9050, then into a grid with its buildings and open cases', async () => {
    await page.goto(`${server.url}/c/kangle?metric=POPULATION`);
    await expect.poll(features, { timeout: 20_000 }).toBe('8');
    await expect.poll(() => page.getByTestId('kpi-population').getAttribute('data-value')).toBe('9050');
    for (const chart of ['ranking', 'population', 'party', 'volunteer-hours', 'cases', 'categories'])
      await expect.poll(() => page.getByTestId(`chart-${chart}`).count()).toBe(1);
    await shot('community-kangle');
    const grid = await server.db.grid.findFirstOrThrow({
      where: { community: { code: 'kangle' } },
      orderBy: { code: 'asc' },
      include: { buildings: true },
    });
    await page.goto(`${server.url}/c/kangle/g/${grid.code}?metric=HOUSEHOLDS`);
    await expect.poll(() => map().getAttribute('data-level'), { timeout: 20_000 }).toBe('BUILDING');
    await expect.poll(() => page.getByTestId('breadcrumb').textContent()).toContain(grid.name);
    await expect.poll(() => page.getByTestId('open-cases').count()).toBe(1);
    // A visitor sees the grid, not where its buildings stand.
    await expect.poll(() => map().getAttribute('aria-busy')).toBe('false');
    expect(await features()).toBe('0');
    expect(await page.getByTestId('buildings-hidden').textContent()).toContain('登录后可见');
    const signedIn = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await signInAsAdmin(signedIn.context(), server);
    await signedIn.goto(page.url());
    await expect
      .poll(() => signedIn.getByTestId('grid-map').getAttribute('data-features'), { timeout: 20_000 })
      .toBe(String(grid.buildings.length));
    expect(await signedIn.getByTestId('buildings-hidden').count()).toBe(0);
    await signedIn.screenshot({ path: `${SCREENSHOTS}/grid.png`, fullPage: true });
    await signedIn.close();
  });

  it('downloads the league table it shows as a CSV that Excel reads, in the language on screen', async () => {
    await page.goto(`${server.url}/c/kangle?metric=CASES_REPORTED`);
    const panel = page.getByTestId('chart-ranking');
    await expect.poll(() => panel.getByTestId('download-csv').count(), { timeout: 20_000 }).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('download-csv').click()]);
    const path = await download.path();
    const bytes = new Uint8Array(await (await import('node:fs/promises')).readFile(path));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { fatal: true }).decode(bytes).trim().split('\r\n');
    const header = lines.findIndex((line) => line.startsWith('网格,'));
    expect(lines[header]).toBe('网格,上报事件');
    const grids = await server.db.grid.findMany({ where: { community: { code: 'kangle' }, retiredAt: null } });
    const rows = lines.slice(header + 1).map((line) => line.split(','));
    expect(rows.map(([name]) => name).sort()).toEqual(grids.map((g) => g.name).sort());
    const counts = rows.map(([, count]) => Number(count));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  });

  it('changes the legend and at least one fill colour when the metric changes', async () => {
    await page.goto(`${server.url}/c/kangle?metric=POPULATION`);
    await expect.poll(features, { timeout: 20_000 }).toBe('8');
    const legendBefore = await page.getByTestId('legend').textContent();
    const fillsBefore = await map().getAttribute('data-fills');
    await page.getByTestId('metric-select').selectOption('ON_TIME_RATE');
    await expect.poll(() => page.getByTestId('legend').textContent()).toContain('按期结案率');
    expect(await page.getByTestId('legend').textContent()).not.toBe(legendBefore);
    await expect.poll(() => map().getAttribute('data-fills')).not.toBe(fillsBefore);
    expect(page.url()).toContain('metric=ON_TIME_RATE');
  });

  it('finds a community with the search box', async () => {
    await page.goto(`${server.url}/`);
    await page.getByTestId('search').fill('共和');
    await page.getByRole('option').filter({ hasText: '共和路社区' }).first().getByRole('button').click();
    await expect.poll(() => page.url()).toContain('/c/gonghelu');
    await expect.poll(() => page.getByTestId('kpi-population').getAttribute('data-value')).toBe('14929');
  });

  it('switches the basemap without reloading the page', async () => {
    await page.goto(`${server.url}/`);
    await expect.poll(features, { timeout: 20_000 }).toBe('4');
    await page.evaluate(() => {
      (window as unknown as { marker: number }).marker = 42;
    });
    await page.getByTestId('basemap-select').selectOption('amap');
    await expect.poll(features).toBe('4');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
  });

  it('shows 重华 without a map and without crashing', async () => {
    await page.goto(`${server.url}/c/chonghua`);
    await expect
      .poll(() => page.getByTestId('kpi-population').getAttribute('data-value'), { timeout: 20_000 })
      .toBe('4000');
    await expect.poll(() => page.getByTestId('no-location').textContent()).toContain('暂无地理位置');
    expect(await map().count()).toBe(0);
  });

  it('compares 康乐 and 共和路 side by side, raw and per 1,000', async () => {
    await page.goto(`${server.url}/compare?c=kangle,gonghelu`);
    await expect
      .poll(() => page.getByTestId('compare-POPULATION-kangle').getAttribute('data-value'), { timeout: 20_000 })
      .toBe('9050');
    expect(await page.getByTestId('compare-POPULATION-gonghelu').getAttribute('data-value')).toBe('14929');
    expect(await page.getByTestId('compare-VOLUNTEERS-gonghelu').textContent()).toMatch(/3,681.*每千人.*最好/);
    // Each row says where its figures come from; best and worst on synthetic ones are starred.
    const row = (metric: string) => page.getByTestId(`compare-${metric}-kangle`).locator('xpath=..');
    expect(await row('POPULATION').locator('[data-provenance]').getAttribute('data-provenance')).toBe('STATED');
    expect(await row('CASES_REPORTED').locator('[data-provenance]').getAttribute('data-provenance')).toBe('GENERATED');
    expect(await row('ON_TIME_RATE').locator('.mark').first().textContent()).toContain('*');
    expect(await page.getByTestId('compare-synthetic').textContent()).toContain('含模拟数据');
    await shot('compare');
  });

  it('shows an error banner when the server cannot be reached, and recovers on retry', async () => {
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.goto(`${server.url}/c/xinhua`);
    await expect.poll(() => page.getByTestId('error-banner').count(), { timeout: 20_000 }).toBe(1);
    await page.unroute('**/graphql');
    await page.getByTestId('error-banner').getByRole('button').click();
    await expect.poll(() => page.getByTestId('error-banner').count(), { timeout: 20_000 }).toBe(0);
    await expect.poll(() => page.getByTestId('kpi-population').getAttribute('data-value')).toBe('28600');
    await expect.poll(features).toBe('24');
  });

  it('switches the title to English and keeps the choice', async () => {
    await page.goto(`${server.url}/`);
    expect(await page.getByTestId('title').textContent()).toContain('网格通');
    await page.getByTestId('language-switch').click();
    await expect.poll(() => page.getByTestId('title').textContent()).toContain('GridScope · Community grid governance');
    await page.reload();
    await expect.poll(() => page.getByTestId('title').textContent()).toContain('Community grid governance');
    await expect.poll(() => page.getByTestId('kpi-population').getAttribute('data-value')).toMatch(/^\d+$/);
    // At 1366 px in English: the header stays one line and no key figure runs out of its card.
    const fits = await page.evaluate(() => ({
      header: document.querySelector('.topbar')!.getBoundingClientRect().height,
      overflowing: [...document.querySelectorAll('.kpi-value, .kpi-label')]
        .filter((el) => el.scrollWidth > el.clientWidth + 1)
        .map((el) => el.textContent),
    }));
    expect(fits.header).toBeLessThan(60);
    expect(fits.overflowing).toEqual([]);
    await shot('overview-english');
    await page.getByTestId('language-switch').click();
  });

  it('fits a 1920×1080 monitor', async () => {
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.goto(`${server.url}/c/kangle?metric=ON_TIME_RATE`);
    await expect.poll(features, { timeout: 20_000 }).toBe('8');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(1920);
    await shot('community-1920');
  });
});
