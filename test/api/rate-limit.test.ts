import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createToken } from '../../server/src/auth/tokens';
import { createLogger } from '../../server/src/observability/logger';
import { REDIS_URL, startTestServer, TEST_ADMIN_TOKEN } from './harness';

const ask = (url: string, headers: Record<string, string> = {}) =>
  fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query: '{ viewer { role } }' }),
  });

it('answers 429 with Retry-After beyond the limit per caller, and counts other callers apart', async () => {
  const server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '10' });
  try {
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await ask(server.url)).status);
    expect(statuses).toEqual([...Array(10).fill(200), 429]);
    const refused = await ask(server.url);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await refused.json()).errors[0].extensions.code).toBe('RATE_LIMITED');
    expect((await ask(server.url, { authorization: `Bearer ${TEST_ADMIN_TOKEN}` })).status).toBe(200);
  } finally {
    await server.close();
  }
});

it('slows down guessing tokens from one address, and logs each failure', async () => {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const server = await startTestServer({ RATE_LIMIT_PER_MINUTE: '10' }, createLogger('info', sink));
  try {
    const statuses = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await ask(server.url, { authorization: `Bearer guess-${i}-0123456789` })).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429]);
    expect(lines.filter((line) => line.includes('authentication failed'))).toHaveLength(7);
    expect(lines.join('')).not.toContain('guess-');
  } finally {
    await server.close();
  }
});

it('shares the counts between instances through Redis', async () => {
  const env = { RATE_LIMIT_PER_MINUTE: '10', REDIS_URL };
  const [a, b] = [await startTestServer(env), await startTestServer(env)];
  try {
    // A caller of its own: the counts in Redis outlive the test, and other files use the admin token.
    const { token } = await createToken(a.db, { name: `rate limit ${Date.now()}`, role: 'ANALYST' });
    const caller = { authorization: `Bearer ${token}` };
    const statuses = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask(a.url, caller)).status, (await ask(b.url, caller)).status);
    expect(statuses.filter((s) => s === 429).length).toBe(2);
  } finally {
    await a.close();
    await b.close();
  }
});
