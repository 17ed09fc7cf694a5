import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as password from '../../server/src/auth/password';
import { createToken } from '../../server/src/auth/tokens';
import { createAccount } from '../../server/src/modules/admin/admin.service';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from './harness';

// Every check of a password is counted, to prove that an unknown username costs one scrypt too.
vi.mock('../../server/src/auth/password', async (original) => {
  const module = await original<typeof import('../../server/src/auth/password')>();
  return { ...module, verifyPassword: vi.fn(module.verifyPassword) };
});

const LEADER_PASSWORD = 'kangle-leader-2026';
const LOCK_SECONDS = 3;
let server: TestServer;
let address = 0;
/** Each test signs in from its own address (X-Forwarded-For, trusted here), so address locks stay apart. */
const from = () => ({ 'x-forwarded-for': `198.51.100.${++address}` });

beforeAll(async () => {
  server = await startTestServer({
    PUBLIC_DASHBOARD: 'false',
    LOGIN_LOCK_MINUTES: String(LOCK_SECONDS / 60),
    TRUST_PROXY: 'true',
  });
  const actor = { name: 'test', address: null };
  await createAccount(server.db, actor, {
    username: 'kangle.leader',
    displayName: '康乐社区书记',
    role: 'LEADER',
    scope: 'kangle',
    password: LEADER_PASSWORD,
  });
  await createAccount(server.db, actor, {
    username: 'analyst',
    displayName: '分析员',
    role: 'ANALYST',
    password: 'analyst-password-1',
  });
});
afterAll(() => server.close());

const WORKERS = `{ communities { code grids { code worker { name phone } } } }`;
type Workers = { communities: { code: string; grids: { worker: { name: string | null } | null }[] }[] };

function workersByCommunity(data: Workers) {
  return Object.fromEntries(data.communities.map((c) => [c.code, c.grids.map((g) => g.worker?.name ?? null)]));
}

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie that reads grid workers only within the jurisdiction', async () => {
    const signIn = await server.signIn('Kangle.Leader ', LEADER_PASSWORD, from());
    expect(signIn.status).toBe(200);
    expect(signIn.body).toMatchObject({ username: 'kangle.leader', role: 'LEADER', scope: 'kangle' });
    expect(signIn.setCookie).toMatch(/^gs_session=gs_[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax$/);

    const viewer = await server.gql(
      '{ viewer { role via username displayName scope scopeName } }',
      {},
      {
        cookie: signIn.cookie!,
      },
    );
    expect(viewer.data!.viewer).toEqual({
      role: 'LEADER',
      via: 'session',
      username: 'kangle.leader',
      displayName: '康乐社区书记',
      scope: 'kangle',
      scopeName: '康乐社区',
    });
    const workers = workersByCommunity((await server.gql<Workers>(WORKERS, {}, { cookie: signIn.cookie! })).data!);
    expect(workers.kangle.length).toBeGreaterThan(0);
    expect(workers.kangle.every((name) => typeof name === 'string' && name.length > 0)).toBe(true);
    expect(workers.gonghelu.every((name) => name === null)).toBe(true);
  });

  it('never shows an analyst a grid worker', async () => {
    const { cookie } = await server.signIn('analyst', 'analyst-password-1', from());
    const workers = workersByCommunity((await server.gql<Workers>(WORKERS, {}, { cookie: cookie! })).data!);
    expect(
      Object.values(workers)
        .flat()
        .every((name) => name === null),
    ).toBe(true);
  });

  it('reads nothing without signing in while PUBLIC_DASHBOARD is off, and says why', async () => {
    const response = await server.gql('{ communities { code } }');
    expect(response.status).toBe(401);
    expect(response.errors![0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'SIGN_IN_REQUIRED' });
  });

  it('marks the cookie Secure when COOKIE_SECURE is set', async () => {
    const secure = await startTestServer({ COOKIE_SECURE: 'true' });
    try {
      const { setCookie } = await secure.signIn('admin', TEST_ADMIN_PASSWORD, from());
      expect(setCookie).toMatch(/; Secure/);
    } finally {
      await secure.close();
    }
  });

  it('stores the password as a salted scrypt hash, never as itself', async () => {
    const account = await server.db.account.findUniqueOrThrow({ where: { username: 'kangle.leader' } });
    expect(account.passwordHash).not.toContain(LEADER_PASSWORD);
    expect(account.passwordHash).toMatch(/^\$scrypt\$ln=15,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await password.verifyPassword(LEADER_PASSWORD, account.passwordHash)).toBe(true);
    expect(await password.verifyPassword(`${LEADER_PASSWORD}!`, account.passwordHash)).toBe(false);
    const again = await password.hashPassword(LEADER_PASSWORD);
    expect(again).not.toBe(account.passwordHash);
  });

  it('checks a password as slowly for an unknown username as for a known one', async () => {
    const verify = vi.mocked(password.verifyPassword);
    verify.mockClear();
    expect((await server.signIn('nobody.here', 'some-password-1', from())).status).toBe(401);
    expect((await server.signIn('kangle.leader', 'some-password-1', from())).status).toBe(401);
    expect(verify.mock.calls.map(([, hash]) => hash === password.UNKNOWN_ACCOUNT_HASH)).toEqual([true, false]);
    const known = await server.db.account.findUniqueOrThrow({ where: { username: 'kangle.leader' } });
    expect(verify.mock.calls[1][1]).toBe(known.passwordHash);
  });
});

describe('wrong passwords', () => {
  it('locks an account after five wrong passwords, refuses even the right one, and lets it in after the lock', async () => {
    await createAccount(
      server.db,
      { name: 'test', address: null },
      {
        username: 'lock.me',
        displayName: 'x',
        role: 'ANALYST',
        password: 'right-password-1',
      },
    );
    const statuses = [];
    // Each attempt from another address: the account's own count locks it.
    for (let i = 0; i < 6; i++) statuses.push((await server.signIn('lock.me', `wrong-${i}-password`, from())).status);
    expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
    const refused = await server.signIn('lock.me', 'right-password-1', from());
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('LOCKED');
    expect(refused.cookie).toBeNull();
    await new Promise((resolve) => setTimeout(resolve, LOCK_SECONDS * 1000 + 300));
    expect((await server.signIn('lock.me', 'right-password-1', from())).status).toBe(200);
  });

  it('locks an address after five wrong passwords for any accounts, and not other addresses', async () => {
    const spray = from();
    for (let i = 0; i < 5; i++) await server.signIn(`guess${i}`, 'wrong-password-x', spray);
    expect((await server.signIn('kangle.leader', LEADER_PASSWORD, spray)).status).toBe(429);
    expect((await server.signIn('kangle.leader', LEADER_PASSWORD, from())).status).toBe(200);
  });

  it('writes sign-ins, failures, locks and sign-outs to the audit log with the address', async () => {
    const here = from();
    await server.signIn('analyst', 'not-the-password', here);
    const { cookie } = await server.signIn('analyst', 'analyst-password-1', here);
    await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie: cookie! } });
    const events = await server.db.auditEvent.findMany({
      where: { actor: 'analyst', address: here['x-forwarded-for'] },
      orderBy: { id: 'asc' },
    });
    expect(events.map((e) => e.action)).toEqual(['login.failed', 'login']);
    const logout = await server.db.auditEvent.findFirst({ where: { action: 'logout', actor: 'analyst' } });
    expect(logout).not.toBeNull();
    const locked = await server.db.auditEvent.findFirst({ where: { action: 'login.locked', actor: 'lock.me' } });
    expect(locked?.address).toMatch(/^198\.51\.100\.\d+$/);
  });
});

describe('sessions', () => {
  it('ends with sign-out: the cookie no longer works', async () => {
    const { cookie } = await server.signIn('kangle.leader', LEADER_PASSWORD, from());
    expect((await server.gql('{ communities { code } }', {}, { cookie: cookie! })).status).toBe(200);
    const out = await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie: cookie! } });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/^gs_session=; Path=\/; Expires=Thu, 01 Jan 1970/);
    const after = await server.gql('{ communities { code } }', {}, { cookie: cookie! });
    expect(after.status).toBe(401);
    expect(after.errors![0].extensions).toMatchObject({ reason: 'SESSION_EXPIRED' });
  });

  it('ends after SESSION_IDLE_MINUTES without a request, and drops the cookie', async () => {
    const { cookie } = await server.signIn('kangle.leader', LEADER_PASSWORD, from());
    const idle = new Date(Date.now() - 481 * 60_000);
    await server.db.session.updateMany({
      where: { account: { username: 'kangle.leader' } },
      data: { lastSeenAt: idle },
    });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookie! },
      body: JSON.stringify({ query: '{ communities { code } }' }),
    });
    expect(response.status).toBe(401);
    expect((await response.json()).errors[0].extensions.reason).toBe('SESSION_EXPIRED');
    expect(response.headers.get('set-cookie')).toMatch(/^gs_session=;/);
  });

  it('refuses a request with the cookie from another site, and takes it from this one', async () => {
    const { cookie } = await server.signIn('kangle.leader', LEADER_PASSWORD, from());
    const post = (origin: string) =>
      fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookie!, origin },
        body: JSON.stringify({ query: '{ viewer { role } }' }),
      });
    const foreign = await post('https://evil.example');
    expect(foreign.status).toBe(403);
    expect((await foreign.json()).code).toBe('CROSS_SITE');
    expect((await post(server.url)).status).toBe(200);
  });

  it('refuses signing in from another site’s page', async () => {
    const response = await server.signIn('kangle.leader', LEADER_PASSWORD, {
      ...from(),
      origin: 'https://evil.example',
    });
    expect(response.status).toBe(403);
    expect(response.cookie).toBeNull();
  });

  it('takes the cookie on the WebSocket from this site’s pages, and not from another site’s', async () => {
    const { cookie } = await server.signIn('kangle.leader', LEADER_PASSWORD, from());
    const viewerOverSocket = (origin: string) =>
      new Promise<unknown>((resolve) => {
        const client = createClient({
          url: `${server.url.replace('http', 'ws')}/graphql`,
          // The browser adds the cookie and its page's Origin to the upgrade request.
          webSocketImpl: class extends WebSocket {
            constructor(url: string, protocols: string[]) {
              super(url, protocols, { headers: { cookie: cookie!, origin } });
            }
          },
          retryAttempts: 0,
        });
        client.subscribe(
          { query: '{ viewer { role username } }' },
          {
            next: (result) => resolve(result.data!.viewer),
            error: () => resolve('refused'),
            complete: () => void client.dispose(),
          },
        );
      });
    expect(await viewerOverSocket(server.url)).toEqual({ role: 'LEADER', username: 'kangle.leader' });
    expect(await viewerOverSocket('https://evil.example')).toBe('refused');
  });
});

describe('a wall’s token cookie', () => {
  const exchange = (token: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}/api/wall-session`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, ...from(), ...headers },
    });

  it('is set for a display token, reads aggregates, and stops working when the token is revoked', async () => {
    const { id, token } = await createToken(server.db, { name: '大厅三号屏', role: 'DISPLAY' });
    const response = await exchange(token);
    expect(response.status).toBe(204);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^gs_wall=[^;]+; Max-Age=\d+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Strict$/);
    const cookie = setCookie.split(';')[0];
    const read = await server.gql('{ viewer { role } communities { code } }', {}, { cookie });
    expect(read.data?.viewer).toEqual({ role: 'DISPLAY' });
    expect(read.data?.communities.length).toBeGreaterThan(0);
    await server.db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    expect((await server.gql('{ communities { code } }', {}, { cookie })).status).toBe(401);
  });

  it('lasts no longer than its token', async () => {
    const expiresAt = new Date(Date.now() + 3600_000);
    const { token } = await createToken(server.db, { name: '临时屏', role: 'DISPLAY', expiresAt });
    const maxAge = Number(/Max-Age=(\d+)/.exec((await exchange(token)).headers.get('set-cookie')!)![1]);
    expect(maxAge).toBeGreaterThan(3500);
    expect(maxAge).toBeLessThanOrEqual(3600);
  });

  it('is refused for a token of another role, an unknown token, and a request without one', async () => {
    const { token } = await createToken(server.db, { name: '脚本', role: 'ADMIN' });
    const admin = await exchange(token);
    expect(admin.status).toBe(403);
    expect(admin.headers.get('set-cookie')).toBeNull();
    const unknown = await exchange('not-a-token-at-all');
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('set-cookie')).toBeNull();
    expect((await fetch(`${server.url}/api/wall-session`, { method: 'POST' })).status).toBe(400);
  });

  it('gives way to a session in the same browser, which may do more', async () => {
    const { token } = await createToken(server.db, { name: '大厅四号屏', role: 'DISPLAY' });
    const wall = (await exchange(token)).headers.get('set-cookie')!.split(';')[0];
    const { cookie } = await server.signIn('kangle.leader', LEADER_PASSWORD, from());
    const both = await server.gql('{ viewer { role } }', {}, { cookie: `${wall}; ${cookie}` });
    expect(both.data?.viewer).toEqual({ role: 'LEADER' });
  });
});
