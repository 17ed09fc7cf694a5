import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createAccount } from '../../server/src/modules/admin/admin.service';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from '../api/harness';
import { launchBrowser, SCREENSHOTS } from './browser';

const LEADER = { username: 'e2e.leader', password: 'e2e-leader-password' };
let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  // The production setting: nothing is readable without signing in.
  server = await startTestServer({ PUBLIC_DASHBOARD: 'false' });
  browser = await launchBrowser();
  await createAccount(
    server.db,
    { name: 'test', address: null },
    { ...LEADER, displayName: '康乐社区书记', role: 'LEADER', scope: 'kangle' },
  );
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function newPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  return context.newPage();
}

async function signIn(page: Page, username: string, password: string) {
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
}

const features = (page: Page) => page.getByTestId('grid-map').getAttribute('data-features');

async function firstGrid(community: string) {
  return server.db.grid.findFirstOrThrow({ where: { community: { code: community } }, orderBy: { code: 'asc' } });
}

describe('signing in to a private server in Chromium', () => {
  it('sends a visitor to the login page, then back to the page asked for, with grid workers in the leader’s area only', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/c/kangle?metric=BACKLOG`);
    await page.waitForURL(/\/login\?/);
    await expect.poll(() => page.getByTestId('login-notice').textContent()).toContain('需要登录');
    await page.screenshot({ path: `${SCREENSHOTS}/login.png` });

    await signIn(page, LEADER.username, 'not-the-password');
    await expect.poll(() => page.getByTestId('login-problem').textContent()).toContain('用户名或密码不正确');
    await signIn(page, LEADER.username, LEADER.password);
    await page.waitForURL(`${server.url}/c/kangle?metric=BACKLOG`);
    await expect.poll(() => features(page), { timeout: 20_000 }).toBe('8');
    const identity = await page.getByTestId('identity').textContent();
    expect(identity).toContain('康乐社区书记');
    expect(identity).toContain('负责人');
    expect(identity).toContain('康乐社区');

    const own = await firstGrid('kangle');
    await page.goto(`${server.url}/c/kangle/g/${own.code}`);
    await expect.poll(() => page.getByTestId('grid-worker-name').textContent()).toBe(own.workerName);
    expect(await page.getByTestId('grid-worker-phone').textContent()).toBe(own.workerPhone);

    const other = await firstGrid('gonghelu');
    await page.goto(`${server.url}/c/gonghelu/g/${other.code}`);
    await expect.poll(() => page.getByTestId('grid-worker-hidden').count()).toBe(1);
    expect(await page.getByTestId('grid-worker-name').count()).toBe(0);
    expect(await page.content()).not.toContain(other.workerName!);
    await page.context().close();
  });

  it('returns to the login page with a message when the session has ended', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await signIn(page, LEADER.username, LEADER.password);
    await page.waitForURL(`${server.url}/`);
    await expect.poll(() => features(page), { timeout: 20_000 }).toBe('4');
    // The charts ask for their series once the map is drawn: answered before the session ends.
    await expect.poll(() => page.getByTestId('chart-cases').getAttribute('aria-busy')).toBe('false');
    // Idle for longer than SESSION_IDLE_MINUTES (480 by default).
    await server.db.session.updateMany({
      where: { account: { username: LEADER.username }, revokedAt: null },
      data: { lastSeenAt: new Date(Date.now() - 481 * 60_000) },
    });
    await page.getByTestId('metric-select').selectOption('ON_TIME_RATE');
    await page.waitForURL(/\/login\?.*reason=expired/);
    await expect.poll(() => page.getByTestId('login-notice').textContent()).toContain('登录已过期');
    expect(new URL(page.url()).searchParams.get('next')).toContain('metric=ON_TIME_RATE');
    await page.context().close();
  });

  it('signs out: the login page says so, and the old cookie no longer reads anything', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login`);
    await signIn(page, LEADER.username, LEADER.password);
    await page.waitForURL(`${server.url}/`);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'gs_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await page.getByTestId('sign-out').click();
    await page.waitForURL(/\/login\?reason=signedOut/);
    await expect.poll(() => page.getByTestId('login-notice').textContent()).toContain('已退出');
    const after = await server.gql('{ communities { code } }', {}, { cookie: `gs_session=${cookie.value}` });
    expect(after.status).toBe(401);
    await page.context().close();
  });

  it('lets an admin create a display token on /admin/users that opens a wall', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/admin/users`);
    await page.waitForURL(/\/login\?/);
    await signIn(page, 'admin', TEST_ADMIN_PASSWORD);
    await page.waitForURL(`${server.url}/admin/users`);
    await expect.poll(() => page.getByTestId(`account-${LEADER.username}`).count()).toBe(1);
    const form = page.getByTestId('create-token');
    await form.locator('input[name=name]').fill('大厅二号屏');
    await form.locator('select[name=role]').selectOption('DISPLAY');
    await form.getByRole('button').click();
    const value = await page.getByTestId('secret-value').textContent();
    expect(value).toMatch(/^gs_[\w-]{43}$/);
    const row = await server.db.apiToken.findFirstOrThrow({ where: { name: '大厅二号屏' } });
    expect(row).toMatchObject({ role: 'DISPLAY', revokedAt: null });
    expect(row.hash).not.toBe(value);
    await expect.poll(() => page.getByTestId(`token-${row.id}`).textContent()).toContain('大厅二号屏');
    await page.screenshot({ path: `${SCREENSHOTS}/admin-users.png`, fullPage: true });

    const [wall] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('open-wall').click()]);
    await expect
      .poll(() => wall.getByTestId('kpi-backlog').getAttribute('data-value'), { timeout: 20_000 })
      .toMatch(/^\d+$/);
    await expect
      .poll(async () => (await server.db.apiToken.findUniqueOrThrow({ where: { id: row.id } })).lastUsedAt)
      .not.toBeNull();
    await page.context().close();
  });

  it('tells a leader who opens /admin/users that it is for admins', async () => {
    const page = await newPage();
    await page.goto(`${server.url}/login?next=/admin/users`);
    await signIn(page, LEADER.username, LEADER.password);
    await page.waitForURL(`${server.url}/admin/users`);
    await expect.poll(() => page.getByTestId('admin-forbidden').textContent()).toContain('只有管理员');
    expect(await page.getByTestId('accounts').count()).toBe(0);
    await page.context().close();
  });
});
