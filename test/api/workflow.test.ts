import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createToken } from '../../server/src/auth/tokens';
import { startTestServer, TEST_ADMIN_TOKEN, TEST_DISPLAY_TOKEN, type TestServer } from './harness';

let server: TestServer;
let gridCode: string;
let otherGridCode: string;
beforeAll(async () => {
  server = await startTestServer();
  const { data } = await server.gql('{ community(code: "kangle") { grids { code } } }');
  [gridCode, otherGridCode] = data!.community.grids.map((g: { code: string }) => g.code);
});
afterAll(() => server.close());

const REPORT = `mutation($input: ReportCaseInput!) { reportCase(input: $input) { code status deadline events { from to } } }`;
const MOVE = `mutation($code: String!, $to: CaseStatus!, $note: String) { transitionCase(code: $code, to: $to, note: $note) { code status closedAt events { from to note } } }`;
const report = (token?: string, grid = gridCode) =>
  server.gql(REPORT, { input: { gridCode: grid, category: 'FACILITY', description: '41号楼下水道堵塞' } }, token);

describe('case workflow over HTTP', () => {
  it('walks a case from report to closure, logging every step', async () => {
    const reported = await report(TEST_ADMIN_TOKEN);
    expect(reported.errors).toBeUndefined();
    const { code } = reported.data!.reportCase;
    expect(code).toMatch(new RegExp(`^${gridCode}-C\\d{7}$`));
    for (const to of ['ACCEPTED', 'DISPATCHED', 'HANDLED', 'DISPATCHED', 'HANDLED', 'VERIFIED', 'CLOSED']) {
      const moved = await server.gql(MOVE, { code, to }, TEST_ADMIN_TOKEN);
      expect(moved.errors, to).toBeUndefined();
      expect(moved.data!.transitionCase.status).toBe(to);
    }
    const { data } = await server.gql(
      `{ cases(filter: { gridCode: "${gridCode}", status: [CLOSED] }, first: 1) { edges { node { code closedAt events { to } } } } }`,
    );
    const node = data!.cases.edges[0].node;
    expect(node.code).toBe(code);
    expect(node.closedAt).not.toBeNull();
    expect(node.events.map((e: { to: string }) => e.to)).toEqual([
      'REPORTED',
      'ACCEPTED',
      'DISPATCHED',
      'HANDLED',
      'DISPATCHED',
      'HANDLED',
      'VERIFIED',
      'CLOSED',
    ]);
  });

  it('counts a case sent back by verification as reworked', async () => {
    const { code } = (await report(TEST_ADMIN_TOKEN)).data!.reportCase;
    for (const to of ['ACCEPTED', 'DISPATCHED', 'HANDLED', 'DISPATCHED', 'HANDLED', 'DISPATCHED'])
      expect((await server.gql(MOVE, { code, to }, TEST_ADMIN_TOKEN)).errors, to).toBeUndefined();
    expect((await server.db.case.findUniqueOrThrow({ where: { code } })).reworks).toBe(2);
  });

  it('postpones a dispatched case with a leader’s approval and a reason, and dispatches it again', async () => {
    const { code } = (await report(TEST_ADMIN_TOKEN)).data!.reportCase;
    for (const to of ['ACCEPTED', 'DISPATCHED']) await server.gql(MOVE, { code, to }, TEST_ADMIN_TOKEN);
    const { token: worker } = await createToken(server.db, {
      name: '网格员令牌',
      role: 'GRID_WORKER',
      scope: gridCode,
    });
    const byWorker = await server.gql(MOVE, { code, to: 'POSTPONED', note: '需改造管网' }, worker);
    expect(byWorker.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const withoutReason = await server.gql(MOVE, { code, to: 'POSTPONED' }, TEST_ADMIN_TOKEN);
    expect(withoutReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const postponed = await server.gql(
      MOVE,
      { code, to: 'POSTPONED', note: '需改造管网，列入明年计划' },
      TEST_ADMIN_TOKEN,
    );
    expect(postponed.data!.transitionCase.status).toBe('POSTPONED');
    expect((await server.db.case.findUniqueOrThrow({ where: { code } })).postponedAt).not.toBeNull();
    expect((await server.gql(MOVE, { code, to: 'DISPATCHED' }, TEST_ADMIN_TOKEN)).errors).toBeUndefined();
    expect((await server.db.case.findUniqueOrThrow({ where: { code } })).postponedAt).toBeNull();
  });

  it('extends an open case’s deadline with a leader’s approval, once recorded, and refuses an earlier one', async () => {
    const { code, deadline } = (await report(TEST_ADMIN_TOKEN)).data!.reportCase;
    const EXTEND = `mutation($code: String!, $d: DateTime!, $r: String!) { extendCaseDeadline(code: $code, deadline: $d, reason: $r) { deadline extendedAt status events { note } } }`;
    const later = new Date(new Date(deadline).getTime() + 72 * 3_600_000).toISOString();
    const extended = await server.gql(EXTEND, { code, d: later, r: '等待物业维修资金' }, TEST_ADMIN_TOKEN);
    expect(extended.errors).toBeUndefined();
    expect(extended.data!.extendCaseDeadline).toMatchObject({ deadline: later, status: 'REPORTED' });
    expect(extended.data!.extendCaseDeadline.events.at(-1).note).toMatch(
      /^延期至 \d{4}-\d{2}-\d{2}：等待物业维修资金$/,
    );
    const earlier = await server.gql(EXTEND, { code, d: deadline, r: '再议' }, TEST_ADMIN_TOKEN);
    expect(earlier.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const { token: worker } = await createToken(server.db, {
      name: '网格员令牌',
      role: 'GRID_WORKER',
      scope: gridCode,
    });
    const evenLater = new Date(new Date(later).getTime() + 3_600_000).toISOString();
    expect((await server.gql(EXTEND, { code, d: evenLater, r: '再议' }, worker)).errors?.[0].extensions?.code).toBe(
      'FORBIDDEN',
    );
    const row = await server.db.case.findUniqueOrThrow({ where: { code } });
    expect(row.deadline.toISOString()).toBe(later);
    expect(row.extendedAt?.toISOString()).toBe(extended.data!.extendCaseDeadline.extendedAt);
  });

  it('refuses an illegal transition with ILLEGAL_TRANSITION and changes nothing', async () => {
    const { code } = (await report(TEST_ADMIN_TOKEN)).data!.reportCase;
    const rollupsBefore = await server.db.gridDayRollup.findMany({ orderBy: [{ gridId: 'asc' }, { day: 'asc' }] });
    const refused = await server.gql(MOVE, { code, to: 'CLOSED' }, TEST_ADMIN_TOKEN);
    expect(refused.errors?.[0].extensions?.code).toBe('ILLEGAL_TRANSITION');
    expect(refused.errors?.[0].message).toMatch(/REPORTED.*ACCEPTED or REJECTED.*not CLOSED/);
    const row = await server.db.case.findUniqueOrThrow({ where: { code }, include: { events: true } });
    expect(row.status).toBe('REPORTED');
    expect(row.closedAt).toBeNull();
    expect(row.events).toHaveLength(1);
    expect(await server.db.gridDayRollup.findMany({ orderBy: [{ gridId: 'asc' }, { day: 'asc' }] })).toEqual(
      rollupsBefore,
    );
  });

  it('needs a token to change data, and one whose scope covers the grid', async () => {
    const anonymous = await report();
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const display = await report(TEST_DISPLAY_TOKEN);
    expect(display.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const { token } = await createToken(server.db, { name: '网格员测试', role: 'GRID_WORKER', scope: gridCode });
    expect((await report(token)).errors).toBeUndefined();
    expect((await report(token, otherGridCode)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('refuses a revoked token and an unknown one with 401', async () => {
    const { id, token } = await createToken(server.db, { name: 'revoked', role: 'ANALYST' });
    await server.db.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    for (const bad of [token, 'not-a-token']) {
      const response = await server.gql('{ communities { code } }', {}, bad);
      expect(response.status).toBe(401);
      expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    }
  });

  it('shows grid workers and reporters only to those allowed to see personal data', async () => {
    const query = `{ grid(code: "${gridCode}") { worker { name phone } } cases(filter: { gridCode: "${gridCode}", status: [CLOSED] }, first: 1) { edges { node { reporter { name } } } } }`;
    for (const token of [
      undefined,
      TEST_DISPLAY_TOKEN,
      (await createToken(server.db, { name: 'analyst', role: 'ANALYST' })).token,
    ]) {
      const { data } = await server.gql(query, {}, token);
      expect(data!.grid.worker).toBeNull();
      expect(data!.cases.edges[0].node.reporter).toBeNull();
    }
    const admin = await server.gql(query, {}, TEST_ADMIN_TOKEN);
    expect(admin.data!.grid.worker.name).toMatch(/\S+/);
    expect(admin.data!.grid.worker.phone).toMatch(/^1380000\d{4}$/);
  });
});

describe('retried mutations', () => {
  const reportWithKey = (key: string, description: string) =>
    server.gql(
      REPORT,
      { input: { gridCode, category: 'SANITATION', description } },
      { authorization: `Bearer ${TEST_ADMIN_TOKEN}`, 'idempotency-key': key },
    );

  it('creates one case for a report retried with the same Idempotency-Key, even when the retries arrive at once', async () => {
    const stamp = Date.now();
    const description = `重试测试 ${stamp}`;
    const first = await reportWithKey(`key-${stamp}-a`, description);
    const again = await reportWithKey(`key-${stamp}-a`, description);
    expect(again.data!.reportCase.code).toBe(first.data!.reportCase.code);

    const together = `同时重试 ${stamp}`;
    const answers = await Promise.all([1, 2, 3].map(() => reportWithKey(`key-${stamp}-b`, together)));
    expect(answers.map((a) => a.errors)).toEqual([undefined, undefined, undefined]);
    expect(new Set(answers.map((a) => a.data!.reportCase.code)).size).toBe(1);
    expect(await server.db.case.count({ where: { description: { in: [description, together] } } })).toBe(2);
    const other = await reportWithKey(`key-${stamp}-c`, together);
    expect(other.data!.reportCase.code).not.toBe(answers[0].data!.reportCase.code);
  });

  it('refuses an Idempotency-Key that is not a short visible ASCII string', async () => {
    const response = await reportWithKey('x'.repeat(201), 'too long a key');
    expect(response.status).toBe(400);
    expect(response.errors![0].extensions!.code).toBe('BAD_USER_INPUT');
  });
});
