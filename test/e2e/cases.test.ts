import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seededDatabase, type ScratchDatabase } from '../api/databases';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../api/harness';
import { addOverdueCases } from '../api/overdue-cases';
import { launchBrowser } from './browser';

// Its own database: the overdue cases added here would change what other browser tests count.
let scratch: ScratchDatabase;
let server: TestServer;
let browser: Browser;
let page: Page;
let admin: { cookie: string };
beforeAll(async () => {
  scratch = await seededDatabase();
  server = await startTestServer({ DATABASE_URL: scratch.url });
  const grids = async (community: string) =>
    (await server.db.grid.findMany({ where: { community: { code: community } } })).map((g) => g.code);
  await addOverdueCases(server, await grids('kangle'), 16);
  await addOverdueCases(server, await grids('gonghelu'), 8);
  const { cookie } = await server.signIn('admin', TEST_ADMIN_PASSWORD);
  admin = { cookie: cookie! };
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  const [name, value] = cookie!.split('=');
  await page.context().addCookies([{ name, value, url: server.url }]);
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await scratch?.drop();
});

const OVERDUE = `query($communityCode: String, $after: String) {
  cases(filter: { overdue: true, communityCode: $communityCode }, orderBy: DEADLINE, first: 50, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { code grid { worker { name } } } }
  }
}`;

interface OverduePage {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { code: string; grid: { worker: { name: string | null } | null } } }[];
  };
}

/** The overdue cases of a scope as the API gives them to the admin, every page. */
async function overdueFromApi(communityCode?: string) {
  const rows: { code: string; worker: string | null }[] = [];
  let after: string | null = null;
  let totalCount = 0;
  do {
    const page: OverduePage = (await server.gql<OverduePage>(OVERDUE, { communityCode, after }, admin)).data!;
    totalCount = page.cases.totalCount;
    rows.push(...page.cases.edges.map(({ node }) => ({ code: node.code, worker: node.grid.worker?.name ?? null })));
    after = page.cases.pageInfo.hasNextPage ? page.cases.pageInfo.endCursor : null;
  } while (after);
  return { rows, totalCount };
}

const list = () => page.getByTestId('overdue-list');
const rows = () => list().getByTestId('overdue-row');

/** Every row of the list, pressing 更多 until there are no more. */
async function shownRows() {
  await expect.poll(() => rows().count(), { timeout: 20_000 }).toBeGreaterThan(0);
  for (;;) {
    const shown = await rows().count();
    const more = list().getByTestId('overdue-more');
    if ((await more.count()) === 0) break;
    await more.click();
    await expect.poll(() => rows().count()).toBeGreaterThan(shown);
  }
  return Promise.all(
    (await rows().all()).map(async (row) => ({
      code: await row.getAttribute('data-code'),
      worker: await row.locator('td').nth(2).textContent(),
    })),
  );
}

describe('the overdue list and the case page in Chromium', () => {
  for (const [scope, path, communityCode] of [
    ['the overview', '/', undefined],
    ['a community', '/c/kangle', 'kangle'],
  ] as const)
    it(`shows on ${scope} the API's overdue cases in its order, with their count and grid workers`, async () => {
      const expected = await overdueFromApi(communityCode);
      expect(expected.totalCount).toBeGreaterThan(communityCode ? 15 : 20);
      await page.goto(`${server.url}${path}`);
      const shown = await shownRows();
      expect(shown.map((r) => r.code)).toEqual(expected.rows.map((r) => r.code));
      expect(shown.map((r) => r.worker)).toEqual(expected.rows.map((r) => r.worker ?? '—'));
      expect(await list().locator('h2').textContent()).toContain(`(${expected.totalCount})`);
    });

  it('opens a case from its row: its timeline shows the events the API has, and its deadline', async () => {
    await page.goto(`${server.url}/c/kangle`);
    await expect.poll(() => rows().count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const code = (await rows().first().getAttribute('data-code'))!;
    await rows().first().getByRole('link').click();
    await expect.poll(() => page.url()).toBe(`${server.url}/cases/${code}`);
    const { data } = await server.gql(
      `query($code: String!) { case(code: $code) { deadline events { to at actor } } }`,
      { code },
      admin,
    );
    const events = page.getByTestId('case-event');
    await expect.poll(() => events.count(), { timeout: 20_000 }).toBe(data!.case.events.length);
    const shown = await Promise.all(
      (await events.all()).map(async (e) => ({
        to: await e.getAttribute('data-to'),
        at: await e.getAttribute('data-at'),
        text: await e.textContent(),
      })),
    );
    expect(shown.map(({ to, at }) => ({ to, at }))).toEqual(
      data!.case.events.map((e: { to: string; at: string }) => ({ to: e.to, at: e.at })),
    );
    shown.forEach(({ text }, i) => expect(text).toContain(data!.case.events[i].actor));
    expect(await page.getByTestId('case-code').textContent()).toBe(code);
    expect(await page.getByTestId('case-deadline').locator('time').getAttribute('datetime')).toBe(data!.case.deadline);
    expect(await page.getByTestId('case-days-overdue').textContent()).toMatch(/\d+ 天|今日/);
    await page.getByTestId('case-grid-link').click();
    await expect.poll(() => page.url()).toContain('/c/kangle/g/');
    await expect.poll(() => page.getByTestId('open-cases').count(), { timeout: 20_000 }).toBe(1);
  });

  it('says that there is no such case for an unknown code', async () => {
    await page.goto(`${server.url}/cases/NO-SUCH-CASE`);
    await expect
      .poll(() => page.getByTestId('case-unknown').textContent(), { timeout: 20_000 })
      .toContain('没有编号为 NO-SUCH-CASE 的事件');
    expect(await page.getByTestId('error-banner').count()).toBe(0);
  });
});
