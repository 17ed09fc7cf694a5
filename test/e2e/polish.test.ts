import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestServer, TEST_DISPLAY_TOKEN, type TestServer } from '../api/harness';
import { launchBrowser, signInAsAdmin } from './browser';

let server: TestServer;
let browser: Browser;
let visitor: BrowserContext;
let admin: BrowserContext;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
  // axe-core goes into the page as a script of its own, which the server's Content-Security-Policy forbids.
  visitor = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
  admin = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true });
  await signInAsAdmin(admin, server);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A grid of 康乐 with its 41号楼, and another grid to compare it with. */
async function kangleGrids() {
  const building = await server.db.building.findFirstOrThrow({
    where: { name: '41号楼', grid: { community: { code: 'kangle' } } },
    include: { grid: { include: { buildings: { where: { retiredAt: null } } } } },
  });
  const other = await server.db.grid.findFirstOrThrow({
    where: { community: { code: 'kangle' }, code: { not: building.grid.code } },
    orderBy: { code: 'asc' },
  });
  return { building, grid: building.grid, other };
}

/** Every panel and the map have stopped loading. */
const settled = (page: Page) =>
  expect.poll(() => page.locator('[aria-busy="true"]').count(), { timeout: 20_000 }).toBe(0);

async function open(context: BrowserContext, path: string, ready: (page: Page) => Promise<unknown>) {
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  await ready(page);
  await settled(page);
  return page;
}

const features = (page: Page) => page.getByTestId('grid-map').getAttribute('data-features');
const VIEWS: Record<string, { path: () => Promise<string>; ready(page: Page): Promise<unknown> }> = {
  overview: {
    path: async () => '/',
    ready: (page) => expect.poll(() => features(page), { timeout: 20_000 }).toBe('4'),
  },
  community: {
    path: async () => '/c/kangle',
    ready: (page) => expect.poll(() => features(page), { timeout: 20_000 }).toBe('8'),
  },
  grid: {
    path: async () => `/c/kangle/g/${(await kangleGrids()).grid.code}`,
    ready: (page) =>
      expect.poll(() => page.getByTestId('grid-map').getAttribute('data-level'), { timeout: 20_000 }).toBe('BUILDING'),
  },
  compare: {
    path: async () => {
      const { grid, other } = await kangleGrids();
      return `/compare?c=gonghelu&g=${grid.code},${other.code}`;
    },
    ready: (page) => expect.poll(() => page.getByTestId('chart-compare').count(), { timeout: 20_000 }).toBe(1),
  },
};

describe('search', () => {
  it('opens the grid of a building it finds, the building drawn larger with its name shown', async () => {
    const { building, grid } = await kangleGrids();
    const page = await open(admin, '/', VIEWS.overview.ready);
    await page.getByTestId('search').fill('41号楼');
    const hit = page.getByRole('option').filter({ hasText: '康乐社区' }).filter({ hasText: '41号楼' });
    await hit.getByRole('button').click();
    await expect.poll(() => page.url()).toContain(`/c/kangle/g/${grid.code}?`);
    expect(new URL(page.url()).searchParams.get('building')).toBe(building.code);
    await expect.poll(() => features(page), { timeout: 20_000 }).toBe(String(grid.buildings.length));
    // Only the picked building's name stays on the map; the others show theirs on hover.
    await expect
      .poll(() => page.locator('.leaflet-tooltip').allTextContents())
      .toEqual([`41号楼：${building.population} 人`]);
    await page.close();
  });
});

describe('places that are not there', () => {
  it('says a community or grid is unknown, not that the server cannot be reached', async () => {
    const page = await visitor.newPage();
    await page.goto(`${server.url}/c/nosuch`);
    await expect
      .poll(() => page.getByTestId('unknown-place').textContent(), { timeout: 20_000 })
      .toContain('没有这个社区：nosuch');
    await page.goto(`${server.url}/c/kangle/g/nosuch`);
    await expect
      .poll(() => page.getByTestId('unknown-place').textContent(), { timeout: 20_000 })
      .toContain('本社区没有这个网格：nosuch');
    await page.getByTestId('unknown-place').getByRole('link', { name: '康乐社区' }).click();
    await expect.poll(() => features(page), { timeout: 20_000 }).toBe('8');
    expect(await page.getByTestId('error-banner').count()).toBe(0);
    await page.close();
  });

  it('shows 重华 (no location) with its figures and a note in the map’s place', async () => {
    const page = await open(visitor, '/c/chonghua', (p) =>
      expect.poll(() => p.getByTestId('kpi-population').getAttribute('data-value'), { timeout: 20_000 }).toBe('4000'),
    );
    expect(await page.getByTestId('grid-map').count()).toBe(0);
    expect(await page.getByTestId('no-location').textContent()).toContain('暂无地理位置');
    expect(await page.getByTestId('chart-ranking').getByRole('button').count()).toBeGreaterThan(0);
    await page.close();
  });
});

describe('compare', () => {
  it('asks for another place when one is picked, and compares once there are two', async () => {
    const page = await visitor.newPage();
    await page.goto(`${server.url}/compare?c=kangle`);
    await expect
      .poll(() => page.getByTestId('compare-prompt').textContent(), { timeout: 20_000 })
      .toBe('再选一个以对比');
    expect(await page.getByTestId('compare-table').count()).toBe(0);
    await page.getByTestId('pick-gonghelu').check();
    await expect.poll(() => page.getByTestId('compare-POPULATION-gonghelu').getAttribute('data-value')).toBe('14929');
    expect(await page.getByTestId('compare-prompt').count()).toBe(0);
    await page.close();
  });

  it('compares two grids: a column and a bar for each', async () => {
    const { grid, other } = await kangleGrids();
    const page = await open(visitor, `/compare?g=${grid.code},${other.code}`, VIEWS.compare.ready);
    for (const g of [grid, other]) {
      expect(await page.getByTestId(`compare-POPULATION-${g.code}`).getAttribute('data-value')).toBe(
        String(g.population),
      );
      expect(await page.getByTestId(`pick-${g.code}`).isChecked()).toBe(true);
    }
    const bars = page.getByTestId('compare-chart-POPULATION').locator('.recharts-bar-rectangle');
    expect(await bars.count()).toBe(2);
    expect(await page.getByTestId('compare-table').locator('thead th').allTextContents()).toEqual([
      '指标',
      `${grid.name}康乐社区`,
      `${other.name}康乐社区`,
    ]);
    await page.close();
  });
});

describe('keyboard', () => {
  it('reaches every control with a visible outline, and Enter on a ranking row drills down', async () => {
    const page = await open(visitor, '/', VIEWS.overview.ready);
    const reached = new Set<string>();
    for (let presses = 0; presses < 100; presses++) {
      await page.keyboard.press('Tab');
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        return {
          name: element.dataset.testid ?? element.className,
          outline: getComputedStyle(element).outlineStyle,
        };
      });
      expect(focused.outline, focused.name).not.toBe('none');
      reached.add(focused.name);
      if (focused.name.startsWith('rank-')) break;
    }
    for (const control of [
      'search',
      'metric-select',
      'basemap-select',
      'period-select',
      'compare-link',
      'language-switch',
      'leaflet-control-zoom-in',
      'leaflet-control-zoom-out',
      'download-csv',
      'rank-xinhua',
    ])
      expect([...reached], control).toContain(control);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/c/xinhua');
    await page.close();
  });
});

describe('a phone, 375 × 667', () => {
  it('never scrolls sideways on the overview, a community, a grid and compare, in Chinese and English', async () => {
    const phone = await browser.newContext({ viewport: { width: 375, height: 667 } });
    for (const language of ['zh', 'en'])
      for (const [view, { path, ready }] of Object.entries(VIEWS)) {
        const url = new URL(await path(), server.url);
        url.searchParams.set('lang', language);
        const page = await open(phone, `${url.pathname}${url.search}`, ready);
        const [scrollWidth, innerWidth] = await page.evaluate(() => [
          document.scrollingElement!.scrollWidth,
          window.innerWidth,
        ]);
        expect(scrollWidth, `${view} in ${language}`).toBeLessThanOrEqual(innerWidth);
        await page.close();
      }
    await phone.close();
  });
});

/** axe-core's serious and critical violations on the page, as "rule: targets". */
async function seriousViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async () => {
    const { violations } = await (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run();
    return violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}
type AxeResults = { violations: { id: string; impact: string; nodes: { target: string[] }[] }[] };

describe('accessibility (axe-core)', () => {
  it('finds nothing serious or critical on the main views, for a visitor and signed in', async () => {
    const found: Record<string, string[]> = {};
    for (const [who, context] of Object.entries({ visitor, admin }))
      for (const [view, { path, ready }] of Object.entries(VIEWS)) {
        const page = await open(context, await path(), ready);
        found[`${view} (${who})`] = await seriousViolations(page);
        await page.close();
      }
    expect(found).toEqual(Object.fromEntries(Object.keys(found).map((view) => [view, []])));
  });

  it('finds nothing serious or critical on the wall', async () => {
    const wall = await browser.newContext({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
    const page = await open(wall, `/wall?token=${TEST_DISPLAY_TOKEN}&scope=kangle`, (p) =>
      expect.poll(() => p.getByTestId('kpi-backlog').getAttribute('data-value'), { timeout: 20_000 }).toMatch(/^\d+$/),
    );
    expect(await seriousViolations(page)).toEqual([]);
    await wall.close();
  });
});
