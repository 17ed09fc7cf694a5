import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureToken, hashToken } from '../../server/src/auth/tokens';
import { createAccount } from '../../server/src/modules/admin/admin.service';
import { startTestServer, TEST_ADMIN_PASSWORD, type TestServer } from './harness';

let server: TestServer;
let admin: { cookie: string };
beforeAll(async () => {
  server = await startTestServer();
  admin = { cookie: (await server.signIn('admin', TEST_ADMIN_PASSWORD)).cookie! };
});
afterAll(() => server.close());

const CREATE_ACCOUNT = `mutation($input: CreateAccountInput!) {
  createAccount(input: $input) { account { username role scope disabledAt } password }
}`;
const CREATE_TOKEN = `mutation($input: CreateTokenInput!) { createApiToken(input: $input) { token { id role expiresAt } value } }`;

describe('accounts', () => {
  it('creates an account whose one-time password signs in, and names every problem of a bad request', async () => {
    const created = await server.gql(
      CREATE_ACCOUNT,
      { input: { username: 'wang.fang', displayName: '王芳', role: 'LEADER', scope: '410200-001' } },
      admin,
    );
    expect(created.data!.createAccount.account).toEqual({
      username: 'wang.fang',
      role: 'LEADER',
      scope: '410200-001',
      disabledAt: null,
    });
    const { password } = created.data!.createAccount;
    expect(password).toMatch(/^[A-Za-z2-9]{16}$/);
    expect((await server.signIn('wang.fang', password)).status).toBe(200);

    const bad = await server.gql(
      CREATE_ACCOUNT,
      { input: { username: 'Wang Fang', displayName: ' ', role: 'DISPLAY', scope: 'nowhere' } },
      admin,
    );
    expect(bad.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
    expect(bad.errors![0].message).toContain('username must be');
    expect(bad.errors![0].message).toContain('display name must not be empty');
    expect(bad.errors![0].message).toContain('walls use display tokens');

    const worker = await server.gql(
      CREATE_ACCOUNT,
      { input: { username: 'no.grid', displayName: 'x', role: 'GRID_WORKER', scope: 'kangle' } },
      admin,
    );
    expect(worker.errors![0].message).toBe('No grid has the code "kangle"');
    const taken = await server.gql(
      CREATE_ACCOUNT,
      { input: { username: 'wang.fang', displayName: 'x', role: 'ANALYST' } },
      admin,
    );
    expect(taken.errors![0].extensions!.code).toBe('CONFLICT');
  });

  it('is for admins only: a leader is forbidden, a visitor must sign in', async () => {
    await createAccount(
      server.db,
      { name: 'test', address: null },
      { username: 'not.admin', displayName: 'x', role: 'LEADER', password: 'not-admin-password' },
    );
    const leader = { cookie: (await server.signIn('not.admin', 'not-admin-password')).cookie! };
    expect((await server.gql('{ accounts { username } }', {}, leader)).errors![0].extensions!.code).toBe('FORBIDDEN');
    expect((await server.gql('{ accounts { username } }')).errors![0].extensions!.code).toBe('UNAUTHENTICATED');
    const token = await server.gql(CREATE_TOKEN, { input: { name: 'x', role: 'ADMIN' } }, leader);
    expect(token.errors![0].extensions!.code).toBe('FORBIDDEN');
    expect(await server.db.apiToken.count({ where: { name: 'x' } })).toBe(0);
  });

  it('disabling ends the sessions at once and refuses sign-in; enabling lets in again', async () => {
    await createAccount(
      server.db,
      { name: 'test', address: null },
      { username: 'to.disable', displayName: 'x', role: 'ANALYST', password: 'disable-me-please' },
    );
    const session = { cookie: (await server.signIn('to.disable', 'disable-me-please')).cookie! };
    const disable = `mutation($disabled: Boolean!) { setAccountDisabled(username: "to.disable", disabled: $disabled) { disabledAt } }`;
    expect((await server.gql(disable, { disabled: true }, admin)).data!.setAccountDisabled.disabledAt).not.toBeNull();
    expect((await server.gql('{ viewer { role } }', {}, session)).status).toBe(401);
    expect((await server.signIn('to.disable', 'disable-me-please')).status).toBe(401);
    await server.gql(disable, { disabled: false }, admin);
    expect((await server.signIn('to.disable', 'disable-me-please')).status).toBe(200);
  });

  it('resets a password: the old one stops working, the new one is shown once, sessions end', async () => {
    await createAccount(
      server.db,
      { name: 'test', address: null },
      { username: 'forgetful', displayName: 'x', role: 'ANALYST', password: 'old-password-123' },
    );
    const session = { cookie: (await server.signIn('forgetful', 'old-password-123')).cookie! };
    const reset = await server.gql('mutation { resetPassword(username: "forgetful") }', {}, admin);
    const fresh = reset.data!.resetPassword as string;
    expect((await server.gql('{ viewer { role } }', {}, session)).status).toBe(401);
    expect((await server.signIn('forgetful', 'old-password-123')).status).toBe(401);
    expect((await server.signIn('forgetful', fresh)).status).toBe(200);
  });

  it('writes each change to the audit log under the admin’s name', async () => {
    const events = await server.gql('{ auditEvents(last: 200) { action actor subject } }', {}, admin);
    const byAdmin = events.data!.auditEvents.filter((e: { actor: string }) => e.actor === 'admin');
    const actions = byAdmin.map((e: { action: string; subject: string }) => `${e.action} ${e.subject}`);
    expect(actions).toEqual(
      expect.arrayContaining([
        'account.created wang.fang',
        'account.disabled to.disable',
        'account.enabled to.disable',
        'account.password_reset forgetful',
      ]),
    );
  });
});

describe('tokens', () => {
  it('creates a token with an expiry, records its last use, refuses it once expired or revoked', async () => {
    const expiresAt = new Date(Date.now() + 86_400_000).toISOString();
    const created = await server.gql(
      CREATE_TOKEN,
      { input: { name: '大厅三号屏', role: 'DISPLAY', scope: 'kangle', expiresAt } },
      admin,
    );
    const { token, value } = created.data!.createApiToken;
    expect(token).toEqual({ id: token.id, role: 'DISPLAY', expiresAt });
    expect((await server.gql('{ viewer { role scope } }', {}, value)).data!.viewer).toEqual({
      role: 'DISPLAY',
      scope: 'kangle',
    });
    const listed = await server.gql('{ apiTokens { id lastUsedAt } }', {}, admin);
    expect(listed.data!.apiTokens.find((t: { id: number }) => t.id === token.id).lastUsedAt).not.toBeNull();

    await server.db.apiToken.update({ where: { id: token.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await server.gql('{ viewer { role } }', {}, value)).status).toBe(401);

    const second = (await server.gql(CREATE_TOKEN, { input: { name: 'script', role: 'ANALYST' } }, admin)).data!
      .createApiToken;
    expect((await server.gql('{ viewer { role } }', {}, second.value)).status).toBe(200);
    await server.gql(`mutation { revokeApiToken(id: ${second.token.id}) { revokedAt } }`, {}, admin);
    expect((await server.gql('{ viewer { role } }', {}, second.value)).status).toBe(401);

    const past = await server.gql(
      CREATE_TOKEN,
      { input: { name: 'late', role: 'DISPLAY', expiresAt: '2020-01-01T00:00:00Z' } },
      admin,
    );
    expect(past.errors![0].message).toContain('expiry must lie in the future');
    const unscoped = await server.gql(CREATE_TOKEN, { input: { name: 'leader script', role: 'LEADER' } }, admin);
    expect(unscoped.errors![0].message).toContain('A leader token needs a scope');
  });

  it('keeps a token from the environment revoked at the next start', async () => {
    const value = 'environment-token-0123456789';
    await ensureToken(server.db, value, { name: 'DISPLAY_TOKEN', role: 'DISPLAY' });
    expect((await server.gql('{ viewer { role } }', {}, value)).status).toBe(200);
    await server.db.apiToken.update({ where: { hash: hashToken(value) }, data: { revokedAt: new Date() } });
    await ensureToken(server.db, value, { name: 'DISPLAY_TOKEN', role: 'DISPLAY' });
    expect((await server.gql('{ viewer { role } }', {}, value)).status).toBe(401);
  });
});

describe('with PUBLIC_DASHBOARD on', () => {
  it('reads figures without signing in, and signing in adds the grid workers a role may see', async () => {
    const query = '{ community(code: "kangle") { population grids { worker { name } } } }';
    const visitor = await server.gql(query);
    expect(visitor.data!.community.population).toBe(9050);
    expect(visitor.data!.community.grids.every((g: { worker: unknown }) => g.worker === null)).toBe(true);
    const signedIn = await server.gql(query, {}, admin);
    expect(signedIn.data!.community.grids.every((g: { worker: { name: string } }) => g.worker.name)).toBe(true);
  });
});
