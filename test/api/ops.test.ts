import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../server/src/config';
import { connectDatabase } from '../../server/src/db/client';
import { createLocalLiveEvents } from '../../server/src/live/live-events';
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
    expect(await ready.json()).toEqual({ ready: true, problems: [] });
  });

  it('is not ready, and says why, when live updates cannot be delivered', async () => {
    const databaseUrl = inject('databaseUrl');
    const db = await connectDatabase(databaseUrl);
    const redisDown = {
      ...createLocalLiveEvents(),
      ready: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:1')),
    };
    const broken = await createServer(readConfig({ DATABASE_URL: databaseUrl }), db, {
      live: redisDown,
      logger: createLogger('silent'),
    });
    const url = await broken.listen(0, '127.0.0.1');
    const response = await fetch(`${url}/readyz`);
    expect(response.status).toBe(503);
    expect((await response.json()).problems).toEqual(['live updates (Redis): connect ECONNREFUSED 127.0.0.1:1']);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await broken.close();
    broken.httpServer.close();
    await db.$disconnect();
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
