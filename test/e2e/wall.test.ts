import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createToken } from '../../server/src/auth/tokens';
import { startTestServer, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN, type TestServer } from '../api/harness';
import { launchBrowser, SCREENSHOTS } from './browser';
import { ServerProcess } from './server-process';

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  server = await startTestServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** `watch` sees the page before it loads, to listen to its requests. */
async function openWall(url: string, watch?: (page: Page) => void): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  watch?.(page);
  await page.goto(url);
  // A marker that survives only as long as the page is not reloaded or navigated.
  await page.evaluate(() => {
    (window as unknown as { wallMarker: string }).wallMarker = 'same page';
  });
  return page;
}

const samePage = (page: Page) => page.evaluate(() => (window as unknown as { wallMarker?: string }).wallMarker);
const backlog = (page: Page) => page.getByTestId('kpi-backlog').getAttribute('data-value');

async function reportCase(url: string, community: string) {
  const grid = await server.db.grid.findFirstOrThrow({
    where: { community: { code: community } },
    orderBy: { code: 'asc' },
  });
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
    body: JSON.stringify({
      query: 'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }',
      variables: { i: { gridCode: grid.code, category: 'SAFETY', description: '楼道飞线充电' } },
    }),
  });
  expect((await response.json()).errors).toBeUndefined();
}

describe('the wall display', () => {
  it('shows a full-screen message, not data, for a missing or wrong token', async () => {
    for (const [query, text] of [
      ['', '缺少显示令牌'],
      ['?token=wrong-token-value', '无效或已被撤销'],
    ]) {
      const page = await openWall(`${server.url}/wall${query}`);
      await expect.poll(() => page.getByTestId('wall-message').textContent(), { timeout: 10_000 }).toContain(text);
      expect(await page.getByTestId('kpi-backlog').count()).toBe(0);
      await page.close();
    }
  });

  it('trades the token in its address for a cookie: the address and every later request are without it', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const sent: string[] = [];
    page.on('request', (request) => {
      if (!request.url().endsWith('/api/wall-session'))
        sent.push(`${request.url()} ${request.headers().authorization ?? ''} ${request.headers().referer ?? ''}`);
    });
    await page.goto(`${server.url}/wall?token=${TEST_DISPLAY_TOKEN}&scope=kangle&interval=600`);
    await expect.poll(() => backlog(page), { timeout: 15_000 }).toMatch(/^\d+$/);
    expect(new URL(page.url()).search).toBe('?scope=kangle&interval=600');
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: 'gs_wall', httpOnly: true, sameSite: 'Strict' });
    expect(await page.evaluate(() => document.cookie)).toBe('');
    // After the first page load (which the address had to carry), no request names the token.
    expect(sent.slice(1).filter((line) => line.includes(TEST_DISPLAY_TOKEN))).toEqual([]);
    await page.reload();
    await expect.poll(() => backlog(page), { timeout: 15_000 }).toMatch(/^\d+$/);
    await page.close();
    const admin = await openWall(`${server.url}/wall?token=${TEST_ADMIN_TOKEN}`);
    await expect.poll(() => admin.getByTestId('wall-message').textContent(), { timeout: 10_000 }).toContain('显示令牌');
    expect(await admin.context().cookies()).toEqual([]);
    await admin.close();
  });

  it('updates the backlog within 2 s of a case reported over the API, without navigation', async () => {
    // Each GraphQL operation the wall sends, with whether it asked for the communities' grids.
    const operations: string[] = [];
    const page = await openWall(`${server.url}/wall?token=${TEST_DISPLAY_TOKEN}&scope=all&interval=600`, (page) =>
      page.on('request', (request) => {
        const body = request.url().endsWith('/graphql') ? request.postDataJSON() : null;
        if (body?.operationName)
          operations.push(`${body.operationName}${body.variables?.withGrids ? ' with grids' : ''}`);
      }),
    );
    await expect.poll(() => page.getByTestId('wall-scope').textContent(), { timeout: 15_000 }).toBe('康乐社区');
    await expect.poll(() => backlog(page), { timeout: 15_000 }).toMatch(/^\d+$/);
    await page.waitForTimeout(500);
    const before = Number(await backlog(page));
    const reportedAt = Date.now();
    await reportCase(server.url, 'kangle');
    const sentBefore = operations.length;
    await expect.poll(() => backlog(page), { timeout: 2_000, interval: 50 }).toBe(String(before + 1));
    console.log(`wall: backlog updated ${Date.now() - reportedAt} ms after the mutation returned`);
    // A city-wide wall rotates through communities: it never asks for their grids, and a change refetches only figures.
    expect(operations).toContain('WallPlaces');
    expect(operations.filter((name) => name.includes('grids'))).toEqual([]);
    const afterChange = operations.slice(sentBefore);
    expect(afterChange).toContain('WallItem');
    expect(afterChange).not.toContain('WallPlaces');
    // A case elsewhere moves the league table and the ticker, not the figures of the community on screen.
    const beforeElsewhere = operations.length;
    await reportCase(server.url, 'xinhua');
    await expect.poll(() => operations.slice(beforeElsewhere), { timeout: 2_000 }).toContain('WallLatestCases');
    await page.waitForTimeout(300);
    expect(operations.slice(beforeElsewhere)).toContain('WallRanking');
    expect(operations.slice(beforeElsewhere)).not.toContain('WallItem');
    expect(await samePage(page)).toBe('same page');
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.wall')!).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(28);
    expect(
      await page.evaluate(
        () =>
          document.documentElement.scrollHeight <= innerHeight && document.documentElement.scrollWidth <= innerWidth,
      ),
    ).toBe(true);
    await page.screenshot({ path: `${SCREENSHOTS}/wall.png` });
    await page.close();
  });

  it('moves to the next community after the interval', async () => {
    const page = await openWall(`${server.url}/wall?token=${TEST_DISPLAY_TOKEN}&interval=1`);
    await expect.poll(() => page.getByTestId('wall-scope').textContent(), { timeout: 15_000 }).toBe('康乐社区');
    await expect.poll(() => page.getByTestId('wall-scope').textContent(), { timeout: 3_000 }).toBe('陇海路社区');
    await page.close();
  });

  it('stops showing data within a minute of its token being revoked', async () => {
    const { id, token } = await createToken(server.db, { name: '待撤销大屏', role: 'DISPLAY' });
    const page = await openWall(`${server.url}/wall?token=${token}&interval=600`);
    await expect.poll(() => backlog(page), { timeout: 15_000 }).toMatch(/^\d+$/);
    await server.db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await expect.poll(() => page.getByTestId('wall-message').count(), { timeout: 45_000, interval: 500 }).toBe(1);
    await page.close();
  }, 60_000);
});

describe('the wall through server faults', () => {
  const instance = new ServerProcess(4311);
  afterAll(() => instance.kill());

  it('keeps its data with a stale badge while the server is down, then refreshes without navigation', async () => {
    await instance.start();
    const page = await openWall(`${instance.url}/wall?token=${TEST_DISPLAY_TOKEN}&interval=600`);
    await expect.poll(() => backlog(page), { timeout: 15_000 }).toMatch(/^\d+$/);
    expect(await page.getByTestId('wall-stale').count()).toBe(0);
    await instance.kill();
    await expect.poll(() => page.getByTestId('wall-stale').count(), { timeout: 10_000 }).toBe(1);
    expect(await backlog(page)).toMatch(/^\d+$/);
    await page.screenshot({ path: `${SCREENSHOTS}/wall-stale.png` });
    await instance.start();
    await expect.poll(() => page.getByTestId('wall-stale').count(), { timeout: 40_000 }).toBe(0);
    const before = Number(await backlog(page));
    await reportCase(instance.url, 'kangle');
    await expect.poll(() => backlog(page), { timeout: 2_000, interval: 50 }).toBe(String(before + 1));
    expect(await samePage(page)).toBe('same page');
    await page.close();
  }, 120_000);
});

describe('two server instances with Redis', () => {
  const redis = { REDIS_URL: process.env.TEST_REDIS_URL || 'redis://127.0.0.1:6379' };
  const first = new ServerProcess(4312, redis);
  const second = new ServerProcess(4313, redis);
  afterAll(async () => {
    await first.kill();
    await second.kill();
  });

  it('updates a wall on one instance when a case is reported through the other', async () => {
    await Promise.all([first.start(), second.start()]);
    const page = await openWall(`${first.url}/wall?token=${TEST_DISPLAY_TOKEN}&interval=600`);
    await expect.poll(() => backlog(page), { timeout: 15_000 }).toMatch(/^\d+$/);
    await page.waitForTimeout(500);
    const before = Number(await backlog(page));
    await reportCase(second.url, 'kangle');
    await expect.poll(() => backlog(page), { timeout: 2_000, interval: 50 }).toBe(String(before + 1));
    await page.close();
  }, 90_000);
});

describe('memory over a long rotation', () => {
  // A wall that rotates every 40 ms asks for as much in a second as a real one in a quarter of an hour:
  // its own server lets it run more requests at once than the two a caller gets by default.
  let fast: TestServer;
  beforeAll(async () => {
    fast = await startTestServer({ GRAPHQL_CONCURRENT_PER_CALLER: '16' });
  });
  afterAll(() => fast?.close());

  it('runs 24 simulated hours of rotation and live events with flat memory and DOM (soak)', async () => {
    // A day of a wall turning every 20 s is 4,320 turns; here they come every 20 ms, with a case reported every 2 s.
    const DAY = (24 * 3600) / 20;
    const page = await openWall(`${fast.url}/wall?token=${TEST_DISPLAY_TOKEN}&interval=0.02&reloadEvery=0`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const measure = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const { metrics } = await cdp.send('Performance.getMetrics');
      const metric = (name: string) => metrics.find((m) => m.name === name)!.value;
      return {
        heap: (await cdp.send('Runtime.getHeapUsage')).usedSize,
        nodes: await page.evaluate(() => document.getElementsByTagName('*').length),
        listeners: metric('JSEventListeners'),
      };
    };
    const rotations = async () => Number(await page.locator('.wall').getAttribute('data-rotations'));
    await expect.poll(() => backlog(page), { timeout: 15_000 }).toMatch(/^\d+$/);
    await page.waitForTimeout(2_000);
    const before = await measure();
    const scopesSeen = new Set<string>();
    const started = Date.now();
    let events = 0;
    while ((await rotations()) < DAY) {
      scopesSeen.add((await page.getByTestId('wall-scope').textContent()) ?? '');
      if (Date.now() - started > events * 2_000) {
        await reportCase(fast.url, 'kangle');
        events++;
      }
      await page.waitForTimeout(250);
    }
    const seconds = (Date.now() - started) / 1000;
    const after = await measure();
    console.log(
      `wall soak: ${await rotations()} rotations (24 h at 20 s) and ${events} live events in ${seconds.toFixed(0)} s; ` +
        `JS heap ${(before.heap / 1e6).toFixed(1)} → ${(after.heap / 1e6).toFixed(1)} MB, ` +
        `DOM nodes ${before.nodes} → ${after.nodes}, event listeners ${before.listeners} → ${after.listeners}`,
    );
    expect(scopesSeen.size).toBeGreaterThanOrEqual(4);
    expect(after.heap).toBeLessThan(before.heap * 1.5 + 10e6);
    expect(after.nodes).toBeLessThan(before.nodes * 1.3);
    expect(after.listeners).toBeLessThan(before.listeners * 1.3 + 20);
    expect(await samePage(page)).toBe('same page');
    await page.close();
  }, 600_000);
});
