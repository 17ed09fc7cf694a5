import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '../../server/src/modules/admin/admin.service';
import { seededDatabase, type ScratchDatabase } from '../api/databases';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../api/harness';
import { feature, rectangle } from '../import-files';
import { launchBrowser, SCREENSHOTS } from './browser';

const COMMUNITY = '410105-902-001';
const LEADER = { username: 'e2e.import.leader', password: 'e2e-import-leader-password' };

/** A GeoJSON file as the browser's file picker hands it over. */
const geojsonFile = (name: string, features: unknown[]) => ({
  name,
  mimeType: 'application/geo+json',
  buffer: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
});

const COMMUNITY_FEATURE = feature(
  { 编码: COMMUNITY, 名称: '测试社区', 层级: '社区', 上级编码: '410200-001' },
  rectangle(113.8, 34.8, 113.82, 34.815),
);
const WEST_GRID = feature(
  { 编码: `${COMMUNITY}-01`, 名称: '测试一网格', 层级: '网格' },
  rectangle(113.8, 34.8, 113.81, 34.815),
);
const EAST_GRID = feature(
  { 编码: `${COMMUNITY}-02`, 名称: '测试二网格', 层级: '网格' },
  rectangle(113.81, 34.8, 113.82, 34.815),
);

// Its own database: the import adds a community that the other browser tests would count.
let database: ScratchDatabase;
let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  database = await seededDatabase();
  server = await startTestServer({ DATABASE_URL: database.url, PUBLIC_DASHBOARD: 'false' });
  browser = await launchBrowser();
  await createAccount(
    server.db,
    { name: 'test', address: null },
    { ...LEADER, displayName: '导入测试书记', role: 'LEADER', scope: null },
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await database?.drop();
});

/** /admin/import as `username`, through the login page it sends a visitor to. */
async function openImport(username: string, password: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/admin/import`);
  await page.waitForURL(/\/login\?/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL(`${server.url}/admin/import`);
  return page;
}

const ourGrids = () =>
  server.db.grid.findMany({ where: { code: { startsWith: COMMUNITY } }, orderBy: { code: 'asc' } });

describe('importing boundaries on /admin/import in Chromium', () => {
  it('checks a GeoJSON file, shows it on a map, then imports it', async () => {
    const page = await openImport('admin', TEST_ADMIN_PASSWORD);
    await expect
      .poll(() => page.getByTestId('admin-nav').locator('a').allTextContents())
      .toEqual(['账号管理', '数据导入']);
    await page
      .getByTestId('import-file-input')
      .setInputFiles(geojsonFile('测试社区.geojson', [COMMUNITY_FEATURE, WEST_GRID, EAST_GRID]));
    expect(await page.getByTestId('import-file-list').textContent()).toContain('测试社区.geojson');
    await page.getByTestId('import-crs').selectOption('wgs84');
    await page.getByTestId('import-check').click();

    const created = page.getByTestId('count-created');
    await expect.poll(() => created.getAttribute('data-value'), { timeout: 20_000 }).toBe('3');
    expect(await created.textContent()).toBe('新增3');
    expect(await page.getByTestId('import-preview').getAttribute('data-features')).toBe('3');
    expect(await page.getByTestId('import-verdict').textContent()).toContain('没有发现问题');
    expect(await ourGrids()).toEqual([]);
    // The west grid, drawn over its community, names itself under the pointer.
    const map = (await page.getByTestId('import-preview').boundingBox())!;
    await page.mouse.move(map.x + map.width * 0.45, map.y + map.height * 0.5);
    await expect
      .poll(() => page.locator('.leaflet-tooltip').textContent())
      .toContain(`测试一网格${COMMUNITY}-01 · 新增`);
    await page.screenshot({ path: `${SCREENSHOTS}/import-check.png`, fullPage: true });

    await page.getByTestId('import-confirm').click();
    const result = page.getByTestId('import-result');
    await expect.poll(() => result.count(), { timeout: 20_000 }).toBe(1);
    expect(await result.getByTestId('import-verdict').textContent()).toBe('导入完成。');
    expect(await result.getByTestId('count-created').getAttribute('data-value')).toBe('3');
    expect(await server.db.grid.count({ where: { code: { startsWith: COMMUNITY } } })).toBe(2);
    expect(await server.db.community.findUniqueOrThrow({ where: { code: COMMUNITY } })).toMatchObject({
      name: '测试社区',
    });
    await page.screenshot({ path: `${SCREENSHOTS}/import-done.png`, fullPage: true });
    await page.context().close();
  });

  it('lists every problem of a faulty file by feature, offers no import, and changes nothing', async () => {
    const before = await ourGrids();
    const page = await openImport('admin', TEST_ADMIN_PASSWORD);
    const openRing = rectangle(113.81, 34.8, 113.82, 34.815);
    openRing.coordinates[0].pop();
    await page
      .getByTestId('import-file-input')
      .setInputFiles(geojsonFile('网格.geojson', [WEST_GRID, { ...EAST_GRID, geometry: openRing }]));
    await page.getByTestId('import-crs').selectOption('wgs84');
    await page.getByTestId('import-check').click();

    const problems = page.getByTestId('import-problems');
    await expect.poll(() => problems.count(), { timeout: 20_000 }).toBe(1);
    expect(await problems.getByTestId('import-problem').allTextContents()).toContainEqual(
      expect.stringMatching(new RegExp(`^feature 2 \\(${COMMUNITY}-02\\)geometry.*not closed`)),
    );
    expect(await page.getByTestId('import-refused').textContent()).toContain('不会导入任何数据');
    expect(await page.getByTestId('import-confirm').count()).toBe(0);
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    await page.screenshot({ path: `${SCREENSHOTS}/import-refused.png`, fullPage: true });

    await page.getByTestId('language-switch').click();
    expect(await page.getByTestId('import-refused').textContent()).toContain('Nothing will be imported');
    await page.screenshot({ path: `${SCREENSHOTS}/import-refused-en.png`, fullPage: true });
    expect(await ourGrids()).toEqual(before);
    await page.context().close();
  });

  it('tells a leader who opens /admin/import that it is for admins', async () => {
    const page = await openImport(LEADER.username, LEADER.password);
    await expect.poll(() => page.getByTestId('admin-forbidden').textContent()).toContain('只有管理员可以导入数据');
    expect(await page.getByTestId('import-form').count()).toBe(0);
    await page.context().close();
  });

  it('says so when the session has ended, and keeps the chosen files for after signing in again', async () => {
    const page = await openImport('admin', TEST_ADMIN_PASSWORD);
    await page.getByTestId('import-file-input').setInputFiles(geojsonFile('测试社区.geojson', [COMMUNITY_FEATURE]));
    // Idle for longer than SESSION_IDLE_MINUTES (480 by default).
    await server.db.session.updateMany({
      where: { account: { username: 'admin' }, revokedAt: null },
      data: { lastSeenAt: new Date(Date.now() - 481 * 60_000) },
    });
    // Hold the upload back a moment, to see what the page shows while it is under way.
    await page.route('**/api/imports', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.getByTestId('import-check').click();
    await expect.poll(() => page.getByTestId('import-progress').getAttribute('data-phase')).toBe('sending');
    expect(await page.getByTestId('import-check').isDisabled()).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/import-progress.png` });
    const failure = page.getByTestId('import-failure');
    await expect.poll(() => failure.getAttribute('data-reason'), { timeout: 20_000 }).toBe('unauthenticated');
    expect(await failure.textContent()).toContain('登录已过期');
    expect(await page.getByTestId('import-file-list').textContent()).toContain('测试社区.geojson');
    await page.screenshot({ path: `${SCREENSHOTS}/import-expired.png` });
    await page.context().close();
  });
});
