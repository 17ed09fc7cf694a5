import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededDatabase, type ScratchDatabase } from '../api/databases';
import { startTestServer, type TestServer } from '../api/harness';
import { addLattice, LATTICE } from '../api/lattice';
import { paletteFor } from '../../shared/geo/classify';
import { launchBrowser, SCREENSHOTS } from './browser';

let database: ScratchDatabase;
let server: TestServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  database = await seededDatabase();
  server = await startTestServer({ DATABASE_URL: database.url, ANSWER_CACHE_SECONDS: '0' });
  await addLattice(server.db);
  // The lattice alone: the overview is fitted to it, not to the seed's communities across China.
  await server.db.community.updateMany({
    where: { code: { not: { startsWith: 'lattice-' } } },
    data: { retiredAt: new Date('2020-01-01T00:00:00Z') },
  });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

const map = () => page.getByTestId('grid-map');
const drawn = () => expect.poll(() => map().getAttribute('aria-busy'), { timeout: 20_000 }).toBe('false');

describe('a city of 520 communities on the overview map', () => {
  it('draws its sub-districts far out, zooms into one clicked, and opens a community clicked then', async () => {
    await page.goto(`${server.url}/?metric=POPULATION`);
    await drawn();
    for (let out = 0; out < 4 && (await map().getAttribute('data-level')) !== 'SUB_DISTRICT'; out++) {
      await page.locator('.leaflet-control-zoom-out').click();
      await drawn();
    }
    await expect.poll(() => map().getAttribute('data-level')).toBe('SUB_DISTRICT');
    await expect.poll(() => map().getAttribute('data-features')).toBe(String(LATTICE.subDistricts.length));
    // Each coloured by its value (the sum of its communities'), none as having no data.
    const fills = (await map().getAttribute('data-fills'))!.split(',');
    expect(fills).not.toContain(paletteFor('POPULATION').noData);
    await page.screenshot({ path: `${SCREENSHOTS}/city-sub-districts.png` });

    // The map is centred on the lattice, where the two sub-districts meet: the western one lies just left.
    const box = (await map().boundingBox())!;
    const west = { x: box.x + box.width / 2 - 20, y: box.y + box.height / 2 };
    await page.mouse.move(west.x, west.y);
    await expect.poll(() => page.locator('.leaflet-tooltip').textContent()).toContain(LATTICE.subDistricts[0].name);
    // In the page's fonts, bundled CJK among them, not Leaflet's Helvetica: a kiosk without Noto CJK draws the name.
    expect(await page.locator('.leaflet-tooltip').evaluate((e) => getComputedStyle(e).fontFamily)).toContain(
      'Noto Sans SC Variable',
    );
    await page.mouse.click(west.x, west.y);
    await expect.poll(() => map().getAttribute('data-level'), { timeout: 20_000 }).toBe('COMMUNITY');
    await drawn();
    expect(Number(await map().getAttribute('data-features'))).toBeGreaterThan(LATTICE.subDistricts.length);
    expect(new URL(page.url()).pathname).toBe('/');
    await expect.poll(() => page.locator('.leaflet-tooltip').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/city-communities.png` });

    await page.mouse.click(west.x, west.y);
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 20_000 }).toMatch(/^\/c\/lattice-\d+-\d+$/);
  });
});
