import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config';
import { connectDatabase } from '../../server/src/db/client';
import { createLiveEvents, createLocalLiveEvents, type LiveEvents } from '../../server/src/live/live-events';
import { createLogger } from '../../server/src/observability/logger';
import { createServer } from '../../server/src/server';
import { inject } from 'vitest';
import { startTestServer, TEST_ADMIN_TOKEN, type TestServer } from './harness';

const METRICS_TOKEN = 'metrics-token-for-tests-0123';
const lines: string[] = [];
const sink = new Writable({
  write(chunk, _encoding, done) {
    lines.push(...String(chunk).trim().split('\n'));
    done();
  },
});

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ METRICS_TOKEN }, createLogger('info', sink));
});
afterAll(() => server.close());

describe('request logs', () => {
  it('log request id, operation, duration and role, and never the token, the variables or personal data', async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${TEST_ADMIN_TOKEN}`,
        'x-request-id': 'req-from-proxy-42',
      },
      body: JSON.stringify({
        query:
          'query GridWorkers($code: String!) { grid(code: $code) { worker { name phone } } cases(first: 3) { edges { node { description } } } }',
        variables: { code: '410200-001-001-01' },
      }),
    });
    expect(response.headers.get('x-request-id')).toBe('req-from-proxy-42');
    const body = await response.json();
    const line = lines.map((l) => JSON.parse(l)).find((l) => l.reqId === 'req-from-proxy-42');
    expect(line).toMatchObject({ msg: 'graphql', operation: 'GridWorkers', type: 'query', role: 'ADMIN', level: 30 });
    expect(line.durationMs).toBeGreaterThanOrEqual(0);
    const secrets = [
      TEST_ADMIN_TOKEN,
      '410200-001-001-01',
      body.data.grid.worker.phone,
      body.data.cases.edges[0].node.description,
    ];
    for (const secret of secrets) expect(lines.join('\n')).not.toContain(secret);
  });
});

describe('probes and metrics', () => {
  it('is ready when the database and migrations are', async () => {
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ ready: true, problems: [], degraded: [] });
  });

  /** A second server over the run's database, with its own live events; closed by the caller. */
  async function serverWith(live: LiveEvents, databaseUrl = inject('databaseUrl'), env: Record<string, string> = {}) {
    const db = await connectDatabase(databaseUrl);
    const app = await createServer(readConfig({ DATABASE_URL: databaseUrl, ...env }), db, {
      live,
      logger: createLogger('silent'),
    });
    const url = await app.listen(0, '127.0.0.1');
    return {
      url,
      app,
      async close() {
        await app.close();
        app.httpServer.close();
        await db.$disconnect();
      },
    };
  }

  it('stays ready without Redis, and says live updates are degraded', async () => {
    const redisDown = {
      ...createLocalLiveEvents(),
      ready: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')),
    };
    const other = await serverWith(redisDown);
    const response = await fetch(`${other.url}/readyz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      ready: true,
      problems: [],
      degraded: ['live updates (Redis): connect ECONNREFUSED 127.0.0.1:1'],
    });
    await other.close();
  });

  it('starts with Redis away, and then still delivers changes to its own subscribers', async () => {
    const errors: Error[] = [];
    const live = await createLiveEvents('redis://127.0.0.1:1', (error) => errors.push(error));
    const heard: string[] = [];
    live.subscribe((change) => heard.push(change.gridCode));
    await expect(live.ready()).rejects.toThrow();
    const change = {
      kind: 'CASE_REPORTED' as const,
      communityCode: 'kangle',
      subDistrictCode: 'x',
      gridCode: 'g1',
      at: new Date(),
    };
    await expect(live.publish(change)).rejects.toThrow();
    expect(heard).toEqual(['g1']);
    await expect.poll(() => errors.length).toBeGreaterThan(0);
    await live.close();
  });

  it('reports a committed case as saved when its live update cannot be published', async () => {
    const failing = { ...createLocalLiveEvents(), publish: () => Promise.reject(new Error('Redis is away')) };
    const other = await serverWith(failing);
    const grid = await server.db.grid.findFirstOrThrow({ where: { community: { code: 'xinhua' } } });
    const response = await fetch(`${other.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${TEST_ADMIN_TOKEN}` },
      body: JSON.stringify({
        query: 'mutation($i: ReportCaseInput!) { reportCase(input: $i) { code } }',
        variables: { i: { gridCode: grid.code, category: 'FACILITY', description: '发布失败也应保存' } },
      }),
    });
    const body = await response.json();
    expect(body.errors).toBeUndefined();
    expect(await server.db.case.count({ where: { code: body.data.reportCase.code } })).toBe(1);
    await other.close();
  });

  it('answers 503 SERVICE_UNAVAILABLE with Retry-After while the database is away, and /readyz says so', async () => {
    const other = await serverWith(createLocalLiveEvents(), 'postgresql://postgres@127.0.0.1:1/gone');
    const ask = (headers: Record<string, string> = {}) =>
      fetch(`${other.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query: '{ communities { code } }' }),
      });
    for (const response of [await ask(), await ask({ authorization: `Bearer ${TEST_ADMIN_TOKEN}` })]) {
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect((await response.json()).errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
    }
    expect((await fetch(`${other.url}/readyz`)).status).toBe(503);
    expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    await other.close();
  });

  it('turns /readyz red as soon as shutdown begins, while still answering for SHUTDOWN_GRACE_SECONDS', async () => {
    const other = await serverWith(createLocalLiveEvents(), undefined, { SHUTDOWN_GRACE_SECONDS: '1' });
    expect((await fetch(`${other.url}/readyz`)).status).toBe(200);
    const closing = other.app.close();
    const response = await fetch(`${other.url}/readyz`);
    expect(response.status).toBe(503);
    expect((await response.json()).problems).toEqual(['shutting down']);
    expect((await fetch(`${other.url}/healthz`)).status).toBe(200);
    await closing;
    other.app.httpServer.close();
  });

  it('sends no Referer, forbids framing, sniffing and foreign scripts on every answer', async () => {
    for (const path of ['/', '/graphql', '/healthz']) {
      const response = await fetch(`${server.url}${path}`, { headers: { accept: 'text/html' } });
      expect(response.headers.get('referrer-policy'), path).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      const policy = response.headers.get('content-security-policy')!;
      expect(policy, path).toContain("frame-ancestors 'none'");
      expect(policy, path).toContain("script-src 'self';");
      expect(policy, path).toContain('https://*.tianditu.gov.cn');
    }
  });

  it('counts requests by operation and errors by code, behind METRICS_TOKEN', async () => {
    await server.gql('query MetricsProbe { communities { code } }');
    await server.gql(
      '{ community(code: "kangle") { metric(metric: BACKLOG, from: "2026-05-01T00:00:00Z", to: "2026-01-01T00:00:00Z") { value } } }',
    );
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    const text = await (
      await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    expect(text).toMatch(/gridscope_graphql_request_duration_seconds_count\{operation="MetricsProbe",type="query"\} 1/);
    expect(text).toMatch(/gridscope_graphql_errors_total\{code="BAD_USER_INPUT"\} 1/);
    expect(text).toMatch(/gridscope_websockets_open 0/);
  });
});
